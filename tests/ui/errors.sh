#!/usr/bin/env bash
# The script mode's own contract: messages, exit statuses, syntax checked first.
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen
K() { run "$@"; }
S="$TMP/s.script"

printf 'shot first\nexpect-text "Không có chữ này"\n' >"$S"
K 1 kiosk --headless --size 1280x800 --script "$S" --shots "$TMP/shots"
expect_in "$ERR" "$S:2: error: expected text \"Không có chữ này\" not on screen (screen: home)" "expect-text failure"
[ -f "$TMP/shots/first.png" ] || fail "the shot before the failure was not written"

printf 'expect-no-text "Search"\n' >"$S"
K 1 kiosk --headless --size 1280x800 --script "$S"
expect_in "$ERR" "$S:1: error: text \"Search\" is on screen but should not be (screen: home)" "expect-no-text failure"

printf 'shot never\ntapp 1 2\n' >"$S"
K 2 kiosk --headless --size 1280x800 --script "$S" --shots "$TMP/shots2"
expect_in "$ERR" "$S:2: error: unknown command \"tapp\"" "syntax error"
[ -e "$TMP/shots2/never.png" ] && fail "a script with bad syntax ran its first line"

printf 'tap 1\n' >"$S"
K 2 kiosk --headless --size 1280x800 --script "$S"
expect_in "$ERR" "$S:1: error: bad arguments" "missing argument"

printf 'tap-text "Nowhere"\n' >"$S"
K 1 kiosk --headless --size 1280x800 --script "$S"
expect_in "$ERR" "$S:1: error: no text \"Nowhere\" on screen to tap (screen: home)" "tap-text failure"

printf 'type "abc"\n' >"$S"
K 1 kiosk --headless --size 1280x800 --script "$S"
expect_in "$ERR" "no on-screen key for \"a\" (screen: home)" "type without a keyboard"

printf '# comment\n\nusb-insert %s/no-such-folder\n' "$TMP" >"$S"
K 1 kiosk --headless --size 1280x800 --script "$S"
expect_in "$ERR" "$S:3: error: usb-insert: $TMP/no-such-folder is not a folder" "usb-insert"

printf 'usb-remove\n' >"$S"
K 1 kiosk --headless --size 1280x800 --script "$S"
expect_in "$ERR" "$S:1: error: usb-remove: no USB stick is in" "usb-remove"

# The position commands can fail: a part of a run is not the run; a rect
# out of bounds; a name never kept; a bad expression is a syntax error.
printf 'expect-exact "Search"\nexpect-exact "Searc"\n' >"$S"
K 1 kiosk --headless --size 1280x800 --script "$S"
expect_in "$ERR" "$S:2: error: no text exactly \"Searc\" on screen (screen: home)" "expect-exact failure"
printf 'keep "Search" s\nexpect-run "Search" "y == s.y"\nexpect-run "Search" "h > s.h * 1.1"\n' >"$S"
K 1 kiosk --headless --size 1280x800 --script "$S"
expect_in "$ERR" "$S:3: error: text \"Search\": h is" "expect-run failure"
printf 'expect-run "Search" "bottom <= nope.y"\n' >"$S"
K 1 kiosk --headless --size 1280x800 --script "$S"
expect_in "$ERR" "$S:1: error: nothing kept under the name nope" "expect-run without keep"
for bad in 'expect-run "Search" "z < 3"' 'expect-run "Search" "y =< 3"' 'expect-run "Search" "y < screen.x"' \
	'expect-run "Search" "y < 3 +"' 'keep "Search" screen' 'keep "Search"' 'print-run'; do
	printf 'shot never\n%s\n' "$bad" >"$S"
	K 2 kiosk --headless --size 1280x800 --script "$S" --shots "$TMP/shots3"
	expect_in "$ERR" "$S:2: error: bad arguments" "syntax of: $bad"
done
printf 'print-run "Search"\n' >"$S"
K 0 kiosk --headless --size 1280x800 --script "$S"
case "$OUT" in "run "[0-9]*" "[0-9]*" "[0-9]*" "[0-9]*" Search") ;; *) fail "print-run wrote '$OUT'";; esac

K 2 kiosk --headless --size 12x8 --script "$S"
K 2 kiosk --script "$S"
finish
