# motcua dossier import / show (issue 13.1): a good ho_so.csv installs and
# `dossier show CODE` prints the status in plain words, the due date and
# "quá hạn N ngày"; a list with any kind of error, or a column of personal
# data, is refused with FILE:LINE and the installed list is kept; the
# catalogue is never touched. The codes are made up (test data).
. "$(dirname "$0")/lib.sh"
CAT="$MOTCUA_STORE/catalog.sqlite"

d() { date -d "$1" +%d/%m/%Y; } # a date relative to today, dd/mm/yyyy
H='ma_ho_so,ma_thu_tuc,ngay_nhan,ngay_hen_tra,trang_thai,ghi_chu'

# A good list, with Vietnamese headings, ';' (Excel in a Vietnamese
# locale), a BOM, CRLF, statuses in any case and without diacritics.
printf '\xef\xbb\xbfMã hồ sơ;Mã thủ tục;Ngày nhận;Ngày hẹn trả;Trạng thái;Ghi chú\r\n' > "$TMP/ho_so.csv"
{
	printf 'TEST-0001-LATE;1.001193;%s;%s;Đang xử lý;\r\n' "$(d '-10 days')" "$(d '-3 days')"
	printf 'TEST-0002-PAPERS;1.001193;%s;%s;cho bo sung;"Bản sao giấy chứng sinh\r\nTờ khai có chữ ký"\r\n' \
		"$(d '-2 days')" "$(d '+5 days')"
	printf 'TEST-0003-READY;1.001193;%s;%s;ĐÃ CÓ KẾT QUẢ;\r\n' "$(d '-4 days')" "$(d '-1 days')"
	printf 'TEST-0004-PAUSED;1.001193;%s;%s;chờ bổ sung;\r\n' "$(d '-20 days')" "$(d '-6 days')"
} >> "$TMP/ho_so.csv"
run 0 import "$SAMPLE"
cp "$CAT" "$TMP/catalog.before"
run 0 dossier import "$TMP/ho_so.csv"
expect_in "$OUT" "4 dossiers" "a good list installs"
cmp -s "$CAT" "$TMP/catalog.before" || fail "installing a dossier list changed the catalogue file"
[ -f "$MOTCUA_STORE/dossiers.sqlite" ] || fail "no STORE/dossiers.sqlite after an install"

run 0 dossier show TEST-0001-LATE
expect_in "$OUT" "Status: Being processed" "show prints the status in plain words"
expect_in "$OUT" "Due on: $(d '-3 days')" "show prints the due date"
expect_in "$OUT" "Overdue by 3 days" "a dossier 3 days past its due date"
expect_in "$OUT" "Thủ tục đăng ký khai sinh" "show names the procedure from the catalogue"
# Typed without the punctuation and in lower case, as on the kiosk's keyboard.
run 0 dossier show test0001late
expect_in "$OUT" "Dossier: TEST-0001-LATE" "the code matched without case or punctuation"
MOTCUA_LANG=vi run 0 dossier show TEST-0001-LATE
expect_in "$OUT" "Quá hạn 3 ngày" "Vietnamese: quá hạn N ngày"
expect_in "$OUT" "Đang xử lý" "Vietnamese status"
run 0 dossier show TEST-0002-PAPERS
expect_in "$OUT" "More papers needed" "chờ bổ sung in plain words"
expect_in "$OUT" "Please bring: Bản sao giấy chứng sinh" "what to bring, from ghi_chu"
expect_in "$OUT" "Tờ khai có chữ ký" "the second line of the note"
expect_not_in "$OUT" "Overdue" "a dossier within its time"
run 0 dossier show TEST-0003-READY
expect_in "$OUT" "The result is ready" "đã có kết quả"
expect_not_in "$OUT" "Overdue" "a result ready is not overdue"
run 0 dossier show TEST-0004-PAUSED
expect_not_in "$OUT" "Overdue" "waiting for the citizen's papers is not the office's delay"
run 1 dossier show TEST-9999
expect_in "$ERR" "no dossier with receipt code 'TEST-9999'" "an unknown code"
cp "$MOTCUA_STORE/dossiers.sqlite" "$TMP/dossiers.good"

