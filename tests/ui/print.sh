#!/usr/bin/env bash
# Printing from the kiosk through a real CUPS queue (suite 'print'): the
# headless kiosk runs the print*.script files against the cups-pdf queue
# that tests/print/setup-cups.sh creates, with --check-layout, in landscape
# and portrait. Besides what the scripts assert on screen, this checks what
# came out of the "printer": one PDF per print, titled with the procedure's
# code, showing the sheet (or the blank form) page for page
# (tests/print/pages.sh); and that a job that could not print was withdrawn. Skips (77) when no CUPS scheduler or queue is reachable.
. "$MOTCUA_SRC/tests/cli/lib.sh"
. "$MOTCUA_SRC/tests/print/pages.sh"
QUEUE=${MOTCUA_TEST_QUEUE:-motcua-test}
NOPAPER=${MOTCUA_TEST_NOPAPER_QUEUE:-motcua-nopaper}
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
trap 'cupsenable "$QUEUE" 2>/dev/null; cupsenable "$NOPAPER" 2>/dev/null; rm -rf "$TMP"' EXIT
export SDL_VIDEODRIVER=offscreen MOTCUA_LANG=vi
UI="$MOTCUA_SRC/tests/ui"

conf() { # PRINTER [MAX_PRINTS]
	printf '[kiosk]\nprinter = %s\nmax_prints = %s\n' "$1" "${2:-5}" > "$MOTCUA_CONFIG"
}

# kiosk NAME SIZE — runs NAME.script; the kiosk's stderr is in $KERR.
kiosk() {
	local name=$1 size=$2 shots="$TMP/shots/$1-$2"
	[ -n "${MOTCUA_SHOTS:-}" ] && shots="$MOTCUA_SHOTS/$1-$2"
	KERR="$TMP/$name-$size.err"
	"$MOTCUA_BIN" kiosk --headless --size "$size" --check-layout --script "$UI/$name.script" \
		--shots "$shots" 2>"$KERR"
	local rc=$?
	if [ "$rc" != 0 ]; then
		fail "$name.script at $size exited $rc"
		sed 's/^/  kiosk: /' "$KERR" | head -20 >&2
	fi
}

# The CUPS job ids the kiosk logged, one a line.
jobs_of() { sed -n 's/^motcua: [^0-9]*\([0-9][0-9]*\) .*/\1/p' "$KERR"; }

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

# What came out of the printer cannot be read back as text: cups-pdf runs
# it through Ghostscript's ps2write, which turns the fonts into Type 3 with
# a broken ToUnicode map. So a printed job is identified by its title (the
# kiosk names jobs CODE, CODE-summary or CODE-form-N) and checked against the
# document it should be: the same pages as that sheet or form, rendered and compared.
pages_of() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
title_of() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Title: *(\{0,1\}\([^)]*\))\{0,1\}$/\1/p'; }

# expect_job ID TITLE EXPECTED_PDF WHAT — keeps the job's PDF as $PRINTED.
expect_job() {
	local f
	f=$(job_pdf "$1") || { fail "$4: job $1 left no PDF in $OUTDIR"; return; }
	[ "$(title_of "$f")" = "$2" ] || fail "$4: job $1 is titled '$(title_of "$f")', want '$2'"
	[ "$(pages_of "$f")" = "$(pages_of "$3")" ] ||
		fail "$4: job $1 has $(pages_of "$f") page(s), want $(pages_of "$3")"
	expect_document "$f" "$3" "$4: job $1"
	PRINTED="$TMP/printed-$1.pdf"
	mv "$f" "$PRINTED"
}

# expect_jobs WANT TITLE EXPECTED_PDF WHAT — the run sent WANT jobs, all of that document.
expect_jobs() {
	local ids n=0 id
	ids=$(jobs_of)
	for id in $ids; do
		n=$((n + 1))
		expect_job "$id" "$2" "$3" "$4"
	done
	[ "$n" = "$1" ] || fail "$4: the kiosk sent $n job(s), want $1"
}

run 0 show 1.001193 # fills the store from the sample
expect_in "$OUT" "Thủ tục đăng ký khai sinh" "the procedure printed"
run 0 pdf 1.001193 -o "$TMP/sheet.pdf"
run 0 pdf 1.001193 --summary -o "$TMP/summary.pdf"
# Another procedure's sheet with as many pages: a wrong document.
run 0 pdf 2.000806 -o "$TMP/other.pdf"
[ "$(pages_of "$TMP/other.pdf")" = "$(pages_of "$TMP/sheet.pdf")" ] ||
	fail "the sample sheets 2.000806 and 1.001193 no longer have as many pages: pick another pair"

