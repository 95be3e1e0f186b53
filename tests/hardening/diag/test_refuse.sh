#!/bin/bash
# Issue 9, break 9: control characters in catalogue text are refused, each
# with FILE:LINE, the column and the procedure, and nothing is installed.
# Allowed: a line break (Alt+Enter, CRLF or CR) in text and list cells; a tab
# becomes a space. Refused: every other C0 control, DEL, C1 controls, the
# line/paragraph separators and the bidi marks, in cells, bundle.ini values
# and form/image references; a line break where a value is one line.
. "$(dirname "$0")/lib.sh"

subst() {
	grep -qF -- "$2" "$1" || { fail "test data: '$2' not in $1"; return; }
	OLD=$2 NEW=$3 perl -0pi -e 's/\Q$ENV{OLD}\E/$ENV{NEW}/' "$1"
}
fresh() {
	rm -rf "${TMP:?}/$1"
	cp -r "$FIX/good" "$TMP/$1"
}
CTRL=": the invisible control character"

fresh bad
b="$TMP/bad"
subst "$b/procedures.csv" "Thủ tục đăng ký khai sinh," $'Thủ tục đăng ký\e[2K khai sinh,'
subst "$b/procedures.csv" "forms/to_khai_khai_sinh.pdf" $'forms/to_khai\e[5m_khai_sinh.pdf'
subst "$b/faq.csv" "Trẻ em bị bỏ rơi" $'Trẻ em\a bị bỏ rơi'
subst "$b/hotlines.csv" "Chủ tịch UBND" $'\xc2\x9b2JChủ tịch UBND'
subst "$b/news.csv" "Kế hoạch tuyên truyền" $'Kế hoạch \xe2\x80\xaetuyên truyền'
subst "$b/news.csv" "24/11/2026," $'"24/11\n/2026",'
subst "$b/feedback.csv" "Tôi đề nghị" $'Tôi\x7f đề nghị'
subst "$b/bundle.ini" "don_vi = UBND" $'don_vi = \e]2;x\aUBND'
subst "$b/bundle.ini" "nguoi_lap = Bộ" $'nguoi_lap = Bộ\x0c'
run 1 check "$b"
no_raw_controls "$TMP/err" "refusals"
expect_in "$ERR" "procedures.csv:2: error: 'Tên thủ tục' (ten_thu_tuc) of procedure 1.001193$CTRL U+001B is not allowed" "ESC in a name"
expect_in "$ERR" "procedures.csv:2: error: 'Mẫu đơn, tờ khai' (mau_don) of procedure 1.001193$CTRL U+001B" "ESC in a form's file name"
expect_in "$ERR" "faq.csv:2: error: 'Câu hỏi' (cau_hoi) of procedure 1.001193$CTRL U+0007" "BEL in a question"
expect_in "$ERR" "hotlines.csv:3: error: 'Cơ quan' (co_quan)$CTRL U+009B" "C1 CSI in a hotline"
expect_in "$ERR" "news.csv:2: error: 'Tiêu đề' (tieu_de)$CTRL U+202E" "bidi override in a title"
expect_in "$ERR" "news.csv:2: error: 'Ngày' (ngay): a line break is not allowed here" "line break in a date"
expect_in "$ERR" "feedback.csv:2: error: 'Nội dung phản ánh, kiến nghị' (noi_dung) of procedure 1.001193$CTRL U+007F" "DEL in feedback"
expect_in "$ERR" "bundle.ini:2: error: 'don_vi'$CTRL U+001B" "ESC in bundle.ini"
expect_in "$ERR" "bundle.ini:5: error: 'nguoi_lap'$CTRL U+000C" "form feed in bundle.ini"
expect_in "$ERR" "nothing was changed" "refused"
run 1 import "$b"
[ -e "$MOTCUA_STORE/catalog.sqlite" ] && fail "a bundle with control characters was installed"

# Allowed: line breaks in text and list cells (the fixture has them), CRLF
# and a lone CR become LF, a tab becomes a space.
fresh ok
subst "$TMP/ok/procedures.csv" "Thủ tục đăng ký khai sinh," $'"Thủ tục đăng ký\tkhai sinh\r\n(bản sao)",'
run 0 import "$TMP/ok"
run 0 search khai sinh
expect_in "$OUT" $'1.001193\tThủ tục đăng ký khai sinh\\n(bản sao)' "tab as a space, CRLF as a line break"
run 0 show 1.001193
expect_in "$OUT" $'Thủ tục đăng ký khai sinh\n(bản sao)' "show keeps the line break"

finish
