#!/usr/bin/env bash
# The stick pulled out while the staff area checks its dossier list: the
# list read into memory is not installed, the old one stays in use, and
# the staff area says why. MOTCUA_TEST_HOLD_COPY parks the check once the
# file is in memory, so the stick goes in the middle of it every time.
. "$MOTCUA_SRC/tests/ui/dossier_lib.sh"
big_list "$TMP/big" 100000
MOTCUA_TEST_HOLD_COPY=1 expect_kiosk "stick pulled during the check" '
usb-insert '"$TMP/big"'
'"$STAFF_DOSSIERS"'
tap-text "Cập nhật danh sách hồ sơ"
expect-text "Đang kiểm tra danh sách hồ sơ…"
shot checking
usb-remove
wait 300000
expect-text "USB đã được rút ra trước khi cài đặt xong danh sách hồ sơ. Không có gì thay đổi."
expect-no-text "Đang kiểm tra danh sách hồ sơ…"
shot pulled
tap-text "Trang chủ"
expect-text "Tra cứu hồ sơ"
tap-text "Tra cứu hồ sơ"
scan "OLD-0001"
expect-text "Đã có kết quả"'
old_list_kept "stick pulled during the check"
finish
