#!/bin/bash
# Issue 9, break 8: a NUL byte in a bundle file used to end the cell's C
# string and silently cut its text (a name, a form path). It is refused
# with FILE:LINE like any other byte that is not text, and nothing changes.
. "$(dirname "$0")/../../cli/lib.sh"

# nul NAME FILE OLD NEW — a copy of the good fixture where the first OLD in
# FILE is replaced by NEW, in which "@" stands for a NUL byte.
nul() {
	rm -rf "${TMP:?}/$1"
	cp -r "$FIX/good" "$TMP/$1"
	sed -i 's/^\(phien_ban *= *\).*/\1999/' "$TMP/$1/bundle.ini"   # newer than installed
	python3 - "$TMP/$1/$2" "$3" "$4" <<'EOF'
import sys
path, old, new = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode().replace(b"@", b"\0")
data = open(path, "rb").read()
assert old in data, old
open(path, "wb").write(data.replace(old, new, 1))
EOF
}

run 0 import "$SAMPLE"   # something installed, to see that it stays
CAT="$MOTCUA_STORE/catalog.sqlite"
cp "$CAT" "$TMP/before"

# refused NAME WHERE — check and import of $TMP/NAME fail, naming WHERE.
refused() {
	local msg="WHERE: error: this line holds a NUL byte (0x00)"
	run 1 check "$TMP/$1"
	expect_in "$ERR" "${msg/WHERE/$2}" "check $1"
	expect_not_in "$OUT" "procedures;" "check $1 (no summary of a refused bundle)"
	run 1 import "$TMP/$1"
	expect_in "$ERR" "${msg/WHERE/$2}" "import $1"
	expect_in "$ERR" "nothing was changed" "import $1"
	cmp -s "$CAT" "$TMP/before" || fail "$1: the catalogue changed"
}

nul name procedures.csv "Thủ tục đăng ký khai sinh" "Thủ tục đăng ký@ khai sinh"
refused name procedures.csv:2
# In a form path, on the line of the file where it stands (inside a cell
# that started on line 2).
nul form procedures.csv "forms/to_khai_khai_sinh.pdf" "forms/to_khai_khai_sinh.pdf@../../x"
refused form procedures.csv:76
nul faq faq.csv "Sinh con bao lâu" "Sinh con@ bao lâu"
refused faq faq.csv:3
nul ini bundle.ini "don_vi = UBND" "don_vi = UBND@"
refused ini bundle.ini:2
# Windows-1258 files are checked too.
nul cp faq.csv "Sinh con" "Sinh con@"
iconv -f UTF-8 -t WINDOWS-1258 "$TMP/cp/faq.csv" > "$TMP/faq.1258" &&
	mv "$TMP/faq.1258" "$TMP/cp/faq.csv" || fail "iconv to Windows-1258"
printf 'ma_hoa = windows-1258\n' >> "$TMP/cp/bundle.ini"
refused cp faq.csv:3
finish
