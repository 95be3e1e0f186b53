#!/usr/bin/env bash
# Break 5: staff change the PIN at the kiosk under the README's deployment,
# as the service user (uid/gid 65534 here, no other groups) with exactly the
# documented owners and modes: the configuration root-owned, group = the
# service's group, mode 0640, in a root-owned 0755 folder (read-only to the
# service); the store owned by the service user, 0750. The new PIN goes to
# STORE/staff.state (0600, the service's), the configuration is left
# untouched, and the PIN holds after a restart. The administrator's later
# pin_hash in the configuration wins over the staff's (the reset).
# On the old code the change wrote motcua.conf.tmp beside the configuration
# and failed with "Permission denied".
. "$MOTCUA_SRC/tests/hardening/config/lib.sh"
as_nobody
install -d -m 0755 -o 0 -g 0 "$TMP/etc"
export MOTCUA_CONFIG="$TMP/etc/motcua.conf"
printf '[kiosk]\nidle_prompt_s = 900\nprinter = motcua-no-such-printer\n' > "$MOTCUA_CONFIG"
chown 0:65534 "$MOTCUA_CONFIG"
chmod 0640 "$MOTCUA_CONFIG"
install -d -m 0750 -o 65534 -g 65534 "$MOTCUA_STORE"
sum_before=$(sha256sum < "$MOTCUA_CONFIG")
run_as 0 search "khai sinh" # fills the store from the sample, as the service would
STATE="$MOTCUA_STORE/staff.state"

expect_kiosk "change the PIN as the service user" "$OPEN"'
type "000000"
expect-text "Hãy đổi mã PIN mặc định"
tap-text "Đổi mã PIN"
type "246810"
type "246810"
expect-text "Đã đổi mã PIN."
expect-no-text "Hãy đổi mã PIN mặc định"'
[ -f "$STATE" ] || fail "no staff.state in the store"
[ "$(stat -c '%u %a' "$STATE" 2>/dev/null)" = "65534 600" ] ||
	fail "staff.state is $(stat -c '%U %a' "$STATE" 2>/dev/null), want the service user's, mode 0600"
[ "$(sha256sum < "$MOTCUA_CONFIG")" = "$sum_before" ] || fail "the configuration was changed"
[ "$(stat -c '%u:%g %a' "$MOTCUA_CONFIG")" = "0:65534 640" ] || fail "the configuration's owner or mode changed"
[ "$(ls -A "$TMP/etc")" = motcua.conf ] || fail "files were left beside the configuration: $(ls -A "$TMP/etc")"
ls -A "$MOTCUA_STORE" | grep -q tmp && fail "a temporary file was left in the store: $(ls -A "$MOTCUA_STORE")"
grep -q 246810 "$STATE" && fail "the PIN itself is in staff.state"

expect_kiosk "the new PIN after a restart" "$OPEN"'
type "000000"
expect-text "Mã PIN không đúng."
type "246810"
expect-text "Thoát"
expect-no-text "Hãy đổi mã PIN mặc định"'

# The administrator resets the PIN: the hash of 246810 goes into the
# configuration after staff chose 135790; the configuration's PIN wins.
H1=$(sed -n 's/^pin_hash = //p' "$STATE")
expect_kiosk "a second change" "$OPEN"'
type "246810"
tap-text "Đổi mã PIN"
type "135790"
type "135790"
expect-text "Đã đổi mã PIN."'
printf 'pin_hash = %s\n' "$H1" >> "$MOTCUA_CONFIG"
expect_kiosk "the administrator's pin_hash wins" "$OPEN"'
type "135790"
expect-text "Mã PIN không đúng."
type "246810"
expect-text "Thoát"'
# For good: when the administrator empties pin_hash again, the staff's old
# PIN 135790 does not come back; the default applies.
sed -i '/^pin_hash/d' "$MOTCUA_CONFIG"
expect_kiosk "after the reset" "$OPEN"'
type "135790"
expect-text "Mã PIN không đúng."
type "000000"
expect-text "Thoát"'
finish
