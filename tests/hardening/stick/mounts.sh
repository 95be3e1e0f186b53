#!/usr/bin/env bash
# Real sticks in a private mount namespace (root only; 77 otherwise).
#  1. A stick too full for the export (a small tmpfs): the staff read that
#     the stick is full, "you can pull it out" is not said, and no export
#     folder is left that looks complete (the first file fitted; the
#     second did not).
#  2. As deployed: a stick (FAT, or ext4 where the kernel has no vfat)
#     mounted by the shipped unit's own command (data/motcua-usb-mount@.service,
#     with the test's user in place of motcua), and the kiosk run as that
#     non-root user exports onto it. The mount is
#     rw,nosuid,nodev,noexec,nosymfollow, and a link on it is not followed.
if [ "${1:-}" != inner ]; then
	[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (mounts)"; exit 77; }
	unshare -m --propagation private true 2>/dev/null || { echo "SKIP: no private mount namespace"; exit 77; }
	exec unshare -m --propagation private bash "$0" inner
fi
. "$MOTCUA_SRC/tests/ui/usb_lib.sh"
run 0 show 1.000419
printf '[kiosk]\nidle_prompt_s = 900\n' > "$MOTCUA_CONFIG"
D=motcua-thong-ke-$(date +%Y%m%d)
OPEN='drag 60 60 60 60 3200
type "000000"'

# 1. Full: room for the bundle and a little more. One procedure viewed
# (a small first file), 20,000 searches that found nothing (a big second).
mkdir -p "$MOTCUA_SCRIPT_USB"
kb=$(( $(du -sk "$SAMPLE" | cut -f1) + 200 ))
mount -t tmpfs -o "size=${kb}k" motcua-full "$MOTCUA_SCRIPT_USB" || fail "cannot mount a tmpfs"
sqlite3 "$MOTCUA_STORE/events.sqlite" "
CREATE TABLE IF NOT EXISTS event(id INTEGER PRIMARY KEY, kind TEXT NOT NULL,
 subject TEXT NOT NULL, subject_key TEXT NOT NULL, at INTEGER NOT NULL);
INSERT INTO event(kind, subject, subject_key, at) VALUES('view', '1.000419', '1.000419', 1764900000);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO event(kind, subject, subject_key, at)
 SELECT 'search_no_result', 'tim thu tuc khong co so ' || i, 'tim thu tuc khong co so ' || i, 1764900000 FROM n;"
expect_kiosk "full stick" "$OPEN"'
usb-insert '"$SAMPLE"'
tap-text "Xuất số liệu sử dụng ra USB"
expect-text "Không ghi được số liệu sử dụng vào USB: USB đã đầy"
expect-no-text "Bạn có thể rút USB"
shot full' --check-layout
ls -d "$MOTCUA_SCRIPT_USB"/*/usb1/motcua-thong-ke-* 2>/dev/null &&
	fail "a failed export left a folder on the full stick: $(ls -R "$MOTCUA_SCRIPT_USB"/*/usb1/motcua-thong-ke-*)"
umount "$MOTCUA_SCRIPT_USB"

# 2. As deployed, the kiosk as a non-root user (nobody): a FAT stick where
# the kernel has vfat, else ext4 with its top folder given to that user
# (README: other file systems keep their owners).
FS=vfat
grep -qw vfat /proc/filesystems || FS=ext4
truncate -s 32M "$TMP/stick.img"
if [ $FS = vfat ]; then MKFS="mkfs.vfat -n STICK"; else MKFS="mkfs.ext4 -q -F"; fi
if ! command -v ${MKFS%% *} >/dev/null || ! $MKFS "$TMP/stick.img" >/dev/null ||
	! LOOP=$(losetup -f --show "$TMP/stick.img" 2>/dev/null); then
	echo "SKIP: the $FS stick (no ${MKFS%% *} or no loop device)"
	finish
fi
trap 'umount "$MOTCUA_SCRIPT_USB" 2>/dev/null; losetup -d "$LOOP"; rm -rf "$TMP"' EXIT
DEV=${LOOP#/dev/}
UNIT="$MOTCUA_SRC/data/motcua-usb-mount@.service"
# ExecStart= as systemd runs it: lines joined, %I the device, $$ a $.
CMD=$(sed -n '/^ExecStart=/,/[^\\]$/p' "$UNIT" | sed 's/\\$//' | tr -d '\n' | sed 's/^ExecStart=//')
CMD=${CMD//\/media\/motcua-%I/$MOTCUA_SCRIPT_USB}
CMD=${CMD//%I/$DEV}
CMD=${CMD//\$\$/\$}
CMD=${CMD//id -u motcua/id -u nobody}
CMD=${CMD//id -g motcua/id -g nobody}
eval "$CMD" || fail "the unit's mount command failed: $CMD"
[ $FS = vfat ] || chown 65534:65534 "$MOTCUA_SCRIPT_USB"
opts=$(awk -v m="$MOTCUA_SCRIPT_USB" '$5 == m {print $6}' /proc/self/mountinfo)
# No link on the stick leads anywhere, whoever reads it.
if [ $FS != vfat ]; then
	ln -s "$MOTCUA_STORE/catalog.sqlite" "$MOTCUA_SCRIPT_USB/link"
	cat "$MOTCUA_SCRIPT_USB/link" >/dev/null 2>&1 && fail "a link on the mounted stick was followed"
	rm "$MOTCUA_SCRIPT_USB/link"
fi
for o in rw nosuid nodev noexec nosymfollow; do
	case ",$opts," in *,$o,*) ;; *) fail "the stick is not mounted $o (options: $opts)";; esac
done
chmod 755 "$TMP"
chown -R 65534:65534 "$MOTCUA_STORE"
chmod 0644 "$MOTCUA_CONFIG"
rm -f "$MOTCUA_STORE/events.sqlite"*
mkdir -p "$TMP/shots" && chown 65534:65534 "$TMP/shots"
printf '%s\n' "$OPEN"'
usb-insert '"$SAMPLE"'
tap-text "Xuất số liệu sử dụng ra USB"
expect-text "Đã xuất số liệu sử dụng vào USB, thư mục '"$D"'. Bạn có thể rút USB."' > "$TMP/fat.script"
MOTCUA_LANG=vi setpriv --reuid=65534 --regid=65534 --clear-groups \
	"$MOTCUA_BIN" kiosk --headless --size 1920x1080 --script "$TMP/fat.script" --shots "$TMP/shots" 2>"$TMP/kerr" ||
	{ fail "the kiosk as a non-root user could not export onto the $FS stick"; sed 's/^/  stderr: /' "$TMP/kerr" | head >&2; }
[ -s "$MOTCUA_SCRIPT_USB/media/usb1/$D/usage_by_procedure.csv" ] || fail "no usage file on the $FS stick"
finish
