#!/usr/bin/env bash
# Red team: a security key given twice. A kiosk builder adds
# `public_key = RW...` at the top of the file and later uncomments the
# template's empty `public_key =` further down (or pastes a pin_hash twice).
# On the old code the last line silently won: the empty one switched
# signatures off (an unsigned bundle imported) or put the PIN back to 000000.
# Now a repeated pin_hash/public_key is refused with FILE:LINE, whatever the
# values. Also: a BOM and CRLF line ends (Windows Notepad) still read as the
# same file.
. "$MOTCUA_SRC/tests/hardening/config/lib.sh"
run 0 search "khai sinh" # fills the store from the sample (version 1)
CAT="$MOTCUA_STORE/catalog.sqlite"
cp "$CAT" "$TMP/catalog.before"
bundle_v2 "$TMP/v2" # unsigned

# A key, then the template's empty line: signatures must stay required.
printf '[kiosk]\npublic_key = %s\nmax_prints = 3\npublic_key =\n' "$GOOD_KEY" > "$MOTCUA_CONFIG"
run 3 import "$TMP/v2"
expect_in "$ERR" "$MOTCUA_CONFIG:4: error: 'public_key' is given a second time (first on line 2)" \
	"public_key twice: FILE:LINE"
cmp -s "$CAT" "$TMP/catalog.before" || fail "public_key twice: an unsigned bundle was imported"

# The same key twice, both valid, is refused too (which one was meant?).
printf '[kiosk]\npublic_key = %s\npublic_key = %s\n' "$GOOD_KEY" "$GOOD_KEY" > "$MOTCUA_CONFIG"
run 3 import "$TMP/v2"
expect_in "$ERR" "$MOTCUA_CONFIG:3: error: 'public_key' is given a second time" "same key twice"
cmp -s "$CAT" "$TMP/catalog.before" || fail "same key twice: the catalogue changed"

# pin_hash: a valid one, then an empty one — 000000 must not open the staff area.
HASH='$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$7lBqEaIC0CBd+yWqZ8uM0kVwm1ccD0e4Y1gOKzy0n3A'
printf '[kiosk]\nidle_prompt_s = 900\npin_hash = %s\npin_hash =\n' "$HASH" > "$MOTCUA_CONFIG"
run 3 import "$TMP/v2"
expect_in "$ERR" "$MOTCUA_CONFIG:4: error: 'pin_hash' is given a second time (first on line 3)" \
	"pin_hash twice: FILE:LINE"
expect_kiosk "pin_hash twice: 000000" "$OPEN"'
type "000000"
expect-no-text "Thoát"'

# Held: a BOM and CRLF line ends are the same file (the key is still read:
# an unsigned bundle is refused for its missing signature, not the config).
printf '\xef\xbb\xbf# motcua\r\n[kiosk]\r\npublic_key = %s\r\nmax_prints = 3 # three\r\n' "$GOOD_KEY" \
	> "$MOTCUA_CONFIG"
run 1 import "$TMP/v2"
expect_in "$ERR" "the bundle is not signed" "BOM+CRLF: the key is read"
expect_not_in "$ERR" "$MOTCUA_CONFIG" "BOM+CRLF: no complaint about the file"
# A line of 60 KiB is one bad value, not a crash or a refusal.
{ printf '[kiosk]\nunit_name = '; head -c 61000 /dev/zero | tr '\0' 'x'; printf '\nprinter =\n'; } > "$MOTCUA_CONFIG"
run 0 search "khai sinh"
cmp -s "$CAT" "$TMP/catalog.before" || fail "the catalogue changed"
finish
