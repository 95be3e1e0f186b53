#!/bin/bash
# Break 9 of issue 9: diagnostics passed raw bytes from the bundle to the
# staff's terminal. ESC and BEL sequences in a cell erased lines or retitled
# the terminal, and a line break in a file name printed a forged
# "faq.csv:3: error: ..." line. Every message that carries outside text (file
# names, cells, the signer's comment, catalogue text printed by search/show/
# check) now shows control characters as visible escapes such as \x1b.
. "$(dirname "$0")/lib.sh"

ESC=$'\e' BEL=$'\a'
FORGED=$'x\nfaq.csv:3: error: forged'
C1_CSI=$'\xc2\x9b'             # U+009B, the 8-bit CSI
RLO=$'\xe2\x80\xae' LS=$'\xe2\x80\xa8'

# subst FILE OLD NEW — replaces the first OLD (bytes) by NEW in FILE.
subst() {
	grep -qF -- "$2" "$1" || { fail "test data: '$2' not in $1"; return; }
	OLD=$2 NEW=$3 perl -0pi -e 's/\Q$ENV{OLD}\E/$ENV{NEW}/' "$1"
}

fresh() {
	rm -rf "${TMP:?}/$1"
	cp -r "$FIX/good" "$TMP/$1"
}

# 1. Cells with ESC, BEL, CSI (7- and 8-bit), OSC, a bidi override and a line
#    separator, in every table, in bundle.ini, a form's file name and a
#    column heading.
fresh cells
b="$TMP/cells"
subst "$b/procedures.csv" "Thủ tục đăng ký khai sinh," "Thủ tục đăng ký${ESC}[2K${ESC}]0;pwned${BEL} khai sinh,"
subst "$b/procedures.csv" "forms/to_khai_khai_sinh.pdf" "forms/to_khai${ESC}[5m_khai_sinh.pdf"
subst "$b/faq.csv" "Trẻ em bị bỏ rơi" "Trẻ em${BEL}${ESC}[1A${ESC}[2K bị bỏ rơi"
subst "$b/faq.csv" "ma_thu_tuc,cau_hoi,tra_loi" "ma_thu_tuc,cau_hoi,tra_loi,ghi${ESC}[31mchu"
subst "$b/hotlines.csv" "Chủ tịch UBND" "${C1_CSI}2JChủ tịch UBND"
subst "$b/news.csv" "Kế hoạch tuyên truyền" "Kế hoạch ${RLO}tuyên truyền${LS}"
subst "$b/feedback.csv" "Tôi đề nghị" $'Tôi\x7f\x08\x08 đề nghị'
subst "$b/bundle.ini" "don_vi = UBND" "don_vi = ${ESC}]2;pwned${BEL}UBND"
checked "$b" 1
no_raw_controls "$TMP/all" "cells"
# a message that quotes outside text shows the escapes, so staff see where
# the bad character is (the cells themselves are refused: test_refuse.sh)
expect_in "$ALL" 'ghi\x1b[31mchu' "a column heading shown escaped"

# 2. File names with a line break and with ESC, in an otherwise good bundle:
#    a warning each, on one line, and the import goes on.
fresh names
touch "$TMP/names/$FORGED" "$TMP/names/${ESC}]0;pwned${BEL}${ESC}[2J.csv" "$TMP/names/${RLO}vsc.ini"
checked "$TMP/names" 0
no_raw_controls "$TMP/all" "file names"
no_forged_line "$TMP/all" "file names"
expect_in "$ALL" 'x\nfaq.csv:3: error: forged: warning: unknown file in the bundle' "file name with a line break"
expect_in "$ALL" '\x1b]0;pwned\x07\x1b[2J.csv: warning: unknown file' "file name with ESC"
"$MOTCUA_BIN" import "$TMP/names" >"$TMP/all" 2>&1 || fail "a bundle with odd file names did not import"
no_raw_controls "$TMP/all" "import"
no_forged_line "$TMP/all" "import"

