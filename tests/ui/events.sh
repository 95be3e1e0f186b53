#!/usr/bin/env bash
# The kiosk records in the store's events file (DESIGN §4): events.script
# opens one procedure and types two queries that find nothing; the file then
# holds one view of that procedure and each failed query once, folded —
# not one row per key typed.
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen MOTCUA_LANG=vi
"$MOTCUA_BIN" kiosk --headless --size 1920x1080 --script "$MOTCUA_SRC/tests/ui/events.script" \
	--shots "$TMP/shots" 2>"$TMP/kerr" || { fail "events.script failed"; cat "$TMP/kerr" >&2; }
DB="$MOTCUA_STORE/events.sqlite"
[ -f "$DB" ] || { fail "no events file at $DB"; finish; }
q() { sqlite3 -batch -noheader "$DB" "$1" 2>&1; }
got=$(q "SELECT kind || ' ' || subject FROM event WHERE kind <> 'session' ORDER BY id")
want="view 1.001193
search_no_result zzqx
search_no_result zzqxw"
[ "$got" = "$want" ] || fail "events recorded:
$got
want:
$want"
# The time is the kiosk's clock (now, give or take the run).
age=$(q "SELECT max(abs(strftime('%s','now') - at)) FROM event")
[ "${age:-999}" -lt 600 ] 2>/dev/null || fail "events are not stamped with the current time (off by $age s)"
finish
