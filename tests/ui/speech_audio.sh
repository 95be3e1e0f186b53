#!/usr/bin/env bash
# Read aloud, heard (issue 12.1): what the kiosk plays is captured through
# SDL's disk audio driver, which writes the device's samples (48 kHz,
# stereo, signed 16-bit: what gfx_audio asks for) to a file in real time.
# The script arrives on a pipe with real pauses, so the file's size tells
# when each step happened. Checks: tapping "Nghe đọc" on a detail page
# starts speech within a second (latency printed), several seconds of it
# while nobody touches, and a touch elsewhere stops it: the file goes on
# growing, silent (the device stays open until the session ends).
set -u
: "${MOTCUA_BIN:?}" "${MOTCUA_SRC:?}"
TMP=$(mktemp -d)
trap 'kill $KPID 2>/dev/null; rm -rf "$TMP"' EXIT
KPID=
export MOTCUA_STORE="$TMP/store" MOTCUA_CONFIG="$TMP/kiosk.conf" MOTCUA_LANG=vi SDL_VIDEODRIVER=offscreen
printf '[kiosk]\nprinter = motcua-ui-no-such-printer\nvolume = 100\n' >"$MOTCUA_CONFIG"
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$TMP/audio.raw"
mkfifo "$TMP/in"
"$MOTCUA_BIN" kiosk --headless --size 1920x1080 --script - <"$TMP/in" >"$TMP/out" 2>"$TMP/log" &
KPID=$!
exec 3>"$TMP/in"
size() { stat -c %s "$TMP/audio.raw" 2>/dev/null || echo 0; }
send() { printf '%s\n' "$@" >&3; }
# sync N: waits until the kiosk has run the Nth print-run (it is slower
# than the pipe under sanitizers: the file's size is read only then).
sync() {
	for _ in $(seq 600); do
		[ "$(grep -c '^run ' "$TMP/out")" -ge "$1" ] && return 0
		kill -0 $KPID 2>/dev/null || break
		sleep 0.1
	done
	echo "FAIL: the kiosk did not get to step $1" >&2; cat "$TMP/log" >&2; exit 1
}
send 'tap-text "Tra cứu"' 'type "khai sinh"' 'tap-text "Thủ tục đăng ký khai sinh"' \
	'print-run "Mã thủ tục: 1.001193"'
sync 1
sleep 1
T0=$(size)
send 'tap-text "Nghe đọc"' 'print-run "Dừng đọc"'
sync 2
TA=$(size)
sleep 6
T1=$(size)
send 'tap 900 650' 'print-run "Nghe đọc"'
sync 3
T2=$(size)
sleep 3
T3=$(size)
# Again, the voice loaded: the latency a citizen meets after the first time.
send 'tap-text "Nghe đọc"' 'print-run "Dừng đọc"'
sync 4
sleep 3
T4=$(size)
exec 3>&-
wait $KPID
rc=$?
KPID=
if [ "$rc" != 0 ]; then
	echo "FAIL: the kiosk exited $rc" >&2
	cat "$TMP/log" >&2
	exit 1
fi
grep spoken "$TMP/log" | cut -c1-200
python3 - "$TMP/audio.raw" "$T0" "$TA" "$T1" "$T2" "$T3" "$T4" <<'PY'
import struct, sys
path = sys.argv[1]
t0, ta, t1, t2, t3, t4 = map(int, sys.argv[2:])
raw = open(path, 'rb').read()
RATE, FRAME = 48000, 4
def loud_frames(a, b):
    a -= a % FRAME; b -= b % FRAME
    s = struct.unpack('<%dh' % ((b - a) // 2), raw[a:b])
    return [i // 2 for i in range(0, len(s), 2) if max(abs(s[i]), abs(s[i + 1])) > 1000]
fails = 0
def check(ok, what):
    global fails
    if not ok:
        print('FAIL:', what); fails += 1
sec = lambda nbytes: nbytes / FRAME / RATE
print('device file: %.2f s before the tap, %.2f s reading, %.2f s after the touch' %
      (sec(t0), sec(t1 - t0), sec(t3 - t2)))
# The device opens at the first sound (an idle kiosk keeps no audio thread
# awake), so the file may still be empty before the first tap (t0 = 0).
check(len(raw) >= t4 > t3 > t2 > t1 > t0 >= 0, 'the device file did not grow in real time')
check(not loud_frames(0, t0), 'sound before "Nghe đọc"')
reading = loud_frames(t0, t1)
secs = len(reading) / RATE
first = reading[0] / RATE if reading else None
print('reading: %.2f s of sound in %.2f s' % (secs, sec(t1 - t0)))
if first is not None and t0 > 0:
    print('latency, voice not loaded yet: %.3f s from sending the tap (%.3f s after the kiosk ran it)' %
          (first, first - sec(ta - t0)))
elif first is not None:
    print('latency of the first reading not measured here: the device opened with it')
check(secs > 1.5, 'not speech: %.2f s of sound' % secs)
check(first is not None and first < 5, 'no sound within 5 s of the tap')
# A touch stops it: the device goes on, silent (allow a device buffer).
tail = loud_frames(t2 + int(0.3 * RATE) * FRAME, t3)
check(sec(t3 - t2) > 1, 'the device stopped after the touch')
check(not tail, 'still speaking after the touch: %.2f s of sound' % (len(tail) / RATE))
again = loud_frames(t3, t4)
if again:
    print('latency, voice loaded: %.3f s from sending the tap' % (again[0] / RATE))
check(again and again[0] / RATE < 1.5, 'the second reading did not start within 1.5 s')
sys.exit(1 if fails else 0)
PY
