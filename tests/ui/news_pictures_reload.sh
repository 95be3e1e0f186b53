#!/usr/bin/env bash
# A news picture is held while its article is shown, and dropped when the
# catalogue is replaced: an import that changes the picture (same name)
# shows the new one on the open article, without a restart (issue 15.3).
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen
export MOTCUA_LANG=vi
PY="$MOTCUA_SRC/tests/ui/news_pictures.py"
command -v python3 >/dev/null || { echo "python3 missing"; exit 77; }
bundle() { # DIR VERSION PICTURE: the sample with one news item showing PICTURE as images/anh.png
	cp -r "$SAMPLE" "$1"
	sed -i "s/^phien_ban *=.*/phien_ban = $2/" "$1/bundle.ini"
	mkdir "$1/images" "$TMP/pics-$2"
	python3 "$PY" make "$TMP/pics-$2"
	cp "$TMP/pics-$2/$3" "$1/images/anh.png"
	{ head -1 "$SAMPLE/news.csv"; echo '05/12/2026,Tin có ảnh,Nội dung tin có ảnh.,images/anh.png'; } >"$1/news.csv"
}
bundle "$TMP/b1" 99 wide.png
bundle "$TMP/b2" 100 big.png
run 0 import "$TMP/b1"
mkfifo "$TMP/fifo"
"$MOTCUA_BIN" kiosk --headless --size 1280x800 --script "$TMP/fifo" --shots "$TMP/shots" 2>"$TMP/kerr" &
pid=$!
exec 3>"$TMP/fifo"
printf 'tap-text "Tin cải cách hành chính"\ntap-text "Tin có ảnh"\nexpect-text "Nội dung tin có ảnh."\nshot before\n' >&3
for _ in $(seq 200); do [ -f "$TMP/shots/before.png" ] && break; sleep 0.1; done
[ -f "$TMP/shots/before.png" ] || fail "the kiosk did not show the article"
run 0 import "$TMP/b2"
printf 'wait 10\nexpect-text "Nội dung tin có ảnh."\nshot after\n' >&3
exec 3>&-
wait "$pid"
rc=$?
[ "$rc" = 0 ] || { fail "the kiosk exited $rc"; cat "$TMP/kerr" >&2; }
before=$(python3 "$PY" find "$TMP/shots/before.png")
after=$(python3 "$PY" find "$TMP/shots/after.png")
expect_in "$before" "magenta " "the picture before the import"
expect_in "$after" "lime " "the new picture after the import"
expect_not_in "$after" "magenta " "the old picture after the import"
finish
