#!/usr/bin/env bash
# Tai Viet (the Thái script) on the kiosk's screen: the detail page of a
# procedure named in Tai Viet letters draws their glyphs (Noto Sans Tai Viet
# or Tai Heritage Pro), not Noto Sans's empty boxes. The glyphs are looked
# at, not the exit status: the same page for a name of as many private-use
# characters (which no font has, so always boxes) must look different where
# the name is, and the Tai Viet line must carry ink. With Noto Sans alone
# (the old kiosk) both lines are the same row of boxes.
# The rows are test data (tests/fixtures/scripts/README).
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen MOTCUA_LANG=vi
size=${1:-1920x1080}
[ -f /usr/share/fonts/truetype/noto/NotoSansTaiViet-Regular.ttf ] ||
	[ -f /usr/share/fonts/truetype/taiheritagepro/TaiHeritagePro-Regular.ttf ] ||
	need fonts-noto-core-NotoSansTaiViet
B="$TMP/bundle"
cp -r "$SAMPLE" "$B"
python3 "$FIX/scripts/add_rows.py" "$B" 9.900001 9.900002
run 0 import "$B"
S="$TMP/scripts.script"
BOX=$'\ue000\ue000\ue000\ue000\ue000\ue000'
cat >"$S" <<SCRIPT
tap-text "Tra cứu"
type "thu nghiem chu"
tap-text "ꪀꪁꪂꪃꪄꪅ"
expect-text "Mã thủ tục: 9.900001"
shot taiviet
print-run "Thử nghiệm chữ ꪀꪁꪂꪃꪄꪅ"
tap-text "Các bước"
print-run "Bước thử nghiệm: ꪀꪁꪂꪃꪄꪅ"
shot taiviet-steps
tap-text "Quay lại"
tap-text "$BOX"
expect-text "Mã thủ tục: 9.900002"
shot boxes
print-run "Thử nghiệm chữ $BOX"
tap-text "Các bước"
print-run "Bước thử nghiệm: $BOX"
shot boxes-steps
SCRIPT
shots="$TMP/shots"
[ -n "${MOTCUA_SHOTS:-}" ] && shots="$MOTCUA_SHOTS/scripts-$size"
run 0 kiosk --headless --size "$size" --check-layout --script "$S" --shots "$shots"
mapfile -t runs < <(printf '%s\n' "$OUT" | sed -n 's/^run \([0-9]* [0-9]* [0-9]* [0-9]*\) .*/\1/p')
if [ "${#runs[@]}" != 4 ]; then
	fail "print-run gave ${#runs[@]} rects, want 4: $OUT"
	finish
fi
PX="$MOTCUA_SRC/tests/ui/pixels.py"
for k in 0 1; do
	# The union of the Tai Viet line's rect and the boxes line's rect.
	read -r x1 y1 w1 h1 <<<"${runs[$k]}"
	read -r x2 y2 w2 h2 <<<"${runs[$((k + 2))]}"
	x=$((x1 < x2 ? x1 : x2)); y=$((y1 < y2 ? y1 : y2))
	r=$(( x1 + w1 > x2 + w2 ? x1 + w1 : x2 + w2 )); b=$(( y1 + h1 > y2 + h2 ? y1 + h1 : y2 + h2 ))
	a="$shots/taiviet.png" c="$shots/boxes.png"
	[ "$k" = 1 ] && a="$shots/taiviet-steps.png" c="$shots/boxes-steps.png"
	d=$(python3 "$PX" diff "$a" "$c" "$x" "$y" $((r - x)) $((b - y)))
	# Six letters and six boxes, on a line of ~30 characters: a few percent.
	python3 -c "import sys; sys.exit(0 if float('$d') > 0.02 else 1)" ||
		fail "line $k: the Tai Viet text looks like the row of empty boxes (${d} of the pixels differ)"
	ink=$(python3 "$PX" ink "$a" "$x1" "$y1" "$w1" "$h1" | cut -d' ' -f2)
	[ "${ink:-0}" -gt 200 ] || fail "line $k: the Tai Viet line has no ink ($ink)"
done
finish
