#!/usr/bin/env bash
# What the citizen sees, on the screenshots (screen.sh SIZE): runs
# screen.script headless on the sample catalogue, then looks at the pixels
# of its shots (pixels.py) where the script's print-run lines say the texts
# are:
#  - "A+ Chữ to": the label "Thủ tục hành chính" is drawn larger (its ink is
#    taller and covers more pixels), not only its text run;
#  - the typed query is drawn in the search box (ink there, and the box
#    changed from the empty one's);
#  - the hotline QR codes decode (zbarimg) to tel: the numbers on the cards;
#  - the attract slides look different from one to the next.
. "$MOTCUA_SRC/tests/cli/lib.sh"
size=$1
PIX="$MOTCUA_SRC/tests/ui/pixels.py"
need zbarimg python3
export MOTCUA_LANG=vi SDL_VIDEODRIVER=offscreen
printf '[kiosk]\nprinter = motcua-ui-no-such-printer\n' >"$MOTCUA_CONFIG"
shots="$TMP/shots"
[ -n "${MOTCUA_SHOTS:-}" ] && shots="$MOTCUA_SHOTS/screen-$size"
"$MOTCUA_BIN" kiosk --headless --size "$size" --script "$MOTCUA_SRC/tests/ui/screen.script" \
	--shots "$shots" >"$TMP/runs" 2>"$TMP/err"
rc=$?
if [ "$rc" != 0 ]; then
	sed 's/^/  kiosk: /' "$TMP/err" >&2
	fail "screen.script at $size exited $rc"
	finish
fi
# rect N — the visible rect (X Y W H) of the script's N-th print-run.
rect() { sed -n "${1}p" "$TMP/runs" | awk '{print $2, $3, $4, $5}'; }
# ink SHOT N — COUNT BX BY BW BH of the ink in print-run N's rect of SHOT.
ink() { python3 "$PIX" ink "$shots/$1.png" $(rect "$2") | cut -d' ' -f2-; }
[ "$(wc -l <"$TMP/runs")" = 3 ] || { fail "screen.script printed $(wc -l <"$TMP/runs") runs, want 3"; finish; }

# 1. Larger text: the same label's ink is at least 1.15 times as tall and
# 1.3 times as much (1.25 each way is the design's scale).
read -r n1 _ _ _ h1 <<<"$(ink text-normal 1)"
read -r n2 _ _ _ h2 <<<"$(ink text-large 2)"
echo "label ink: normal ${n1:-?} px, ${h1:-?} px tall; large ${n2:-?} px, ${h2:-?} px tall"
if [ "${n1:-0}" -lt 500 ]; then
	fail "the label \"Thủ tục hành chính\" shows hardly any ink at normal size ($n1 px)"
elif [ $((h2 * 100)) -lt $((h1 * 115)) ] || [ $((n2 * 100)) -lt $((n1 * 130)) ]; then
	fail "\"A+ Chữ to\" did not make the label larger on screen: ink $n1 -> $n2 px, height $h1 -> $h2 px"
fi

# 2. The query "khai sinh" is drawn where its run says, in the box: ink of
# a text line's height there, where the empty box had the hint.
read -r x y w h <<<"$(rect 3)"
read -r nq _ _ _ hq <<<"$(ink search-typed 3)"
changed=$(python3 "$PIX" diff "$shots/search-empty.png" "$shots/search-typed.png" "$x" "$y" "$w" "$h")
echo "query ink: ${nq:-?} px, ${hq:-?} px tall in a ${w}x${h} run; $changed of it changed since the empty box"
if [ "${nq:-0}" -lt $((w * h / 20)) ] || [ $((hq * 100)) -lt $((h * 40)) ]; then
	fail "the typed query is not visible in the search box ($nq ink px, $hq px tall in ${w}x$h)"
fi
awk -v c="$changed" 'BEGIN { exit !(c > 0.05) }' ||
	fail "the search box looks the same before and after typing (changed: $changed)"

# 3. Each QR code on the hotlines screen is a tel: link to a hotline of the
# catalogue, and the first two cards' codes (on screen at every size) are there.
codes=$(zbarimg -q --raw "$shots/hotlines.png" 2>/dev/null | sort)
echo "QR codes on the hotlines screen: $(echo $codes)"
want_tels=$(python3 -c 'import csv, re, sys
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    print("tel:" + re.sub(r"[^0-9+]", "", row["dien_thoai"]))' "$SAMPLE/hotlines.csv")
[ "$(wc -l <<<"$want_tels")" -ge 2 ] || fail "cannot read the hotlines of $SAMPLE/hotlines.csv"
for t in tel:02120000001 tel:02120000002; do
	grep -qx "$t" <<<"$codes" || fail "the hotlines screen has no QR code that decodes to $t"
done
for c in $codes; do
	grep -qx "$c" <<<"$want_tels" || fail "a QR code decodes to $c, which is no hotline's number"
done

# 4. The attract slides: each one looks different from the one before.
for pair in "1 2" "2 3"; do
	set -- $pair
	d=$(python3 "$PIX" diff "$shots/attract-$1.png" "$shots/attract-$2.png")
	echo "attract slide $1 -> $2: $d of the screen changed"
	awk -v d="$d" 'BEGIN { exit !(d > 0.01) }' || fail "attract slide $2 looks like slide $1 (changed: $d)"
done
finish