# refused LIST_BODY LINE MESSAGE WHAT — a list that must be refused, with
# its problem at ho_so.csv:LINE, and the installed list kept.
refused() {
	printf '%s\n%s\n' "$H" "$1" > "$TMP/bad/ho_so.csv"
	run 1 dossier import "$TMP/bad/ho_so.csv"
	expect_in "$ERR" "ho_so.csv:$2: error: $3" "$4"
	expect_in "$ERR" "the dossier list was not changed" "$4: says nothing changed"
	cmp -s "$MOTCUA_STORE/dossiers.sqlite" "$TMP/dossiers.good" || fail "$4: the installed list changed"
}
mkdir -p "$TMP/bad"
GOOD="TEST-0100,1.001193,01/12/2026,05/12/2026,đang xử lý,"
refused "$GOOD
TEST-0101,1.001193,31/02/2026,05/03/2026,đang xử lý," 3 "'Ngày nhận' (ngay_nhan): '31/02/2026' is not a real date" "a date that does not exist"
refused "TEST-0102,1.001193,01/12/2026,2026-12-05,đang xử lý," 2 "'Ngày hẹn trả' (ngay_hen_tra): '2026-12-05' is not a real date" "a date not dd/mm/yyyy"
refused "TEST-0103,1.001193,10/12/2026,05/12/2026,đang xử lý," 2 "dossier TEST-0103: the due date 05/12/2026 is before the date it was received" "due before received"
refused "TEST-0104,1.001193,01/12/2026,05/12/2026,đã xong," 2 "'Trạng thái' (trang_thai): 'đã xong' is not one of" "an unknown status"
refused "$GOOD
TEST-0100,1.001193,02/12/2026,06/12/2026,đã tiếp nhận," 3 "receipt code TEST0100 appears twice (first on line 2)" "a duplicate code"
refused "test.0100,1.001193,02/12/2026,06/12/2026,đã tiếp nhận,
$GOOD" 3 "receipt code TEST0100 appears twice (first on line 2)" "a duplicate code written otherwise"
refused "TEST-0105,1.001193,,05/12/2026,đang xử lý," 2 "'Ngày nhận' (ngay_nhan) is required but empty" "an empty required cell"
refused "TEST 0106 <x>,1.001193,01/12/2026,05/12/2026,đang xử lý," 2 "'TEST 0106 <x>' is not a receipt code" "a code with other characters"
refused "TEST-0107,1.001193,01/12/2026,05/12/2026,\"đang xử lý,
" 2 "a quoted cell starts here and is never closed" "a broken quote"
# A missing column: the header line.
printf 'ma_ho_so,ma_thu_tuc,ngay_nhan,trang_thai\nTEST-0108,1.001193,01/12/2026,đang xử lý\n' > "$TMP/bad/ho_so.csv"
run 1 dossier import "$TMP/bad/ho_so.csv"
expect_in "$ERR" "ho_so.csv:1: error: required column 'Ngày hẹn trả' (ngay_hen_tra) is missing" "a missing column"
# Not UTF-8 (Excel's plain CSV on Windows): the line of the first bad byte.
printf '%s\nTEST-0109,1.001193,01/12/2026,05/12/2026,\xd0ang x\xf2 l\xfd,\n' "$H" > "$TMP/bad/ho_so.csv"
run 1 dossier import "$TMP/bad/ho_so.csv"
expect_in "$ERR" "ho_so.csv:2: error: this line is not UTF-8 text" "a Windows-1258 file"
# Every problem is listed, not only the first.
printf '%s\nTEST-0110,1.001193,32/12/2026,05/12/2026,đang xử lý,\nTEST-0111,1.001193,01/12/2026,05/12/2026,xong,\n' "$H" > "$TMP/bad/ho_so.csv"
run 1 dossier import "$TMP/bad/ho_so.csv"
expect_in "$ERR" "ho_so.csv:2: error:" "all problems: the first"
expect_in "$ERR" "ho_so.csv:3: error:" "all problems: the second"
cmp -s "$MOTCUA_STORE/dossiers.sqlite" "$TMP/dossiers.good" || fail "a refused list changed the installed one"

# Personal data: a column of names, ID numbers, phones or addresses is
# refused, whatever its heading's language.
for col in "Họ tên" "ho_ten" "Tên" "Số CCCD" "cmnd" "so_dien_thoai" "Điện thoại" "Địa chỉ" "email"; do
	printf '%s,%s\nTEST-0200,1.001193,01/12/2026,05/12/2026,đang xử lý,,Nguyễn Văn A\n' "$H" "$col" \
		> "$TMP/bad/ho_so.csv"
	run 1 dossier import "$TMP/bad/ho_so.csv"
	expect_in "$ERR" "ho_so.csv:1: error: column '$col' holds personal data" "a column '$col'"
	cmp -s "$MOTCUA_STORE/dossiers.sqlite" "$TMP/dossiers.good" || fail "a list with '$col' was installed"
done
MOTCUA_LANG=vi run 1 dossier import "$TMP/bad/ho_so.csv"
expect_in "$ERR" "ho_so.csv:1: lỗi:" "Vietnamese: FILE:LINE: lỗi"

# A file that is a link, or no file, is refused; the list is kept.
ln -s "$TMP/ho_so.csv" "$TMP/bad/link.csv"
run 1 dossier import "$TMP/bad/link.csv"
expect_in "$ERR" "link.csv: error: is a symbolic link" "a symbolic link"
run 1 dossier import "$TMP/bad/missing.csv"
cmp -s "$MOTCUA_STORE/dossiers.sqlite" "$TMP/dossiers.good" || fail "a missing file changed the installed list"

# An unknown procedure code and an unknown column are warnings: installed.
printf '%s,ghi chu 2\nTEST-0300,9.999999,01/12/2026,05/12/2026,đã trả kết quả,,x\n' "$H" > "$TMP/warn.csv"
run 0 dossier import "$TMP/warn.csv"
expect_in "$ERR" "warn.csv:2: warning: dossier TEST-0300: there is no procedure with code '9.999999'" "unknown procedure: a warning"
expect_in "$ERR" "warn.csv:1: warning: unknown column 'ghi chu 2'" "unknown column: a warning"
run 0 dossier show TEST-0300
expect_in "$OUT" "handed over" "the new list replaced the old"
run 1 dossier show TEST-0001-LATE
cmp -s "$CAT" "$TMP/catalog.before" || fail "dossier imports changed the catalogue file"
run 0 show 1.001193

# The README puts ho_so.csv beside the bundle on the stick: the catalogue's
# check and import take it as the dossier list, not an unknown file.
cp -r "$SAMPLE" "$TMP/stick"
cp "$TMP/ho_so.csv" "$TMP/stick/"
run 0 check --allow-downgrade "$TMP/stick"
expect_not_in "$ERR" "ho_so.csv" "check of a bundle with the dossier list beside it"

# Usage.
run 2 dossier
run 2 dossier list x
run 0 dossier --help
expect_in "$OUT" "dossier import FILE" "dossier --help"
finish
