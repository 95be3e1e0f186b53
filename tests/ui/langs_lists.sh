#!/usr/bin/env bash
# Lists, search, news, hotlines and questions in a content language (issue
# 12.4), with test data only (tests/fixtures/langs/README): the bundle's
# dich/hmn/ translates two procedure names, two news items (one without its
# body), one hotline (not its address) and one question. With "Hmoob"
# chosen, lists and search results show a translated name where there is one
# and mark the others "(Tiếng Việt)"; a word of a translated name finds its
# procedure; news, hotlines and the detail page's questions show the
# translation, marking what stays Vietnamese. Every screen passes the layout
# check. On the old kiosk the lists, news, hotlines and questions are
# Vietnamese whatever the language, and dich/hmn/news.csv is refused.
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen MOTCUA_LANG=vi
size=${1:-1920x1080}
B="$TMP/bundle"
cp -r "$SAMPLE" "$B"
cp -r "$FIX/langs/dich" "$B/"
sed -i 's/^phien_ban *=.*/phien_ban = 99/' "$B/bundle.ini"
run 0 import "$B"
# Two dossiers: one of a procedure whose name is translated, one not.
d=$(date +%d/%m/%Y)
printf 'ma_ho_so;ma_thu_tuc;ngay_nhan;ngay_hen_tra;trang_thai;ghi_chu\nTEST-0001-HMN;1.001193;%s;%s;đang xử lý;\nTEST-0002-VI;2.000635;%s;%s;đang xử lý;\n' \
	"$d" "$d" "$d" "$d" >"$TMP/ho_so.csv"
run 0 dossier import "$TMP/ho_so.csv"
S="$TMP/langs_lists.script"
cat >"$S" <<'SCRIPT'
expect-text "Thủ tục hành chính"
tap-text "Tiếng Việt"
tap-text "Hmoob"
expect-exact "Hmoob"

# A dossier's status names its procedure in the language, or marks the Vietnamese.
scan "TEST-0001-HMN"
expect-text "Hồ sơ TEST-0001-HMN"
expect-text "[TEST DATA] hmn: name of 1.001193"
shot hmn-dossier
scan "TEST-0002-VI"
expect-text "Hồ sơ TEST-0002-VI"
shot hmn-dossier-vi
expect-text "Cấp bản sao Trích lục hộ tịch"
expect-text "(Tiếng"
expect-no-text "[TEST DATA]"
tap-text "Trang chủ"

# Search: the translated name, and the Vietnamese ones marked.
tap-text "Tra cứu"
type "khai sinh"
expect-text "[TEST DATA] hmn: name of 1.001193"
expect-exact "1.001193"
expect-text "(Tiếng Việt)"
shot hmn-search
tap-text "[TEST DATA] hmn: name of 1.001193"
expect-text "Mã thủ tục: 1.001193"
shot hmn-detail
# The questions end the page: the translated one, and the others marked.
drag 900 950 900 250 250
wait 3000
drag 900 950 900 250 250
wait 3000
drag 900 950 900 250 250
wait 3000
drag 900 950 900 250 250
wait 3000
drag 900 950 900 250 250
wait 3000
drag 900 950 900 250 250
wait 3000
drag 900 950 900 250 250
wait 3000
drag 900 950 900 250 250
wait 3000
drag 900 450 900 700 2000
wait 2500
expect-text "[TEST DATA] hmn: question two?"
expect-text "[TEST DATA] hmn: answer two"
expect-text "Không có Giấy chứng sinh thì làm thế nào? (Tiếng"
expect-no-text "[TEST DATA] hmn: answer two (Tiếng Việt)"
shot hmn-faq
tap-text "Trang chủ"

# A word of a translated name finds its procedure; Vietnamese search finds nothing for it.
tap-text "Tra cứu"
type "xyzzy"
expect-text "[TEST DATA] hmn: xyzzy name of 1.000656"
expect-no-text "Không tìm thấy"
shot hmn-search-translated
tap-text "Trang chủ"

# A field's list: by name the first ones have no translation; the one
# viewed above comes first by views, its name translated.
tap-text "Thủ tục hành chính"
tap-text "Hộ tịch"
expect-text "(Tiếng Việt)"
expect-no-text "[TEST DATA]"
shot hmn-list
tap-text "Xem nhiều nhất"
expect-text "[TEST DATA] hmn: name of 1.001193"
expect-text "1.001193 · lượt xem: 1"
shot hmn-list-views
tap-text "Trang chủ"

# News: the translated items, the others marked in their date line.
tap-text "Tin cải cách hành chính"
expect-text "[TEST DATA] hmn: news title one"
expect-text "[TEST DATA] hmn: news title three"
expect-text "24/11/2026 (Tiếng Việt)"
shot hmn-news
tap-text "[TEST DATA] hmn: news title one"
expect-text "[TEST DATA] hmn: news body one"
expect-no-text "(Tiếng Việt)"
shot hmn-article
tap-text "Quay lại"
tap-text "[TEST DATA] hmn: news title three"
expect-text "Thường xuyên kịp thời cập nhật"
expect-exact "(Tiếng Việt)"
shot hmn-article-untranslated-body
tap-text "Trang chủ"

# Hotlines: the translated agency and topic, the rest marked.
tap-text "Đường dây nóng"
expect-text "[TEST DATA] hmn: hotline agency"
expect-text "[TEST DATA] hmn: hotline topic one"
expect-text "tỉnh Sơn La (Tiếng"
expect-text "Chủ tịch UBND xã Chiềng Sơn (Tiếng"
shot hmn-hotlines
tap-text "Trang chủ"

# Back to Vietnamese: the catalogue's own text, nothing marked.
tap-text "Hmoob"
tap-text "Tiếng Việt"
tap-text "Đường dây nóng"
expect-text "Bộ phận tiếp nhận và trả kết quả"
expect-no-text "[TEST DATA]"
expect-no-text "(Tiếng Việt)"
tap-text "Trang chủ"
tap-text "Tra cứu"
type "khai sinh"
expect-no-text "[TEST DATA]"
expect-no-text "(Tiếng Việt)"
shot vi-search
SCRIPT
shots="$TMP/shots"
[ -n "${MOTCUA_SHOTS:-}" ] && shots="$MOTCUA_SHOTS/langs_lists-$size"
run 0 kiosk --headless --size "$size" --check-layout --script "$S" --shots "$shots"
finish
