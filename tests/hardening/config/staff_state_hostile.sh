#!/usr/bin/env bash
# Breaks 5 and 6, adversarial: a staff.state that cannot be trusted — a
# symlink (even to a valid state), garbage, a huge file, a NUL byte, a FIFO,
# a folder, an unknown key, a value out of range, writable by others, owned
# by someone else — fails closed: no PIN opens the staff area (not the
# default, not the one it claims), the PIN pad says why, the kiosk neither
# crashes nor hangs, and the file is left as it was for the administrator.
# On the old code staff.state was not read at all: 000000 opened the area.
. "$MOTCUA_SRC/tests/hardening/config/lib.sh"
printf '[kiosk]\nidle_prompt_s = 900\n' > "$MOTCUA_CONFIG"
run 0 search "khai sinh"
STATE="$MOTCUA_STORE/staff.state"
# A valid state with the PIN 246810, kept aside.
expect_kiosk "set a PIN" "$OPEN"'
type "000000"
tap-text "Đổi mã PIN"
type "246810"
type "246810"
expect-text "Đã đổi mã PIN."'
cp "$STATE" "$TMP/valid.state"

# refused NAME — the kiosk refuses every PIN and says why; STATE unchanged.
refused() {
	local before
	before=$(stat -c '%F %s %Y' "$STATE" 2>/dev/null; [ -f "$STATE" ] && sha256sum < "$STATE")
	expect_kiosk "$1" "$OPEN"'
expect-text "Không tin được tệp cán bộ"
type "000000"
expect-no-text "Thoát"
type "246810"
expect-no-text "Thoát"
expect-text "Không tin được tệp cán bộ"'
	expect_in "$KERR" "staff.state" "$1: the journal names the file"
	[ "$(stat -c '%F %s %Y' "$STATE" 2>/dev/null; [ -f "$STATE" ] && sha256sum < "$STATE")" = "$before" ] ||
		fail "$1: the kiosk changed staff.state"
	rm -rf "$STATE"
}

rm -f "$STATE"; ln -s "$TMP/valid.state" "$STATE"; refused "a symlink to a valid state"
head -c 300 /dev/urandom > "$STATE"; chmod 0600 "$STATE"; refused "garbage"
{ cat "$TMP/valid.state"; yes 'failures = 0' | head -c 1048576; } > "$STATE"; chmod 0600 "$STATE"; refused "huge"
{ printf 'failures = 0\0\n'; cat "$TMP/valid.state"; } > "$STATE"; chmod 0600 "$STATE"; refused "a NUL byte"
mkfifo -m 0600 "$STATE"; refused "a FIFO"
mkdir -m 0700 "$STATE"; refused "a folder"
{ cat "$TMP/valid.state"; echo 'unlock = yes'; } > "$STATE"; chmod 0600 "$STATE"; refused "an unknown key"
sed 's/^failures = .*/failures = -5/' "$TMP/valid.state" > "$STATE"; chmod 0600 "$STATE"; refused "failures out of range"
sed 's/^pin_hash = .*/pin_hash = 246810/' "$TMP/valid.state" > "$STATE"; chmod 0600 "$STATE"; refused "a PIN in clear"
cp "$TMP/valid.state" "$STATE"; chmod 0666 "$STATE"; refused "writable by others"
if [ "$(id -u)" = 0 ]; then
	cp "$TMP/valid.state" "$STATE"; chmod 0600 "$STATE"; chown 1234 "$STATE"; refused "another owner"
fi

# Removing it (the administrator's way out) gives the configuration's PIN.
expect_kiosk "removed" "$OPEN"'
type "000000"
expect-text "Thoát"'
finish
