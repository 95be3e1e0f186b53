#!/usr/bin/env bash
# A new PIN that cannot be saved (the store is read-only: a full or failing
# disk): the staff read why, the old PIN still opens the staff area, and
# nothing was written. Needs root and a private mount namespace (a read-only
# bind mount that even root cannot write through); skips (77) without them.
. "$MOTCUA_SRC/tests/ui/usb_lib.sh"
if [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then
	echo "SKIP: needs root and a private mount namespace (unshare -m)"
	exit 77
fi
run 0 show "$GONE_CODE" # fills the store from the sample
printf '[kiosk]\nidle_prompt_s = 900\n' > "$MOTCUA_CONFIG"
OPEN='drag 60 60 60 60 3200' # the long press on the emblem
rm -f "$MOTCUA_STORE/staff.state"
KIOSK_WRAP="unshare -m $MOTCUA_SRC/tests/ui/ro_store.sh $MOTCUA_STORE"
expect_kiosk "unwritable staff.state" "$OPEN"'
type "000000"
tap-text "Đổi mã PIN"
type "135790"
type "135790"
expect-text "Không ghi được"
expect-text "staff.state"
expect-no-text "Đã đổi mã PIN."
shot pin-not-saved
tap-text "Quay lại"
expect-text "Hãy đổi mã PIN mặc định"
tap-text "Trang chủ"
'"$OPEN"'
type "000000"
expect-text "Thoát"'
unset KIOSK_WRAP
[ -e "$MOTCUA_STORE/staff.state" ] && fail "staff.state was written although the store is read-only"
finish
