# The shipped units are confined (issue 9, break 16): `systemd-analyze
# security` rates each at 4.9 or below, and `systemd-analyze verify` finds
# nothing to say about them. Runs offline: systemd need not be PID 1.
#
# verify checks that ExecStart's program exists, so it runs on a small root
# (--root) holding systemd's own units, the units under test, and the built
# motcua as /usr/bin/motcua, where the package installs it. cage is copied
# from this machine when installed; otherwise an empty executable stands in
# for it and the output says so.
. "$MOTCUA_SRC/tests/cli/lib.sh"
UNITS="motcua.service motcua-cage.service"
MAX=4.9
command -v systemd-analyze >/dev/null || { echo "SKIP: no systemd-analyze"; exit 77; }

for u in $UNITS; do
	f="$MOTCUA_SRC/data/$u"
	out=$(systemd-analyze security --offline=true --threshold=49 "$f" 2>&1)
	rc=$?
	score=$(printf '%s\n' "$out" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
	echo "$u: exposure $score (at most $MAX)"
	if [ -z "$score" ]; then
		fail "$u: systemd-analyze security gave no score: $(printf '%s' "$out" | tail -5)"
	elif [ "$rc" != 0 ] || awk -v s="$score" -v m="$MAX" 'BEGIN { exit !(s > m) }'; then
		fail "$u: exposure $score is above $MAX; what is left open:"
		printf '%s\n' "$out" | grep '^✗' | sort -t' ' -k2 | tail -25 >&2
	fi
	grep -qx 'ExecStart=.*/usr/bin/motcua kiosk' "$f" ||
		fail "$u: ExecStart does not run /usr/bin/motcua kiosk, where the package installs it"
	grep -qx 'User=motcua' "$f" && grep -qx 'Group=motcua' "$f" &&
		grep -qx 'SupplementaryGroups=video render input audio' "$f" ||
		fail "$u: not the documented user motcua with groups video render input audio"
	grep -qx 'StateDirectory=motcua' "$f" || fail "$u: the store /var/lib/motcua is not its StateDirectory"
done

ROOT="$TMP/root"
mkdir -p "$ROOT/usr/lib/systemd" "$ROOT/usr/bin" "$ROOT/etc/systemd/system"
cp -r /usr/lib/systemd/system "$ROOT/usr/lib/systemd/"
cp "$MOTCUA_BIN" "$ROOT/usr/bin/motcua"
if [ -x /usr/bin/cage ]; then
	cp /usr/bin/cage "$ROOT/usr/bin/cage"
else
	echo "cage is not installed here: an empty /usr/bin/cage stands in for it"
	printf '#!/bin/sh\nexit 1\n' > "$ROOT/usr/bin/cage"
	chmod 755 "$ROOT/usr/bin/cage"
fi
for u in $UNITS; do
	cp "$MOTCUA_SRC/data/$u" "$ROOT/etc/systemd/system/"
	out=$(systemd-analyze verify --root="$ROOT" "$u" 2>&1)
	rc=$?
	if [ "$rc" != 0 ] || [ -n "$out" ]; then
		fail "$u: systemd-analyze verify (exit $rc):"
		printf '%s\n' "$out" | head -20 >&2
	fi
done
# The check can fail: without the program, verify must object.
rm "$ROOT/usr/bin/motcua"
systemd-analyze verify --root="$ROOT" motcua.service >/dev/null 2>&1 &&
	fail "systemd-analyze verify passed a unit whose program is missing: the check above proves nothing"
finish
