# The bundle's dich/LANG/news.csv, hotlines.csv and faq.csv (issue 12.4),
# with test data only (tests/fixtures/langs/): `export --template` writes
# them keyed by two columns each, filled with the Vietnamese; a template left
# as it is translates nothing; the fixture's translations come back out of
# an export byte for byte, and export → import → export is identical; check
# names, with FILE:LINE, a row whose key is not in the Vietnamese file, a
# key that names two Vietnamese rows, a row translated twice, a column that
# is not translated, and an unknown file. On the old motcua these files were
# ignored ("unknown file") and never exported. The template's count is of
# the rows it wrote; a malformed --lang/--template code is a usage error
# (exit 2) in the same words for pdf, print and export.
. "$(dirname "$0")/lib.sh"

# --- the template ---
run 0 export --template hmn "$TMP/tpl"
D="$TMP/tpl/dich/hmn"
for f in procedures.csv news.csv hotlines.csv faq.csv; do
	[ -s "$D/$f" ] || fail "the template has no dich/hmn/$f"
done
expect_in "$OUT" "dich/hmn/news.csv: 5 rows to translate" "the template's news"
expect_in "$OUT" "dich/hmn/hotlines.csv: 7 rows to translate" "the template's hotlines"
expect_in "$OUT" "dich/hmn/faq.csv: 14 rows to translate" "the template's questions"
[ "$(head -n 1 "$D/news.csv" 2>/dev/null)" = "ngay,tieu_de_goc,tieu_de,noi_dung" ] ||
	fail "news.csv template header: $(head -n 1 "$D/news.csv" 2>/dev/null)"
[ "$(head -n 1 "$D/hotlines.csv" 2>/dev/null)" = "dien_thoai,co_quan_goc,co_quan,noi_dung,dia_chi,gio_tiep_nhan" ] ||
	fail "hotlines.csv template header: $(head -n 1 "$D/hotlines.csv" 2>/dev/null)"
[ "$(head -n 1 "$D/faq.csv" 2>/dev/null)" = "ma_thu_tuc,cau_hoi_goc,cau_hoi,tra_loi" ] ||
	fail "faq.csv template header: $(head -n 1 "$D/faq.csv" 2>/dev/null)"
expect_in "$(cat "$D/hotlines.csv" 2>/dev/null)" \
	"115,Cấp cứu y tế,Cấp cứu y tế,Gọi xe cấp cứu,,\"24/24 giờ, miễn phí\"" "a hotline's template row"

# A template left untranslated is accepted and translates nothing.
B="$TMP/bundle"
cp -r "$SAMPLE" "$B"
cp -r "$TMP/tpl/dich" "$B/"
sed -i 's/^phien_ban *=.*/phien_ban = 2/' "$B/bundle.ini"
run 0 check "$B"
run 0 import "$B"
run 0 export "$TMP/untranslated"
[ -e "$TMP/untranslated/dich" ] && fail "an untranslated template came back as a translation: $(ls -R "$TMP/untranslated/dich")"

# --- the fixture: out byte for byte, and a stable round trip ---
rm -rf "$B/dich"
cp -r "$FIX/langs/dich" "$B/"
sed -i 's/^phien_ban *=.*/phien_ban = 3/' "$B/bundle.ini"
run 0 import "$B"
run 0 export "$TMP/e1"
for f in news.csv hotlines.csv faq.csv; do
	cmp -s "$FIX/langs/dich/hmn/$f" "$TMP/e1/dich/hmn/$f" ||
		fail "dich/hmn/$f does not come back as it went in: $(diff "$FIX/langs/dich/hmn/$f" "$TMP/e1/dich/hmn/$f" 2>&1 | head -c 600)"
done
sed -i 's/^phien_ban *=.*/phien_ban = 4/' "$TMP/e1/bundle.ini"
run 0 import "$TMP/e1"
run 0 export "$TMP/e2"
d=$(diff -r "$TMP/e1/dich" "$TMP/e2/dich" 2>&1) || fail "export → import → export of dich/ differs: $(printf '%s' "$d" | head -c 600)"

# --- a language code on the command line ---
# A malformed one is a usage error (exit 2), said in the same words by pdf,
# print and export --template; before, pdf and print took it for a language
# the catalogue lacks (exit 1). A well-formed code the catalogue does not
# translate into is invalid input (exit 1), naming the languages it has.
run 2 export --template ../x "$TMP/t-bad"
expect_in "$ERR" "'../x' is not a language code: give the language's ISO 639 code" "export --template ../x"
said=$ERR
run 2 pdf 1.001193 --lang ../x -o "$TMP/bad-lang.pdf"
[ "$ERR" = "$said" ] || fail "pdf --lang ../x says otherwise than export --template ../x: $ERR"
[ ! -e "$TMP/bad-lang.pdf" ] || fail "a sheet was written for a malformed language code"
run 2 print 1.001193 --lang=../x --printer motcua-no-such-queue
[ "$ERR" = "$said" ] || fail "print --lang ../x says otherwise than export --template ../x: $ERR"
run 2 pdf 1.001193 --lang= -o "$TMP/bad-lang.pdf"
expect_in "$ERR" "'' is not a language code" "pdf --lang= (empty)"
MOTCUA_LANG=vi run 2 pdf 1.001193 --lang HMN -o "$TMP/bad-lang.pdf"
expect_in "$ERR" "'HMN' không phải mã ngôn ngữ" "pdf --lang HMN, in Vietnamese"
run 1 pdf 1.001193 --lang xyz -o "$TMP/bad-lang.pdf"
expect_in "$ERR" "the catalogue has no translation into xyz (languages: vi, hmn)" "pdf --lang xyz"
run 1 print 1.001193 --lang xyz --printer motcua-no-such-queue
expect_in "$ERR" "the catalogue has no translation into xyz (languages: vi, hmn)" "print --lang xyz"
[ ! -e "$TMP/bad-lang.pdf" ] || fail "a sheet was written for a language the catalogue lacks"

