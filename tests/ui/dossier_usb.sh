#!/usr/bin/env bash
# The dossier list from the staff's stick (issue 13.1): a stick whose motcua
# folder holds only ho_so.csv brings up the PIN; in the staff area "Cập nhật
# danh sách hồ sơ" installs it (no catalogue version, the catalogue file
# untouched) and the home screen then has the "Tra cứu hồ sơ" tile; a list
# with an error, or with a column of names, changes nothing and says why,
# with its line. The check runs in a worker (dossier_job.h): `wait` lets it
# finish. The codes are made up (test data).
. "$MOTCUA_SRC/tests/ui/usb_lib.sh"
run 0 show "$GONE_CODE" # fills the store from the sample
cp "$MOTCUA_STORE/catalog.sqlite" "$TMP/catalog.before"
H='Mã hồ sơ,Mã thủ tục,Ngày nhận,Ngày hẹn trả,Trạng thái,Ghi chú'
mkdir -p "$TMP/good/motcua" "$TMP/bad/motcua" "$TMP/names/motcua"
printf '%s\nTEST-0401,1.001193,01/12/2026,05/12/2026,đang xử lý,\nTEST-0402,1.001193,01/12/2026,09/12/2026,chờ bổ sung,Bản sao CCCD\n' \
	"$H" > "$TMP/good/motcua/HO_SO.CSV"
printf '%s\nTEST-0501,1.001193,01/12/2026,05/12/2026,đang xử lý,\nTEST-0502,1.001193,31/11/2026,05/12/2026,đang xử lý,\n' \
	"$H" > "$TMP/bad/motcua/ho_so.csv"
printf '%s,Họ tên\nTEST-0601,1.001193,01/12/2026,05/12/2026,đang xử lý,,Nguyễn Văn A\n' \
	"$H" > "$TMP/names/motcua/ho_so.csv"

expect_kiosk "install" '
expect-no-text "Tra cứu hồ sơ"
usb-insert '"$TMP/good"'
expect-text "Đã cắm USB cập nhật. Cán bộ nhập mã PIN để tiếp tục."
type "000000"
drag 500 700 500 300 300
wait 3000
expect-text "Cập nhật danh sách hồ sơ"
expect-text "ho_so.csv trên USB: cài đặt (mỗi ngày làm việc)."
tap-text "Cập nhật danh sách hồ sơ"
wait 10000
expect-text "Đã cập nhật danh sách hồ sơ: 2 hồ sơ."
shot staff-dossiers
usb-remove
tap-text "Trang chủ"
expect-text "Tra cứu hồ sơ"
tap-text "Tra cứu hồ sơ"
scan "TEST-0402"
expect-text "Cần bổ sung giấy tờ"
expect-text "Bản sao CCCD"'
cmp -s "$MOTCUA_STORE/catalog.sqlite" "$TMP/catalog.before" || fail "the dossier list changed the catalogue file"
run 0 dossier show TEST-0401
expect_in "$OUT" "Being processed" "the list the kiosk installed"
cp "$MOTCUA_STORE/dossiers.sqlite" "$TMP/dossiers.good"

expect_kiosk "refused" '
usb-insert '"$TMP/bad"'
type "000000"
drag 500 700 500 300 300
wait 3000
tap-text "Cập nhật danh sách hồ sơ"
wait 10000
expect-text "Danh sách hồ sơ không thay đổi (1 lỗi): ho_so.csv:3: lỗi:"
shot staff-dossiers-bad
usb-remove
usb-insert '"$TMP/names"'
drag 500 900 500 300 300
wait 3000
tap-text "Cập nhật danh sách hồ sơ"
wait 10000
expect-text "ho_so.csv:1: lỗi: cột '"'"'Họ tên'"'"' chứa thông tin cá nhân"'
cmp -s "$MOTCUA_STORE/dossiers.sqlite" "$TMP/dossiers.good" || fail "a refused list changed the installed one"
run 0 dossier show TEST-0402
finish
