#!/usr/bin/env bash
# A dossier list installed from the command line (`motcua dossier import`)
# while the kiosk runs: the home screen's "Tra cứu hồ sơ" tile appears at
# once, without a restart or a new session, and its lookup works; a keypad
# user finds it on the ring. The script comes through a pipe; the import
# happens between two of its lines (as in reload.sh).
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen MOTCUA_LANG=vi
run 0 show 1.001193 # fills the store from the sample
mkfifo "$TMP/fifo"
"$MOTCUA_BIN" kiosk --headless --size 1920x1080 --script "$TMP/fifo" --shots "$TMP/shots" 2>"$TMP/kerr" &
pid=$!
exec 3>"$TMP/fifo"
echo 'expect-text "Xin chào! Bạn cần tìm gì?"' >&3
echo 'expect-no-text "Tra cứu hồ sơ"' >&3
echo 'shot before' >&3
for _ in $(seq 100); do [ -f "$TMP/shots/before.png" ] && break; sleep 0.1; done
[ -f "$TMP/shots/before.png" ] || fail "the kiosk did not start"
today=$(date +%d/%m/%Y)
printf 'ma_ho_so;ma_thu_tuc;ngay_nhan;ngay_hen_tra;trang_thai;ghi_chu\nTEST-0001-NEW;1.001193;%s;%s;đã tiếp nhận;\n' \
	"$today" "$today" >"$TMP/ho_so.csv"
run 0 dossier import "$TMP/ho_so.csv"
cat >&3 <<'EOS'
wait 10
expect-text "Xin chào! Bạn cần tìm gì?"
expect-text "Tra cứu hồ sơ"
key kp2
key kp2
key kp2
expect-spoken "Tra cứu hồ sơ, Gõ hoặc quét mã trên giấy hẹn trả kết quả. nhấn phím 5 để chọn."
key kp5
expect-text "Gõ mã số in trên giấy tiếp nhận"
expect-spoken "hoặc đưa mã vạch trên giấy tiếp nhận vào dưới máy quét."
type "test0001new"
tap-text "Xem trạng thái"
expect-text "Hồ sơ TEST-0001-NEW"
EOS
exec 3>&-
wait "$pid"
rc=$?
[ "$rc" = 0 ] || { fail "the kiosk did not show the dossier list installed while it ran (exit $rc)"; cat "$TMP/kerr" >&2; }
finish
