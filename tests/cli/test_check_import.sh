# motcua check / import with good and broken bundles, through the real binary.
#
# Broken bundles are the good fixture with one change each (made here with
# sed/printf); every one must exit 1, name the file and line to fix, and leave
# the installed catalogue byte for byte as it was.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/check_lib.sh"

# --- a good bundle: check shows what would change, import installs it ---
run 0 check "$GOOD"
expect_in "$OUT" "4 procedures; 4 added, 0 changed, 0 removed" "check on an empty store"
expect_in "$OUT" "+ 1.001193	Thủ tục đăng ký khai sinh" "check lists the new procedures"
expect_in "$OUT" "+ 1.002211	Thủ tục công nhận hòa giải viên (cấp xã)" "check lists the new procedures"
[ ! -e "$CAT" ] || fail "check installed a catalogue"

run 0 import "$GOOD"
expect_in "$OUT" "imported version 1" "import"
[ -z "$ERR" ] || fail "a good bundle gave diagnostics: $ERR"
run 0 search "khai sinh"
expect_in "$OUT" "1.001193	Thủ tục đăng ký khai sinh" "search after import"
run 0 show 1.002211
expect_in "$OUT" "Quyết định công nhận hòa giải viên" "show after import"
cp "$CAT" "$TMP/before.sqlite"

# --- the same version again is refused, and the way out is named ---
run 1 import "$GOOD"
expect_in "$ERR" "bundle.ini:3: error: version 1 is not newer than the installed version 1" "same version"
expect_in "$ERR" "--allow-downgrade" "same version"
unchanged "same version"

# --- broken bundles ---
mk code; sed -i 's/^1\.002211,/1.02211,/' "$B/procedures.csv"
broken "bad code" "procedures.csv:163: error: row 5 in Excel, line 163 of the file: code '1.02211' is not of the form 1.234567"

mk dup; sed -i 's/^1\.002211,/1.001193,/' "$B/procedures.csv"
broken "duplicate code" "procedures.csv:163: error: row 5 in Excel, line 163 of the file: code '1.001193' is used twice: rows 2 and 5 in Excel (lines 2 and 163 of the file)"

mk column; sed -i '1s/,thoi_han,/,han,/' "$B/procedures.csv"
broken "missing column" \
	"procedures.csv:1: error: required column 'Thời hạn giải quyết' (thoi_han) is missing" \
	"procedures.csv:1: warning: unknown column 'han' (ignored)"

mk cell; sed -i 's/^1\.002211,Thủ tục công nhận hòa giải viên (cấp xã),/1.002211,,/' "$B/procedures.csv"
broken "empty required cell" "procedures.csv:163: error: row 5 in Excel, line 163 of the file, procedure 1.002211: 'Tên thủ tục' (ten_thu_tuc) is required but empty"

mk item; sed -i '164s/^Trường hợp số người/\nTrường hợp số người/' "$B/procedures.csv"
broken "empty list item" \
	"procedures.csv:163: error: row 5 in Excel, line 163 of the file, procedure 1.002211: 'Trình tự thực hiện' (trinh_tu): item 2 is empty; remove the blank line in the cell"

mk phone; sed -i 's/,1800 1096,/,1800-CALL,/' "$B/hotlines.csv"
broken "bad phone" "hotlines.csv:4: error: 'Điện thoại' (dien_thoai): '1800-CALL' is not a phone number"

mk score; sed -i 's/^PAPI,2022,Tỉnh Sơn La,,40.87,80/PAPI,2022,Tỉnh Sơn La,,90.87,80/' "$B/indices.csv"
broken "score above max" "indices.csv:3: error: the score 90.87 is above the maximum 80"

mk year; sed -i 's/^SIPAS,2022,/SIPAS,22,/' "$B/indices.csv"
broken "bad year" "indices.csv:13: error: 'Năm' (nam): '22' is not a year from 2000 to 2100"

mk date; sed -i 's#^07/05/2026,#31/04/2026,#' "$B/feedback.csv"
broken "impossible date" "feedback.csv:2: error: procedure 1.001193: 'Ngày' (ngay): '31/04/2026' is not a real date written dd/mm/yyyy"

mk faq; sed -i 's/^1\.000656,/1.999999,/' "$B/faq.csv"
broken "FAQ of no procedure" "faq.csv:7: error: there is no procedure with code '1.999999' in procedures.csv"

