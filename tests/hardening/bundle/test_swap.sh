#!/bin/bash
# Issue 9, break 4: a file of a signed bundle swapped while motcua reads it
# (after the signature and SHA256SUMS were checked, before the file is
# parsed) must never reach the catalogue. The swap is made by swap_shim.so
# (LD_PRELOAD) just before the k-th open of the file, for every k, so it
# lands before, between and after motcua's reads: deterministic, no timing.
# Usage: test_swap.sh MOTCUA SWAP_SHIM — a motcua built without sanitizers
# (ASan refuses to run with a preloaded library ahead of it).
. "$(dirname "$0")/../../cli/lib.sh"
MOTCUA_BIN=${1:?}
SHIM=${2:?}
command -v minisign >/dev/null || { echo "SKIP: minisign is not installed"; exit 77; }
command -v sqlite3 >/dev/null || { echo "SKIP: sqlite3 is not installed"; exit 77; }

minisign -G -W -p "$TMP/pub" -s "$TMP/sec" >/dev/null
printf '[kiosk]\npublic_key = %s\n' "$(tail -n 1 "$TMP/pub")" > "$MOTCUA_CONFIG"
CAT="$MOTCUA_STORE/catalog.sqlite"

# The signed bundle, and the forged files an attacker swaps in.
cp -r "$FIX/good" "$TMP/signed"
sed -i 's/^\(phien_ban *= *\).*/\1101/' "$TMP/signed/bundle.ini"
(cd "$TMP/signed" && find . -type f | sed 's|^\./||' | LC_ALL=C sort |
	xargs -d '\n' sha256sum > "$TMP/SHA256SUMS" && mv "$TMP/SHA256SUMS" SHA256SUMS)
minisign -S -s "$TMP/sec" -m "$TMP/signed/SHA256SUMS" -t "test" >/dev/null
sed 's/Thủ tục đăng ký khai sinh/FORGED BY THE STICK/' "$TMP/signed/procedures.csv" \
	> "$TMP/forged.csv"
grep -q FORGED "$TMP/forged.csv" || { fail "the forged procedures.csv is not forged"; finish; }
printf '%%PDF-1.4\n%% FORGED BY THE STICK\n' > "$TMP/forged.pdf"

forged_installed() {
	[ -f "$CAT" ] && [ "$(sqlite3 "$CAT" "SELECT (SELECT count(*) FROM procedure WHERE name LIKE '%FORGED%') + (SELECT count(*) FROM blob WHERE instr(data, CAST('FORGED' AS BLOB)) > 0)")" != 0 ]
}

refused_after_read=0
for target in procedures.csv forms/to_khai_khai_sinh.pdf; do
	name=${target##*/}
	forged=$TMP/forged.${name##*.}
	for cmd in check import; do
		for k in 1 2 3 4; do
			rm -rf "$TMP/b" "$TMP/done"
			cp -r "$TMP/signed" "$TMP/b"
			cp "$forged" "$TMP/swap-from"
			SWAP_NAME=$name SWAP_FROM=$TMP/swap-from SWAP_AT=$k SWAP_DONE=$TMP/done \
				LD_PRELOAD=$SHIM "$MOTCUA_BIN" $cmd --allow-downgrade "$TMP/b" \
				>"$TMP/out" 2>"$TMP/err"
			rc=$?
			what="$cmd, $target swapped before open #$k"
			if [ "$rc" = 0 ]; then
				expect_not_in "$(cat "$TMP/out")" FORGED "$what"
			elif [ "$rc" = 1 ]; then
				expect_in "$(cat "$TMP/out" "$TMP/err")" "nothing was changed" "$what"
				[ -f "$TMP/done" ] && [ "$k" -ge 2 ] &&
					refused_after_read=$((refused_after_read + 1))
			else
				fail "$what: exit $rc"
				sed 's/^/  stderr: /' "$TMP/err" | head >&2
			fi
			if forged_installed; then
				fail "$what: the forged file was installed under a valid signature"
				rm -f "$CAT"
			fi
		done
	done
done
# Not vacuous: swaps that came after motcua had already read the file once
# (to verify it) were caught and refused.
[ "$refused_after_read" -ge 4 ] ||
	fail "only $refused_after_read swap(s) after the first read were refused"

# The message says what happened.
rm -rf "$TMP/b" "$TMP/done"; cp -r "$TMP/signed" "$TMP/b"; cp "$TMP/forged.csv" "$TMP/swap-from"
SWAP_NAME=procedures.csv SWAP_FROM=$TMP/swap-from SWAP_AT=2 SWAP_DONE=$TMP/done \
	LD_PRELOAD=$SHIM "$MOTCUA_BIN" check --allow-downgrade "$TMP/b" >"$TMP/out" 2>"$TMP/err"
expect_in "$(cat "$TMP/err")" "procedures.csv: the file changed after its signature was checked" \
	"the message for a swapped file"
finish
