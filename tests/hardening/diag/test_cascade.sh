#!/bin/bash
# Break 13 of issue 9, false cascades: when procedures.csv is missing or
# cannot be read whole, `motcua check` used to report every faq.csv and
# feedback.csv row as "no procedure with code ..." (up to 1,000 lines that
# hide the one real cause). Now the cause is reported once, the code
# references are skipped, and one line says so. The same for a forms/ or
# images/ folder that is missing, a link or a file.
. "$(dirname "$0")/lib.sh"

# base NAME — the sample bundle with 300 more FAQ rows that refer to its
# procedures, so a cascade would be hundreds of lines.
base() {
	rm -rf "${TMP:?}/$1"
	cp -r "$SAMPLE" "$TMP/$1"
	local codes i=0
	codes=$(tail -n +2 "$SAMPLE/procedures.csv" | grep -o '^[0-9]\.[0-9]\{6\}' | head -100)
	for round in 1 2 3 4; do
		for c in $codes; do
			i=$((i + 1))
			printf '%s,Câu hỏi số %d?,Trả lời số %d.\n' "$c" "$i" "$i"
		done
	done >> "$TMP/$1/faq.csv"
	[ "$(grep -c . "$TMP/$1/faq.csv")" -gt 300 ] || fail "the test bundle has too few FAQ rows"
}

# one_cause NAME CAUSE — check fails, CAUSE is reported, no reference is
# reported missing, the skip is said exactly once, and the whole report is short.
one_cause() {
	checked "$TMP/$1" 1
	expect_in "$ALL" "$2" "$1: the cause"
	local refs skipped lines
	refs=$(grep -c 'there is no procedure with code' "$TMP/all")
	skipped=$(grep -c 'procedure codes were not checked, because procedures.csv could not be read' "$TMP/all")
	lines=$(grep -c . "$TMP/all")
	[ "$refs" = 0 ] || fail "$1: $refs false 'no procedure with code' lines"
	[ "$skipped" = 1 ] || fail "$1: the skipped references were said $skipped times, want once"
	[ "$lines" -le 5 ] || { fail "$1: $lines lines of output for one cause"; head -8 "$TMP/all" >&2; }
}

# The whole bundle: the references are checked (and this one is wrong).
base good
printf '9.999999,Câu hỏi lạc?,Trả lời.\n' >> "$TMP/good/faq.csv"
checked "$TMP/good" 1
[ "$(grep -c "there is no procedure with code '9.999999'" "$TMP/all")" = 1 ] ||
	fail "a reference to an unknown code is no longer reported"
[ "$(grep -c 'there is no procedure with code' "$TMP/all")" = 1 ] ||
	fail "known codes reported missing in a good bundle"
expect_not_in "$ALL" "were not checked" "good bundle"

base missing
rm "$TMP/missing/procedures.csv"
one_cause missing "procedures.csv: error: required file is missing from the bundle"

base latin1
printf '1.999999,T\xean th\xf9 t\xf9c\n' >> "$TMP/latin1/procedures.csv"
one_cause latin1 "this line is not UTF-8 text"

base folder
rm "$TMP/folder/procedures.csv"
mkdir "$TMP/folder/procedures.csv"
one_cause folder "procedures.csv: is not a regular file"

base link
mv "$TMP/link/procedures.csv" "$TMP/procedures.csv.real"
ln -s "$TMP/procedures.csv.real" "$TMP/link/procedures.csv"
one_cause link "is a symbolic link"

base quote
sed -i '1a 1.999998,"Tên thủ tục có một dấu ngoặc kép lạc,Hộ tịch' "$TMP/quote/procedures.csv"
one_cause quote "procedures.csv:2: error: text after the closing"

base nocode
sed -i '1s/^ma_thu_tuc,/ma_so,/' "$TMP/nocode/procedures.csv"
one_cause nocode "required column 'Mã thủ tục' (ma_thu_tuc) is missing"

base header
head -1 "$SAMPLE/procedures.csv" > "$TMP/header/procedures.csv"
one_cause header "the file has a header row but no records"

# The same for the images/ and forms/ folders: a folder that is a link or a
# file, or is missing, is one cause, not one "no such file" a reference.
images() {
	rm -rf "${TMP:?}/$1"
	cp -r "$FIX/good" "$TMP/$1"
	for i in $(seq 1 60); do
		printf '24/11/2026,Tin số %d,Nội dung tin số %d.,images/anh_%d.png\n' "$i" "$i" "$i"
	done >> "$TMP/$1/news.csv"
}
one_folder_cause() {
	checked "$TMP/$1" 1
	expect_in "$ALL" "$2" "$1: the cause"
	local lines refs
	lines=$(grep -c . "$TMP/all")
	refs=$(grep -c 'there is no such file in the bundle' "$TMP/all")
	[ "$refs" = 0 ] || fail "$1: $refs 'no such file' lines for one cause"
	[ "$lines" -le 3 ] || { fail "$1: $lines lines of output for one cause"; head -5 "$TMP/all" >&2; }
}
images imglink
mv "$TMP/imglink/images" "$TMP/images.real"
ln -s "$TMP/images.real" "$TMP/imglink/images"
one_folder_cause imglink "images: error: is a symbolic link; copy the folder itself into the bundle"
images imgfile
rm -r "$TMP/imgfile/images"
: > "$TMP/imgfile/images"
one_folder_cause imgfile "images: error: is not a folder"
images imgnone
rm -r "$TMP/imgnone/images"
one_folder_cause imgnone "news.csv:2: error: 'images/niem_yet.png': the bundle has no images/ folder"
# with the folder there, each missing picture is still named
images imgsome
checked "$TMP/imgsome" 1
[ "$(grep -c 'there is no such file in the bundle' "$TMP/all")" = 60 ] ||
	fail "missing pictures in a good images/ folder are not each reported"

finish
