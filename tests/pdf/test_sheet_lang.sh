# The sheet in the citizen's content language (issue 12.4 and 12.5), on
# test data only (tests/fixtures/langs/dich/hmn, tests/fixtures/langsheet):
# `motcua pdf CODE --lang LANG [--summary]` makes the paper the kiosk prints
# for a citizen who chose LANG, read back with pdftotext.
#
# 1. hmn (two fields translated): the translated name and steps are on the
#    sheet, "Bản dịch: Hmoob" under the code, each untranslated field in
#    Vietnamese with "(Tiếng Việt)" after its heading; the translated steps'
#    heading is not marked; the heading block and code stay. The summary too.
# 2. qaa (the deadline translated in Tai Viet characters, the fees in Latin,
#    the name not; a UI translation of "(in Vietnamese)" installed): the Tai
#    Viet comes back from pdftotext, a Tai Viet font is embedded, and the
#    marks are in qaa's UI translation.
# 3. Vietnamese (no --lang, or --lang vi): the sheet of a catalogue without
#    any translation, line for line; nothing marked.
# 4. A language the catalogue lacks: exit 1, saying which it has; a
#    procedure without translation: the Vietnamese sheet and a warning.
# 5. pdftotext reads every sheet without a warning (the fonts' ToUnicode).
. "$(dirname "$0")/../cli/lib.sh"
export TZ=UTC MOTCUA_LANG=en
need pdftotext pdffonts pdfinfo msgfmt zbarimg pdftoppm
CODE=1.001193 # Thủ tục đăng ký khai sinh; dich/hmn and dich/qaa translate it
NAME='Thủ tục đăng ký khai sinh'
# The print time ("In lúc …") may change between two sheets: left out.
text_of() { pdftotext -enc UTF-8 "$1" - 2>/dev/null | grep -v '^In lúc '; }
# The line under the title: the procedure's name (its first line).
name_of() { text_of "$1" | grep -A1 -m1 '^HƯỚNG DẪN THỰC HIỆN THỦ TỤC HÀNH CHÍNH' | tail -1; }
pages_of() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

# The sheets of the sample alone: what the Vietnamese sheet is today.
MOTCUA_STORE="$TMP/plain" run 0 import "$SAMPLE"
MOTCUA_STORE="$TMP/plain" run 0 pdf "$CODE" -o "$TMP/plain.pdf"
MOTCUA_STORE="$TMP/plain" run 0 pdf "$CODE" --summary -o "$TMP/plain-summary.pdf"

B="$TMP/bundle"
cp -r "$SAMPLE" "$B"
mkdir -p "$B/dich"
cp -r "$FIX/langs/dich/hmn" "$FIX/langsheet/dich/qaa" "$B/dich/"
sed -i 's/^phien_ban *=.*/phien_ban = 99/' "$B/bundle.ini"
run 0 import "$B"

# 1. hmn.
run 0 pdf "$CODE" --lang hmn -o "$TMP/hmn.pdf"
t=$(text_of "$TMP/hmn.pdf")
[ "$(name_of "$TMP/hmn.pdf")" = "[TEST DATA] hmn: name of $CODE" ] ||
	fail "hmn: the name under the title is '$(name_of "$TMP/hmn.pdf")', want the translation"
expect_in "$t" "Bước 1. [TEST DATA] hmn: step one" "hmn: the translated first step"
expect_in "$t" "Bước 2. [TEST DATA] hmn: step two" "hmn: the translated second step"
expect_in "$t" "Bản dịch: Hmoob" "hmn: the sheet names its language"
expect_in "$t" $'Trình tự thực hiện\nBước 1.' "hmn: the translated steps under their unmarked heading"
expect_not_in "$t" "Trình tự thực hiện (Tiếng Việt)" "hmn: the translated steps marked as Vietnamese"
expect_in "$t" "Thời hạn giải quyết (Tiếng Việt): 1 ngày làm việc" "hmn: the untranslated deadline, marked"
expect_in "$t" "Phí, lệ phí (Tiếng Việt): Miễn phí" "hmn: the untranslated fees, marked"
expect_in "$t" "Cách thức thực hiện (Tiếng Việt)" "hmn: the untranslated channels, marked"
expect_in "$t" "Thành phần hồ sơ (Tiếng Việt)" "hmn: the untranslated documents, marked"
expect_in "$t" "Giấy chứng sinh" "hmn: the Vietnamese of the untranslated documents"
expect_not_in "$t" "$NAME" "hmn: the Vietnamese name"
expect_in "$t" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "hmn: the Quốc hiệu"
expect_in "$t" "UBND XÃ CHIỀNG SƠN" "hmn: the unit"
expect_in "$t" "Mã thủ tục: $CODE" "hmn: the code"
# The questions and answers: dich/hmn/faq.csv translates one, the others
# stay Vietnamese with the mark after the text, as on the kiosk.
expect_in "$t" "[TEST DATA] hmn: question two?" "hmn: the translated question"
expect_in "$t" "[TEST DATA] hmn: answer two" "hmn: the translated answer"
expect_not_in "$t" "Sinh con bao lâu thì phải đi đăng ký khai sinh?" "hmn: the Vietnamese of the translated question"
expect_in "$(printf '%s' "$t" | tr '\n' ' ')" "Không có Giấy chứng sinh thì làm thế nào? (Tiếng Việt)" "hmn: an untranslated question, marked"
# The legal basis and the domain are not translatable: not marked.
expect_in "$t" "Lĩnh vực: Hộ tịch" "hmn: the domain, unmarked"
expect_in "$t" $'Căn cứ pháp lý\n' "hmn: the legal basis heading, unmarked"

