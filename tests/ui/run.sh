#!/usr/bin/env bash
# Runs one UI script headless on a fresh store filled from the sample
# catalogue: run.sh SCRIPT SIZE [kiosk options...]
#
# The kiosk honours MOTCUA_LANG for its start language; UI tests set it to
# vi so they assert the Vietnamese labels citizens see. Screenshots go to
# $MOTCUA_SHOTS/NAME-SIZE when set (to look at them), else to a temp folder.
set -u
: "${MOTCUA_BIN:?}" "${MOTCUA_SRC:?}"
script=$1
size=$2
shift 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MOTCUA_STORE="$TMP/store"
export MOTCUA_CONFIG="$TMP/kiosk.conf"
# A UI test never prints on a real printer: this queue does not exist, so a
# print shows the failure page (the print suite uses a cups-pdf queue).
printf '[kiosk]\nprinter = motcua-ui-no-such-printer\n' >"$MOTCUA_CONFIG"
export MOTCUA_LANG=vi
export SDL_VIDEODRIVER=offscreen
name=$(basename "$script" .script)
shots="$TMP/shots"
[ -n "${MOTCUA_SHOTS:-}" ] && shots="$MOTCUA_SHOTS/$name-$size${*:+-$(echo "$*" | tr -dc 'a-z0-9')}"
"$MOTCUA_BIN" kiosk --headless --size "$size" --script "$script" --shots "$shots" "$@"
rc=$?
if [ "$rc" != 0 ]; then
	echo "FAIL: $script at $size exited $rc" >&2
	exit 1
fi
# Every shot the script asked for must exist and be a PNG.
for n in $(sed -n 's/^[[:space:]]*shot[[:space:]]\+\([^[:space:]]*\).*/\1/p' "$script"); do
	if ! head -c 8 "$shots/$n.png" 2>/dev/null | od -An -c | grep -q 'P   N   G'; then
		echo "FAIL: $shots/$n.png missing or not a PNG" >&2
		exit 1
	fi
done
exit 0
