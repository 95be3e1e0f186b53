#!/usr/bin/env bash
# The staff's Reports screen (issue 13): with a known first quarter of 2026
# in the events store (report_fill) and the clock at 15/04/2026, "last
# quarter" shows the quarter's figures; "this quarter" shows the second's;
# the report goes to the printer (a missing one: the reason is shown) and to
# the USB stick as bao_cao.pdf with its CSV files, in a new folder, whose
# figures pdftotext reads back.
. "$MOTCUA_SRC/tests/ui/usb_lib.sh"
FILL=${1:?usage: report_staff.sh REPORT_FILL}
SIZE=${2:-1920x1080}
need pdftotext
export TZ=Asia/Ho_Chi_Minh
run 0 show 1.001193 # fills the store from the sample
"$FILL" "$MOTCUA_STORE/events.sqlite" || fail "report_fill failed"
printf '[kiosk]\nprinter = motcua-khong-co-may-in\n' > "$MOTCUA_CONFIG"
SHOTS_NAME=report-$SIZE expect_kiosk "reports" '
clock "15/04/2026 09:00"
drag 60 60 60 60 3200
type "000000"
drag 500 700 500 300 300
wait 3000
tap-text "Báo cáo"
expect-text "Quý I năm 2026: 01/01/2026 – 31/03/2026"
expect-text "Lượt sử dụng của người dân"
expect-exact "37"
expect-exact "275"
expect-exact "60,0 %"
expect-exact "25,0 %"
shot report
tap-text "Quý này"
expect-text "Quý II năm 2026: 01/04/2026 – 30/06/2026"
expect-exact "50"
tap-text "Năm nay"
expect-text "Năm 2026: 01/01/2026 – 31/12/2026"
tap-text "Quý trước"
expect-text "Cắm USB để ghi báo cáo vào đó."
tap-text "In tại quầy"
expect-text "Không in được báo cáo"
drag 500 900 500 200 300
wait 3000
tap-text "In thẻ hướng dẫn bàn phím số"
expect-text "Không in được thẻ hướng dẫn: "
shot keycard-failed
usb-insert '"$SAMPLE"'
tap-text "Ghi PDF và CSV vào USB"
expect-text "Báo cáo đã ghi vào USB"
expect-text "motcua-bao-cao-20260101-20260331"
shot report-usb' --check-layout
dir=$(find "$MOTCUA_SCRIPT_USB" -type d -name 'motcua-bao-cao-20260101-20260331' | head -1)
[ -n "$dir" ] || { fail "no report folder on the stick"; finish; }
for f in bao_cao.pdf tong_hop.csv luot_xem_theo_linh_vuc.csv luot_xem_theo_thu_tuc.csv \
	tim_kiem_khong_co_ket_qua.csv danh_gia_theo_muc_do.csv danh_gia_ly_do.csv tra_cuu_ho_so.csv; do
	[ -s "$dir/$f" ] || fail "$f is not on the stick"
done
ls -a "$dir" | grep -q '\.part$' && fail "a half-written file is left on the stick"
TXT=$(pdftotext -layout "$dir/bao_cao.pdf" - 2>/dev/null | tr -s ' ')
grep -qE "Lượt sử dụng kiosk \(phiên của người dân\) 37$" <<<"$TXT" || fail "the stick's PDF: 37 sessions"
grep -qE "Tỷ lệ hài lòng \(mức 4 và 5\) 60,0 %$" <<<"$TXT" || fail "the stick's PDF: 60 % satisfied"
grep -q "^Lượt sử dụng kiosk;37" "$dir/tong_hop.csv" || fail "tong_hop.csv: 37 sessions"
finish