run 0 pdf "$CODE" --lang hmn --summary -o "$TMP/hmn-summary.pdf"
s=$(text_of "$TMP/hmn-summary.pdf")
[ "$(pages_of "$TMP/hmn-summary.pdf")" = 1 ] || fail "hmn: the summary has $(pages_of "$TMP/hmn-summary.pdf") pages"
expect_in "$s" $'(Bản tóm tắt một trang)\n\n[TEST DATA] hmn: name of 1.001193' "hmn summary: the translated name"
expect_in "$s" "Bản dịch: Hmoob" "hmn summary: its language"
expect_in "$s" "Giấy tờ cần mang theo (Tiếng Việt)" "hmn summary: the untranslated documents, marked"
expect_in "$s" "Thời hạn giải quyết (Tiếng Việt): 1 ngày làm việc" "hmn summary: the untranslated deadline, marked"
expect_not_in "$s" "$NAME" "hmn summary: the Vietnamese name"
url=$(MOTCUA_STORE="$TMP/plain" "$MOTCUA_BIN" show "$CODE" 2>/dev/null | grep -oE 'https?://[^ ]+' | head -1)
pdftoppm -r 200 -png "$TMP/hmn-summary.pdf" "$TMP/qr" 2>/dev/null
got=$(zbarimg -q --raw "$TMP"/qr-*.png 2>/dev/null)
[ -n "$url" ] && [ "$got" = "$url" ] || fail "hmn summary: the QR code reads '$got', want '$url'"

# The questions and hotlines the bundle translates (dich/hmn/faq.csv,
# hotlines.csv) are on the hmn sheet in hmn, as on the screen; before, the
# sheet printed them in Vietnamese, unmarked.
expect_in "$t" "Hỏi: [TEST DATA] hmn: question two?" "hmn: the translated question"
expect_not_in "$t" "Sinh con bao lâu thì phải đi đăng ký khai sinh?" "hmn: the Vietnamese of the translated question"
expect_in "$t" "[TEST DATA] hmn: hotline agency one: 0212 000 0001" "hmn: the translated hotline"
# 2. qaa: Tai Viet on the sheet; the mark in qaa's UI translation.
L="$TMP/locale"
mkdir -p "$L/qaa/LC_MESSAGES"
msgfmt -o "$L/qaa/LC_MESSAGES/motcua.mo" "$FIX/langsheet/qaa.po" || fail "qaa.po does not compile"
TAI='ꪹꪀꪷꪙ ꪁꪫꪱꪣ ꪼꪕ ꪠꪴꪀ ꪻꪒ'
MOTCUA_LOCALEDIR="$L" run 0 pdf "$CODE" --lang qaa -o "$TMP/qaa.pdf"
t=$(text_of "$TMP/qaa.pdf")
expect_in "$t" "Thời hạn giải quyết: [TEST DATA] qaa: $TAI" "qaa: the Tai Viet deadline read back, unmarked"
expect_in "$t" "Phí, lệ phí: [TEST DATA] qaa: fees of $CODE" "qaa: the translated fees, unmarked"
expect_in "$t" "$NAME"$'\n[qaa] (in Vietnamese)' "qaa: the untranslated name, marked in qaa under it"
expect_in "$t" "Trình tự thực hiện [qaa] (in Vietnamese)" "qaa: the untranslated steps, marked in qaa"
expect_in "$t" "Bản dịch: qaa" "qaa: the sheet names its language"
expect_not_in "$t" "(Tiếng Việt)" "qaa: a mark not in qaa's UI translation"
fonts=$(pdffonts "$TMP/qaa.pdf" 2>/dev/null | tail -n +3)
tai=$(printf '%s\n' "$fonts" | grep -E '\+(NotoSansTaiViet|TaiHeritagePro)')
[ -n "$tai" ] || fail "qaa: no Tai Viet font embedded in the sheet: $fonts"
# Without qaa's UI translation: the Vietnamese mark. The summary carries the Tai Viet too.
run 0 pdf "$CODE" --lang qaa --summary -o "$TMP/qaa-summary.pdf"
s=$(text_of "$TMP/qaa-summary.pdf")
expect_in "$s" "[TEST DATA] qaa: $TAI" "qaa summary: the Tai Viet deadline"
expect_in "$s" "$NAME"$'\n(Tiếng Việt)' "qaa summary without qaa's UI: the Vietnamese mark"
printf '%s\n' "$(pdffonts "$TMP/qaa-summary.pdf" 2>/dev/null)" | grep -qE '\+(NotoSansTaiViet|TaiHeritagePro)' ||
	fail "qaa summary: no Tai Viet font embedded"

