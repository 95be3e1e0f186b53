#!/usr/bin/env bash
# A killed import or stick update (issue 9, break 12) leaves its work files
# in the store: catalog.new.sqlite (as large as the catalogue), its journal,
# the staging copy of a stick. The next start of any command removes them —
# but never while a running import holds the store's lock or a kiosk holds
# the stick lock, and never by following a link out of the store.
. "$MOTCUA_SRC/tests/cli/lib.sh"
run 0 show 1.000419 # fills the store (and makes its lock file)
S="$MOTCUA_STORE"
mkdir -p "$TMP/outside"
echo keep > "$TMP/outside/precious"
plant() {
	head -c 1048576 /dev/zero > "$S/catalog.new.sqlite"
	echo j > "$S/catalog.new.sqlite-journal"
	mkdir -p "$S/staging/forms" "$S/staging.part"
	echo x > "$S/staging/procedures.csv"
	echo x > "$S/staging/forms/a.pdf"
	ln -sfn "$TMP/outside" "$S/staging/link"
	ln -sfn "$TMP/outside" "$S/staging.part/forms"
}
plant
cp "$S/catalog.sqlite" "$TMP/catalog.before"

# An import running elsewhere (it holds the lock): its files stay.
exec 8<"$S/lock"
flock -x 8
: > "$S/stick.lock"
exec 9<"$S/stick.lock"
flock -x 9
run 0 search "khai tu"
[ -f "$S/catalog.new.sqlite" ] || fail "catalog.new.sqlite of an import in progress was removed"
[ -d "$S/staging" ] && [ -d "$S/staging.part" ] || fail "the staging copy of an update in progress was removed"
exec 8<&- 9<&-

# Killed: the next command cleans up.
run 0 search "khai tu"
for f in catalog.new.sqlite catalog.new.sqlite-journal staging staging.part; do
	[ ! -e "$S/$f" ] && [ ! -L "$S/$f" ] || fail "$f of a killed import was left in the store"
done
[ -f "$TMP/outside/precious" ] || fail "the clean-up followed a link out of the store"
cmp -s "$S/catalog.sqlite" "$TMP/catalog.before" || fail "the clean-up changed the catalogue"
[ -f "$S/catalog.sqlite" ] || fail "the catalogue is gone"
finish
