#!/usr/bin/env bash
# Every staff-area and USB-update screen with --check-layout (no text out of
# its box or the screen, no two texts overlapping) at one size:
# usb_layout.sh SIZE [kiosk options...]. MOTCUA_SHOTS=DIR keeps the shots
# (DIR/usb-layout-SIZE/*.png) to look at.
. "$MOTCUA_SRC/tests/ui/usb_lib.sh"
SIZE=$1
shift
SHOTS_NAME="usb-layout-$SIZE$(echo "$*" | tr -dc 'a-z0-9')"
run 0 show "$GONE_CODE"
printf '[kiosk]\nidle_prompt_s = 900\n' > "$MOTCUA_CONFIG"
bundle_v2 "$TMP/v2"
cp -r "$TMP/v2" "$TMP/bad"
tail -n 1 "$TMP/bad/procedures.csv" >> "$TMP/bad/procedures.csv"
sed -i 's/^ngay_ban_hanh *=.*/ngay_ban_hanh = 31\/02\/2026/' "$TMP/bad/bundle.ini"
OPEN='drag 60 60 60 60 3200'

MOTCUA_TEST_HOLD_COPY=1 expect_kiosk "copy and removal at $SIZE" '
usb-insert '"$TMP/v2"'
shot pin-usb
type "000000"
expect-text "Đang sao chép gói dữ liệu từ USB…"
shot copying
usb-remove
expect-text "USB đã được rút ra"
shot removed' --check-layout "$@"

expect_kiosk "update screens at $SIZE" '
usb-insert '"$TMP/bad"'
type "000000"
expect-text "Lỗi (2)"
shot invalid
tap-text "Đóng"
usb-remove
usb-insert '"$TMP/v2"'
type "000000"
expect-text "Thêm mới (1)"
shot preview
drag 500 900 500 300 300
wait 3000
shot preview-scrolled
tap-text "lên phiên bản 2"
expect-text "Đã cập nhật lên phiên bản 2."
shot done
tap-text "Trang chủ"
'"$OPEN"'
type "000000"
expect-text "Quay về phiên bản 1"
shot staff
tap-text "Khôi phục danh mục trước"
shot rollback-confirm
tap-text "Hủy"
tap-text "In trang thử"
wait 1000
tap-text "Xuất số liệu sử dụng ra USB"
shot staff-notices
drag 500 700 500 300 300
wait 3000
tap-text "Đổi mã PIN"
type "111111"
type "222222"
expect-text "Hai lần nhập không giống nhau."
shot pin-change
tap-text "Quay lại"
tap-text "A+ Chữ to"
drag 500 300 500 700 300
wait 3000
shot staff-large
tap-text "Cập nhật từ USB"
usb-remove
shot staff-large-no-stick
tap-text "A– Chữ thường"
tap-text "Tiếng Việt"
tap-text "English"
shot staff-en' --check-layout "$@"

expect_kiosk "locked pad at $SIZE" "$OPEN"'
type "111111"
type "111111"
type "111111"
type "111111"
type "111111"
expect-text "Thử lại sau 5:00."
shot pin-locked' --check-layout "$@"
finish
