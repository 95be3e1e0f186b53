#!/usr/bin/env bash
# Red team: something planted at staff.state's temporary name in the store
# (a folder with a file in it, as a crash of an older writer or a hostile
# store could leave). On the old code every save failed (EEXIST): the PIN
# could not be changed, and the lockout lived in memory only, so a restart
# gave five more tries. Also held: a link or a FIFO at that name, and lock
# times that make no sense (year 9999: a whole lock from now, no more;
# negative: the file is not trusted, no PIN opens).
. "$MOTCUA_SRC/tests/hardening/config/lib.sh"
printf '[kiosk]\nidle_prompt_s = 900\n' > "$MOTCUA_CONFIG"
run 0 search "khai sinh"
S="$MOTCUA_STORE"
STATE="$S/staff.state"
mkdir -p "$S/.staff.state.tmp/x"
echo keep > "$S/.staff.state.tmp/x/f"

expect_kiosk "five wrong tries" "$OPEN"'
type "111111"
type "111111"
type "111111"
type "111111"
type "111111"
expect-text "Nhập sai quá nhiều lần: bàn phím đã bị khóa."'
grep -q '^locked_at = [1-9]' "$STATE" 2>/dev/null || fail "the lock was not written to staff.state"
expect_kiosk "the lock after a restart" "$OPEN"'
expect-text "Nhập sai quá nhiều lần: bàn phím đã bị khóa."
type "000000"
expect-no-text "Thoát"'
[ -f "$S/.staff.state.tmp/x/f" ] || fail "the planted folder's content was removed"

# The PIN can be changed (after the lock ran out).
rm -f "$STATE"
ln -s /etc/passwd "$S/.staff.state.tmp.link" # unrelated names stay
expect_kiosk "change the PIN" "$OPEN"'
type "000000"
tap-text "Đổi mã PIN"
type "246810"
type "246810"
expect-text "Đã đổi mã PIN."'
expect_kiosk "the new PIN" "$OPEN"'
type "246810"
expect-text "Thoát"'

# A link and a FIFO at the temporary name: removed, never followed.
rm -rf "$S/.staff.state.tmp"
echo secret > "$TMP/target"
ln -s "$TMP/target" "$S/.staff.state.tmp"
expect_kiosk "a wrong try, tmp a link" "$OPEN"'
type "111111"
expect-text "Còn 4 lần thử."'
[ "$(cat "$TMP/target")" = secret ] || fail "the link's target was written"
rm -f "$S/.staff.state.tmp"
mkfifo "$S/.staff.state.tmp"
expect_kiosk "a wrong try, tmp a FIFO" "$OPEN"'
type "111111"
expect-text "Còn 3 lần thử."'

# Absurd lock times.
sed -i "s/^locked_at = .*/locked_at = 253402300799000/" "$STATE" # 31/12/9999
expect_kiosk "a lock in year 9999" "$OPEN"'
expect-text "Thử lại sau 4:5"
wait 300000
type "246810"
expect-text "Thoát"'
grep -q '^locked_at = 0$' "$STATE" || fail "the year-9999 lock stayed in staff.state"
sed -i "s/^locked_at = .*/locked_at = -5/" "$STATE"
expect_kiosk "a negative lock" "$OPEN"'
type "246810"
expect-no-text "Thoát"'
expect_in "$KERR" "staff.state" "a negative lock: the journal says which file"
finish
