# motcua rollback: import v1, import v2, roll back — the kiosk shows v1
# again, from a catalogue file byte for byte v1's; a second rollback
# brings v2 back.
. "$(dirname "$0")/lib.sh"
CAT="$MOTCUA_STORE/catalog.sqlite"
PREV="$MOTCUA_STORE/catalog.previous.sqlite"

# v1: the sample. v2: one version up, one procedure renamed.
cp -r "$SAMPLE" "$TMP/v1"
cp -r "$SAMPLE" "$TMP/v2"
sed -i 's/^phien_ban = .*/phien_ban = 2/' "$TMP/v2/bundle.ini"
sed -i 's/^phien_ban = .*/phien_ban = 1/' "$TMP/v1/bundle.ini"
sed -i 's/^1\.001193,Thủ tục đăng ký khai sinh,/1.001193,Thủ tục đăng ký khai sinh cho trẻ sơ sinh,/' \
	"$TMP/v2/procedures.csv"
grep -q "trẻ sơ sinh" "$TMP/v2/procedures.csv" || fail "could not make v2 (sample changed?)"

# Nothing to roll back on an empty store.
run 3 rollback
expect_in "$ERR" "no earlier catalogue" "rollback with nothing to restore"
[ -f "$CAT" ] && fail "rollback created a catalogue"

run 0 import "$TMP/v1"
cp "$CAT" "$TMP/v1.sqlite"
[ -f "$PREV" ] && fail "a first import has no previous catalogue to keep"
run 0 import "$TMP/v2"
expect_in "$OUT" "1 changed" "v2 changes one procedure"
cmp -s "$PREV" "$TMP/v1.sqlite" || fail "after import v2, the rollback copy is not v1's file"
run 0 search "tre so sinh"
expect_in "$(printf '%s\n' "$OUT" | head -1)" "1.001193	Thủ tục đăng ký khai sinh cho trẻ sơ sinh" "v2 is live"
cp "$CAT" "$TMP/v2.sqlite"

# Roll back: v1 is live again, the very file.
run 0 rollback
expect_in "$OUT" "restored version 1" "rollback says which version"
cmp -s "$CAT" "$TMP/v1.sqlite" || fail "after rollback, catalog.sqlite differs from v1's"
cmp -s "$PREV" "$TMP/v2.sqlite" || fail "after rollback, the rollback copy is not v2's"
run 0 search "dang ky khai sinh"
expect_in "$(printf '%s\n' "$OUT" | head -1)" "1.001193	Thủ tục đăng ký khai sinh" "v1 content after rollback"
expect_not_in "$OUT" "trẻ sơ sinh" "v2 content gone after rollback"
run 0 show 1.001193
expect_in "$(printf '%s\n' "$OUT" | head -1)" "Thủ tục đăng ký khai sinh" "show after rollback"
expect_not_in "$(printf '%s\n' "$OUT" | head -1)" "trẻ sơ sinh" "show after rollback"

# Rolling back again undoes the rollback.
run 0 rollback
expect_in "$OUT" "restored version 2" "second rollback"
cmp -s "$CAT" "$TMP/v2.sqlite" || fail "second rollback did not bring v2's file back"

# Only the live file and one rollback copy are kept.
EXTRA=$(ls "$MOTCUA_STORE" | grep -v -e '^catalog\.sqlite$' -e '^catalog\.previous\.sqlite$' \
	-e '^lock$' -e '^events\.sqlite' || true)
[ -z "$EXTRA" ] || fail "stray files in the store: $EXTRA"
finish
