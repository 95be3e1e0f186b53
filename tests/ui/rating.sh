#!/usr/bin/env bash
# Ratings (issue 13): rating.script rates in three sessions of a citizen
# each (very satisfied; dissatisfied because of coming back again and
# again; very dissatisfied and gone before choosing a reason), tries to
# rate twice in the first, and skips in a fourth. The events store then
# holds exactly those three ratings, one in each of three different
# sessions that it recorded, with no dossier and nothing else.
. "$MOTCUA_SRC/tests/cli/lib.sh"
need sqlite3
size=${1:-1920x1080}
export SDL_VIDEODRIVER=offscreen MOTCUA_LANG=vi
"$MOTCUA_BIN" kiosk --headless --size "$size" --check-layout --script "$MOTCUA_SRC/tests/ui/rating.script" \
	--shots "${MOTCUA_SHOTS:-$TMP/shots}" 2>"$TMP/kerr" || { fail "rating.script failed at $size"; cat "$TMP/kerr" >&2; }
DB="$MOTCUA_STORE/events.sqlite"
[ -f "$DB" ] || { fail "no events file at $DB"; finish; }
q() { sqlite3 -batch -noheader "$DB" "$1" 2>&1; }
got=$(q "SELECT level || ' ' || coalesce(detail, '-') || ' ' || coalesce(dossier, '-') FROM event
	WHERE kind = 'rating' ORDER BY id")
want="5 - -
2 di_lai -
1 - -"
[ "$got" = "$want" ] || fail "ratings stored (level reason dossier):
$got
want:
$want"
# one a session, each in a session the kiosk recorded, no two alike
n=$(q "SELECT count(DISTINCT r.session) FROM event r JOIN event s ON s.id = r.session AND s.kind = 'session'
	WHERE r.kind = 'rating'")
[ "$n" = 3 ] || fail "the 3 ratings are in $n recorded sessions, want 3 different ones"
sessions=$(q "SELECT count(*) FROM event WHERE kind = 'session'")
[ "$sessions" = 4 ] || fail "$sessions sessions recorded, want 4 (the start and three wakes)"
# the report counts them
run 0 report --from 01/01/2000 --to 31/12/2099 --csv "$TMP"
f=$(ls -d "$TMP"/motcua-bao-cao-*/danh_gia_theo_muc_do.csv 2>/dev/null | head -1)
[ -n "$f" ] && grep -q "^Tổng cộng;3;" "$f" || fail "the report does not count the 3 ratings"
finish
