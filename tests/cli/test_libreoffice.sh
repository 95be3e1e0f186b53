# What a real spreadsheet program does to a bundle (issue 15.8): the sample's
# CSV files are opened in LibreOffice Calc (Debian's libreoffice-calc-nogui,
# headless), saved as .xlsx, and the .xlsx saved again as CSV with ';', as a
# clerk would, under an English (en-US) and a Vietnamese (vi-VN) date and
# number setting, each with "save cell contents as shown" on and off. Then
# `motcua check` reads the result, and nothing may be changed silently:
# either the bundle is accepted and every record equals the original's
# (import + export, compared with the original's export), or it is refused
# and every value LibreOffice changed is named by an error that explains
# the spreadsheet's doing (its line, or its whole column for dates).
#
# The locale: LibreOffice takes its default locale (dates, decimal and
# thousands separators) from LANG/LC_ALL when the profile sets none; each
# run has a private profile (-env:UserInstallation), so nothing of the
# machine's own LibreOffice settings takes part. The CSV import detects
# special numbers (dates), as the issue saw.
. "$(dirname "$0")/lib.sh"
need soffice python3

ORIG="$TMP/orig"
cp -r "$SAMPLE" "$ORIG"
# A phone number as many type it, without spaces: a number to a spreadsheet.
sed -i 's/,0212 000 0001,/,02120000001,/' "$ORIG/hotlines.csv"
grep -q ',02120000001,' "$ORIG/hotlines.csv" || fail "set-up: the sample's first hotline changed"

# The reference: the original, imported and exported (canonical CSV).
MOTCUA_STORE="$TMP/store-ref" "$MOTCUA_BIN" import "$ORIG" >/dev/null 2>"$TMP/ref.err" ||
	{ fail "the sample does not import"; cat "$TMP/ref.err" >&2; finish; }
MOTCUA_STORE="$TMP/store-ref" "$MOTCUA_BIN" export "$TMP/ref" 2>>"$TMP/ref.err" ||
	{ fail "the sample does not export"; cat "$TMP/ref.err" >&2; finish; }

# soffice_run LOCALE PROFILE ARGS...: one headless LibreOffice in LOCALE.
soffice_run() {
	local loc=$1 prof=$2; shift 2
	LC_ALL=$loc LANG=$loc LANGUAGE= timeout 300 soffice \
		"-env:UserInstallation=file://$prof" --headless --norestore "$@" \
		>>"$prof.log" 2>&1
}

