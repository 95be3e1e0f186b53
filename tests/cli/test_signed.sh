#!/bin/bash
# Signed bundles through the real binary and the real minisign tool: with a
# public key in the configuration, `motcua check/import` accept a bundle
# signed with that key and refuse every tampered one, each with its own
# message, leaving the catalogue byte-identical.
. "$(dirname "$0")/lib.sh"
need minisign
need sqlite3

minisign -G -W -p "$TMP/pub" -s "$TMP/sec" >/dev/null
minisign -G -W -p "$TMP/pub2" -s "$TMP/sec2" >/dev/null
PUB=$(tail -n 1 "$TMP/pub")
printf '[kiosk]\npublic_key = %s\n' "$PUB" > "$MOTCUA_CONFIG"
TC='Sở Tư pháp tỉnh Sơn La — bản phát hành'

# sign DIR [SECKEY] [minisign options...] — SHA256SUMS of every file, signed.
sign() {
	local dir=$1 key=${2:-sec}
	shift 2 2>/dev/null || shift $#
	(cd "$dir" && rm -f SHA256SUMS SHA256SUMS.minisig &&
		find . -type f | sed 's|^\./||' | LC_ALL=C sort | xargs -d '\n' sha256sum > "$TMP/SHA256SUMS.tmp" &&
		mv "$TMP/SHA256SUMS.tmp" SHA256SUMS) &&
		minisign -S -s "$TMP/$key" -m "$dir/SHA256SUMS" -t "$TC" "$@" >/dev/null
}

# fresh NAME VERSION — a copy of the good fixture with phien_ban = VERSION.
fresh() {
	rm -rf "${TMP:?}/$1"
	cp -r "$FIX/good" "$TMP/$1"
	sed -i "s/^\(phien_ban *= *\).*/\1$2/" "$TMP/$1/bundle.ini"
}

CAT="$MOTCUA_STORE/catalog.sqlite"

# An unsigned bundle is refused outright when a key is configured.
fresh v1 101
run 1 check "$TMP/v1"
expect_in "$ERR" "SHA256SUMS is missing" "unsigned bundle"

# Signed with the configured key: checks and imports; the trusted comment
# (who published it) is kept in the catalogue.
sign "$TMP/v1" sec
run 0 check "$TMP/v1"
run 0 import "$TMP/v1"
expect_in "$OUT" "imported version 101" "signed import"
[ "$(sqlite3 "$CAT" "SELECT value FROM meta WHERE key='signer'")" = "$TC" ] ||
	fail "the trusted comment was not kept as the signer"
[ -f "$CAT" ] || { fail "no catalogue after a signed import"; finish; }
cp "$CAT" "$TMP/catalog.before"

# refused NAME MESSAGE [FILE:LINE] — import of $TMP/NAME fails with MESSAGE
# and the catalogue stays byte-identical.
refused() {
	run 1 import "$TMP/$1"
	expect_in "$ERR" "$2" "$1"
	[ -n "${3:-}" ] && expect_in "$ERR" "$3" "$1 (where)"
	expect_in "$ERR" "nothing was changed" "$1"
	expect_not_in "$OUT" "imported version" "$1"
	cmp -s "$CAT" "$TMP/catalog.before" || fail "$1: the catalogue changed"
	run 1 check "$TMP/$1"
	expect_in "$ERR" "$2" "$1 (check)"
}

fresh changed 102; sign "$TMP/changed" sec
sed -i '0,/đăng ký khai sinh/s//đăng kí khai sinh/' "$TMP/changed/procedures.csv"
cmp -s "$TMP/changed/procedures.csv" "$FIX/good/procedures.csv" && fail "test set-up: nothing changed"
line=$(grep -n ' procedures.csv$' "$TMP/changed/SHA256SUMS" | cut -d: -f1)
refused changed "'procedures.csv' does not match its SHA-256 checksum" "SHA256SUMS:$line: error:"

fresh extra 102; sign "$TMP/extra" sec
echo '%PDF-1.4 not signed' > "$TMP/extra/forms/them.pdf"
refused extra "not listed in SHA256SUMS" "forms/them.pdf: error:"

fresh missing 102; sign "$TMP/missing" sec
rm "$TMP/missing/images/niem_yet.png"
refused missing "'images/niem_yet.png' is listed but is missing from the bundle"

fresh otherkey 102; sign "$TMP/otherkey" sec2
refused otherkey "signed with another key"

fresh legacy 102; sign "$TMP/legacy" sec -l
refused legacy "legacy format (Ed)"

fresh comment 102; sign "$TMP/comment" sec
sed -i 's/^trusted comment: .*/trusted comment: Sở Tư pháp tỉnh Điện Biên/' "$TMP/comment/SHA256SUMS.minisig"
refused comment "trusted comment was changed"

fresh sums 102; sign "$TMP/sums" sec
echo '%PDF-1.4 smuggled' > "$TMP/sums/forms/them.pdf"
(cd "$TMP/sums" && sha256sum forms/them.pdf >> SHA256SUMS)
refused sums "signature does not match SHA256SUMS"

fresh unsigned 102; sign "$TMP/unsigned" sec
rm "$TMP/unsigned/SHA256SUMS.minisig"
refused unsigned "SHA256SUMS.minisig is missing"

# A bundle from a Windows stick: file names in other case still verify.
fresh upper 102; sign "$TMP/upper" sec
mv "$TMP/upper/procedures.csv" "$TMP/upper/PROCEDURES.CSV"
run 0 check "$TMP/upper"

# Once the refusals are done, a good signed bundle still goes in.
fresh v2 102; sign "$TMP/v2" sec
run 0 import "$TMP/v2"
expect_in "$OUT" "imported version 102" "signed import after refusals"
cmp -s "$CAT" "$TMP/catalog.before" && fail "a good signed import did not change the catalogue"

# A key that is not a minisign key is a clear error, not a silent pass: the
# configuration cannot be trusted, so import refuses for safety (status 3).
printf '[kiosk]\npublic_key = RWQnot-a-key\n' > "$MOTCUA_CONFIG"
fresh v3 103; sign "$TMP/v3" sec
cp "$CAT" "$TMP/catalog.before"
run 3 import "$TMP/v3"
expect_in "$ERR" "$MOTCUA_CONFIG:2: error: 'public_key' is not a minisign public key" "v3 (where)"
expect_in "$ERR" "nothing was imported" "v3"
expect_not_in "$OUT" "imported version" "v3"
cmp -s "$CAT" "$TMP/catalog.before" || fail "v3: the catalogue changed"
run 3 check "$TMP/v3"
expect_in "$ERR" "the signature cannot be verified" "v3 (check)"
finish
