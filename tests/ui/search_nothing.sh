#!/usr/bin/env bash
# search_nothing.script at the three panel sizes with the layout check, then
# the query that found nothing is in the events store that the staff's
# "no-result searches" export reads (once, folded), and the suggestions
# shown for it were not counted as results.
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen MOTCUA_LANG=vi
for size in 1920x1080 1080x1920 1280x800; do
	rm -f "$MOTCUA_STORE/events.sqlite"*
	"$MOTCUA_BIN" kiosk --headless --size "$size" --check-layout \
		--script "$MOTCUA_SRC/tests/ui/search_nothing.script" \
		--shots "$TMP/shots-$size" 2>"$TMP/kerr" || {
		fail "search_nothing.script failed at $size"
		cat "$TMP/kerr" >&2
	}
	got=$(sqlite3 -batch -noheader "$MOTCUA_STORE/events.sqlite" \
		"SELECT kind || ' ' || subject FROM event WHERE kind LIKE 'search%' ORDER BY id" 2>&1)
	[ "$got" = "search_no_result ho chieu" ] ||
		fail "at $size the no-result searches recorded are '$got', want 'search_no_result ho chieu'"
done
finish
