# tools/count-tests: a missing or empty log is no pass; failures fail.
. "$(dirname "$0")/lib.sh"
CT="$MOTCUA_SRC/tools/count-tests"
ct() { # WANT_STATUS LOG... — output in $OUT, errors in $ERR
	local want=$1; shift
	"$CT" "$@" >"$TMP/out" 2>"$TMP/err"
	local got=$?
	OUT=$(cat "$TMP/out"); ERR=$(cat "$TMP/err")
	[ "$got" = "$want" ] || fail "count-tests $* exited $got, want $want"
}
ct 1 "$TMP/no-such-log.json"
expect_in "$ERR" "missing or empty" "missing log"
expect_not_in "$OUT" "0 failed" "missing log"
: > "$TMP/empty.json"
ct 1 "$TMP/empty.json"
expect_in "$ERR" "missing or empty" "empty log"
echo '{"name": "x"}' > "$TMP/none.json"
ct 1 "$TMP/none.json"
expect_in "$ERR" "no test results" "a log without results"
printf '%s\n' '{"name": "a", "result": "OK"}' '{"name": "b", "result": "SKIP"}' \
	'{"name": "c", "result": "EXPECTEDFAIL"}' > "$TMP/ok.json"
ct 0 "$TMP/ok.json"
expect_in "$OUT" "2 passed, 0 failed, 1 skipped" "a good log"
printf '%s\n' '{"name": "d", "result": "FAIL"}' '{"name": "e", "result": "TIMEOUT"}' > "$TMP/bad.json"
ct 1 "$TMP/ok.json" "$TMP/bad.json"
expect_in "$OUT" "2 passed, 2 failed, 1 skipped" "failures counted"
ct 1 "$TMP/ok.json" "$TMP/no-such-log.json"
ct 2
finish
