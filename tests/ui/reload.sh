#!/usr/bin/env bash
# An import from the command line shows up in the running kiosk without a
# restart: the script comes through a pipe, and the import happens between
# two of its lines.
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen
run 0 show 1.001193 # fills the store from the sample
B="$TMP/bundle"
cp -r "$SAMPLE" "$B"
sed -i 's/^don_vi *=.*/don_vi = UBND xã Thử Nghiệm/; s/^phien_ban *=.*/phien_ban = 99/' "$B/bundle.ini"
mkfifo "$TMP/fifo"
"$MOTCUA_BIN" kiosk --headless --size 1280x800 --script "$TMP/fifo" --shots "$TMP/shots" 2>"$TMP/kerr" &
pid=$!
exec 3>"$TMP/fifo"
echo 'expect-text "UBND xã Chiềng Sơn"' >&3
echo 'shot before' >&3
for _ in $(seq 100); do [ -f "$TMP/shots/before.png" ] && break; sleep 0.1; done
[ -f "$TMP/shots/before.png" ] || fail "the kiosk did not start"
run 0 import "$B"
echo 'wait 10' >&3
echo 'expect-text "UBND xã Thử Nghiệm"' >&3
echo 'expect-no-text "UBND xã Chiềng Sơn"' >&3
exec 3>&-
wait "$pid"
rc=$?
[ "$rc" = 0 ] || { fail "the kiosk did not show the imported catalogue (exit $rc)"; cat "$TMP/kerr" >&2; }
finish
