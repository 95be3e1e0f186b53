# The sheet's fonts (issue 14 item 2, issue 12 item 5).
#
# 1. Subsetting: the full guide of the sample's "Thủ tục đăng ký kết hôn"
#    (6 pages) made with the fonts subset (the default) and with the whole
#    fonts (MOTCUA_PDF_SUBSET=0) reads back as the same text, its QR code
#    still decodes to the procedure's address, both Noto Sans weights are
#    embedded as subsets, and the file is at most 60 KB (it was 129 KB).
# 2. Fallback: a procedure written in Tai Viet (the Thái script, which Noto
#    Sans lacks) gets a sheet that embeds a Tai Viet font (Noto Sans Tai Viet
#    or Tai Heritage Pro) and gives the Tai Viet text back to pdftotext.
. "$(dirname "$0")/../cli/lib.sh"
export TZ=UTC
need pdftotext pdffonts pdftoppm zbarimg

CODE=1.000894 # Thủ tục đăng ký kết hôn
# The print time ("In lúc …") may change between two runs: left out.
text_of() { pdftotext -enc UTF-8 "$1" - 2>/dev/null | grep -v '^In lúc '; }
size_of() { stat -c %s "$1"; }

run 0 pdf "$CODE" -o "$TMP/subset.pdf"
MOTCUA_PDF_SUBSET=0 run 0 pdf "$CODE" -o "$TMP/whole.pdf"
[ -s "$TMP/subset.pdf" ] && [ -s "$TMP/whole.pdf" ] || { fail "no sheet"; finish; }
text_of "$TMP/whole.pdf" > "$TMP/whole.txt"
text_of "$TMP/subset.pdf" > "$TMP/subset.txt"
[ "$(wc -c < "$TMP/whole.txt")" -gt 5000 ] || fail "the whole-font sheet has almost no text"
cmp -s "$TMP/whole.txt" "$TMP/subset.txt" ||
	fail "the subset sheet reads differently: $(diff "$TMP/whole.txt" "$TMP/subset.txt" | head -5)"
expect_in "$(cat "$TMP/subset.txt")" "Thủ tục đăng ký kết hôn" "procedure name"

# The QR code: the page with the online-service address, read by a phone's decoder.
url=$(MOTCUA_LANG=en "$MOTCUA_BIN" show "$CODE" 2>/dev/null | grep -oE 'https?://[^ ]+' | head -1)
[ -n "$url" ] || fail "no online-service address in the sheet"
qr_ok=
n=$(pdfinfo "$TMP/subset.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
for pg in $(seq 1 "${n:-0}"); do
	pdftoppm -r 200 -png -f "$pg" -l "$pg" "$TMP/subset.pdf" "$TMP/qr" 2>/dev/null
	got=$(zbarimg -q --raw "$TMP"/qr-*.png 2>/dev/null)
	rm -f "$TMP"/qr-*.png
	[ -n "$got" ] && { [ "$got" = "$url" ] && qr_ok=1 || fail "the QR code on page $pg reads '$got', want '$url'"; }
done
[ -n "$qr_ok" ] || fail "no QR code decodes in the subset sheet"

# Both weights, embedded, as subsets; nothing else.
fonts=$(pdffonts "$TMP/subset.pdf" 2>/dev/null | tail -n +3)
for name in NotoSans-Regular NotoSans-Bold; do
	line=$(printf '%s\n' "$fonts" | grep -- "+$name")
	[ -n "$line" ] || { fail "$name is not in the sheet: $fonts"; continue; }
	printf '%s\n' "$line" | awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") exit 1 }' ||
		fail "$name is not embedded as a subset: $line"
done
[ "$(printf '%s\n' "$fonts" | grep -c .)" = 2 ] || fail "more fonts than Noto Sans's two: $fonts"

s=$(size_of "$TMP/subset.pdf") w=$(size_of "$TMP/whole.pdf")
echo "kết hôn sheet: $s bytes with subset fonts, $w bytes with whole fonts"
[ "$s" -le $((60 * 1024)) ] || fail "the sheet is $s bytes, want at most 60 KB"
[ $((s * 2)) -lt "$w" ] || fail "subsetting saves too little: $s vs $w bytes"

# 2. Tai Viet. Test data, not a real procedure: the Thái words only stand for
# text in the script (U+AA80–U+AADF).
TAI_NAME='ꪁꪫꪱꪣ ꪼꪕ'
TAI_STEP='ꪹꪀꪷꪙ ꪁꪫꪱꪣ ꪼꪕ ꪠꪴꪀ ꪻꪒ'
mkdir -p "$TMP/taiviet"
cat > "$TMP/taiviet/bundle.ini" <<EOF
don_vi = UBND xã Thử Nghiệm
phien_ban = 3
ngay_ban_hanh = 01/01/2026
nguoi_lap = Bộ kiểm thử motcua (dữ liệu thử)
EOF
{
	echo 'ma_thu_tuc,ten_thu_tuc,linh_vuc,trinh_tu,thanh_phan_ho_so,thoi_han'
	printf '%s,"%s",%s,"%s","%s",%s\n' 9.999101 "Thủ tục thử nghiệm chữ Thái $TAI_NAME" \
		"Hộ tịch" "Nộp hồ sơ: $TAI_STEP"$'\n'"Nhận kết quả." "Tờ khai | 01 bản chính" \
		"Ngay trong ngày"
} > "$TMP/taiviet/procedures.csv"
printf 'co_quan,dien_thoai,thu_tu\nUBND xã Thử Nghiệm,0212 000 0001,1\n' > "$TMP/taiviet/hotlines.csv"
export MOTCUA_STORE="$TMP/store-taiviet"
run 0 import "$TMP/taiviet"
run 0 pdf 9.999101 -o "$TMP/taiviet.pdf"
fonts=$(pdffonts "$TMP/taiviet.pdf" 2>/dev/null | tail -n +3)
tai=$(printf '%s\n' "$fonts" | grep -E '\+(NotoSansTaiViet|TaiHeritagePro)')
[ -n "$tai" ] || fail "no Tai Viet font in the sheet (is fonts-noto-core or fonts-sil-taiheritagepro installed?): $fonts"
[ -z "$tai" ] || printf '%s\n' "$tai" | awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") exit 1 }' ||
	fail "the Tai Viet font is not embedded as a subset: $tai"
t=$(pdftotext -enc UTF-8 "$TMP/taiviet.pdf" - 2>/dev/null)
expect_in "$t" "$TAI_NAME" "the Tai Viet name read back"
expect_in "$t" "$TAI_STEP" "the Tai Viet step read back"
expect_in "$t" "Thủ tục thử nghiệm chữ Thái" "the Vietnamese beside it"
# With no fallback font at all, the sheet is still made (the characters are
# boxes), with Noto Sans only.
MOTCUA_FALLBACK_FONTDIRS= run 0 pdf 9.999101 -o "$TMP/nofallback.pdf"
[ "$(pdffonts "$TMP/nofallback.pdf" 2>/dev/null | tail -n +3 | grep -c .)" = 2 ] ||
	fail "without fallback folders the sheet still has a third font"
finish
