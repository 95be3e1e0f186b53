#!/usr/bin/env bash
# `systemctl stop` (SIGTERM) while the staff area checks a large dossier
# list: the kiosk exits at once (the old kiosk only read the signal once the
# whole list was checked and installed, seconds later), the check stops in
# its worker, and the old list stays whole, with no half-written one left.
# The script comes through a pipe, so the signal arrives while it runs.
. "$MOTCUA_SRC/tests/ui/dossier_lib.sh"
big_list "$TMP/big" 150000
mkfifo "$TMP/fifo"
MOTCUA_LANG=vi "$MOTCUA_BIN" kiosk --headless --size 1920x1080 --script "$TMP/fifo" --shots "$TMP/shots" \
	>"$TMP/kout" 2>"$TMP/kerr" &
pid=$!
exec 3>"$TMP/fifo"
cat >&3 <<EOS
usb-insert $TMP/big
$STAFF_DOSSIERS
tap-text "Cập nhật danh sách hồ sơ"
print-run "Đang kiểm tra danh sách hồ sơ…"
EOS
# The line print-run writes once the tap has been handled and drawn.
for _ in $(seq 600); do
	grep -q '^run .*Đang kiểm tra' "$TMP/kout" && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
grep -q '^run .*Đang kiểm tra' "$TMP/kout" || fail "the staff area did not say the list was being checked"
t0=$(date +%s%N)
kill -TERM "$pid"
wait "$pid"
rc=$?
t1=$(date +%s%N)
exec 3>&-
ms=$(((t1 - t0) / 1000000))
echo "stopped ${ms} ms after SIGTERM (exit $rc)"
[ "$rc" = 0 ] || { fail "the kiosk exited $rc on SIGTERM"; sed 's/^/  stderr: /' "$TMP/kerr" | tail -20 >&2; }
[ "$ms" -lt 2000 ] || fail "the kiosk took ${ms} ms to stop during the check"
expect_in "$(cat "$TMP/kerr")" "SIGTERM" "the journal says why it stopped"
old_list_kept "SIGTERM during the check"
finish
