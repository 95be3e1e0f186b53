#!/usr/bin/env bash
# The kiosk prints in the citizen's content language (issue 12.4), through
# the real cups-pdf queue of tests/print/setup-cups.sh (suite 'print'; skips
# without it). A bundle with test data only (tests/fixtures/langs/dich/hmn);
# the citizen opens a procedure, chooses Hmoob, prints the summary and the
# full guide. What came out of the printer is, page for page, the paper
# `motcua pdf CODE --lang hmn [--summary]` makes (test_sheet_lang.sh reads
# that one back as text), and not the Vietnamese sheet: cups-pdf's output
# cannot be read back as text (tests/print/pages.sh says why).
. "$MOTCUA_SRC/tests/cli/lib.sh"
. "$MOTCUA_SRC/tests/print/pages.sh"
QUEUE=${MOTCUA_TEST_QUEUE:-motcua-test}
OUTDIR=${MOTCUA_CUPS_PDF_OUT:-/var/spool/cups-pdf/motcua}
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
	echo "SKIP: no CUPS scheduler is reachable (run tests/print/setup-cups.sh as root)"
	exit 77
fi
if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
	echo "SKIP: no CUPS queue $QUEUE (run tests/print/setup-cups.sh as root)"
	exit 77
fi
need pdftoppm pdfinfo python3
export SDL_VIDEODRIVER=offscreen MOTCUA_LANG=vi
CODE=1.001193
printf '[kiosk]\nprinter = %s\nmax_prints = 5\n' "$QUEUE" > "$MOTCUA_CONFIG"

B="$TMP/bundle"
cp -r "$SAMPLE" "$B"
cp -r "$FIX/langs/dich" "$B/"
sed -i 's/^phien_ban *=.*/phien_ban = 99/' "$B/bundle.ini"
run 0 import "$B"
run 0 pdf "$CODE" --lang hmn -o "$TMP/hmn.pdf"
run 0 pdf "$CODE" --lang hmn --summary -o "$TMP/hmn-summary.pdf"
run 0 pdf "$CODE" -o "$TMP/vi.pdf"
run 0 pdf "$CODE" --summary -o "$TMP/vi-summary.pdf"

pages_of() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
title_of() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Title: *(\{0,1\}\([^)]*\))\{0,1\}$/\1/p'; }
# The PDF cups-pdf wrote for job $1 (job_ID-TITLE.pdf), once it is there.
job_pdf() {
	local f i
	for i in $(seq 1 50); do
		f=$(ls "$OUTDIR"/job_"$1"-*.pdf 2>/dev/null | head -n 1)
		[ -n "$f" ] && { echo "$f"; return 0; }
		sleep 0.1
	done
	return 1
}
# expect_job ID TITLE EXPECTED_PDF VIETNAMESE_PDF WHAT
expect_job() {
	local f
	f=$(job_pdf "$1") || { fail "$5: job $1 left no PDF in $OUTDIR"; return; }
	[ "$(title_of "$f")" = "$2" ] || fail "$5: job $1 is titled '$(title_of "$f")', want '$2'"
	expect_document "$f" "$3" "$5: job $1, the H'Mông paper"
	expect_other_document "$f" "$4" "$5: job $1 against the Vietnamese paper"
	rm -f "$f"
}

size=1920x1080
shots="$TMP/shots"
[ -n "${MOTCUA_SHOTS:-}" ] && shots="$MOTCUA_SHOTS/print-lang-$size"
KERR="$TMP/kiosk.err"
"$MOTCUA_BIN" kiosk --headless --size "$size" --check-layout \
	--script "$MOTCUA_SRC/tests/ui/print-lang.script" --shots "$shots" 2>"$KERR" ||
	{ fail "print-lang.script exited $?"; sed 's/^/  kiosk: /' "$KERR" | head -20 >&2; }
set -- $(sed -n 's/^motcua: [^0-9]*\([0-9][0-9]*\) .*/\1/p' "$KERR")
if [ "$#" = 2 ]; then
	expect_job "$1" "$CODE-summary" "$TMP/hmn-summary.pdf" "$TMP/vi-summary.pdf" "the summary"
	expect_job "$2" "$CODE" "$TMP/hmn.pdf" "$TMP/vi.pdf" "the full guide"
else
	fail "the kiosk sent $# job(s), want 2"
fi
finish
