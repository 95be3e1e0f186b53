# Clerks read spreadsheet rows, not file lines (issue 15.6): a record after
# cells that hold line breaks is named by both its row in Excel and its line
# in the file, in English and in Vietnamese, still starting FILE:LINE:; every
# message about a procedure names its code; and check's preview lists which
# fields of a changed procedure changed, by their column titles.
. "$(dirname "$0")/lib.sh"
need python3

# edit DIR FILE CODE COLUMN VALUE — sets one cell of the record whose first
# cell is CODE (records are found as a spreadsheet reads them).
edit() {
	python3 - "$@" <<'EOF'
import csv, sys
d, name, code, col, value = sys.argv[1:]
path = f'{d}/{name}'
rows = list(csv.reader(open(path, encoding='utf-8', newline='')))
hits = [r for r in rows[1:] if r[0] == code]
assert len(hits) == 1, f'{code} in {name}'
hits[0][rows[0].index(col)] = value
csv.writer(open(path, 'w', encoding='utf-8', newline=''), lineterminator='\n').writerows(rows)
EOF
}

# where DIR FILE CODE — "LINE ROW": where the record of CODE starts in the
# file, and its row in a spreadsheet (the header is row 1).
where() {
	python3 - "$@" <<'EOF'
import csv, io, sys
d, name, code = sys.argv[1:]
r = csv.reader(io.StringIO(open(f'{d}/{name}', encoding='utf-8').read(), newline=''))
start, row = 1, 0
for rec in r:
    row += 1
    if rec and rec[0] == code:
        print(start, row)
    start = r.line_num + 1
EOF
}

B="$TMP/rows"
cp -r "$SAMPLE" "$B"
# The 4th row of the sample starts far down the file: the cells above it
# hold many lines.
edit "$B" procedures.csv 1.000110 thoi_han ""
edit "$B" procedures.csv 1.000080 ngay_hieu_luc "31/02/2026"
read -r line row <<<"$(where "$B" procedures.csv 1.000110)"
[ "$row" = 4 ] && [ "$line" -gt 100 ] || fail "set-up: 1.000110 is row $row, line $line"

run 1 check "$B"
expect_in "$ERR" "procedures.csv:$line: error: row 4 in Excel, line $line of the file, procedure 1.000110: 'Thời hạn giải quyết' (thoi_han) is required but empty" "row and line (en)"
# Row 2 is line 2: no row to add, but the procedure is named.
expect_in "$ERR" "procedures.csv:2: error: procedure 1.000080: 'Ngày hiệu lực' (ngay_hieu_luc): '31/02/2026' is not a real date written dd/mm/yyyy" "code on row 2"
expect_not_in "$ERR" "row 2 in Excel" "row 2 is line 2"
MOTCUA_LANG=vi "$MOTCUA_BIN" check "$B" 2>"$TMP/vi.err" >/dev/null
expect_in "$(cat "$TMP/vi.err")" "procedures.csv:$line: lỗi: dòng 4 trong Excel, dòng $line của tệp, thủ tục 1.000110: 'Thời hạn giải quyết' (thoi_han)" "row and line (vi)"
# Every line still starts FILE:LINE: for editors and scripts.
n=$(grep -cvE '^[a-z]+\.csv:[0-9]+: (error|warning): |: [0-9]+ error\(s\); nothing was changed$' <<<"$ERR")
[ "$n" = 0 ] || fail "lines that do not start FILE:LINE: $ERR"

# A duplicate code names both rows and both lines; a quote left open is
# named by its row too.
D="$TMP/dup"
cp -r "$SAMPLE" "$D"
edit "$D" procedures.csv 1.000110 ma_thu_tuc 1.000094
read -r l2 r2 <<<"$(where "$D" procedures.csv 1.000094 | tail -n 1)"
run 1 check "$D"
expect_in "$ERR" "procedures.csv:$l2: error: row 4 in Excel, line $l2 of the file: code '1.000094' is used twice: rows 3 and 4 in Excel" "duplicate code"
Q="$TMP/quote"
cp -r "$SAMPLE" "$Q"
last=$(($(wc -l <"$Q/procedures.csv") + 1))
printf '9.999999,"Thủ tục chưa đóng ngoặc kép,Hộ tịch\n' >>"$Q/procedures.csv"
run 1 check "$Q"
expect_in "$ERR" "procedures.csv:$last: error: row 78 in Excel, line $last of the file: a quoted cell starts here and is never closed" "open quote"
# A file of one line a record is unchanged: FILE:LINE as before.
H="$TMP/hot"
cp -r "$SAMPLE" "$H"
sed -i 's/,1800 1096,/,1800-CALL,/' "$H/hotlines.csv"
run 1 check "$H"
expect_in "$ERR" "hotlines.csv:4: error: 'Điện thoại' (dien_thoai): '1800-CALL' is not a phone number" "hotlines"

# Feedback about a procedure names it.
F="$TMP/fb"
cp -r "$SAMPLE" "$F"
python3 - "$F/feedback.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
rows[2][rows[0].index('ma_thu_tuc')] = '1.000080'
rows[2][rows[0].index('ngay')] = '31/04/2026'
csv.writer(open(sys.argv[1], 'w', encoding='utf-8', newline=''), lineterminator='\n').writerows(rows)
EOF
run 1 check "$F"
expect_in "$ERR" "procedure 1.000080: 'Ngày' (ngay): '31/04/2026' is not a real date" "feedback names its procedure"

# --- check's preview: which fields of a changed procedure changed ---
run 0 import "$SAMPLE"
C="$TMP/changed"
cp -r "$SAMPLE" "$C"
sed -i 's/^phien_ban = 1$/phien_ban = 2/' "$C/bundle.ini"
edit "$C" procedures.csv 1.000419 phi_le_phi "50.000 đồng"
edit "$C" procedures.csv 1.000419 thoi_han "03 ngày làm việc"
edit "$C" procedures.csv 1.000080 tu_khoa "khai sinh biên giới"
run 0 check "$C"
expect_in "$OUT" "76 procedures; 0 added, 2 changed, 0 removed" "preview counts"
expect_in "$OUT" "~ 1.000419	Thủ tục đăng ký khai tử lưu động
  Changed: Thời hạn giải quyết; Phí, lệ phí" "changed fields"
expect_in "$OUT" "~ 1.000080	" "second change"
expect_in "$OUT" "  Changed: Từ khóa" "changed keywords"
out_vi=$(MOTCUA_LANG=vi "$MOTCUA_BIN" check "$C" 2>/dev/null)
expect_in "$out_vi" "  Đã sửa: Thời hạn giải quyết; Phí, lệ phí" "changed fields (vi)"
finish
