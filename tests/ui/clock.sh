#!/usr/bin/env bash
# The wrong clock, headless (tests/ui/clock.script): the header hides the
# time, the staff area warns, the picker refuses a time known to be wrong,
# and "Set the clock" reaches the system-clock seam exactly once, with a
# time at or after the catalogue's issue date (24/11/2026). SIZE and
# kiosk options as for run.sh.
set -u
: "${MOTCUA_BIN:?}" "${MOTCUA_SRC:?}"
size=${1:-1920x1080}
shift
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MOTCUA_STORE="$TMP/store" MOTCUA_CONFIG="$TMP/kiosk.conf" MOTCUA_LANG=vi SDL_VIDEODRIVER=offscreen
export TZ=Asia/Ho_Chi_Minh
printf '[kiosk]\nprinter = motcua-ui-no-such-printer\n' >"$MOTCUA_CONFIG"
shots="${MOTCUA_SHOTS:+$MOTCUA_SHOTS/clock-$size}"
"$MOTCUA_BIN" kiosk --headless --size "$size" --script "$MOTCUA_SRC/tests/ui/clock.script" \
	--shots "${shots:-$TMP/shots}" "$@" 2>"$TMP/err"
rc=$?
cat "$TMP/err" >&2
[ "$rc" = 0 ] || { echo "FAIL: the clock script at $size exited $rc" >&2; exit 1; }
n=$(grep -c ': set-clock: ' "$TMP/err")
[ "$n" = 1 ] || { echo "FAIL: the system clock was set $n times, want once" >&2; exit 1; }
when=$(sed -n 's/.*: set-clock: \([0-9/]* [0-9:]*\)$/\1/p' "$TMP/err")
d=${when%% *}
ymd="${d:6:4}${d:3:2}${d:0:2}"
[ "${#ymd}" = 8 ] && [ "$ymd" -ge 20261124 ] ||
	{ echo "FAIL: the clock was set to '$when', before the catalogue's issue date" >&2; exit 1; }
exit 0
