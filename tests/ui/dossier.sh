#!/usr/bin/env bash
# The dossier lookup at the kiosk (issue 13.1, 13.4), in Vietnamese:
#  - no list installed: no "Tra cứu hồ sơ" tile, and a scan opens nothing;
#  - with a list: the tile; a receipt code typed on the on-screen keyboard
#    shows the status in plain words, the due date and "Quá hạn N ngày";
#  - the same kind of code arriving as fast key events ending in Enter (a
#    USB scanner) on another screen, and on the attract screen, opens it;
#    "chờ bổ sung" says what to bring; an unknown code says so;
#  - every lookup is recorded once in the events store;
#  - the attract slide shows this month's figures (received, on time,
#    overdue), counted on the injected clock;
#  - a list older than dossier_max_age_days is shown with its date and a
#    warning (the script's clock set ten days ahead).
# The list's dates are relative to today (the install is stamped with the
# real time); the codes are made up (test data).
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen MOTCUA_LANG=vi
printf '[kiosk]\nprinter = motcua-ui-no-such-printer\n' >"$MOTCUA_CONFIG"
SHOTS=${MOTCUA_SHOTS:-$TMP/shots}
d() { date -d "$1" +%d/%m/%Y; }

kiosk() { # NAME SIZE — runs $TMP/NAME.script
	"$MOTCUA_BIN" kiosk --headless --size "$2" --script "$TMP/$1.script" --shots "$SHOTS/dossier-$1-$2" \
		--check-layout 2>"$TMP/kerr" || { fail "$1.script at $2 failed"; cat "$TMP/kerr" >&2; }
}

# 1. No list: no tile; a scan does nothing.
cat >"$TMP/none.script" <<'EOF'
expect-text "Xin chào! Bạn cần tìm gì?"
expect-no-text "Tra cứu hồ sơ"
scan "TEST-0001-LATE"
expect-text "Xin chào! Bạn cần tìm gì?"
expect-no-text "Đang xử lý"
EOF
kiosk none 1920x1080

H='ma_ho_so;ma_thu_tuc;ngay_nhan;ngay_hen_tra;trang_thai;ghi_chu'
{
	echo "$H"
	echo "TEST-0001-LATE;1.001193;$(d '-400 days');$(d '-3 days');Đang xử lý;"
	echo "TEST-0002-PAPERS;1.001193;$(d today);$(d '+2 days');chờ bổ sung;\"Bản sao giấy chứng sinh"
	echo "Tờ khai đăng ký khai sinh có chữ ký\""
	echo "TEST-0003-READY;1.001193;$(d today);$(d '+3 days');đã có kết quả;"
	echo "TEST-0004-NEW;1.001193;$(d today);$(d '+5 days');đã tiếp nhận;"
	echo "TEST-0005-LATE2;1.001193;$(d '-400 days');$(d '-30 days');đang xử lý;"
	echo "TEST-0006-OLD;1.001193;$(d '-400 days');$(d '-300 days');đã trả kết quả;"
} >"$TMP/ho_so.csv"
run 0 dossier import "$TMP/ho_so.csv"

