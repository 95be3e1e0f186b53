#!/usr/bin/env bash
# Break 3: an invalid pin_hash or public_key in the configuration refuses
# every import (exit 3, FILE:LINE in the message) and the default PIN, and
# says why on the PIN pad and in the staff area; citizens keep the
# catalogue. On the old code a bad pin_hash was taken silently (no PIN
# worked and nobody said why) and imports went on.
. "$MOTCUA_SRC/tests/hardening/config/lib.sh"
run 0 search "khai sinh" # fills the store from the sample (version 1)
CAT="$MOTCUA_STORE/catalog.sqlite"
cp "$CAT" "$TMP/catalog.before"
bundle_v2 "$TMP/v2"

# The PIN itself where its hash belongs.
printf '[kiosk]\nidle_prompt_s = 900\npin_hash = 246810\n' > "$MOTCUA_CONFIG"
run 3 import "$TMP/v2"
expect_in "$ERR" "$MOTCUA_CONFIG:3: error: 'pin_hash' is not a PIN hash" "bad pin_hash: FILE:LINE"
expect_in "$ERR" "nothing was imported" "bad pin_hash: import"
cmp -s "$CAT" "$TMP/catalog.before" || fail "bad pin_hash: the catalogue changed"
run 0 search "khai sinh"
expect_in "$OUT" "khai sinh" "bad pin_hash: search"
expect_kiosk "bad pin_hash" "$OPEN"'
expect-text "pin_hash trong tệp cấu hình không hợp lệ"
type "000000"
expect-no-text "Thoát"
type "246810"
expect-no-text "Thoát"'
expect_in "$KERR" "$MOTCUA_CONFIG:3: lỗi: 'pin_hash' không phải là mã băm PIN" "bad pin_hash: the journal"

# A public key cut short.
printf '[kiosk]\nidle_prompt_s = 900\npublic_key = %s\n' "${GOOD_KEY%????}" > "$MOTCUA_CONFIG"
run 3 import "$TMP/v2"
expect_in "$ERR" "$MOTCUA_CONFIG:3: error: 'public_key' is not a minisign public key" "bad public_key: FILE:LINE"
cmp -s "$CAT" "$TMP/catalog.before" || fail "bad public_key: the catalogue changed"
run 3 check "$TMP/v2"
expect_in "$ERR" "the signature cannot be verified" "bad public_key: check"
expect_kiosk "bad public_key: the default PIN" "$OPEN"'
expect-text "Mã PIN mặc định 000000 bị từ chối"
type "000000"
expect-no-text "Thoát"'

# A PIN staff set earlier still opens the staff area, which refuses the
# stick's update and says why.
printf '[kiosk]\nidle_prompt_s = 900\n' > "$MOTCUA_CONFIG"
expect_kiosk "set a PIN" "$OPEN"'
type "000000"
tap-text "Đổi mã PIN"
type "246810"
type "246810"
expect-text "Đã đổi mã PIN."'
printf '[kiosk]\nidle_prompt_s = 900\npublic_key = not-a-key\n' > "$MOTCUA_CONFIG"
expect_kiosk "bad public_key: a stick" '
usb-insert '"$TMP/v2"'
type "246810"
expect-text "Không được cập nhật từ USB"
expect-text "Bị từ chối cho đến khi sửa xong tệp cấu hình"
tap-text "Cập nhật từ USB"
expect-text "Không được cập nhật từ USB"'
cmp -s "$CAT" "$TMP/catalog.before" || fail "bad public_key: the kiosk changed the catalogue"
finish
