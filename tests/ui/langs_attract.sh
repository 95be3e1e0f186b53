#!/usr/bin/env bash
# The attract (idle) slides in a content language (issue 12.4), with test
# data only (tests/fixtures/langs/README): a kiosk that starts in "hmn" (a
# UI translation installed for it — here the build's Vietnamese catalogue
# under that code, test data — and the bundle's dich/hmn/) shows the
# hotlines and news slides with the translated rows, and marks what stays
# Vietnamese "(Tiếng Việt)" as the hotlines and news screens do: the agency
# of a hotline, the date of a news item whose title is not translated. A
# kiosk started in Vietnamese marks nothing. Every slide passes the layout
# check. On the old kiosk the slides showed the translated rows but marked
# none of the Vietnamese ones.
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen
size=${1:-1920x1080}
. "$MOTCUA_SRC/tests/ui/langs_lib.sh"
langs_setup
# The build's Vietnamese catalogue also under "hmn" (test data).
mkdir -p "$L/hmn/LC_MESSAGES"
cp "$L/vi/LC_MESSAGES/motcua.mo" "$L/hmn/LC_MESSAGES/motcua.mo"

# idle to the attract screen, then slide by slide to the hotlines and news.
to_attract='
expect-exact "Hmoob"
wait 91000
wait 21000
expect-text "Chạm để tra cứu thủ tục"
expect-text "Xin kính chào"
wait 8000
expect-text "Đường dây nóng"'
S="$TMP/attract-hmn.script"
cat >"$S" <<SCRIPT
$to_attract
# The translated agency as it is; the others marked, as on the hotlines screen.
expect-text "[TEST DATA] hmn: hotline agency one: 0212 000 0001"
expect-no-text "hotline agency one (Tiếng"
expect-text "Chủ tịch UBND xã Chiềng Sơn (Tiếng Việt): "
expect-text "Cảnh sát (Công an) (Tiếng Việt): 113"
shot attract-hmn-hotlines
# The index results, then the news.
wait 8000
wait 8000
expect-text "Tin cải cách hành chính"
# The translated titles; the others' dates marked, as in the news list.
expect-text "24/11/2026 — [TEST DATA] hmn: news title one"
expect-text "24/11/2026 — [TEST DATA] hmn: news title three"
expect-text "24/11/2026 (Tiếng Việt) — Mục đích: giúp người dân"
expect-no-text "(Tiếng Việt) — [TEST DATA]"
shot attract-hmn-news
SCRIPT
shots="$TMP/shots"
[ -n "${MOTCUA_SHOTS:-}" ] && shots="$MOTCUA_SHOTS/langs_attract-$size"
MOTCUA_LANG=hmn run 0 kiosk --headless --size "$size" --check-layout --script "$S" --shots "$shots"
for s in attract-hmn-hotlines attract-hmn-news; do
	[ -s "$shots/$s.png" ] || fail "no screenshot $s.png"
done

# Started in Vietnamese: the catalogue's own text, nothing marked.
S="$TMP/attract-vi.script"
printf '%s\n' "$to_attract" | sed 's/expect-exact "Hmoob"/expect-exact "Tiếng Việt"/' >"$S"
cat >>"$S" <<'SCRIPT'
expect-text "Bộ phận tiếp nhận và trả kết quả xã Chiềng Sơn: "
expect-no-text "[TEST DATA]"
expect-no-text "(Tiếng Việt)"
wait 8000
wait 8000
expect-text "Tin cải cách hành chính"
expect-no-text "[TEST DATA]"
expect-no-text "(Tiếng Việt)"
shot attract-vi-news
SCRIPT
MOTCUA_LANG=vi run 0 kiosk --headless --size "$size" --check-layout --script "$S" --shots "$shots"
finish
