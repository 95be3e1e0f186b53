# export → import → export gives byte-identical bundles: what staff export
# from one kiosk installs on another as the same catalogue (DESIGN §2, §3).
. "$(dirname "$0")/lib.sh"

# --- the shipped sample: filled into an empty store on first use ---
run 0 search "khai sinh"
expect_in "$OUT" "1.001193" "the sample fills an empty store"
A="$TMP/A"; B="$TMP/B"
run 0 export "$A"
for f in bundle.ini procedures.csv faq.csv hotlines.csv feedback.csv indices.csv news.csv; do
	[ -s "$A/$f" ] || fail "export wrote no $f"
done
# canonical: UTF-8 without BOM, LF only, the ASCII keys as headers
head -c 3 "$A/procedures.csv" | grep -q "$(printf '\xef\xbb\xbf')" && fail "export wrote a BOM"
grep -q "$(printf '\r')" "$A"/*.csv && fail "export wrote CR"
[ "$(head -n 1 "$A/hotlines.csv")" = "co_quan,noi_dung,dien_thoai,email,dia_chi,gio_tiep_nhan,thu_tu" ] ||
	fail "hotlines.csv header: $(head -n 1 "$A/hotlines.csv")"
n_sample=$(grep -c . "$SAMPLE/procedures.csv")
n_export=$(grep -c . "$A/procedures.csv")
[ "$n_sample" = "$n_export" ] || fail "sample has $n_sample lines, export $n_export"

# into a fresh store, then out again
export MOTCUA_STORE="$TMP/store2"
run 0 import "$A"
expect_in "$OUT" "imported version 1" "import of the export"
run 0 export "$B"
d=$(diff -r "$A" "$B") || fail "export → import → export differs: $(printf '%s' "$d" | head -c 800)"

# the same version again into the same store needs --allow-downgrade
run 1 import "$B"
expect_in "$ERR" "--allow-downgrade" "same version"
run 0 import --allow-downgrade "$B"
expect_in "$OUT" "0 added, 0 changed, 0 removed" "re-import of the same catalogue"

# --- the good fixture, with a form and a picture: carried over byte for byte ---
export MOTCUA_STORE="$TMP/store3"
run 0 import "$FIX/good"
C="$TMP/C"
run 0 export "$C"
d=$(diff -r "$FIX/good" "$C") || fail "good fixture → export differs: $(printf '%s' "$d" | head -c 800)"

# --- Windows-1258 and Excel dialects export as the same canonical bundle ---
W="$TMP/W"
cp -r "$FIX/good" "$W"
for f in "$W"/*.csv; do iconv -f UTF-8 -t WINDOWS-1258 "$f" > "$f.new" && mv "$f.new" "$f"; done
for f in "$W"/*.csv; do sed -i 's/$/\r/' "$f"; done # CRLF, quoted line breaks included
mv "$W/procedures.csv" "$W/Procedures.CSV"
mv "$W/forms" "$W/Forms"
sed -i 's/^phien_ban = 1$/phien_ban = 2/' "$W/bundle.ini"
printf 'ma_hoa = windows-1258\n' >> "$W/bundle.ini"
run 0 import "$W"
expect_in "$OUT" "0 added, 0 changed, 0 removed" "Windows-1258 import"
D="$TMP/D"
run 0 export "$D"
sed -i 's/^phien_ban = 2$/phien_ban = 1/' "$D/bundle.ini"
d=$(diff -r "$FIX/good" "$D") || fail "Windows-1258 → export differs: $(printf '%s' "$d" | head -c 800)"

# --- export into a folder that holds an older copy with FAT names ---
E="$TMP/E"; mkdir -p "$E/FORMS"
printf 'old\n' > "$E/PROCEDURES.CSV"
printf 'old\n' > "$E/Bundle.ini"
run 0 export "$E"
[ ! -e "$E/PROCEDURES.CSV" ] && [ ! -e "$E/Bundle.ini" ] || fail "old upper-case files left beside the new ones"
[ -f "$E/FORMS/to_khai_khai_sinh.pdf" ] || fail "forms not written into the existing FORMS folder"
run 0 check --allow-downgrade "$E"

# --- export where it cannot write ---
run 3 export /proc/motcua-cannot-write
finish
