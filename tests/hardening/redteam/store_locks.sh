#!/usr/bin/env bash
# Red team: the store's lock files planted as FIFOs and links. On the old
# code open() of a FIFO at `stick.lock` (with a leftover staging/) or at
# `lock` blocked for ever: every command hung, and the kiosk at each start
# (a systemd restart loop). A link at `lock` was followed, and O_CREAT made
# its (dangling) target. Now a lock file is a regular file opened without
# following or waiting; anything else refuses an import with the reason,
# and the catalogue stays.
. "$MOTCUA_SRC/tests/cli/lib.sh"
S="$MOTCUA_STORE"
# t SECONDS STATUS CMD... — like run, killed after SECONDS (status 124).
t() {
	local secs=$1 want=$2; shift 2
	timeout "$secs" "$MOTCUA_BIN" "$@" >"$TMP/out" 2>"$TMP/err"
	local got=$?
	OUT=$(cat "$TMP/out"); ERR=$(cat "$TMP/err")
	[ "$got" = "$want" ] || { fail "motcua $* exited $got, want $want (124: it hung)"; head -5 "$TMP/err" >&2; }
}
run 0 search "khai sinh" # the store, filled from the sample
cp "$S/catalog.sqlite" "$TMP/catalog.before"
V2="$TMP/v2"
cp -r "$SAMPLE" "$V2"
sed -i "s/^phien_ban *=.*/phien_ban = 2/" "$V2/bundle.ini"

# stick.lock a FIFO, with a killed update's staging/ left: store open cleans.
mkdir -p "$S/staging/motcua"
rm -f "$S/stick.lock"
mkfifo "$S/stick.lock"
t 20 0 search "khai sinh"
expect_in "$OUT" "khai sinh" "stick.lock FIFO: search"
[ -p "$S/stick.lock" ] && [ -d "$S/staging" ] || fail "stick.lock FIFO: expected it left alone"
rm -rf "$S/staging" "$S/stick.lock"

# lock a FIFO: the import is refused at once, the catalogue stays.
rm -f "$S/lock"
mkfifo "$S/lock"
t 20 3 import "$V2"
expect_in "$ERR" "$S/lock: error: cannot lock the store: not a regular file" "lock FIFO: import"
cmp -s "$S/catalog.sqlite" "$TMP/catalog.before" || fail "lock FIFO: the catalogue changed"
t 20 3 rollback
rm -f "$S/lock"

# lock a link to a file that does not exist yet: not created.
mkdir "$TMP/elsewhere"
ln -s "$TMP/elsewhere/made-by-motcua" "$S/lock"
t 20 3 import "$V2"
[ -e "$TMP/elsewhere/made-by-motcua" ] && fail "lock link: its target was created"
cmp -s "$S/catalog.sqlite" "$TMP/catalog.before" || fail "lock link: the catalogue changed"
rm -f "$S/lock"

# Held: once the plants are gone, import and rollback work again.
t 60 0 import "$V2"
t 60 0 rollback
cmp -s "$S/catalog.sqlite" "$TMP/catalog.before" || fail "rollback: not the old catalogue"
finish
