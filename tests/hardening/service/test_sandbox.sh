# The sandbox of motcua.service does not break the kiosk (issue 9, break 16).
#
# systemd is not PID 1 where the tests run, so the unit itself cannot be
# started; this emulates the parts of its sandbox that decide what the kiosk
# can touch, in a private mount namespace, with the deployment's owners and
# modes:
#   ProtectSystem=strict   every mount read-only (but /dev, /proc, /sys)
#   StateDirectory=motcua  the store writable, motcua:motcua 0750
#   ReadWritePaths=/media  the sticks' folder writable
#   ProtectHome, PrivateTmp  empty /home, /root, /run/user; fresh /tmp, /var/tmp
#   User=motcua, NoNewPrivileges, CapabilityBoundingSet=  setpriv (uid 65534)
#   MemoryDenyWriteExecute  prctl(PR_SET_MDWE) where the kernel has it (6.3+)
#   UMask=0077
#   /etc/motcua/motcua.conf  root:motcua 0640, read-only
# Not emulated: the system-call filter, address families, device policy
# (a headless kiosk opens no device). There the kiosk runs as a real
# process: search on the touchscreen, a screenshot, its events written, a
# USB stick read and copied to staging, usage figures exported to the stick.
#
# usage: test_sandbox.sh BUILD_DIR   (the sandbox's files live there, not in
# /tmp, which the emulation replaces)
. "$MOTCUA_SRC/tests/cli/lib.sh"
[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (a private mount namespace, setpriv)"; exit 77; }
command -v unshare >/dev/null && command -v setpriv >/dev/null || { echo "SKIP: no unshare/setpriv"; exit 77; }
UNIT="$MOTCUA_SRC/data/motcua.service"
for line in ProtectSystem=strict ProtectHome=yes PrivateTmp=yes NoNewPrivileges=yes CapabilityBoundingSet= \
	UMask=0077 ReadWritePaths=-/media StateDirectory=motcua MemoryDenyWriteExecute=yes; do
	grep -qx "$line" "$UNIT" || fail "the unit no longer says $line: this emulation is out of date"
done
UID_=65534
setpriv --reuid=$UID_ --regid=$UID_ --clear-groups test -r "$MOTCUA_BIN" -a -r "$MOTCUA_SRC/fonts" -a -x "$MOTCUA_SRC/data" ||
	{ echo "SKIP: the build or source tree is not readable by uid $UID_"; exit 77; }

W=$(mktemp -d -p "${1:?build dir}" sandbox.XXXXXX)
# KEEP=1 leaves the sandbox's files for a look.
trap 'rm -rf "$TMP"; [ -n "${KEEP:-}" ] || rm -rf "$W"' EXIT
chmod 755 "$W"
mkdir -p "$W/store" "$W/media" "$W/out" "$W/etc"
chown $UID_:$UID_ "$W/store" "$W/media" "$W/out"
chmod 0750 "$W/store"
printf '[kiosk]\nidle_prompt_s = 900\nprinter = motcua-khong-co-may-in\n' > "$W/etc/motcua.conf"
chown 0:$UID_ "$W/etc/motcua.conf"
chmod 0640 "$W/etc/motcua.conf"
cat > "$W/run.script" <<SCRIPT
tap-text "Tra cứu"
type "khai sinh"
expect-text "Thủ tục đăng ký khai sinh"
shot search
tap-text "Thủ tục đăng ký khai sinh"
expect-text "Mã thủ tục: 1.001193"
tap-text "Trang chủ"
usb-insert "$MOTCUA_SRC/data/motcua"
type "000000"
expect-text "Những gì thay đổi khi cập nhật"
shot preview
SCRIPT
cat > "$W/export.script" <<SCRIPT
drag 60 60 60 60 3200
type "000000"
usb-insert "$MOTCUA_SRC/data/motcua"
tap-text "Xuất số liệu sử dụng ra USB"
shot exported
SCRIPT
cat > "$W/mdwe.py" <<'PY'
import ctypes, os, sys
# MemoryDenyWriteExecute: PR_SET_MDWE (65), PR_MDWE_REFUSE_EXEC_GAIN (1).
if ctypes.CDLL(None, use_errno=True).prctl(65, 1, 0, 0, 0) != 0:
    print("note: this kernel has no PR_SET_MDWE: MemoryDenyWriteExecute not emulated")
os.execvp(sys.argv[1], sys.argv[1:])
PY

# Runs in the new mount namespace, as root, then drops to the service user.
cat > "$W/inner.sh" <<'INNER'
set -u
W=$1
under() { case "$2/" in "$1"/*) return 0;; esac; return 1; }
mine() { for p in "$W" "$MOTCUA_BIN" "$MOTCUA_SRC"; do under "$1" "$(readlink -f "$p")" && return 0; done; return 1; }
RW="$W/store $W/media $W/out"
for d in $RW; do mount --bind "$d" "$d"; done
# ProtectSystem=strict.
awk '{print $5}' /proc/self/mountinfo | sort -u | while read -r mp; do
	mp=$(printf '%b' "$mp")
	case "$mp" in /proc|/proc/*|/sys|/sys/*|/dev|/dev/*) continue;; esac
	for d in $RW; do [ "$mp" = "$d" ] && continue 2; done
	mount -o remount,bind,ro "$mp" 2>/dev/null || echo "note: cannot make $mp read-only"
done
# ProtectHome, PrivateTmp — unless this checkout lives there.
for d in /home /root /run/user /tmp /var/tmp; do
	[ -d "$d" ] || continue
	if mine "$d"; then echo "note: $d holds the checkout: not hidden"; continue; fi
	case $d in /tmp|/var/tmp) mount -t tmpfs -o mode=1777 tmpfs "$d";; *) mount -t tmpfs -o mode=000 tmpfs "$d";; esac
done
as_service() {
	umask 077
	python3 "$W/mdwe.py" setpriv --reuid=65534 --regid=65534 --clear-groups --no-new-privs \
		--inh-caps=-all --bounding-set=-all "$@"
}
export MOTCUA_STORE="$W/store" MOTCUA_CONFIG="$W/etc/motcua.conf" MOTCUA_SCRIPT_USB="$W/media" \
	MOTCUA_LANG=vi SDL_VIDEODRIVER=offscreen HOME="$W/store" TMPDIR=/tmp
# The sandbox holds: nothing outside the store and /media is writable.
as_service sh -c 'touch "$1/store/probe" && rm "$1/store/probe"' sh "$W" || echo "FAIL: the store is not writable"
for p in "$W/etc/probe" "$MOTCUA_SRC/probe" /usr/motcua-probe /var/lib/motcua-probe; do
	as_service sh -c ': > "$1"' sh "$p" 2>/dev/null && { echo "FAIL: $p was writable in the sandbox"; rm -f "$p"; }
done
as_service "$MOTCUA_BIN" search "khai sinh" > "$W/out/search.txt" 2> "$W/out/search.err" ||
	echo "FAIL: motcua search exited $?: $(cat "$W/out/search.err")"
as_service "$MOTCUA_BIN" kiosk --headless --size 1280x800 --script "$W/run.script" --shots "$W/out/shots" \
	2> "$W/out/kiosk.err" || echo "FAIL: the kiosk exited $? in the sandbox: $(tail -5 "$W/out/kiosk.err")"
as_service "$MOTCUA_BIN" kiosk --headless --size 1280x800 --script "$W/export.script" --shots "$W/out/shots" \
	2> "$W/out/export.err" || echo "FAIL: the export run exited $? in the sandbox: $(tail -5 "$W/out/export.err")"
# A stick mounted while the kiosk runs (motcua-usb-mount@ mounts it in the
# host's namespace): it must show inside the sandbox, and be writable.
: > "$W/out/ready"
for i in $(seq 100); do [ -e "$W/out/mounted" ] && break; sleep 0.1; done
if [ -e "$W/media/late/motcua-mark" ]; then
	as_service sh -c 'echo exported > "$1"' sh "$W/media/late/written-inside" ||
		echo "FAIL: a stick mounted under /media after the start is not writable in the sandbox"
else
	echo "FAIL: a stick mounted under /media after the start does not show in the sandbox"
fi
INNER
# The host: a namespace of its own whose mounts propagate, as systemd sets
# up the real one (this machine's may not).
cat > "$W/outer.sh" <<'OUTER'
W=$1
mkdir -p "$W/media/late"
unshare --mount --propagation slave bash "$W/inner.sh" "$W" > "$W/inner.out" 2>&1 &
inner=$!
for i in $(seq 1200); do [ -e "$W/out/ready" ] || ! kill -0 $inner 2>/dev/null && break; sleep 0.1; done
mount -t tmpfs -o mode=0777 stick "$W/media/late" && : > "$W/media/late/motcua-mark" && : > "$W/out/mounted"
wait $inner
[ -e "$W/media/late/written-inside" ] || echo "FAIL: nothing written on the late stick from the sandbox" >> "$W/inner.out"
OUTER
MOTCUA_BIN="$MOTCUA_BIN" MOTCUA_SRC="$MOTCUA_SRC" unshare --mount --propagation shared bash "$W/outer.sh" "$W"
out=$(cat "$W/inner.out")
printf '%s\n' "$out" | grep -v '^FAIL' | sed 's/^/  /'
printf '%s\n' "$out" | grep '^FAIL' | while read -r l; do echo "$l" >&2; done
FAILS=$((FAILS + $(printf '%s\n' "$out" | grep -c '^FAIL')))

expect_in "$(cat "$W/out/search.txt" 2>/dev/null)" "1.001193" "motcua search in the sandbox"
[ -s "$W/out/shots/search.png" ] || fail "no screenshot of the search from the sandboxed kiosk"
[ -s "$W/out/shots/preview.png" ] || fail "the sandboxed kiosk did not read the stick and preview the update"
n=$(sqlite3 "$W/store/events.sqlite" "SELECT count(*) FROM event WHERE kind = 'view'" 2>&1)
case "$n" in ''|0|*[!0-9]*) fail "the sandboxed kiosk recorded no events: $n";; *) echo "events recorded: $n";; esac
# The script's sticks are $MOTCUA_SCRIPT_USB/media/usbN.
set -- "$W"/media/media/usb*/motcua-thong-ke-????????
[ -d "$1" ] && [ -n "$(ls "$1")" ] || fail "the sandboxed kiosk could not export usage figures to the stick under /media"
mode=$(stat -c '%a %u' "$W/store/events.sqlite" 2>/dev/null)
[ "$mode" = "600 $UID_" ] || fail "events.sqlite is '$mode', want '600 $UID_' (UMask=0077, the service user)"
finish
