#!/bin/bash
# A package upgrade keeps /var/lib/motcua: the catalogue the kiosk holds and
# the one to roll back to were written by the older motcua (schema 1). The
# new motcua must bring both up to its schema the first time it opens the
# store, not refuse them and show citizens an empty kiosk.
. "$MOTCUA_SRC/tests/cli/lib.sh"
need sqlite3
mkdir -p "$MOTCUA_STORE"
cp "$FIX/schema1/catalog.sqlite" "$MOTCUA_STORE/catalog.sqlite"
cp "$FIX/schema1/catalog.sqlite" "$MOTCUA_STORE/catalog.previous.sqlite"
: > "$MOTCUA_STORE/lock"
[ "$(sqlite3 "$MOTCUA_STORE/catalog.sqlite" 'PRAGMA user_version')" = 1 ] || fail "the fixture is not schema 1"

run 0 show 1.001193
expect_in "$OUT" "Thủ tục đăng ký khai sinh" "show on a catalogue of the older version"
expect_not_in "$ERR" "not a motcua catalogue of this version" "show on a catalogue of the older version"
for f in catalog.sqlite catalog.previous.sqlite; do
	v=$(sqlite3 "$MOTCUA_STORE/$f" 'PRAGMA user_version')
	[ "$v" = 2 ] || fail "$f is at schema $v after the upgrade, want 2"
	[ "$(sqlite3 "$MOTCUA_STORE/$f" 'PRAGMA integrity_check')" = ok ] || fail "$f: integrity check"
	[ "$(sqlite3 "$MOTCUA_STORE/$f" 'SELECT count(*) FROM procedure')" = 4 ] || fail "$f lost procedures"
done
[ ! -e "$MOTCUA_STORE/catalog.new.sqlite" ] || fail "the upgrade left its copy behind"
run 0 search "khai sinh"
expect_in "$OUT" "1.001193" "search after the upgrade"
run 0 rollback
run 0 show 1.000656
expect_in "$OUT" "Thủ tục đăng ký khai tử" "show after rolling back to the upgraded previous catalogue"
# An export of the upgraded catalogue reads back clean.
run 0 export "$TMP/exported"
run 0 check --allow-downgrade "$TMP/exported"
expect_not_in "$ERR" "error" "check of the upgraded catalogue's export"
finish