for size in 1920x1080 1080x1920; do
	# 1. A sheet: "preparing", "printing", "printed"; the PDF has the name.
	conf "$QUEUE"
	kiosk print "$size"
	expect_jobs 1 1.001193 "$TMP/sheet.pdf" "sheet at $size"
	expect_other_document "$PRINTED" "$TMP/other.pdf" "sheet at $size against another sheet"

	# 2. A stopped queue: the paused message, and no job left to come out later.
	if cupsdisable "$QUEUE"; then
		kiosk print-stopped "$size"
		left=$(lpstat -o "$QUEUE" 2>/dev/null)
		[ -z "$left" ] || fail "a job stayed queued on the stopped printer: $left"
		cupsenable "$QUEUE"
	else
		fail "cannot stop $QUEUE with cupsdisable (run the print tests as root or in lpadmin)"
	fi

	# 3. Out of paper.
	if lpstat -p "$NOPAPER" >/dev/null 2>&1; then
		cupsenable "$NOPAPER"
		conf "$NOPAPER"
		kiosk print-nopaper "$size"
		left=$(lpstat -o "$NOPAPER" 2>/dev/null)
		[ -z "$left" ] || fail "a job stayed queued on the printer without paper: $left"
		cupsenable "$NOPAPER"
	else
		fail "no queue $NOPAPER: run tests/print/setup-cups.sh as root"
	fi

	# 4. Two prints a session, a summary and a full guide: the third is
	# refused, the next citizen prints (a full guide).
	conf "$QUEUE" 2
	kiosk print-limit "$size"
	set -- $(jobs_of)
	if [ "$#" = 3 ]; then
		expect_job "$1" 1.001193-summary "$TMP/summary.pdf" "limit at $size: the summary"
		expect_job "$2" 1.001193 "$TMP/sheet.pdf" "limit at $size: the full guide"
		expect_job "$3" 1.001193 "$TMP/sheet.pdf" "limit at $size: the next citizen"
	else
		fail "limit at $size: the kiosk sent $# job(s), want 3"
	fi

	# 5. The first choice, the one-page summary: one job of one page.
	conf "$QUEUE"
	kiosk print-summary "$size"
	expect_jobs 1 1.001193-summary "$TMP/summary.pdf" "summary at $size"
done
[ "$(pages_of "$TMP/sheet.pdf")" -gt 1 ] || fail "the full sheet of 1.001193 has $(pages_of "$TMP/sheet.pdf") page(s): the summary test needs a longer one"

# 5. Blank forms, from a bundle that has them: two forms of different
# lengths, so that the one printed is known by its pages.
MOTCUA_STORE="$TMP/sample" run 0 pdf 1.001193 -o "$TMP/form1.pdf"
MOTCUA_STORE="$TMP/sample" run 0 pdf 1.000419 -o "$TMP/form2.pdf"
[ "$(pages_of "$TMP/form1.pdf")" != "$(pages_of "$TMP/form2.pdf")" ] ||
	fail "the two test forms have the same number of pages"
B="$TMP/bundle"
mkdir -p "$B/forms"
cp "$TMP/form1.pdf" "$B/forms/to_khai.pdf"
cp "$TMP/form2.pdf" "$B/forms/phu_luc.pdf"
cat > "$B/bundle.ini" <<-EOB
don_vi = UBND xã Thử Nghiệm
phien_ban = 99
ngay_ban_hanh = 01/01/2026
nguoi_lap = Bộ kiểm thử motcua
EOB
{
	echo 'ma_thu_tuc,ten_thu_tuc,linh_vuc,trinh_tu,thanh_phan_ho_so,thoi_han,mau_don'
	printf '%s,%s,%s,%s,%s,%s,"%s"\n' 9.999101 "Thủ tục thử nghiệm có hai mẫu đơn" "Hộ tịch" \
		"Nộp hồ sơ." "Tờ khai | 01 bản chính" "Ngay trong ngày" \
		"Tờ khai thứ nhất | forms/to_khai.pdf"$'\n'"Phụ lục thứ hai | forms/phu_luc.pdf"
	printf '%s,%s,%s,%s,%s,%s,"%s"\n' 9.999102 "Thủ tục thử nghiệm có một mẫu đơn" "Hộ tịch" \
		"Nộp hồ sơ." "Tờ khai | 01 bản chính" "Ngay trong ngày" "Tờ khai thứ nhất | forms/to_khai.pdf"
} > "$B/procedures.csv"
printf 'co_quan,dien_thoai,thu_tu\nUBND xã Thử Nghiệm,0212 3866 123,1\n' > "$B/hotlines.csv"
run 0 import "$B"
conf "$QUEUE"
for size in 1920x1080 1080x1920; do
	kiosk print-form "$size"
	set -- $(jobs_of)
	if [ "$#" = 2 ]; then
		expect_job "$1" 9.999101-form-2 "$TMP/form2.pdf" "the second form, chosen from the list at $size"
		expect_job "$2" 9.999102-form-1 "$TMP/form1.pdf" "the only form, printed at once at $size"
	else
		fail "forms at $size: the kiosk sent $# job(s), want 2"
	fi
	# The same by the keypad alone, every step said (print-keypad.script).
	kiosk print-keypad "$size"
	set -- $(jobs_of)
	if [ "$#" = 1 ]; then
		expect_job "$1" 9.999101-form-2 "$TMP/form2.pdf" "the second form, chosen by keys at $size"
	else
		fail "forms by keys at $size: the kiosk sent $# job(s), want 1"
	fi
done
finish
