#!/usr/bin/env bash
# `motcua check` warns, with FILE:LINE, about characters that no installed
# font can draw (the kiosk and the sheet would show an empty box), naming
# the character and its script; text the fonts cover (Tai Viet through
# Noto Sans Tai Viet or Tai Heritage Pro) gets no such warning. The rows are
# test data (tests/fixtures/scripts/README).
. "$MOTCUA_SRC/tests/cli/lib.sh"
export MOTCUA_LANG=en
[ -f /usr/share/fonts/truetype/noto/NotoSansTaiViet-Regular.ttf ] ||
	[ -f /usr/share/fonts/truetype/taiheritagepro/TaiHeritagePro-Regular.ttf ] ||
	need fonts-noto-core-NotoSansTaiViet
B="$TMP/bundle"
cp -r "$SAMPLE" "$B"
python3 "$FIX/scripts/add_rows.py" "$B"
line_of() { grep -n "^$1," "$B/procedures.csv" | cut -d: -f1; }
tai=$(line_of 9.900001) pua=$(line_of 9.900002) khitan=$(line_of 9.900003)

run 0 check "$B"
expect_in "$ERR" "procedures.csv:$khitan: warning: row " "the Excel row of line $khitan" && expect_in "$ERR" "'Tên thủ tục' (ten_thu_tuc) of procedure 9.900003: no installed font can draw the character U+18B00 (Khitan Small Script)" \
	"a script no installed font covers"
expect_in "$ERR" "procedures.csv:$pua: warning: row " "the Excel row of line $pua" && expect_in "$ERR" "'Tên thủ tục' (ten_thu_tuc) of procedure 9.900002: no installed font can draw the character U+E000 (private use)" \
	"a private-use character"
expect_not_in "$ERR" "U+AA8" "Tai Viet, which Noto Sans Tai Viet draws"
# One line a script and file, not one a letter: U+18B01 is not repeated.
expect_not_in "$ERR" "U+18B01" "the second Khitan letter"
[ "$(printf '%s\n' "$ERR" | grep -c 'no installed font')" = 2 ] ||
	fail "want 2 font warnings, got: $ERR"

# Without the fallback fonts (only Noto Sans), Tai Viet is reported too.
MOTCUA_FALLBACK_FONTDIRS= run 0 check "$B"
expect_in "$ERR" "procedures.csv:$tai: warning: row " "the Excel row of line $tai" && expect_in "$ERR" "'Tên thủ tục' (ten_thu_tuc) of procedure 9.900001: no installed font can draw the character U+AA80 (Tai Viet)" \
	"Tai Viet with Noto Sans alone"

# A warning, not an error: the import goes on.
run 0 import "$B"
finish
