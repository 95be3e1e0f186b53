#!/usr/bin/env bash
# Every unit of an index is shown (the indices screen once kept 16 and
# dropped the rest without a word): a bundle whose SIPAS 2022 has 18 units,
# scrolled to the end, shows the 17th and the 18th.
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen MOTCUA_LANG=vi
B="$TMP/bundle"
cp -r "$SAMPLE" "$B"
sed -i 's/^phien_ban *=.*/phien_ban = 99/' "$B/bundle.ini"
{
	echo 'chi_so,nam,don_vi,hang_muc,diem,diem_toi_da,xep_hang,ghi_chu'
	for i in $(seq -w 1 18); do
		echo "SIPAS,2022,Xã Thử Nghiệm $i,,$((60 + 10#$i)).5,100,$((10#$i))/18,"
	done
} > "$B/indices.csv"
run 0 import "$B"
S="$TMP/units.script"
{
	echo 'tap-text "Chỉ số PAPI"'
	echo 'tap-text "SIPAS"'
	echo 'expect-text "SIPAS 2022 — Xã Thử Nghiệm 01"'
	echo 'expect-no-text "Xã Thử Nghiệm 18"'
	for _ in $(seq 12); do echo 'drag 900 950 900 300 250'; echo 'wait 3000'; done
	echo 'expect-text "SIPAS 2022 — Xã Thử Nghiệm 18"'
	echo 'expect-text "Xếp hạng: 18/18"'
	echo 'expect-text "Xếp hạng: 17/18"'
	echo 'shot last-units'
} > "$S"
shots="$TMP/shots"
[ -n "${MOTCUA_SHOTS:-}" ] && shots="$MOTCUA_SHOTS/indices-units"
run 0 kiosk --headless --size 1920x1080 --check-layout --script "$S" --shots "$shots"
finish