# 3. Vietnamese: the same lines as the sheet of the catalogue without translations.
run 0 pdf "$CODE" -o "$TMP/vi.pdf"
run 0 pdf "$CODE" --lang vi -o "$TMP/vi-lang.pdf"
run 0 pdf "$CODE" --summary -o "$TMP/vi-summary.pdf"
text_of "$TMP/plain.pdf" > "$TMP/plain.txt"
text_of "$TMP/plain-summary.pdf" > "$TMP/plain-summary.txt"
[ "$(wc -l < "$TMP/plain.txt")" -gt 200 ] || fail "the Vietnamese sheet has almost no text"
for f in vi vi-lang; do
	text_of "$TMP/$f.pdf" | cmp -s - "$TMP/plain.txt" ||
		fail "$f: the Vietnamese sheet changed: $(text_of "$TMP/$f.pdf" | diff "$TMP/plain.txt" - | head -5)"
done
text_of "$TMP/vi-summary.pdf" | cmp -s - "$TMP/plain-summary.txt" ||
	fail "the Vietnamese summary changed: $(text_of "$TMP/vi-summary.pdf" | diff "$TMP/plain-summary.txt" - | head -5)"
expect_in "$(cat "$TMP/plain.txt")" "$NAME" "the Vietnamese sheet's name"

# 4. Errors.
run 1 pdf "$CODE" --lang xyz -o "$TMP/x.pdf"
expect_in "$ERR" "no translation into xyz (languages: vi, hmn, qaa)" "an unknown language"
[ ! -e "$TMP/x.pdf" ] || fail "a sheet was written for an unknown language"
run 0 pdf 1.000894 --lang hmn -o "$TMP/untranslated.pdf"
expect_in "$ERR" "procedure 1.000894 has no translation into hmn" "a procedure without translation"
t=$(text_of "$TMP/untranslated.pdf")
expect_in "$t" "Thủ tục đăng ký kết hôn" "the untranslated procedure's Vietnamese sheet"
expect_not_in "$t" "Bản dịch" "the untranslated procedure's sheet names a translation"
expect_not_in "$t" "(Tiếng Việt)" "the untranslated procedure's sheet marked"
expect_not_in "$t" "[TEST DATA]" "the untranslated procedure's Vietnamese sheet holds translated hotlines"
run 2 pdf --keycard --lang hmn -o "$TMP/k.pdf"

# 5. A ToUnicode map readers take: pdftotext reads every sheet, the key
#    card and a report without a word on stderr (libharu's own map, a CID
#    map, made poppler say "Invalid 'begincidrange' operator in ToUnicode
#    CMap" for every font on every page; src/core/pdf_ttf.h), and
#    Ghostscript (a second reader) gets the same Vietnamese and Tai Viet.
run 0 pdf --keycard -o "$TMP/keycard.pdf"
run 0 report --year 2026 -o "$TMP/report.pdf"
for f in plain plain-summary hmn hmn-summary qaa qaa-summary keycard report; do
	w=$(pdftotext -enc UTF-8 "$TMP/$f.pdf" /dev/null 2>&1)
	[ -z "$w" ] || fail "$f.pdf: pdftotext warns: $(printf '%s' "$w" | sort | uniq -c | head -3)"
done
if command -v gs >/dev/null; then
	g=$(gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite -o - "$TMP/qaa.pdf" 2>/dev/null)
	expect_in "$g" "$NAME" "the qaa sheet read by Ghostscript"
	expect_in "$g" "$TAI" "the qaa sheet's Tai Viet read by Ghostscript"
fi
run 0 help pdf
expect_in "$OUT" "--lang LANG" "motcua help pdf"
finish