# to_xlsx TAG LOCALE: the sample's CSV files opened in LOCALE, saved as
# .xlsx into $TMP/TAG-xlsx.
to_xlsx() {
	local tag=$1 loc=$2
	mkdir -p "$TMP/$tag-xlsx"
	# CSV import: ',' '"' UTF-8 (76), from line 1, language from the
	# locale, quoted fields not forced to text, detect special numbers.
	(cd "$ORIG" && soffice_run "$loc" "$TMP/profile-$tag-$loc" --infilter="CSV:44,34,76,1,,,false,true" \
		--convert-to xlsx --outdir "$TMP/$tag-xlsx" ./*.csv)
}

# to_csv XLSX LOCALE AS_SHOWN OUT: the .xlsx files of $TMP/XLSX-xlsx opened
# in LOCALE and saved as CSV with ';' into $TMP/OUT, cell contents as shown
# (Calc's default) or not, with the sample's bundle.ini.
to_csv() {
	local from=$1 loc=$2 as_shown=$3 out=$4
	mkdir -p "$TMP/$out"
	(cd "$TMP/$from-xlsx" && soffice_run "$loc" "$TMP/profile-$from-$loc" \
		--convert-to "csv:Text - txt - csv (StarCalc):59,34,76,1,,,false,true,$as_shown" \
		--outdir "$TMP/$out" ./*.xlsx)
	cp "$ORIG/bundle.ini" "$TMP/$out/"
}

# Each setting on its own, and the issue's case: a file prepared with a
# Vietnamese setting, saved as CSV on a computer set to English (US).
start=$SECONDS
(to_xlsx en en_US.UTF-8; to_csv en en_US.UTF-8 true en-shown; to_csv en en_US.UTF-8 false en-raw) &
(to_xlsx vi vi_VN.UTF-8; to_csv vi vi_VN.UTF-8 true vi-shown; to_csv vi vi_VN.UTF-8 false vi-raw
 to_csv vi en_US.UTF-8 false vi-en-raw) &
wait
echo "LibreOffice round trips: $((SECONDS - start)) s"

# changed_cells DIR: "FILE<TAB>LINE<TAB>COLUMN<TAB>OLD<TAB>NEW" for every value
# of DIR's CSV files that differs from the original's (same record, same
# column), compared as values: numbers as numbers, dates as dates.
changed_cells() {
	python3 - "$ORIG" "$1" <<'EOF'
import csv, io, os, re, sys
orig, got = sys.argv[1], sys.argv[2]

def records(path, delim):
    text = open(path, encoding='utf-8-sig').read()
    r = csv.reader(io.StringIO(text, newline=''), delimiter=delim)
    out, start = [], 1
    for row in r:
        if any(c.strip() for c in row):
            out.append((start, row))
        start = r.line_num + 1
    return out

# As text: 1.000080 and 1.00008 are different procedure codes.
def value(s):
    return s.replace('\r\n', '\n').strip()

for name in sorted(os.listdir(orig)):
    if not name.endswith('.csv'):
        continue
    a = records(os.path.join(orig, name), ',')
    path = os.path.join(got, name)
    if not os.path.exists(path):
        print(f'{name}\t0\t-\t(file)\t(missing)')
        continue
    b = records(path, ';')
    head = a[0][1]
    for (la, ra), (lb, rb) in zip(a, b):
        for j, key in enumerate(head):
            x = ra[j] if j < len(ra) else ''
            y = rb[j] if j < len(rb) else ''
            if value(x) != value(y):
                print(f'{name}\t{lb}\t{key}\t{x[:40]!r}\t{y[:40]!r}')
    if len(a) != len(b):
        print(f'{name}\t0\t-\t{len(a)} records\t{len(b)} records')
EOF
}

# verdict TAG: the round trip's bundle is refused with the explanation of
# every change, or accepted unchanged.
verdict() {
	local tag=$1 dir="$TMP/$1" rc
	MOTCUA_STORE="$TMP/store-$tag" "$MOTCUA_BIN" check "$dir" >"$TMP/$tag.out" 2>"$TMP/$tag.err"
	rc=$?
	changed_cells "$dir" >"$TMP/$tag.changed" || fail "$tag: comparing the records failed"
	echo "$tag: check exited $rc; $(wc -l <"$TMP/$tag.changed") value(s) changed by LibreOffice"
	sed 's/^/  changed: /' "$TMP/$tag.changed"
	sed 's/^/  check: /' "$TMP/$tag.err" | cut -c1-220
	case $rc in
	0)
		MOTCUA_STORE="$TMP/store-$tag" "$MOTCUA_BIN" import "$dir" >/dev/null 2>&1 ||
			fail "$tag: check accepted the bundle but import refused it"
		MOTCUA_STORE="$TMP/store-$tag" "$MOTCUA_BIN" export "$TMP/$tag-export" 2>/dev/null ||
			fail "$tag: export failed"
		if ! diff -r "$TMP/ref" "$TMP/$tag-export" >"$TMP/$tag.diff"; then
			fail "$tag: the bundle was accepted, but LibreOffice silently changed records:"
			head -20 "$TMP/$tag.diff" >&2
		fi
		;;
	1)
		# Every changed value is named by an explaining error: at its
		# record's line, or (dates) for its whole column.
		local file line key old new found
		while IFS=$'\t' read -r file line key old new; do
			found=$(grep -E "^$file:[0-9]+: error: " "$TMP/$tag.err" |
				grep -E "spreadsheet|date setting" |
				grep -E "^$file:$line: |\($key\): [0-9]+ of the [0-9]+ dates of this column")
			[ -n "$found" ] || fail "$tag: $file:$line: $key changed from $old to $new, and no error explains it"
		done <"$TMP/$tag.changed"
		[ -s "$TMP/$tag.changed" ] ||
			fail "$tag: nothing changed, yet check refused the bundle"
		;;
	*)
		fail "$tag: check exited $rc"
		;;
	esac
}

for tag in en-shown en-raw vi-shown vi-raw vi-en-raw; do
	[ -f "$TMP/$tag/procedures.csv" ] || { fail "$tag: LibreOffice wrote no procedures.csv"; cat "$TMP"/profile-*.log >&2; continue; }
	verdict "$tag"
done

# What the issue saw: saved with an English (US) setting, three dates
# came back swapped and two impossible (06/16/2026); the whole column is
# refused with one message. With a Vietnamese setting, 42.105 came back
# as 42105 and is named as a decimal read as thousands.
expect_in "$(cat "$TMP/vi-en-raw.err")" "feedback.csv:4: error: 'Ngày' (ngay): 2 of the 5 dates of this column cannot be day/month/year but can be month/day/year, the first '06/16/2026'" "vi-VN file saved with en-US"
[ "$(grep -c '^feedback.csv:' "$TMP/vi-en-raw.err")" = 1 ] || fail "en-US: not one message about feedback.csv's dates"
expect_in "$(cat "$TMP/vi-raw.err")" "indices.csv:9: error: 'Điểm' (diem): 42105 is above the maximum 80: it looks like 42.105" "vi-VN"
finish
