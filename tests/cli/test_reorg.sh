#!/usr/bin/env bash
# The 2025 reorganisation in the bundle (issue 15.7): trang_thai 'bãi bỏ'
# (any case, with or without diacritics) with ma_thu_tuc_thay_the, checked
# with FILE:LINE (the replacement exists, is in force, no circle, only on a
# repealed procedure); dia_chi_tiep_nhan; dia_ban.csv validated, installed,
# counted by check, exported; `show`, the sheet and the summary say that a
# procedure is repealed and give the level and the place.
. "$(dirname "$0")/lib.sh"
: >"$MOTCUA_CONFIG"
MAKE="$FIX/reorg/make-bundle.sh"
need python3

# line CODE FILE: the line where the record of CODE starts.
line() { grep -n "^$1," "$2" | head -1 | cut -d: -f1; }
# setcol FILE CODE COLUMN VALUE: one cell of procedures.csv.
setcol() {
	python3 - "$@" <<'PY'
import csv, sys
path, code, col, value = sys.argv[1:]
rows = list(csv.reader(open(path, encoding="utf-8-sig", newline="")))
i = rows[0].index(col)
for r in rows[1:]:
    if r[0] == code:
        r[i] = value
csv.writer(open(path, "w", encoding="utf-8", newline=""), lineterminator="\n").writerows(rows)
PY
}

# The good test bundle: checked, imported, the count in the preview.
"$MAKE" "$SAMPLE" "$TMP/good" 7
run 0 check "$TMP/good"
expect_in "$OUT" "5 old commune and ward names (dia_ban.csv)" "check counts dia_ban.csv"
run 0 import "$TMP/good"

# 'bãi bỏ' as staff type it: capitals, no diacritics.
for spelling in "BÃI BỎ" "bai bo" "Bai Bo"; do
	B="$TMP/spell"
	rm -rf "$B"
	"$MAKE" "$SAMPLE" "$B" 8
	setcol "$B/procedures.csv" 1.999873 trang_thai "$spelling"
	run 0 check "$B"
done

# Each broken replacement: exit 1, FILE:LINE naming the procedure.
bad() { # NAME EXPECTED-MESSAGE SETUP...
	local name=$1 want=$2
	shift 2
	B="$TMP/$name"
	"$MAKE" "$SAMPLE" "$B" 9
	"$@"
	run 1 check "$B"
	expect_in "$ERR" "$want" "$name"
	expect_in "$ERR" "nothing was changed" "$name"
}
P() { echo "$B/procedures.csv"; }
missing() { setcol "$(P)" 1.999873 ma_thu_tuc_thay_the 1.999999; }
bad missing "procedures.csv:$(line 1.999873 "$TMP/good/procedures.csv"): error: procedure 1.999873 is replaced by 1.999999, but there is no procedure with code 1.999999" missing
notrepealed() { setcol "$(P)" 1.999873 trang_thai "sửa đổi"; }
bad notrepealed "procedures.csv:$(line 1.999873 "$TMP/good/procedures.csv"): error: procedure 1.999873 names 1.004873 in 'Thay thế bởi'" notrepealed
itself() { setcol "$(P)" 1.999873 ma_thu_tuc_thay_the 1.999873; }
bad itself "procedures.csv:$(line 1.999873 "$TMP/good/procedures.csv"): error: procedure 1.999873 is replaced by itself" itself
chain() { # 1.999873 -> 1.004873, which is repealed too and replaced by 1.000894
	setcol "$(P)" 1.004873 trang_thai "bãi bỏ"
	setcol "$(P)" 1.004873 ma_thu_tuc_thay_the 1.000894
}
bad chain "procedures.csv:$(line 1.999873 "$TMP/good/procedures.csv"): error: procedure 1.999873 is replaced by 1.004873, which is itself repealed" chain
circle() {
	setcol "$(P)" 1.004873 trang_thai "bãi bỏ"
	setcol "$(P)" 1.004873 ma_thu_tuc_thay_the 1.999873
}
bad circle "procedures.csv:$(line 1.004873 "$TMP/good/procedures.csv"): error: procedure 1.004873 is replaced by 1.999873, which leads back to 1.004873" circle
badcode() { setcol "$(P)" 1.999873 ma_thu_tuc_thay_the "số 4873"; }
bad badcode "line $(line 1.999873 "$TMP/good/procedures.csv") of the file, procedure 1.999873: 'Thay thế bởi' (ma_thu_tuc_thay_the): 'số 4873' is not a procedure code" badcode
badstatus() { setcol "$(P)" 1.999873 trang_thai "hết hiệu lực"; }
bad badstatus "'bãi bỏ'" badstatus

