# `motcua print` against a real CUPS queue: the cups-pdf queue motcua-test
# that tests/print/setup-cups.sh creates (run it as root first; .ci/run does).
# The job completes and the PDF that comes out of the "printer" shows the
# sheet, page for page (tests/print/pages.sh); a blank form of the bundle prints the same way; the
# configured printer is used when --printer is not given; a stopped queue, a
# printer out of paper and an unknown printer are reported in plain words
# with exit status 3, and the job that cannot print is withdrawn. Skips (77) when no cupsd or queue is reachable.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/bundle_long.sh"
. "$(dirname "$0")/../print/pages.sh"
need pdftoppm pdfinfo python3

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

pages_of() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

# The file cups-pdf wrote for job $1 (named job_ID-TITLE.pdf by setup-cups.sh).
job_output() {
	local f i
	for i in $(seq 1 50); do
		f=$(ls "$OUTDIR"/job_"$1"-*.pdf 2>/dev/null | head -n 1)
		[ -n "$f" ] && { echo "$f"; return; }
		sleep 0.1
	done
}

# print_ok WHAT EXPECTED_PDF ARGS... — prints, checks the job's output file
# against the PDF it should show; keeps it as $PRINTED.
print_ok() {
	local what=$1 want=$2 job out; shift 2
	run 0 print "$@"
	expect_in "$OUT" "printed on $QUEUE" "$what: success message"
	job=$(printf '%s' "$OUT" | sed -n 's/.*(job \([0-9]*\)).*/\1/p')
	[ -n "$job" ] || { fail "$what: no job number in '$OUT'"; return; }
	out=$(job_output "$job")
	[ -n "$out" ] || { fail "$what: job $job left no PDF in $OUTDIR"; return; }
	[ "$(pages_of "$out")" = "$(pages_of "$want")" ] ||
		fail "$what: the printed PDF $out has $(pages_of "$out") pages, want $(pages_of "$want")"
	expect_document "$out" "$want" "$what"
	PRINTED="$TMP/printed-$job.pdf"
	mv "$out" "$PRINTED"
}

# The same bundle as the pdf test: a long sheet, and a blank form to print.
MOTCUA_STORE="$TMP/sample" run 0 pdf 1.001193 -o "$TMP/form.pdf"
write_long_bundle "$TMP/bundle" "$TMP/form.pdf"
run 0 import "$TMP/bundle"
run 0 pdf "$LONG_CODE" -o "$TMP/long.pdf"
run 0 pdf "$SHORT_CODE" -o "$TMP/short.pdf"
# Another procedure's sheet with as many pages as the form (both sample
# sheets): what a wrong document looks like.
MOTCUA_STORE="$TMP/sample" run 0 pdf 2.000806 -o "$TMP/other.pdf"
[ "$(pages_of "$TMP/other.pdf")" = "$(pages_of "$TMP/form.pdf")" ] ||
	fail "the sample sheets 2.000806 and 1.001193 no longer have as many pages: pick another pair"

# 1. A sheet and a blank form, to the named queue.
print_ok "sheet" "$TMP/long.pdf" "$LONG_CODE" --printer "$QUEUE"
print_ok "form 1" "$TMP/form.pdf" "$LONG_CODE" --form 1 --printer "$QUEUE"
# The comparison tells a wrong document with as many pages apart.
expect_other_document "$PRINTED" "$TMP/other.pdf" "form 1 against another sheet"
# The one-page summary of the same long procedure (issue 15 item 5).
run 0 pdf "$LONG_CODE" --summary -o "$TMP/summary.pdf"
[ "$(pages_of "$TMP/summary.pdf")" = 1 ] || fail "the summary has $(pages_of "$TMP/summary.pdf") page(s), want 1"
[ "$(pages_of "$TMP/long.pdf")" -gt 1 ] || fail "the long sheet has $(pages_of "$TMP/long.pdf") page(s), want more than 1"
print_ok "summary" "$TMP/summary.pdf" "$LONG_CODE" --summary --printer "$QUEUE"
run 2 print "$LONG_CODE" --summary --form 1 --printer "$QUEUE"
# 2. The configured printer when no --printer is given.
printf '[kiosk]\nprinter = %s\n' "$QUEUE" > "$MOTCUA_CONFIG"
print_ok "configured printer" "$TMP/short.pdf" "$SHORT_CODE"
: > "$MOTCUA_CONFIG"

# 3. Bad requests change nothing and print nothing.
run 1 print 0.000000 --printer "$QUEUE"
run 1 print "$LONG_CODE" --form 2 --printer "$QUEUE"
expect_in "$ERR" "no form 2" "form out of range"
run 2 print

# 4. An unknown printer.
run 3 print "$SHORT_CODE" --printer no-such-printer-motcua
expect_in "$ERR" 'No printer named "no-such-printer-motcua"' "unknown printer message"

# 5. A stopped queue: the plain-words reason, exit 3, and no job left behind
# to come out later. The queue is enabled again whatever happens.
if cupsdisable "$QUEUE" 2>/dev/null; then
	trap 'cupsenable "$QUEUE" 2>/dev/null; rm -rf "$TMP"' EXIT
	run 3 print "$SHORT_CODE" --printer "$QUEUE"
	expect_in "$ERR" "The printer is paused" "stopped queue message"
	left=$(lpstat -o "$QUEUE" 2>/dev/null)
	[ -z "$left" ] || fail "a job stayed queued on the stopped printer: $left"
	cupsenable "$QUEUE"
	print_ok "after re-enabling" "$TMP/short.pdf" "$SHORT_CODE" --printer "$QUEUE"
else
	fail "cannot stop $QUEUE with cupsdisable (run the print tests as root or in lpadmin)"
fi

# 6. A printer out of paper (setup-cups.sh's motcua-nopaper: its backend
# reports media-empty and CUPS stops the queue, as with a real printer).
NOPAPER=${MOTCUA_TEST_NOPAPER_QUEUE:-motcua-nopaper}
if lpstat -p "$NOPAPER" >/dev/null 2>&1; then
	trap 'cupsenable "$QUEUE" 2>/dev/null; cupsenable "$NOPAPER" 2>/dev/null; rm -rf "$TMP"' EXIT
	run 3 print "$SHORT_CODE" --printer "$NOPAPER"
	expect_in "$ERR" "The printer is out of paper" "out-of-paper message"
	left=$(lpstat -o "$NOPAPER" 2>/dev/null)
	[ -z "$left" ] || fail "a job stayed queued on the printer without paper: $left"
	cupsenable "$NOPAPER"
else
	fail "no queue $NOPAPER: run tests/print/setup-cups.sh as root"
fi
finish
