#!/usr/bin/env bash
# Red team: links, hard links and FIFOs planted at the names an import and
# a rollback write in the store (catalog.new.sqlite, its journal, the
# rollback copy's temporary name), with and without the `lock` file that
# lets the store's clean-up remove them. An import or rollback must write
# through none of them: what they point at stays byte for byte, nothing
# hangs, and the catalogue is the new one, whole.
. "$MOTCUA_SRC/tests/cli/lib.sh"
S="$MOTCUA_STORE"
t() { # SECONDS STATUS CMD...
	local secs=$1 want=$2; shift 2
	timeout "$secs" "$MOTCUA_BIN" "$@" >"$TMP/out" 2>"$TMP/err"
	local got=$?
	OUT=$(cat "$TMP/out"); ERR=$(cat "$TMP/err")
	[ "$got" = "$want" ] || { fail "motcua $* exited $got, want $want (124: it hung)"; head -5 "$TMP/err" >&2; }
}
run 0 search "khai sinh"
for v in 2 3; do
	cp -r "$SAMPLE" "$TMP/v$v"
	sed -i "s/^phien_ban *=.*/phien_ban = $v/" "$TMP/v$v/bundle.ini"
done
echo "victim: must stay" > "$TMP/victim"
cp "$TMP/victim" "$TMP/victim.before"

plant() {
	rm -f "$S/lock" "$S/catalog.new.sqlite" "$S/catalog.new.sqlite-journal" "$S/catalog.previous.sqlite.tmp"
	ln -s "$TMP/victim" "$S/catalog.new.sqlite"
	ln -s "$TMP/victim" "$S/catalog.new.sqlite-journal"
	ln "$S/catalog.sqlite" "$S/catalog.previous.sqlite.tmp" # a hard link to the live catalogue
	[ "$1" = with-lock ] && : > "$S/lock"
	return 0
}
plant without-lock # the clean-up does not run: the import meets them
cp "$S/catalog.sqlite" "$TMP/live.before"
t 120 0 import "$TMP/v2"
cmp -s "$TMP/victim" "$TMP/victim.before" || fail "import: a planted link's target was written"
cmp -s "$S/catalog.previous.sqlite" "$TMP/live.before" || fail "import: the rollback copy is not the old catalogue"
t 30 0 show 1.001193

plant with-lock
t 120 0 import "$TMP/v3"
cmp -s "$TMP/victim" "$TMP/victim.before" || fail "import (lock file there): a link's target was written"
[ -L "$S/catalog.new.sqlite" ] && fail "the clean-up left a link at catalog.new.sqlite"

# A FIFO at the work file's name: nothing waits on it.
rm -f "$S/catalog.new.sqlite" "$S/lock"
mkfifo "$S/catalog.new.sqlite"
t 60 0 rollback
t 60 0 import --allow-downgrade "$TMP/v3"
[ -p "$S/catalog.new.sqlite" ] && fail "a FIFO at catalog.new.sqlite stayed"
python3 - "$S/catalog.sqlite" <<'PY' || fail "the catalogue is not whole, or not version 3"
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
assert db.execute("SELECT value FROM meta WHERE key='version'").fetchone()[0] in (3, "3")
PY
finish
