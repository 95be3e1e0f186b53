#!/usr/bin/env bash
# A large dossier list (100,000 rows) from the staff's stick is checked and
# installed in a worker thread: right after the tap the staff area says it
# is being checked (the old kiosk froze there until the end), its tiles are
# off, it scrolls under a finger, frames keep coming with the worker's
# progress (rows checked, then dossiers written) while real time passes,
# then the same result message as before, and the list is the one in use.
. "$MOTCUA_SRC/tests/ui/dossier_lib.sh"
N=100000
big_list "$TMP/big" "$N"
# What the kiosk draws while the worker runs, looked at over 7 s of real
# time (a worker slowed by a busy machine still shows its progress).
polls() {
	for ms in 200 200 200 200 500 500 500 500 500 500 500 500 500 500 500 500; do
		printf 'wait %s\nprint-runs\n' "$ms"
	done
}
t0=$(date +%s%N)
expect_kiosk "large list" '
usb-insert '"$TMP/big"'
'"$STAFF_DOSSIERS"'
tap-text "Cập nhật danh sách hồ sơ"
expect-text "Đang kiểm tra danh sách hồ sơ…"
expect-text "Không có gì thay đổi cho đến khi kiểm tra xong cả danh sách."
shot checking
print-runs
drag 500 700 500 300 300
drag 500 300 500 900 300
print-runs
'"$(polls)"'
wait 300000
expect-text "Đã cập nhật danh sách hồ sơ: '"$N"' hồ sơ."
expect-no-text "Đang kiểm tra danh sách hồ sơ…"
shot done
print-runs
usb-remove
tap-text "Trang chủ"
expect-text "Tra cứu hồ sơ"' > "$TMP/kout"
t1=$(date +%s%N)
# Frames drawn while the worker ran: the first right after the tap, then
# others with its progress, before the result.
progress=$(grep -oE 'Đang (kiểm tra danh sách hồ sơ… đã kiểm tra [0-9]+ dòng|cài đặt danh sách hồ sơ… đã ghi [0-9]+ trên [0-9]+ hồ sơ)' "$TMP/kout")
first=$(printf '%s\n' "$progress" | head -1)
expect_in "$first" "đã kiểm tra 0 dòng" "the frame right after the tap"
moved=$(printf '%s\n' "$progress" | grep -cvE 'đã kiểm tra 0 dòng|đã ghi 0 trên')
[ "$moved" -ge 1 ] || fail "no frame showed the check's progress while it ran: $(printf '%s' "$progress" | tr '\n' '|')"
echo "frames with progress: $(printf '%s' "$progress" | tr '\n' '|'); kiosk run $(((t1 - t0) / 1000000)) ms"
run 0 dossier show TEST-099990
expect_in "$OUT" "TEST-099990" "the list the kiosk installed"
run 0 dossier show TEST-000007
expect_in "$OUT" "Being processed" "the list the kiosk installed"
"$MOTCUA_BIN" dossier show OLD-0001 >/dev/null 2>&1 && fail "the old list is still in use"
finish
