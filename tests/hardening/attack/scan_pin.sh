#!/usr/bin/env bash
# Attack with a barcode scanner on the staff PIN (DESIGN §8): the stick's
# PIN prompt is up and someone scans a "receipt" that is the PIN (the
# default 000000) or types it as fast keys, with and without a dossier list
# installed. A scan may only open a dossier's status; it never reaches the
# PIN pad, so the staff area stays closed. Then 10,000 fast characters and
# Enter: no lookup, the kiosk stays up.
. "$MOTCUA_SRC/tests/ui/usb_lib.sh"
run 0 show "$GONE_CODE" # fills the store from the sample
mkdir -p "$TMP/stick/motcua"
printf 'ma_ho_so,ma_thu_tuc,ngay_nhan,ngay_hen_tra,trang_thai\nTEST-0701,1.001193,01/12/2026,05/12/2026,dang xu ly\n' \
	> "$TMP/stick/motcua/ho_so.csv"
long=$(head -c 10000 /dev/zero | tr '\0' 'x')

expect_kiosk "no list" '
usb-insert '"$TMP/stick"'
expect-text "Đã cắm USB cập nhật. Cán bộ nhập mã PIN để tiếp tục."
scan "000000"
wait 1000
expect-text "Đã cắm USB cập nhật. Cán bộ nhập mã PIN để tiếp tục."
expect-no-text "Cập nhật danh sách hồ sơ"
expect-no-text "Khu vực cán bộ"'

run 0 dossier import "$TMP/stick/motcua/ho_so.csv"
expect_kiosk "a list installed" '
usb-insert '"$TMP/stick"'
expect-text "Đã cắm USB cập nhật. Cán bộ nhập mã PIN để tiếp tục."
scan "000000"
wait 1000
expect-text "Không có hồ sơ mã 000000."
expect-no-text "Cập nhật danh sách hồ sơ"
expect-no-text "Khu vực cán bộ"
scan "'"$long"'"
wait 1000
expect-no-text "Không có hồ sơ mã xxxx"
scan "TEST-0701"
expect-text "Đang xử lý"
expect-no-text "Khu vực cán bộ"'
finish
