# Shared by the CLI tests: a fresh store per test, and assertions that say
# what a user would have seen.
set -u
: "${MOTCUA_BIN:?}" "${MOTCUA_SRC:?}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export MOTCUA_STORE="$TMP/store"
export MOTCUA_CONFIG="$TMP/none.conf"   # explicit, so /etc/motcua is never read
: > "$MOTCUA_CONFIG"
FAILS=0
SAMPLE="$MOTCUA_SRC/data/motcua"
FIX="$MOTCUA_SRC/tests/fixtures"

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }

# run EXPECTED_STATUS CMD... — runs motcua, keeps stdout/stderr in $OUT/$ERR.
run() {
	local want=$1; shift
	"$MOTCUA_BIN" "$@" >"$TMP/out" 2>"$TMP/err"
	local got=$?
	OUT=$(cat "$TMP/out"); ERR=$(cat "$TMP/err")
	if [ "$got" != "$want" ]; then
		fail "motcua $* exited $got, want $want"
		sed 's/^/  stderr: /' "$TMP/err" | head -20 >&2
	fi
}

expect_in() { # HAYSTACK NEEDLE WHAT
	case "$1" in *"$2"*) ;; *) fail "$3: '$2' not found in: $(printf '%s' "$1" | head -c 600)";; esac
}
expect_not_in() {
	case "$1" in *"$2"*) fail "$3: '$2' unexpectedly found";; *) ;; esac
}

finish() {
	if [ "$FAILS" -gt 0 ]; then echo "$FAILS failure(s)" >&2; exit 1; fi
	exit 0
}

# need CMD... — a test (or a test of its own for one section) that cannot run
# without these tools: SKIP (77) on a machine without them, a failure in CI
# (CI=true), where tools/dev installs every one.
need() {
	local c missing=
	for c in "$@"; do command -v "$c" >/dev/null || missing="$missing $c"; done
	[ -z "$missing" ] && return 0
	if [ "${CI:-}" = true ]; then
		echo "FAIL:$missing not installed, and CI installs every tool the tests use (tools/dev)" >&2
		exit 1
	fi
	echo "SKIP:$missing not installed"
	exit 77
}
