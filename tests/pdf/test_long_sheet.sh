# A very long procedure (60 steps, 40 documents), imported from a bundle with
# `motcua import` and written with `motcua pdf`, makes a multi-page sheet the
# way a citizen expects it: the page count, the documents table's header row
# on every page the table continues on, "Trang N/M" on every page, no word
# outside the 20 mm margins, and a QR code that a phone reads back as the
# procedure's URL. Also the exit codes.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/bundle_long.sh"
export TZ=UTC

for tool in pdftotext pdfinfo pdftoppm zbarimg; do
	command -v $tool >/dev/null || { echo "FAIL: $tool is not installed" >&2; exit 1; }
done

pages_of() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
page_text() { pdftotext -enc UTF-8 -f "$2" -l "$2" "$1" - 2>/dev/null; }

# QR_PAGE PDF URL — the page with the URL's QR code decodes to URL.
check_qr() {
	local pdf=$1 url=$2 what=$3 n pg got
	n=$(pages_of "$pdf")
	for pg in $(seq 1 "$n"); do
		if page_text "$pdf" "$pg" | grep -q "Đường dẫn dịch vụ công"; then
			pdftoppm -r 200 -png -f "$pg" -l "$pg" "$pdf" "$TMP/qr" 2>/dev/null
			got=$(zbarimg -q --raw "$TMP"/qr-*.png 2>/dev/null)
			rm -f "$TMP"/qr-*.png
			[ "$got" = "$url" ] || fail "$what: QR code on page $pg reads '$got', want '$url'"
			return
		fi
	done
	fail "$what: no page with the online-service address"
}

# 1. A sheet of the sample catalogue, to use as the bundle's blank form.
MOTCUA_STORE="$TMP/sample" run 0 pdf 1.001193 -o "$TMP/sample.pdf"
[ -s "$TMP/sample.pdf" ] || fail "no sample sheet"

# 2. The long procedure, through the real import.
write_long_bundle "$TMP/bundle" "$TMP/sample.pdf"
run 0 import "$TMP/bundle"
run 0 pdf "$LONG_CODE" -o "$TMP/long.pdf"
pages=$(pages_of "$TMP/long.pdf")
# The 60 one-line steps (17.2 pt each) take a page and a half under the
# heading block, the 44 one-line rows of the table (19.7 pt each, with the
# header row again on each new page) most of two more, and the form list,
# deadline, fees and QR code the top of the fourth page.
[ "$pages" = 4 ] || fail "the long sheet has $pages pages, want 4"

all=$(pdftotext -enc UTF-8 "$TMP/long.pdf" - 2>/dev/null)
expect_in "$all" "UBND XÃ THỬ NGHIỆM" "unit name, upper case, in the heading block"
expect_in "$all" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "national name"
expect_in "$all" "Độc lập - Tự do - Hạnh phúc" "motto"
expect_in "$all" "HƯỚNG DẪN THỰC HIỆN THỦ TỤC HÀNH CHÍNH" "title"
expect_in "$all" "Mã thủ tục: $LONG_CODE" "code line"
expect_in "$all" "Bước 60." "steps numbered"
expect_in "$all" "Mẫu số 1" "the form column points at the form"

table_pages=0
for pg in $(seq 1 "$pages"); do
	t=$(page_text "$TMP/long.pdf" "$pg")
	expect_in "$t" "Trang $pg/$pages" "page $pg number"
	expect_in "$t" "In lúc " "page $pg print time"
	expect_in "$t" "$HOTLINE_PHONE" "page $pg hotline"
	if printf '%s' "$t" | grep -q "Giấy tờ số [0-9]* của"; then
		table_pages=$((table_pages + 1))
		expect_in "$t" "Tên giấy tờ" "page $pg: documents table header row"
		expect_in "$t" "Số lượng" "page $pg: documents table header row"
	fi
done
[ "$table_pages" -ge 2 ] || fail "the documents table is on $table_pages page(s), want it to continue"
# Every document row is there, once.
for i in 1 20 21 40; do
	c=$(printf '%s' "$all" | grep -c "Giấy tờ số $i của")
	[ "$c" = 1 ] || fail "document $i appears $c times"
done

# No word outside the margins: 20 mm = 56.69 pt of A4's 595.28 × 841.89.
bad=$(pdftotext -bbox "$TMP/long.pdf" - 2>/dev/null | awk -F'"' '/<word / {
	words++
	if ($2 < 56.69 || $6 > 538.59 || $4 < 56.69 || $8 > 785.20) { bad++; if (bad < 4) print }
} END { if (!words) print "no words at all" }')
[ -z "$bad" ] || fail "words outside the margins: $bad"

check_qr "$TMP/long.pdf" "$LONG_URL" "long sheet"

# 3. Exit codes: an unknown code is invalid input (1), and writes nothing;
# a missing argument is a usage error (2); an unwritable file is I/O (3).
run 1 pdf 0.000000 -o "$TMP/none.pdf"
expect_in "$ERR" "0.000000" "unknown code message"
[ ! -e "$TMP/none.pdf" ] || fail "a sheet was written for an unknown code"
run 2 pdf "$LONG_CODE"
run 3 pdf "$LONG_CODE" -o "$TMP/no/such/dir/x.pdf"
expect_in "$ERR" "$TMP/no/such/dir/x.pdf" "unwritable file message"
finish
