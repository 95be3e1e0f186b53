#!/usr/bin/env bash
# Break 6: the PIN lockout survives a restart (a power cycle must not give
# five more tries). The failures and the lock's wall-clock start are kept
# in STORE/staff.state; a lock whose start lies in the future (the clock
# went back, or is not set yet after a power cut) counts as starting now; a
# lock that ran out while the kiosk was off is over. Run as the service
# user when root (the README's owners and modes), else as the caller.
# On the old code a restart lifted the lock.
. "$MOTCUA_SRC/tests/hardening/config/lib.sh"
if [ "$(id -u)" = 0 ]; then
	as_nobody
	install -d -m 0750 -o 65534 -g 65534 "$MOTCUA_STORE"
	chmod 0644 "$MOTCUA_CONFIG"
fi
printf '[kiosk]\nidle_prompt_s = 900\n' > "$MOTCUA_CONFIG"
run_as 0 search "khai sinh"
STATE="$MOTCUA_STORE/staff.state"

expect_kiosk "five wrong tries" "$OPEN"'
type "111111"
type "111111"
type "111111"
type "111111"
type "111111"
expect-text "Nhập sai quá nhiều lần: bàn phím đã bị khóa."'
expect_kiosk "the lock after a restart" "$OPEN"'
expect-text "Nhập sai quá nhiều lần: bàn phím đã bị khóa."
expect-text "Thử lại sau 4:"
type "000000"
expect-no-text "Thoát"'

# A lock that began a day "in the future": the clock was set back. It
# holds for a whole lock from now (less the 3.2 s press that opens the
# pad), no more.
now_ms=$(($(date +%s) * 1000))
sed -i "s/^locked_at = .*/locked_at = $((now_ms + 86400000))/" "$STATE"
as_owner "$STATE"
expect_kiosk "a lock in the future" "$OPEN"'
expect-text "Thử lại sau 4:5"
type "000000"
expect-no-text "Thoát"
wait 300000
expect-no-text "bàn phím đã bị khóa"
type "000000"
expect-text "Thoát"'

# Wrong tries count across restarts too; a right PIN resets the count.
expect_kiosk "three wrong tries" "$OPEN"'
type "111111"
type "111111"
type "111111"
expect-text "Còn 2 lần thử."'
expect_kiosk "the count after a restart" "$OPEN"'
type "111111"
expect-text "Còn 1 lần thử."
type "000000"
expect-text "Thoát"'

# A lock that ran out while the kiosk was off is over.
printf 'failures = 0\nlocked_at = %s\n' "$((now_ms - 360000))" > "$STATE"
as_owner "$STATE"
expect_kiosk "a lock that ran out" "$OPEN"'
expect-no-text "bàn phím đã bị khóa"
type "000000"
expect-text "Thoát"'
finish
