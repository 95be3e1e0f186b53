# Sourced by the print tests (after tests/cli/lib.sh): is what came out of
# the printer the document it should be, page for page?
#
# cups-pdf runs a job through Ghostscript, which turns the fonts into Type 3
# with a broken ToUnicode map: the text cannot be read back. So both PDFs
# are rendered (pdftoppm, 40 dpi, grey) and compared page by page
# (tests/ui/pixels.py pagediff, 0 same .. 255): the mean difference of
# 8x8-pixel blocks, and the worst 16x16 block. Measured on the sample sheet
# 1.001193 (8 pages): the re-rendering costs a mean of 0.8-2.4 a page and a
# worst block of at most 11.9; another procedure's sheet with as many pages
# 3.5-14 and 24-148; the same sheet without its footer's hotlines 2.5-12 and
# 19-89. Since the sheet's fonts are subset by hb-subset (without hinting),
# Ghostscript draws the one-page summary's large type a little differently:
# mean 2.1, worst block 15.9 for the right document. A page over
# PAGE_TOLERANCE (mean) or PAGE_BLOCK_TOLERANCE (worst block), or another
# number of pages, is the wrong document.
PAGE_TOLERANCE=${PAGE_TOLERANCE:-3.2}
PAGE_BLOCK_TOLERANCE=${PAGE_BLOCK_TOLERANCE:-17.5}
PIXELS="$MOTCUA_SRC/tests/ui/pixels.py"

# render PDF — the folder with its pages as p-N.pgm (kept for the test's life).
render() {
	local d
	d=$(mktemp -d "$TMP/render.XXXXXX")
	pdftoppm -gray -r 40 "$1" "$d/p" 2>/dev/null
	echo "$d"
}

# page_diffs PRINTED EXPECTED — "MEAN WORST" a page, or "pages N M" when
# the numbers of pages differ.
page_diffs() {
	local a b na nb args=() i
	a=$(render "$1")
	b=$(render "$2")
	mapfile -t pa < <(ls "$a"/p-*.pgm 2>/dev/null | sort -V)
	mapfile -t pb < <(ls "$b"/p-*.pgm 2>/dev/null | sort -V)
	na=${#pa[@]} nb=${#pb[@]}
	if [ "$na" != "$nb" ] || [ "$na" = 0 ]; then
		echo "pages $na $nb"
		return
	fi
	for ((i = 0; i < na; i++)); do args+=("${pa[i]}" "${pb[i]}"); done
	python3 "$PIXELS" pagediff "${args[@]}"
}

# same_pages PRINTED EXPECTED — 0 when every page is within the tolerance;
# the figures are in $PAGE_DIFFS.
same_pages() {
	local d
	d=$(page_diffs "$1" "$2")
	PAGE_DIFFS=$(tr '\n' ',' <<<"$d")
	case "$d" in pages*|"") return 1;; esac
	awk -v t="$PAGE_TOLERANCE" -v b="$PAGE_BLOCK_TOLERANCE" '$1 > t || $2 > b { bad = 1 } END { exit bad }' <<<"$d"
}

# expect_document PRINTED EXPECTED WHAT
expect_document() {
	same_pages "$1" "$2" && { echo "$3: page differences $PAGE_DIFFS"; return; }
	fail "$3: the printed pages are not the document sent (page differences, mean and worst block: $PAGE_DIFFS; tolerance $PAGE_TOLERANCE and $PAGE_BLOCK_TOLERANCE)"
}

# expect_other_document PRINTED OTHER WHAT — the comparison tells documents
# apart: the printed job is not taken for OTHER (another procedure's sheet
# with as many pages).
expect_other_document() {
	if same_pages "$1" "$2"; then
		fail "$3: the printed job passes for another document too (page differences: $PAGE_DIFFS): the check cannot tell them apart"
	else
		echo "$3: page differences $PAGE_DIFFS (a wrong document, rightly told apart)"
	fi
}