mk noform; rm "$B/forms/to_khai_khai_sinh.pdf"
broken "missing form" "procedures.csv:2: error: procedure 1.001193: 'forms/to_khai_khai_sinh.pdf': there is no such file in the bundle"

mk fakeform; printf 'MZ\x90\x00 not a pdf' > "$B/forms/to_khai_khai_sinh.pdf"
broken "form that is not a PDF" "procedures.csv:2: error: procedure 1.001193: forms/to_khai_khai_sinh.pdf: is not a PDF file"

mk escape; sed -i 's#forms/to_khai_khai_sinh.pdf#forms/../../../../etc/passwd#' "$B/procedures.csv"
broken "form outside the bundle" \
	"procedures.csv:2: error: procedure 1.001193: 'forms/../../../../etc/passwd' must name a file directly inside forms/"

mk link; ln -sf /etc/passwd "$B/images/niem_yet.png"
broken "symbolic link" "news.csv:2: error: images/niem_yet.png: is a symbolic link"

# A news picture the kiosk would not show is a warning, and the import goes
# on: here a progressive JPEG of 501 scans (libjpeg decodes each over the
# whole picture; thousands froze the kiosk's screen when the article opened).
mk scans; rm "$B/images/niem_yet.png"
cp "$MOTCUA_SRC/tests/fuzz/regressions/fuzz_image/many-scans.jpg" "$B/images/niem_yet.jpg"
sed -i 's#images/niem_yet.png#images/niem_yet.jpg#' "$B/news.csv"
run 0 check "$B"
expect_in "$ERR" "news.csv:2: warning: images/niem_yet.jpg: the picture is cut short or damaged: it will not be shown" "many scans"

mk utf8; sed -i '8s/^Cấp cứu y tế/C\xe1p c\xfau/' "$B/hotlines.csv"
broken "not UTF-8" \
	"hotlines.csv:8: error: this line is not UTF-8 text; in Excel save the file as \"CSV UTF-8 (Comma delimited)\", or put ma_hoa = windows-1258 in bundle.ini"

mk nohot; rm "$B/hotlines.csv"
broken "missing file" "hotlines.csv: error: required file is missing from the bundle"

mk ini; sed -i '/^nguoi_lap/d; s/^ngay_ban_hanh = .*/ngay_ban_hanh = 2026-11-24/' "$B/bundle.ini"
broken "bad bundle.ini" \
	"bundle.ini:4: error: '2026-11-24' is not a real date written dd/mm/yyyy" \
	"bundle.ini: error: 'nguoi_lap' is missing"

# --- several problems in several files: all of them are listed ---
mk many
sed -i 's/^1\.002211,/1.02211,/' "$B/procedures.csv"
sed -i 's/,115,/,1-1-5-x,/' "$B/hotlines.csv"
sed -i 's/^SIPAS,2021,/SIPAS,1999,/' "$B/indices.csv"
sed -i 's#^16/06/2026,#16/6/26,#' "$B/feedback.csv"
broken "many problems" \
	"procedures.csv:163: error:" "hotlines.csv:8: error:" "indices.csv:12: error:" "feedback.csv:3: error:"
n=$(printf '%s\n' "$ERR" | grep -c ': error: ')
[ "$n" = 4 ] || fail "many problems: $n errors listed, want 4"
expect_in "$ERR" "4 error(s); nothing was changed" "many problems: the count"