# 3. Catalogue text printed by search, show and check: a catalogue installed
#    before control characters were refused (or edited in place) must not
#    drive the terminal either.
if command -v sqlite3 >/dev/null; then
	CAT="$MOTCUA_STORE/catalog.sqlite"
	sqlite3 "$CAT" "UPDATE procedure SET name = 'Khai' || char(27) || '[2J' || char(27) || ']0;pwned' || char(7) || ' sinh' || char(9) || 'x' WHERE code = '1.001193';
		UPDATE procedure SET code = '9.999999', name = 'Cũ' || char(10) || 'faq.csv:3: error: forged' || char(27) || '[1A' WHERE code = '1.000656';
		UPDATE faq SET answer = 'Đáp' || char(27) || '[31m' || char(10) || 'án' || char(155) WHERE code = '1.001193';" ||
		fail "cannot edit the test catalogue"
	"$MOTCUA_BIN" search khai sinh >"$TMP/all" 2>&1
	no_raw_controls "$TMP/all" "search"
	grep -q $'^1\\.001193\tKhai\\\\x1b\\[2J\\\\x1b\\]0;pwned\\\\x07 sinh\\\\tx$' "$TMP/all" ||
		fail "search: the name is not one escaped line: $(grep -a 1.001193 "$TMP/all")"
	"$MOTCUA_BIN" show 1.001193 >"$TMP/all" 2>&1
	no_raw_controls "$TMP/all" "show"
	expect_in "$(cat "$TMP/all")" 'Đáp\x1b[31m' "show: the answer escaped"
	sed -i 's/^\(phien_ban *= *\).*/\12/' "$TMP/names/bundle.ini"
	checked "$TMP/names" 0
	no_raw_controls "$TMP/all" "check of an old catalogue"
	no_forged_line "$TMP/all" "check of an old catalogue"
	expect_in "$ALL" $'- 9.999999\tCũ\\nfaq.csv:3: error: forged\\x1b[1A' "removed procedure, escaped"
fi

# 4. The signer's trusted comment, shown by `check` and kept in the
#    catalogue, and a signed bundle with an extra file named with a line break.
if command -v minisign >/dev/null; then
	minisign -G -W -p "$TMP/pub" -s "$TMP/sec" >/dev/null
	printf '[kiosk]\npublic_key = %s\n' "$(tail -n 1 "$TMP/pub")" > "$MOTCUA_CONFIG"
	fresh signed
	sed -i 's/^\(phien_ban *= *\).*/\13/' "$TMP/signed/bundle.ini"
	(cd "$TMP/signed" && find . -type f | sed 's|^\./||' | LC_ALL=C sort |
		xargs -d '\n' sha256sum > "$TMP/SHA256SUMS.tmp" && mv "$TMP/SHA256SUMS.tmp" SHA256SUMS) &&
		minisign -S -s "$TMP/sec" -m "$TMP/signed/SHA256SUMS" \
			-t "Sở Tư pháp${ESC}]0;pwned${BEL}${ESC}[2J tỉnh Sơn La" >/dev/null ||
		fail "cannot sign the test bundle"
	checked "$TMP/signed" 0
	expect_not_in "$ALL" "warning" "signed bundle"
	no_raw_controls "$TMP/all" "signer"
	expect_in "$ALL" 'signed by: Sở Tư pháp\x1b]0;pwned\x07\x1b[2J tỉnh Sơn La' "signer escaped"
	"$MOTCUA_BIN" import "$TMP/signed" >"$TMP/all" 2>&1 || fail "the signed bundle did not import"
	if command -v sqlite3 >/dev/null; then
		sqlite3 "$MOTCUA_STORE/catalog.sqlite" "SELECT value FROM meta WHERE key = 'signer'" > "$TMP/all"
		no_raw_controls "$TMP/all" "signer in the catalogue"
	fi
	touch "$TMP/signed/$FORGED"
	checked "$TMP/signed" 1
	no_raw_controls "$TMP/all" "signed bundle with an extra file"
	no_forged_line "$TMP/all" "signed bundle with an extra file"
	expect_in "$ALL" 'x\nfaq.csv:3: error: forged' "the extra file named, escaped"
else
	echo "minisign is not installed: the signer part is skipped"
fi

finish
