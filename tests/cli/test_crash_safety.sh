#!/bin/bash
# Crash safety of the catalogue swap (DESIGN §4): `motcua import` of a
# ~3,000-procedure bundle is killed with SIGKILL at random moments spread over
# its run. After every kill the catalogue must open, pass PRAGMA
# integrity_check, and be exactly the old or exactly the new catalogue (its
# meta version and a hash of `motcua export`), and the next import must work.
#
# usage: test_crash_safety.sh [GEN_CATALOG] — the bundle generator of
# tests/bench; an awk stand-in is used when it is not built.
. "$(dirname "$0")/lib.sh"
need sqlite3
GEN=${1:-}
KILLS=${MOTCUA_CRASH_KILLS:-50}
N=3000

# gen N DIR VERSION
gen() {
	if [ -n "$GEN" ] && [ -x "$GEN" ]; then
		"$GEN" "$1" "$2" "$3" >/dev/null
		return
	fi
	# Stand-in: N procedures with long-enough text, plus the required files.
	mkdir -p "$2"
	printf 'don_vi = UBND xã Chiềng Sơn\nphien_ban = %s\nngay_ban_hanh = 01/01/2026\nnguoi_lap = test\n' "$3" > "$2/bundle.ini"
	printf 'co_quan,dien_thoai\nUBND xã Chiềng Sơn,0212 3866 123\n' > "$2/hotlines.csv"
	awk -v n="$1" -v v="$3" 'BEGIN {
		print "ma_thu_tuc,ten_thu_tuc,linh_vuc,trinh_tu,thanh_phan_ho_so,thoi_han"
		for (i = 1; i <= n; i++) {
			s = ""; for (k = 0; k < 40; k++) s = s "Bước " k " của thủ tục " i " bản " v ". "
			printf "%d.%06d,Thủ tục số %d bản %d,Lĩnh vực %d,\"%s\",\"Tờ khai | 1 bản\",%d ngày\n", \
				1 + i % 3, i, i, v, i % 20, s, 1 + i % 15
		}
	}' > "$2/procedures.csv"
}

now_ms() { date +%s%3N; }

# state DIR — "VERSION HASH" of the catalogue in store DIR, or why it is bad.
state() {
	local cat="$1/catalog.sqlite" ic v h
	[ -f "$cat" ] || { echo "MISSING"; return; }
	ic=$(sqlite3 "file:$cat?mode=ro" "PRAGMA integrity_check" 2>&1)
	[ "$ic" = ok ] || { echo "CORRUPT: $ic"; return; }
	v=$(sqlite3 "file:$cat?mode=ro" "SELECT value FROM meta WHERE key='version'" 2>&1)
	rm -rf "$TMP/export"
	MOTCUA_STORE=$1 "$MOTCUA_BIN" export "$TMP/export" >/dev/null 2>"$TMP/export.err" ||
		{ echo "EXPORT FAILED: $(head -c 300 "$TMP/export.err")"; return; }
	h=$(cd "$TMP/export" && find . -type f | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum | cut -c1-16)
	echo "$v $h"
}

gen "$N" "$TMP/v1" 1
gen "$((N + 50))" "$TMP/v2" 2
[ -s "$TMP/v2/procedures.csv" ] || { fail "the generator made no bundle"; finish; }
echo "bundle: $(du -sh "$TMP/v2" | cut -f1), $(grep -c '' "$TMP/v2/procedures.csv") lines"

# The two states a kill may leave, and the import's duration.
S0="$TMP/s0"
MOTCUA_STORE=$S0 "$MOTCUA_BIN" import "$TMP/v1" >/dev/null 2>"$TMP/err" ||
	{ fail "import of v1: $(head -5 "$TMP/err")"; finish; }
OLD=$(state "$S0")
# The import's duration: the shortest of three runs (the first one reads a
# cold cache).
DUR=
for _ in 1 2 3; do
	rm -rf "$TMP/s_new"
	cp -a "$S0" "$TMP/s_new"
	t0=$(now_ms)
	MOTCUA_STORE="$TMP/s_new" "$MOTCUA_BIN" import "$TMP/v2" >/dev/null 2>"$TMP/err" ||
		{ fail "import of v2: $(head -5 "$TMP/err")"; finish; }
	t=$(($(now_ms) - t0))
	[ -z "$DUR" ] || [ "$t" -lt "$DUR" ] && DUR=$t
done
NEW=$(state "$TMP/s_new")
echo "old: $OLD  new: $NEW  import: ${DUR} ms"
case "$OLD" in "1 "*) ;; *) fail "old state: $OLD"; finish;; esac
case "$NEW" in "2 "*) ;; *) fail "new state: $NEW"; finish;; esac
[ "${OLD#* }" != "${NEW#* }" ] || { fail "old and new exports are identical"; finish; }

# Kill moments: odd kills uniform over 0 .. 1.2 × the import's duration;
# even ones over 0.7 .. 1.3 ×, around the swap itself (rollback copy, rename,
# folder fsync) at the end of the import, so that narrow window is hit often
# even when the machine is loaded and durations vary.
n_old=0 n_new=0
for i in $(seq 1 "$KILLS"); do
	S="$TMP/s"
	rm -rf "$S"
	cp -a "$S0" "$S"
	r=$((RANDOM * 32768 + RANDOM))
	if [ $((i % 2)) -eq 1 ]; then
		delay=$((r % (DUR * 12 / 10 + 1)))
	else
		delay=$((DUR * 70 / 100 + r % (DUR * 60 / 100 + 1)))
	fi
	MOTCUA_STORE=$S "$MOTCUA_BIN" import "$TMP/v2" >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v ms="$delay" 'BEGIN { printf "%.3f", ms / 1000 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	got=$(state "$S")
	if [ "$got" = "$OLD" ]; then
		n_old=$((n_old + 1))
	elif [ "$got" = "$NEW" ]; then
		n_new=$((n_new + 1))
	else
		fail "kill $i after ${delay} ms: catalogue is neither old nor new: $got"
		ls -la "$S" >&2
		continue
	fi
	# Whatever the kill left (a half-built catalog.new.sqlite…) must not stop
	# the next import; check it now and then, as it costs a full import.
	if [ $((i % 10)) -eq 0 ]; then
		if [ "$got" = "$OLD" ]; then
			MOTCUA_STORE=$S "$MOTCUA_BIN" import "$TMP/v2" >/dev/null 2>"$TMP/err" ||
				fail "kill $i: the next import failed: $(head -3 "$TMP/err")"
			[ "$(state "$S")" = "$NEW" ] || fail "kill $i: the next import did not install v2"
		fi
		# The rollback copy is the old catalogue when the new one is live.
		MOTCUA_STORE=$S "$MOTCUA_BIN" rollback >/dev/null 2>"$TMP/err" ||
			fail "kill $i: rollback failed: $(head -3 "$TMP/err")"
		[ "$(state "$S")" = "$OLD" ] || fail "kill $i: rollback did not give back v1"
	fi
done
echo "$KILLS kills: $n_old left the old catalogue, $n_new the new one"
# Kills spread over the run must land on both sides of the swap; if not, the
# timing above no longer matches the import and the test proves little.
[ "$n_old" -gt 0 ] || fail "no kill landed before the swap"
[ "$n_new" -gt 0 ] || fail "no kill landed after the swap"
finish
