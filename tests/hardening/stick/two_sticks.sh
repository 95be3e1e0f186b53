#!/usr/bin/env bash
# Two sticks (issue 9, break 11): with stick A in, B goes in and comes out
# again; the kiosk must still know A is in — the staff area offers it, and
# the usage figures go onto it.
. "$MOTCUA_SRC/tests/ui/usb_lib.sh"
run 0 show 1.000419
printf '[kiosk]\nidle_prompt_s = 900\n' > "$MOTCUA_CONFIG"
D=motcua-thong-ke-$(date +%Y%m%d)
expect_kiosk "two sticks" 'drag 60 60 60 60 3200
type "000000"
usb-insert '"$SAMPLE"'
expect-text "USB usb1: xem trước thay đổi rồi mới cập nhật."
usb-insert '"$SAMPLE"'
expect-text "USB usb2: xem trước thay đổi rồi mới cập nhật."
usb-remove usb2
expect-text "USB usb1: xem trước thay đổi rồi mới cập nhật."
expect-no-text "Hãy cắm USB có thư mục motcua."
tap-text "Xuất số liệu sử dụng ra USB"
expect-text "Đã xuất số liệu sử dụng vào USB, thư mục '"$D"'. Bạn có thể rút USB."
usb-remove usb1
expect-text "Hãy cắm USB có thư mục motcua."
shot none-left'
[ -f "$MOTCUA_SCRIPT_USB/removed/usb1/$D/usage_by_procedure.csv" ] || fail "the export did not go onto stick A"
[ ! -e "$MOTCUA_SCRIPT_USB/removed/usb2/$D" ] || fail "the export went onto stick B, which was pulled out"

# A stick that was in before the kiosk started counts too: pulling the
# newer one leaves it offered. (The same path as above; the start-up scan
# of kiosk.c adds every stick present, not only the first.)
expect_kiosk "three sticks, the middle one pulled" 'drag 60 60 60 60 3200
type "000000"
usb-insert '"$SAMPLE"'
usb-insert '"$SAMPLE"'
usb-insert '"$SAMPLE"'
expect-text "USB usb5:"
usb-remove usb4
expect-text "USB usb5:"
usb-remove usb5
expect-text "USB usb3:"
usb-remove usb3
expect-text "Hãy cắm USB có thư mục motcua."'
finish