# 2. Typed on the keyboard; then scanned on another screen; then scanned
#    on the attract screen; an unknown code; the month's slide.
cat >"$TMP/lookup.script" <<EOF
expect-text "Tra cứu hồ sơ"
tap-text "Tra cứu hồ sơ"
expect-text "Gõ mã số in trên giấy tiếp nhận"
type "test0001late"
tap-text "Xem trạng thái"
expect-text "Hồ sơ TEST-0001-LATE"
expect-text "Đang xử lý"
expect-text "Quá hạn 3 ngày"
expect-text "Ngày hẹn trả: $(d '-3 days')"
expect-text "Thủ tục đăng ký khai sinh"
shot typed
# Another screen: search. The scanner types the code and Enter.
tap-text "Trang chủ"
tap-text "Tra cứu"
expect-text "Gõ tên thủ tục"
scan "TEST-0002-PAPERS"
expect-text "Hồ sơ TEST-0002-PAPERS"
expect-text "Cần bổ sung giấy tờ"
expect-text "Giấy tờ cần mang bổ sung"
expect-text "Bản sao giấy chứng sinh"
expect-text "Tờ khai đăng ký khai sinh có chữ ký"
expect-no-text "Quá hạn"
shot scanned
# A second scan on the dossier screen replaces the answer.
scan "TEST-0003-READY"
expect-text "Đã có kết quả"
expect-no-text "Cần bổ sung giấy tờ"
scan "TEST-9999"
expect-text "Không có hồ sơ mã TEST-9999."
shot unknown
# Idle: the attract screen; its slides come round to the month's figures.
wait 112000
expect-text "Chạm để tra cứu thủ tục"
# (welcome, hotlines, indices, news — the sample has no new or amended
# procedure — then the dossiers: the fourth change, 8 s apart)
wait 32000
expect-text "Hồ sơ tại bộ phận một cửa"
expect-text "Tiếp nhận trong tháng: 3 hồ sơ"
expect-text "Giải quyết đúng hạn: 1 hồ sơ"
expect-text "Quá hạn: 2 hồ sơ"
shot board
# A scan wakes the kiosk and shows the status at once.
scan "TEST-0005-LATE2"
expect-text "Hồ sơ TEST-0005-LATE2"
expect-text "Quá hạn 30 ngày"
expect-no-text "Chạm để tra cứu thủ tục"
EOF
kiosk lookup 1920x1080
q() { sqlite3 -batch -noheader "$MOTCUA_STORE/events.sqlite" "$1" 2>&1; }
got=$(q "SELECT replace(subject, char(9), ' ') FROM event WHERE kind = 'dossier_lookup' ORDER BY id")
want="TEST-0001-LATE dang_xu_ly 3
TEST-0002-PAPERS cho_bo_sung 0
TEST-0003-READY da_co_ket_qua 0
TEST-0005-LATE2 dang_xu_ly 30"
[ "$got" = "$want" ] || fail "dossier lookups recorded:
$got
want:
$want"

# 3. Ten days later the list is old: its date and a warning; overdue has grown.
cat >"$TMP/old.script" <<EOF
clock "$(date -d '+10 days' '+%d/%m/%Y %H:%M')"
tap-text "Tra cứu hồ sơ"
expect-text "Danh sách hồ sơ ngày $(d today)."
expect-text "Lưu ý: danh sách này đã cũ 10 ngày"
scan "TEST-0001-LATE"
expect-text "Quá hạn 13 ngày"
expect-text "Lưu ý: danh sách này đã cũ 10 ngày"
shot old
EOF
kiosk old 1920x1080
# The same, fresh, shows no warning.
cat >"$TMP/fresh.script" <<'EOF'
tap-text "Tra cứu hồ sơ"
expect-no-text "Lưu ý: danh sách này đã cũ"
EOF
kiosk fresh 1920x1080

# 4. Portrait and English, for the eye (screenshots) and the layout check.
cat >"$TMP/en.script" <<'EOF'
tap-text "Tiếng Việt"
tap-text "English"
expect-text "Look up your dossier"
shot home
tap-text "Look up your dossier"
scan "TEST-0002-PAPERS"
expect-text "More papers needed from you"
expect-text "Please bring these papers to the desk:"
shot papers
scan "TEST-0001-LATE"
expect-text "Overdue by 3 days"
shot late
EOF
kiosk en 1080x1920
kiosk en 1920x1080

# 5. From list to list: a result that appears after its due date counts as
#    overdue on the board, one that appears in time as on time.
export MOTCUA_STORE="$TMP/store2"
printf '%s\nTEST-0701-LATE;1.001193;%s;%s;đang xử lý;\nTEST-0702-INTIME;1.001193;%s;%s;đang xử lý;\n' "$H" \
	"$(d '-400 days')" "$(d '-1 days')" "$(d '-400 days')" "$(d '+1 days')" >"$TMP/day1.csv"
sed 's/đang xử lý/đã có kết quả/' "$TMP/day1.csv" >"$TMP/day2.csv"
run 0 dossier import "$TMP/day1.csv"
run 0 dossier import "$TMP/day2.csv"
cat >"$TMP/board.script" <<'EOF'
wait 112000
wait 32000
expect-text "Tiếp nhận trong tháng: 0 hồ sơ"
expect-text "Giải quyết đúng hạn: 1 hồ sơ"
expect-text "Quá hạn: 1 hồ sơ"
EOF
kiosk board 1920x1080
finish
