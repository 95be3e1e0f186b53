#!/usr/bin/env bash
# Break 3, adversarial: configurations that are not text files — a FIFO
# (which would block a plain open forever), a folder, a device, a huge
# file, NUL bytes, binary garbage, a PIN hash hidden in another section, a
# misspelt key. Each one: no hang, the catalogue still served, import
# refused with status 3 and the reason, the default PIN refused.
. "$MOTCUA_SRC/tests/hardening/config/lib.sh"
run 0 search "khai sinh" # fills the store from the sample
CAT="$MOTCUA_STORE/catalog.sqlite"
cp "$CAT" "$TMP/catalog.before"
bundle_v2 "$TMP/v2"

# try NAME WANT — the configuration at $MOTCUA_CONFIG is refused with WANT.
try() {
	local name=$1 want=$2
	OUT=$(timeout 30 "$MOTCUA_BIN" search "khai sinh" 2>"$TMP/err"); local rc=$?
	[ "$rc" = 0 ] || fail "$name: search exited $rc (124: it hung)"
	expect_in "$OUT" "khai sinh" "$name: search"
	expect_in "$(cat "$TMP/err")" "$want" "$name: the reason"
	timeout 30 "$MOTCUA_BIN" import "$TMP/v2" >/dev/null 2>"$TMP/err"; rc=$?
	[ "$rc" = 3 ] || fail "$name: import exited $rc, want 3"
	expect_in "$(cat "$TMP/err")" "nothing was imported" "$name: import"
	cmp -s "$CAT" "$TMP/catalog.before" || fail "$name: the catalogue changed"
}

export MOTCUA_CONFIG="$TMP/fifo.conf"
mkfifo "$MOTCUA_CONFIG"
try fifo "cannot read the configuration file: not a regular file"
expect_kiosk "fifo" "$OPEN"'
expect-text "Mã PIN mặc định 000000 bị từ chối"
type "000000"
expect-no-text "Thoát"'

export MOTCUA_CONFIG="$TMP/dir.conf"
mkdir "$MOTCUA_CONFIG"
try folder "cannot read the configuration file: not a regular file"

export MOTCUA_CONFIG=/dev/zero
try device "cannot read the configuration file: not a regular file"

export MOTCUA_CONFIG="$TMP/huge.conf"
{ printf '[kiosk]\n'; head -c 1048576 /dev/zero | tr '\0' '#'; } > "$MOTCUA_CONFIG"
try huge "cannot read the configuration file: bigger than 64 KiB"

export MOTCUA_CONFIG="$TMP/nul.conf"
printf '[kiosk]\npublic_key = %s\0 trailing\n' "$GOOD_KEY" > "$MOTCUA_CONFIG"
try nul "$MOTCUA_CONFIG:2: error: the line holds a NUL byte"

export MOTCUA_CONFIG="$TMP/garbage.conf"
printf '\x89PNG\r\n\x1a\n\xff\xfe pin \x01\x02\n' > "$MOTCUA_CONFIG"
try garbage "$MOTCUA_CONFIG:3: error: expected 'key = value': the line may be meant as pin_hash or public_key"

export MOTCUA_CONFIG="$TMP/section.conf"
printf '[kiosk]\nrotate = 0\n[staff]\npin_hash = $argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\n' > "$MOTCUA_CONFIG"
try "other section" "$MOTCUA_CONFIG:4: error: 'pin_hash' outside the [kiosk] section is not used"

export MOTCUA_CONFIG="$TMP/misspelt.conf"
printf '[kiosk]\npublickey = %s\n' "$GOOD_KEY" > "$MOTCUA_CONFIG"
try misspelt "$MOTCUA_CONFIG:2: error: unknown key 'publickey'"
finish
