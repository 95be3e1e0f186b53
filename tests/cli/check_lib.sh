# Shared by test_check_import.sh and test_check_import_signed.sh (after lib.sh).
GOOD="$FIX/good"
CAT="$MOTCUA_STORE/catalog.sqlite"

# mk NAME — a fresh copy of the good bundle at $TMP/NAME, one version newer
# than the installed one, so that the only problem is the one a case adds.
mk() {
	rm -rf "${TMP:?}/$1"
	cp -r "$GOOD" "$TMP/$1"
	sed -i 's/^phien_ban = 1$/phien_ban = 2/' "$TMP/$1/bundle.ini"
	B="$TMP/$1"
}

# unchanged WHAT — the live catalogue is the one saved in $TMP/before.sqlite.
unchanged() {
	cmp -s "$CAT" "$TMP/before.sqlite" || fail "$1: the catalogue was changed"
}

# broken WHAT WANT... — import $B must fail with each WANT on stderr.
broken() {
	local what=$1; shift
	run 1 import "$B"
	for want in "$@"; do expect_in "$ERR" "$want" "$what"; done
	expect_in "$ERR" "nothing was changed" "$what"
	unchanged "$what"
	run 1 check "$B"
	expect_in "$ERR" "$1" "$what (check)"
	unchanged "$what (check)"
}

