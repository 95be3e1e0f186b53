# motcua check / import of signed bundles (minisign): the signature section
# of test_check_import.sh, a test of its own so that without minisign it is
# a SKIP (a failure in CI), not a silent part of a pass.
. "$(dirname "$0")/lib.sh"
need minisign
. "$(dirname "$0")/check_lib.sh"

# The catalogue the signed bundles replace: the good fixture, version 1.
run 0 import "$GOOD"
# A SHA256SUMS without a configured key is reported, not trusted.
mk signed
sed -i 's/^phien_ban = 2$/phien_ban = 5/' "$B/bundle.ini"
(cd "$B" && find . -type f ! -name 'SHA256SUMS*' | sed 's#^\./##' | sort | xargs sha256sum > SHA256SUMS)
minisign -G -W -f -p "$TMP/k.pub" -s "$TMP/k.sec" >/dev/null 2>&1 || fail "minisign -G"
minisign -S -s "$TMP/k.sec" -m "$B/SHA256SUMS" -t "Sở Tư pháp tỉnh Sơn La" >/dev/null 2>&1 </dev/null ||
	fail "minisign -S"
run 0 check "$B"
expect_in "$ERR" "SHA256SUMS: warning: the bundle is signed but no public key is configured" "unchecked signature"
# With the key configured the signed bundle installs; a changed file does not.
printf '[kiosk]\npublic_key = %s\n' "$(tail -n 1 "$TMP/k.pub")" > "$MOTCUA_CONFIG"
run 0 import "$B"
expect_in "$OUT" "imported version 5" "signed bundle"
cp "$CAT" "$TMP/before.sqlite"
sed -i 's/^phien_ban = 5$/phien_ban = 6/' "$B/bundle.ini"
broken "changed after signing" "does not match its SHA-256 checksum"
mk unsigned; sed -i 's/^phien_ban = 2$/phien_ban = 6/' "$B/bundle.ini"
broken "unsigned bundle with a key configured" "the bundle is not signed"
: > "$MOTCUA_CONFIG"
finish