# --- Windows-1258 (Excel's plain "CSV" on Vietnamese Windows) ---
mk cp1258
for f in "$B"/*.csv; do iconv -f UTF-8 -t WINDOWS-1258 "$f" > "$f.new" && mv "$f.new" "$f"; done
grep -q "$(printf '\xf2')" "$B/procedures.csv" || fail "iconv did not decompose 'ệ' (test set-up)"
broken "Windows-1258 without ma_hoa" "procedures.csv:2: error: this line is not UTF-8 text"
printf 'ma_hoa = windows-1258\n' >> "$B/bundle.ini"
run 0 check "$B"
expect_in "$OUT" "4 procedures; 0 added, 0 changed, 0 removed" "Windows-1258 reads as the same catalogue"

# --- Excel in a Vietnamese locale: ';', BOM, CRLF, Vietnamese headings in any
# order, Alt+Enter line breaks, FAT upper-case names, 43,61 decimals ---
X="$TMP/excel"; mkdir -p "$X/FORMS"
printf '\xef\xbb\xbf[bundle]\r\ndon_vi = UBND xã Chiềng Sơn\r\nphien_ban = 3\r\nngay_ban_hanh = 1/12/2026\r\nnguoi_lap = Văn phòng UBND xã\r\n' > "$X/BUNDLE.INI"
{
	printf '\xef\xbb\xbfTên thủ tục;MÃ THỦ TỤC;Lĩnh vực;Trình tự thực hiện;Thành phần hồ sơ;Thời hạn giải quyết;Phí, lệ phí;Tình trạng;Ngày hiệu lực;Mẫu đơn, tờ khai\r\n'
	printf 'Thủ tục đăng ký khai tử;1.000656;Hộ tịch;"Nộp tờ khai đăng ký khai tử\nCông chức tư pháp - hộ tịch kiểm tra hồ sơ";"Tờ khai đăng ký khai tử | 1 bản chính\nGiấy báo tử | 1 bản chính";Ngay trong ngày làm việc;Miễn lệ phí;SỬA ĐỔI;5/1/2026;"Tờ khai | forms\\TO KHAI.PDF"\r\n'
	printf 'Thủ tục công nhận hòa giải viên (cấp xã);1.002211;Hòa giải ở cơ sở;Chủ tịch UBND cấp xã xem xét, quyết định;Danh sách người được đề nghị công nhận là hòa giải viên | 1 bản chính;5 ngày làm việc;Miễn phí;;;\r\n'
} > "$X/PROCEDURES.CSV"
printf '\xef\xbb\xbfCƠ QUAN;ĐIỆN THOẠI;Thứ tự\r\nCấp cứu y tế;115;1\r\n' > "$X/HOTLINES.CSV"
printf '\xef\xbb\xbfChỉ số;Năm;Đơn vị;Điểm;Điểm tối đa\r\nPAPI;2019;Toàn quốc;43,61;80\r\npar index;2022;Tỉnh Sơn La;86,78;100\r\n' > "$X/Indices.Csv"
printf '%%PDF-1.4\n%%%%EOF\n' > "$X/FORMS/To Khai.pdf"
run 0 import "$X"
expect_in "$OUT" "2 procedures; 0 added, 2 changed, 2 removed" "Excel bundle"
expect_in "$OUT" "imported version 3" "Excel bundle"
[ -z "$ERR" ] || fail "the Excel bundle gave diagnostics: $ERR"
run 0 show 1.000656
expect_in "$OUT" "Công chức tư pháp - hộ tịch kiểm tra hồ sơ" "Excel: Alt+Enter items"
expect_in "$OUT" "Giấy báo tử" "Excel: second document"
expect_in "$OUT" "sửa đổi" "Excel: status stored in its canonical spelling"
expect_in "$OUT" "05/01/2026" "Excel: date written canonically"
E="$TMP/excel_export"
run 0 export "$E"
grep -q '^PAPI,2019,Toàn quốc,,43.61,80,,$' "$E/indices.csv" || fail "Excel: 43,61 did not become 43.61"
grep -q '^PAR INDEX,2022,' "$E/indices.csv" || fail "Excel: 'par index' not stored as PAR INDEX"
[ -f "$E/forms/To Khai.pdf" ] || fail "Excel: the form (forms\\TO KHAI.PDF) was not carried over"
cp "$CAT" "$TMP/before.sqlite"

# --- check shows added / changed / removed against what is installed ---
mk changes
sed -i 's/^1\.002211,/1.002212,/' "$B/procedures.csv"
sed -i 's/^phien_ban = 2$/phien_ban = 4/' "$B/bundle.ini"
run 0 check "$B"
expect_in "$OUT" "4 procedures; 3 added, 1 changed, 1 removed" "check against the Excel catalogue"
expect_in "$OUT" "+ 1.002212	Thủ tục công nhận hòa giải viên (cấp xã)" "check: added"
expect_in "$OUT" "~ 1.000656	Thủ tục đăng ký khai tử" "check: changed"
expect_in "$OUT" "- 1.002211	Thủ tục công nhận hòa giải viên (cấp xã)" "check: removed"
unchanged "check"

# --- signatures: test_check_import_signed.sh (a test of its own, needs minisign) ---

# --- usage ---
run 2 import
run 1 check "$TMP/no-such-folder"
expect_in "$ERR" "cannot open the bundle folder" "missing folder"

finish
