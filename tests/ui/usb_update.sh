#!/usr/bin/env bash
# The catalogue update from a USB stick, as desk staff do it: the stick
# brings up a PIN prompt (and nothing of what is on it), the preview names
# the procedures added and removed, "Cập nhật" installs and the citizens'
# search finds the new procedure at once. A broken bundle lists its errors
# with FILE:LINE and changes nothing; a stick pulled out in the middle of the
# copy changes nothing; an older bundle needs the explicit "go back" button.
. "$MOTCUA_SRC/tests/ui/usb_lib.sh"
CAT="$MOTCUA_STORE/catalog.sqlite"
run 0 show "$GONE_CODE" # fills the store from the sample (version 1)
cp "$CAT" "$TMP/catalog.v1"
bundle_v2 "$TMP/v2"
# ... and the fees of the first procedure changed: the preview names the
# changed field by its column title.
python3 - "$TMP/v2/procedures.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
rows[1][rows[0].index('phi_le_phi')] = '10.000 đồng/bản'
csv.writer(open(sys.argv[1], 'w', encoding='utf-8', newline=''), lineterminator='\n').writerows(rows)
EOF

# Before: the procedure to be removed is found, the new one is not (so the
# searches below can tell the catalogues apart). Result rows show the code
# under the name, which may wrap in the narrow result column.
expect_kiosk "search before" '
tap-text "Tra cứu"
type "khai tu luu dong"
expect-text "'"$GONE_CODE"'"
tap-text "Xóa hết"
type "xac nhan thu nghiem cap nhat"
expect-no-text "'"$NEW_CODE"'"'

# A broken bundle: the new procedure's row twice (a duplicate code). Every
# error with its file and line; the catalogue in use stays as it was.
cp -r "$TMP/v2" "$TMP/bad"
tail -n 1 "$TMP/bad/procedures.csv" >> "$TMP/bad/procedures.csv"
bad_line=$(wc -l < "$TMP/bad/procedures.csv")
expect_kiosk "broken bundle" '
usb-insert '"$TMP/bad"'
type "000000"
expect-text "Gói dữ liệu trên USB có lỗi nên chưa cập nhật."
expect-text "Danh mục đang dùng không thay đổi."
expect-text "Lỗi (1)"
expect-text "procedures.csv:'"$bad_line"': lỗi: dòng 78 trong Excel, dòng '"$bad_line"' của tệp"
expect-no-text "lên phiên bản 2"
shot broken
tap-text "Đóng"
usb-remove
tap-text "Tra cứu"
type "khai tu luu dong"
expect-text "'"$GONE_CODE"'"'
cmp -s "$CAT" "$TMP/catalog.v1" || fail "a broken bundle changed the catalogue"
[ -e "$MOTCUA_STORE/staging" ] && fail "the staging copy of a broken bundle was left behind"

# The stick pulled out while the copy runs (MOTCUA_TEST_HOLD_COPY parks the
# copy after its first bytes until the stick goes).
MOTCUA_TEST_HOLD_COPY=1 expect_kiosk "stick pulled during the copy" '
usb-insert '"$TMP/v2"'
type "000000"
expect-text "Đang sao chép gói dữ liệu từ USB…"
expect-text "Không rút USB cho đến khi sao chép xong."
shot copying
usb-remove
expect-text "USB đã được rút ra trước khi sao chép xong."
expect-text "Không có gì thay đổi."
expect-no-text "'"$NEW_NAME"'"
shot removed
tap-text "Đóng"
expect-text "Xin chào! Bạn cần tìm gì?"'
cmp -s "$CAT" "$TMP/catalog.v1" || fail "a stick pulled mid-copy changed the catalogue"
ls "$MOTCUA_STORE" | grep -q staging && fail "a partial staging copy was left behind"

# The update itself.
expect_kiosk "update" '
tap-text "Tin cải cách hành chính"
usb-insert '"$TMP/v2"'
expect-text "Đã cắm USB cập nhật. Cán bộ nhập mã PIN để tiếp tục."
expect-no-text "'"$NEW_NAME"'"
expect-no-text "Kế hoạch tuyên truyền"
shot pin
type "000000"
expect-text "Những gì thay đổi khi cập nhật"
expect-text "từ 1 lên 2"
expect-text "Gói không có chữ ký"
expect-text "Thêm mới (1)"
expect-text "'"$NEW_NAME"'"
expect-text "Bỏ đi (1)"
expect-text "'"$GONE_NAME"' ('"$GONE_CODE"')"
expect-text "Sửa đổi (1)"
expect-text "Hủy"
shot preview
drag 1300 800 1300 300 400
expect-text "Đã sửa: Phí, lệ phí"
tap-text "lên phiên bản 2"
expect-text "Đã cập nhật lên phiên bản 2. Bạn có thể rút USB."
shot done
usb-remove
expect-text "Xin chào! Bạn cần tìm gì?"
tap-text "Tra cứu"
type "xac nhan thu nghiem cap nhat"
expect-text "'"$NEW_CODE"'"
tap-text "Xóa hết"
type "khai tu luu dong"
expect-text "kết quả"
expect-no-text "'"$GONE_CODE"'"'
run 0 search "xac nhan thu nghiem cap nhat"
expect_in "$OUT" "$NEW_CODE" "the installed catalogue"
[ -e "$MOTCUA_STORE/staging" ] && fail "the staging copy was left behind after the update"

# An older bundle (the sample, version 1) is installed only through the
# explicit "go back" button.
expect_kiosk "downgrade" '
usb-insert '"$SAMPLE"'
type "000000"
expect-text "Gói dữ liệu trên USB là phiên bản 1, cũ hơn phiên bản 2 đang dùng."
expect-text "1 (thay cho 2)"
expect-text "Quay về phiên bản cũ hơn"
shot downgrade
tap-text "Quay về phiên bản cũ hơn"
expect-text "Đã cập nhật lên phiên bản 1. Bạn có thể rút USB."'
run 0 show "$GONE_CODE"
finish