# --- bad files: every problem with its file and line ---
X="$TMP/bad"
cp -r "$B" "$X"
sed -i 's/^phien_ban *=.*/phien_ban = 9/' "$X/bundle.ini"
# news.csv: a title that is not in news.csv, the same item twice, a picture column.
cat >"$X/dich/hmn/news.csv" <<'CSV'
ngay,tieu_de_goc,tieu_de,hinh_anh
24/11/2026,Không có tin này,x,
24/11/2026,Niêm yết công khai thủ tục hành chính và đường dây nóng,y,
24/11/2026,Niêm yết công khai thủ tục hành chính và đường dây nóng,z,
CSV
# hotlines.csv: a phone number the agency does not have, and the order column.
printf 'dien_thoai,co_quan_goc,co_quan,thu_tu\n0212 000 0009,Cấp cứu y tế,a,1\n' >"$X/dich/hmn/hotlines.csv"
# faq.csv: a question that procedure does not have.
printf 'ma_thu_tuc,cau_hoi_goc,cau_hoi\n1.000656,Câu hỏi không có,q\n' >"$X/dich/hmn/faq.csv"
printf 'x\n' >"$X/dich/hmn/feedback.csv"
run 1 check "$X"
expect_in "$ERR" "dich/hmn/news.csv:1: error: column 'hinh_anh' is not translated" "a picture column"
expect_in "$ERR" "dich/hmn/news.csv:2: error: news.csv has no row whose 'Ngày' (ngay) is '24/11/2026' and whose 'Tiêu đề tiếng Việt' (tieu_de_goc) is 'Không có tin này'" "an unknown news item"
expect_in "$ERR" "dich/hmn/news.csv:4: error: the same row is translated on line 3" "a news item twice"
expect_in "$ERR" "dich/hmn/hotlines.csv:1: error: column 'thu_tu' is not translated" "the order column"
expect_in "$ERR" "dich/hmn/hotlines.csv:2: error: hotlines.csv has no row whose 'Điện thoại' (dien_thoai) is '0212 000 0009'" "an unknown hotline"
expect_in "$ERR" "dich/hmn/faq.csv:2: error: faq.csv has no row whose 'Mã thủ tục' (ma_thu_tuc) is '1.000656' and whose 'Câu hỏi tiếng Việt' (cau_hoi_goc) is 'Câu hỏi không có'" "an unknown question"
expect_in "$ERR" "dich/hmn/feedback.csv: warning: unknown file (ignored)" "an unknown file"
run 1 import "$X"
run 0 export "$TMP/e3"
cmp -s "$FIX/langs/dich/hmn/news.csv" "$TMP/e3/dich/hmn/news.csv" || fail "a refused import changed the translations"

# Two Vietnamese news items with the same date and title: a translation cannot say which.
Y="$TMP/ambiguous"
cp -r "$B" "$Y"
sed -i 's/^phien_ban *=.*/phien_ban = 9/' "$Y/bundle.ini"
sed -n 2,3p "$Y/news.csv" >>"$Y/news.csv"
run 1 check "$Y"
expect_in "$ERR" "dich/hmn/news.csv:2: error: news.csv has more than one row whose 'Ngày' (ngay) is '24/11/2026'" "an ambiguous news item"
# The same Vietnamese catalogue, imported: `export --template` leaves the two
# rows out (with a warning) so that the template, untouched, passes check.
# Before, it wrote both and check refused the untouched template.
Z="$TMP/ambiguous-vi"
cp -r "$SAMPLE" "$Z"
sed -i 's/^phien_ban *=.*/phien_ban = 20/' "$Z/bundle.ini"
sed -n 2,3p "$Z/news.csv" >>"$Z/news.csv"
run 0 import "$Z"
run 0 export --template hmn "$TMP/tpl2"
expect_in "$ERR" "dich/hmn/news.csv: warning: 2 rows of news.csv share their key columns" "the template's warning"
# The count it prints is of the rows it wrote (before: of every row, the
# two left out too).
rows_of() { python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))) - 1)' "$1"; }
n=$(rows_of "$TMP/tpl2/dich/hmn/news.csv")
[ "$n" -gt 0 ] || fail "the template's news.csv has no rows"
expect_in "$OUT" "dich/hmn/news.csv: $n rows to translate" "the template's count of news rows"
n=$(rows_of "$TMP/tpl2/dich/hmn/hotlines.csv")
expect_in "$OUT" "dich/hmn/hotlines.csv: $n rows to translate" "the template's count of hotlines"
cp -r "$TMP/tpl2/dich" "$Z/"
sed -i 's/^phien_ban *=.*/phien_ban = 21/' "$Z/bundle.ini"
run 0 check "$Z"
finish
