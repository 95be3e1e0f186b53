#!/usr/bin/env bash
# The staff area: the PIN pad locks after five wrong tries and shows the time
# left; the default PIN is flagged; usage figures go to the stick as CSV
# files; a test page goes to the printer; a new PIN (typed twice) is saved
# in the store's staff.state (never in the configuration) and replaces the
# old one (usb_staff_readonly.sh: or a clear message says why not); the previous catalogue comes back after a confirmation.
. "$MOTCUA_SRC/tests/ui/usb_lib.sh"
run 0 show "$GONE_CODE" # fills the store from the sample (version 1)
# No idle prompt during the five minutes of the lock.
conf() { printf '[kiosk]\nidle_prompt_s = 900\n%s\n' "${1:-}" > "$MOTCUA_CONFIG"; }
conf
OPEN='drag 60 60 60 60 3200' # the long press on the emblem

expect_kiosk "lock" "$OPEN"'
type "111111"
type "111111"
type "111111"
type "111111"
expect-text "Mã PIN không đúng. Còn 1 lần thử."
type "111111"
expect-text "Nhập sai quá nhiều lần: bàn phím đã bị khóa."
expect-text "Thử lại sau 5:00."
shot pin-locked
type "000000"
expect-text "bàn phím đã bị khóa"
expect-no-text "Thoát"
wait 60000
expect-text "Thử lại sau 3:59."
tap-text "Quay lại"
'"$OPEN"'
expect-text "bàn phím đã bị khóa"
wait 240000
expect-no-text "bàn phím đã bị khóa"
type "000000"
expect-text "Thoát"'

# Usage figures: a citizen views a procedure; staff export to the stick.
conf 'printer = motcua-khong-co-may-in'
expect_kiosk "export" '
tap-text "Thủ tục hành chính"
tap-text "Hộ tịch"
tap-text "Cấp bản sao Trích lục hộ tịch"
expect-text "Mã thủ tục: 2.000635"
tap-text "Trang chủ"
'"$OPEN"'
type "000000"
expect-text "Hãy đổi mã PIN mặc định"
expect-text "Danh mục đang dùng: phiên bản 1 ngày 24/11/2026, 76 thủ tục."
expect-text "Hãy cắm USB có thư mục motcua."
expect-text "Chưa có danh mục trước để khôi phục."
shot staff
tap-text "Xuất số liệu sử dụng ra USB"
expect-text "Chưa cắm USB. Hãy cắm USB có thư mục motcua rồi bấm lại."
usb-insert '"$SAMPLE"'
expect-no-text "Đã cắm USB cập nhật"
expect-text "USB usb1: xem trước thay đổi rồi mới cập nhật."
tap-text "Xuất số liệu sử dụng ra USB"
expect-text "Đã xuất số liệu sử dụng vào USB, thư mục motcua-thong-ke-"
shot exported
tap-text "In trang thử"
wait 1000
expect-text "Không in được trang thử:"
shot print-failed'
set -- "$TMP"/usb/media/usb1/motcua-thong-ke-????????
if [ $# != 1 ] || [ ! -d "$1" ]; then
	fail "export: no motcua-thong-ke-YYYYMMDD folder on the stick"
else
	for f in usage_by_procedure.csv search_no_result.csv ratings.csv; do
		[ -s "$1/$f" ] || fail "export: $f is missing on the stick"
	done
	expect_in "$(cat "$1/usage_by_procedure.csv")" "ma_thu_tuc,thang,luot_xem,luot_in" "export: header"
	expect_in "$(cat "$1/usage_by_procedure.csv")" "2.000635," "export: the view of the procedure"
fi

# A new PIN, typed twice; the default and a mismatch are refused.
conf
expect_kiosk "change PIN" "$OPEN"'
type "000000"
tap-text "Đổi mã PIN"
expect-text "Nhập mã PIN mới (6 chữ số)"
type "000000"
expect-text "000000 là mã mặc định ai cũng biết. Hãy chọn mã khác."
type "246810"
expect-text "Nhập lại mã PIN mới"
type "246811"
expect-text "Hai lần nhập không giống nhau. Hãy nhập lại từ đầu."
expect-text "Nhập mã PIN mới (6 chữ số)"
shot pin-mismatch
type "246810"
type "246810"
expect-text "Đã đổi mã PIN. Từ nay hãy dùng mã PIN mới."
expect-no-text "Hãy đổi mã PIN mặc định"
tap-text "Trang chủ"
'"$OPEN"'
type "000000"
expect-text "Mã PIN không đúng. Còn 4 lần thử."
type "246810"
expect-text "Thoát"'
grep -q '^pin_hash = \$argon2id\$' "$MOTCUA_STORE/staff.state" || fail "the new PIN's hash is not in staff.state"
grep -q pin_hash "$MOTCUA_CONFIG" && fail "changing the PIN wrote the configuration"
grep -q 246810 "$MOTCUA_STORE/staff.state" && fail "the PIN itself was written to staff.state"
# It holds after a restart.
expect_kiosk "new PIN after a restart" "$OPEN"'
type "000000"
expect-text "Mã PIN không đúng."
type "246810"
expect-text "Thoát"
expect-no-text "Hãy đổi mã PIN mặc định"'

# A staff.state that cannot be written: usb_staff_readonly.sh.
# Back to the default PIN (removing staff.state is the documented reset).
rm -f "$MOTCUA_STORE/staff.state"

# The previous catalogue: imported v2, then put back from the staff area.
bundle_v2 "$TMP/v2"
run 0 import "$TMP/v2"
expect_kiosk "rollback" "$OPEN"'
type "000000"
expect-text "Danh mục đang dùng: phiên bản 2"
expect-text "Quay về phiên bản 1, dùng trước lần cập nhật cuối."
tap-text "Khôi phục danh mục trước"
expect-text "Khôi phục danh mục trước (phiên bản 1) thay cho phiên bản 2?"
shot rollback-confirm
tap-text "Hủy"
expect-text "Danh mục đang dùng: phiên bản 2"
tap-text "Khôi phục danh mục trước"
tap-text "Đồng ý khôi phục"
expect-text "Đã khôi phục danh mục phiên bản 1."
expect-text "Danh mục đang dùng: phiên bản 1"
shot rolled-back
tap-text "Trang chủ"
tap-text "Tra cứu"
type "khai tu luu dong"
expect-text "'"$GONE_CODE"'"'
run 0 show "$GONE_CODE"
finish