# dia_ban.csv: required cells, dates, the same old place twice.
dia() { printf '%s\n' "$@" >>"$B/dia_ban.csv"; }
noname() { dia ',huyện Mẫu Một,xã Thử Nghiệm,tỉnh Mẫu,,,'; }
bad noname "dia_ban.csv:7: error: 'Tên cũ' (ten_cu) is required but empty" noname
nounit() { dia 'xã Khe Thử,huyện Mẫu Một,,tỉnh Mẫu,,,'; }
bad nounit "dia_ban.csv:7: error: 'Đơn vị hiện nay' (don_vi_moi) is required but empty" nounit
baddate() { dia 'xã Khe Thử,huyện Mẫu Một,xã Thử Nghiệm,tỉnh Mẫu,,31/06/2025,'; }
bad baddate "dia_ban.csv:7: error: 'Ngày hiệu lực' (ngay_hieu_luc): '31/06/2025' is not a real date" baddate
twice() { dia 'Xã đồi thử,Huyện Mẫu Một,xã Khác,tỉnh Mẫu,,,'; }
bad twice "dia_ban.csv:7: error: 'Xã đồi thử' is listed twice: lines 2 and 7" twice

# show: repealed first, with the replacement's code and name; the place.
run 0 show 1.999873
first=$(printf '%s\n' "$OUT" | head -2)
expect_in "$first" "This procedure has been repealed" "show 1.999873, first line"
expect_in "$first" "Replaced by: 1.004873 Thủ tục cấp Giấy xác nhận tình trạng hôn nhân" "show 1.999873"
run 0 show 1.004873
expect_not_in "$OUT" "repealed" "show 1.004873"
expect_in "$OUT" "Where to hand in:
    Bộ phận Một cửa UBND xã Thử Nghiệm (địa chỉ thử)" "show 1.004873: the place"
# The level and the place come before the steps.
lvl=$(printf '%s\n' "$OUT" | grep -n '^Level:' | cut -d: -f1)
steps=$(printf '%s\n' "$OUT" | grep -n '^Steps:' | cut -d: -f1)
[ -n "$lvl" ] && [ -n "$steps" ] && [ "$lvl" -lt "$steps" ] || fail "show: Level (line $lvl) not before Steps (line $steps)"

# search: the repealed one is found, after the one in force.
run 0 search xac nhan tinh trang hon nhan
expect_in "$OUT" "1.004873	Thủ tục cấp Giấy xác nhận tình trạng hôn nhân
1.999873	" "search: repealed after its replacement"

# The sheet and the summary say so at the top; the summary gives the place.
if command -v pdftotext >/dev/null; then
	for kind in full summary; do
		opt=; [ $kind = summary ] && opt=--summary
		run 0 pdf 1.999873 $opt -o "$TMP/$kind.pdf"
		top=$(pdftotext -layout "$TMP/$kind.pdf" - | grep -v '^\s*$' | head -6)
		expect_in "$top" "THỦ TỤC NÀY ĐÃ BÃI BỎ" "$kind sheet of 1.999873, top"
		expect_in "$top" "Thay thế bởi thủ tục mã số 1.004873" "$kind sheet of 1.999873, top"
		run 0 pdf 1.004873 $opt -o "$TMP/$kind-in-force.pdf"
		text=$(pdftotext "$TMP/$kind-in-force.pdf" -)
		expect_not_in "$text" "BÃI BỎ" "$kind sheet of 1.004873"
		expect_in "$text" "Cấp thực hiện" "$kind sheet of 1.004873: the level"
		expect_in "$text" "Bộ phận Một cửa UBND xã Thử Nghiệm" "$kind sheet of 1.004873: the place"
	done
else
	need pdftotext
fi

# export: dia_ban.csv and the new columns come back, byte for byte after a
# second round.
run 0 export "$TMP/exp1"
[ -f "$TMP/exp1/dia_ban.csv" ] || fail "export wrote no dia_ban.csv"
expect_in "$(cat "$TMP/exp1/dia_ban.csv")" "xã Suối Thử,huyện Mẫu Một,xã Thử Nghiệm,tỉnh Mẫu,Nghị quyết số 0001/NQ-THỬ,01/07/2025" "exported dia_ban.csv"
expect_in "$(head -1 "$TMP/exp1/procedures.csv")" "dia_chi_tiep_nhan,ma_thu_tuc_thay_the" "exported procedures.csv header"
sed -i 's/^phien_ban *=.*/phien_ban = 20/' "$TMP/exp1/bundle.ini"
run 0 import "$TMP/exp1"
run 0 export "$TMP/exp2"
sed -i 's/^phien_ban *=.*/phien_ban = 20/' "$TMP/exp2/bundle.ini"
diff -r "$TMP/exp1" "$TMP/exp2" >"$TMP/diff" || fail "export, import, export differ: $(head -20 "$TMP/diff")"
finish
