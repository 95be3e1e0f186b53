# Shared by the tests of the staff area's dossier check in its worker
# (dossier_large.sh, dossier_pulled.sh, dossier_stop.sh): the USB test
# setup, an old list installed from the command line, and a large
# ho_so.csv made here. The codes are made up (test data).
. "$MOTCUA_SRC/tests/ui/usb_lib.sh"
# No idle prompt while a `wait` lets the check run (it follows real time,
# and the rest of the wait passes at once once it is done).
printf '[kiosk]\nidle_prompt_s = 900\n' > "$MOTCUA_CONFIG"
run 0 show "$GONE_CODE" # fills the store from the sample
DOSSIER_H='Mã hồ sơ,Mã thủ tục,Ngày nhận,Ngày hẹn trả,Trạng thái,Ghi chú'
printf '%s\nOLD-0001,1.001193,01/12/2026,05/12/2026,đã có kết quả,\n' "$DOSSIER_H" > "$TMP/old.csv"
run 0 dossier import "$TMP/old.csv"
cp "$MOTCUA_STORE/dossiers.sqlite" "$TMP/dossiers.old"

# big_list DIR N — a stick folder DIR whose motcua/ho_so.csv has N
# dossiers TEST-000001 … (being processed, one in ten waiting for papers).
big_list() {
	mkdir -p "$1/motcua"
	awk -v n="$2" -v h="$DOSSIER_H" 'BEGIN {
		print h
		for (i = 1; i <= n; i++)
			if (i % 10) printf "TEST-%06d,1.001193,01/12/2026,09/12/2026,đang xử lý,\n", i
			else printf "TEST-%06d,1.001193,01/12/2026,09/12/2026,chờ bổ sung,Bản sao CCCD\n", i
	}' > "$1/motcua/ho_so.csv"
}

# The staff area from the stick, scrolled to the dossier tile.
STAFF_DOSSIERS='type "000000"
drag 500 700 500 300 300
wait 3000
expect-text "Cập nhật danh sách hồ sơ"'

# old_list_kept WHAT — the list installed before is still the one in use.
old_list_kept() {
	cmp -s "$MOTCUA_STORE/dossiers.sqlite" "$TMP/dossiers.old" || fail "$1: the installed list changed"
	run 0 dossier show OLD-0001
	expect_in "$OUT" "OLD-0001" "$1: the old list"
	"$MOTCUA_BIN" dossier show TEST-000001 >/dev/null 2>&1 && fail "$1: a dossier of the stick's list is installed"
	[ -e "$MOTCUA_STORE/dossiers.new.sqlite" ] && fail "$1: a half-written list was left in the store"
}
