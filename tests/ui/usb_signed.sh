#!/usr/bin/env bash
# Signed bundles at the kiosk: with a public key configured, a bundle signed
# with the real minisign tool shows who signed it and installs; an unsigned
# one is refused with the signature message and changes nothing.
# (The signature rules themselves: tests/unit/test_signature.c, tests/cli/test_signed.sh.)
. "$MOTCUA_SRC/tests/ui/usb_lib.sh"
need minisign
run 0 show "$GONE_CODE" # fills the store from the sample (version 1)
CAT="$MOTCUA_STORE/catalog.sqlite"

minisign -G -W -p "$TMP/pub" -s "$TMP/sec" >/dev/null
printf '[kiosk]\npublic_key = %s\n' "$(tail -n 1 "$TMP/pub")" > "$MOTCUA_CONFIG"
TC='Sở Tư pháp tỉnh Sơn La — bản phát hành'
sign() { # DIR — SHA256SUMS of every file, signed
	(cd "$1" && rm -f SHA256SUMS SHA256SUMS.minisig &&
		find . -type f | sed 's|^\./||' | LC_ALL=C sort | xargs -d '\n' sha256sum > "$TMP/SHA256SUMS.tmp" &&
		mv "$TMP/SHA256SUMS.tmp" SHA256SUMS) &&
		minisign -S -s "$TMP/sec" -m "$1/SHA256SUMS" -t "$TC" >/dev/null
}

# Unsigned: refused, with the signature message; nothing changes.
bundle_v2 "$TMP/unsigned"
cp "$CAT" "$TMP/catalog.before"
expect_kiosk "unsigned bundle" '
usb-insert '"$TMP/unsigned"'
type "000000"
expect-text "Gói dữ liệu trên USB có lỗi nên chưa cập nhật."
expect-text "SHA256SUMS: lỗi: gói dữ liệu chưa được ký"
expect-text "Danh mục đang dùng không thay đổi."
shot unsigned'
cmp -s "$CAT" "$TMP/catalog.before" || fail "an unsigned bundle changed the catalogue"

# Signed with the configured key: the signer shows, and it installs.
bundle_v2 "$TMP/signed"
sign "$TMP/signed" || fail "minisign could not sign the bundle"
expect_kiosk "signed bundle" '
usb-insert '"$TMP/signed"'
type "000000"
expect-text "Người ký"
expect-text "Sở Tư pháp tỉnh Sơn La"
expect-no-text "Gói không có chữ ký"
expect-text "'"$NEW_NAME"'"
shot signed
tap-text "lên phiên bản 2"
expect-text "Đã cập nhật lên phiên bản 2. Bạn có thể rút USB."'
run 0 show "$NEW_CODE"
finish
