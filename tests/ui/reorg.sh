#!/usr/bin/env bash
# The 2025 reorganisation on the kiosk (issue 15.7) and "most viewed first"
# (15.4), on the test bundle of tests/fixtures/reorg (invented data):
# - the home tile "Tra cứu địa bàn cũ" (only when the catalogue has
#   dia_ban.csv); typing an old name without diacritics lists the old
#   communes of that name with what they belong to now;
# - a search finds the repealed procedure after the one in force, marked;
#   its page says "Đã bãi bỏ" before anything else and its button leads to
#   the replacement, whose page starts with the level and the place;
# - the field list leaves the repealed procedure out, lists alphabetically,
#   and, once procedures were viewed, offers "Xem nhiều nhất".
# VI and EN, normal and large text, every frame with --check-layout.
# reorg.sh SIZE [kiosk options...]
. "$MOTCUA_SRC/tests/cli/lib.sh"
size=$1
shift
: >"$MOTCUA_CONFIG"
export SDL_VIDEODRIVER=offscreen
export MOTCUA_LANG=vi
need python3
shots="$TMP/shots"
[ -n "${MOTCUA_SHOTS:-}" ] && shots="$MOTCUA_SHOTS/reorg-$size${*:+-$(echo "$*" | tr -dc 'a-z0-9')}"
opts=("$@")
run_script() { # NAME (script on stdin)
	cat >"$TMP/$1.script"
	"$MOTCUA_BIN" kiosk --headless --size "$size" --script "$TMP/$1.script" --shots "$shots" --check-layout \
		"${opts[@]}" >>"$TMP/kout" 2>"$TMP/kerr"
	local rc=$?
	[ "$rc" = 0 ] || { fail "the kiosk exited $rc at $size on $1"; tail -20 "$TMP/kerr" >&2; }
}

# The sample alone has no dia_ban.csv: no tile.
run 0 import "$SAMPLE"
run_script no-places <<'S'
expect-text "Tin cải cách hành chính"
expect-no-text "Tra cứu địa bàn cũ"
S

"$MOTCUA_SRC/tests/fixtures/reorg/make-bundle.sh" "$SAMPLE" "$TMP/b" 50
run 0 import "$TMP/b"

run_script places <<'S'
# The tile, then an old name typed without diacritics.
expect-text "Tra cứu địa bàn cũ"
shot home
tap-text "Tra cứu địa bàn cũ"
expect-text "Gõ tên xã, phường cũ"
shot places-empty
type "doi thu"
expect-text "2 kết quả"
expect-text "huyện Mẫu Một"
expect-text "Nay thuộc: xã Thử Nghiệm, tỉnh Mẫu"
expect-text "xã Đồi Thử (huyện Mẫu Hai)"
expect-text "Nay thuộc: phường Ví Dụ, tỉnh Mẫu"
expect-no-text "Suối Thử"
shot places
tap-text "A+ Chữ to"
expect-text "xã Đồi Thử"
expect-text "Nay thuộc:"
shot places-large
tap-text "A– Chữ thường"
tap-text "Tiếng Việt"
tap-text "English"
expect-text "Now: xã Thử Nghiệm, tỉnh Mẫu"
shot places-en
tap-text "English"
tap-text "Tiếng Việt"
tap-text "Xóa hết"
type "khong co"
expect-text "Không có xã, phường cũ nào mang tên này."
S

run_script repealed <<'S'
# Found by its name, after the procedure in force, marked.
tap-text "Tra cứu"
type "tinh trang hon nhan"
keep "1.004873" now
expect-run "1.999873" "y > now.y"
expect-exact "đã bãi bỏ"
shot search
tap-text "1.999873"
expect-text "Đã bãi bỏ: thủ tục này không còn thực hiện"
expect-text "(1.004873)"
shot repealed
tap-text "A+ Chữ to"
expect-text "Xem thủ tục thay thế"
shot repealed-large
tap-text "Tiếng Việt"
tap-text "English"
expect-text "Repealed:"
expect-text "See the procedure that replaces it"
shot repealed-en-large
tap-text "A– Normal text"
tap-text "See the procedure that replaces it"
expect-text "Procedure code: 1.004873"
expect-text "Where to hand in"
shot replacement-en
tap-text "English"
tap-text "Tiếng Việt"
# The level and the place, the first facts of the page.
keep "Lĩnh vực" field
expect-run "Cấp thực hiện" "y < field.y"
expect-run "Bộ phận Một cửa" "y < field.y"
expect-text "Thời hạn giải quyết"
expect-no-text "Đã bãi bỏ"
shot replacement
tap-text "A+ Chữ to"
expect-text "Địa chỉ tiếp nhận"
shot replacement-large
tap-text "A– Chữ thường"
S

run_script list <<'S'
# "Thủ tục xác nhận thông tin hộ tịch" is the last of Hộ tịch by name: viewed
# twice, it comes first when most viewed first is chosen.
tap-text "Tra cứu"
type "xac nhan thong tin ho tich"
tap-text "2.002516"
expect-text "Mã thủ tục: 2.002516"
tap-text "Quay lại"
tap-text "2.002516"
tap-text "Trang chủ"
tap-text "Thủ tục hành chính"
tap-text "Hộ tịch"
expect-text "Theo tên (A–Z)"
expect-text "Xem nhiều nhất"
expect-no-text "1.999873"
expect-no-text "2.002516"
shot list-name
tap-text "Xem nhiều nhất"
expect-text "2.002516 · lượt xem: 2"
keep "2.002516 · lượt xem: 2" top
expect-run "1.004873 · lượt xem: 1" "y > top.y"
expect-no-text "1.999873"
shot list-views
tap-text "A+ Chữ to"
expect-text "2.002516 · lượt xem: 2"
shot list-views-large
tap-text "Tiếng Việt"
tap-text "English"
expect-text "2.002516 · views: 2"
expect-text "Most viewed first"
shot list-views-en-large
tap-text "A– Normal text"
tap-text "By name (A–Z)"
expect-no-text "2.002516"
expect-no-text "views:"
shot list-name-en
S
finish
