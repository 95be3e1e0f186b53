#!/bin/bash
# Recorded voices in the bundle (issue 12.3): audio/ files referenced from
# the ghi_am column of procedures.csv and news.csv, one line a language.
# check/import accept Ogg Vorbis, Ogg Opus and WAV that decode whole within
# the limits, refuse anything else with FILE:LINE, and the recordings come
# back byte for byte from an export. The recordings are test tones made by
# make_recording (test data, not voices).
. "$MOTCUA_SRC/tests/cli/lib.sh"
MKREC=${1:?usage: test_recordings.sh MAKE_RECORDING}

# mk NAME PROC_CELL NEWS_CELL — a copy of the sample with recordings.
mk() {
	B="$TMP/$1"
	cp -r "$SAMPLE" "$B"
	mkdir -p "$B/audio"
	"$MKREC" "$B/audio/ket_hon_tai.ogg" vorbis 3 44100 || fail "make_recording vorbis"
	"$MKREC" "$B/audio/ket_hon_hmn.opus" opus 2 48000 2 || fail "make_recording opus"
	"$MKREC" "$B/audio/tin_vi.wav" wav 1 16000 || fail "make_recording wav"
	ADD="$MOTCUA_SRC/tests/audio/add_column.py"
	python3 "$ADD" "$B" procedures.csv ghi_am "$2" 0 1.000894
	python3 "$ADD" "$B" news.csv ghi_am "$3" 1 "Kế hoạch tuyên truyền"
}

GOOD_PROC=$'Thái | audio/ket_hon_tai.ogg\nH\'Mông | audio/KET_HON_HMN.opus'
GOOD_NEWS='Tiếng Việt | audio/tin_vi.wav'

# A bundle with three recordings in three formats is accepted and installed.
mk good "$GOOD_PROC" "$GOOD_NEWS"
run 0 check "$B"
expect_not_in "$OUT$ERR" "error" "check of a bundle with good recordings"
run 0 import "$B"
run 0 show 1.000894
expect_in "$OUT" "Listen in Thái" "show lists the Thái recording"
expect_in "$OUT" "Listen in H'Mông (Hmoob)" "show lists the H'Mông recording with its own name"

# Export gives back the same bytes under audio/, and the export checks clean.
E="$TMP/exported"
run 0 export "$E"
for f in ket_hon_tai.ogg ket_hon_hmn.opus tin_vi.wav; do
	src=$(ls "$B/audio" | grep -i "^$f$")
	cmp -s "$B/audio/$src" "$E/audio/$src" || fail "export: audio/$src is not the same bytes"
done
grep -q 'hmn | audio/ket_hon_hmn.opus' "$E/procedures.csv" ||
	fail "export: the H'Mông recording is not written as 'hmn | audio/ket_hon_hmn.opus'"
run 0 check --allow-downgrade "$E"
expect_not_in "$ERR" "error" "check of the exported bundle"

# broken NAME PROC_CELL WANT [SETUP] — refused with WANT on stderr, and the
# installed catalogue stays as it was.
broken() {
	local name=$1 cell=$2 want=$3
	mk "$name" "$cell" "$GOOD_NEWS"
	[ -n "${4:-}" ] && eval "$4"
	run 1 import --allow-downgrade "$B"
	expect_in "$ERR" "$want" "$name"
	run 0 show 1.000894
	expect_in "$OUT" "Listen in Thái" "$name: the installed recordings are kept"
}
broken not_audio 'Thái | audio/ket_hon_tai.ogg' \
	"line 422 of the file, procedure 1.000894: audio/ket_hon_tai.ogg: is not an Ogg Vorbis, Ogg Opus or WAV recording" \
	'printf "MZ\x90 this is not a recording" > "$B/audio/ket_hon_tai.ogg"'
broken cut_short 'Thái | audio/ket_hon_tai.ogg' \
	"audio/ket_hon_tai.ogg: the recording is damaged or cut short" \
	'head -c 60 "$B/audio/ket_hon_tai.ogg" > "$B/x" && mv "$B/x" "$B/audio/ket_hon_tai.ogg"'
broken damaged 'Thái | audio/ket_hon_tai.ogg' \
	"audio/ket_hon_tai.ogg: the recording is damaged or cut short" \
	'printf "\\x00\\x01\\x02" | dd of="$B/audio/ket_hon_tai.ogg" bs=1 seek=5000 conv=notrunc status=none'
broken too_long 'Thái | audio/long.wav' \
	"audio/long.wav: the recording is longer than 10 minutes" \
	'"$MKREC" "$B/audio/long.wav" wav 601 8000'
broken too_big 'Thái | audio/big.wav' \
	"audio/big.wav" \
	'head -c $((17 * 1024 * 1024)) /dev/zero > "$B/audio/big.wav"'
broken language 'Klingon | audio/ket_hon_tai.ogg' \
	"line 422 of the file, procedure 1.000894: 'Ghi âm đọc thủ tục' (ghi_am): item 1: 'Klingon' is not a language the kiosk knows"
broken no_file 'Thái | audio/khong_co.ogg' \
	"'audio/khong_co.ogg': there is no such file in the bundle"
broken escape 'Thái | audio/../procedures.csv' \
	"must name a file directly inside audio/"
broken twice $'Thái | audio/ket_hon_tai.ogg\nthai | audio/ket_hon_hmn.opus' \
	"a second recording in thai"
broken no_language 'audio/ket_hon_tai.ogg' \
	"must be written 'language | audio/FILE.ogg'"
broken link 'Thái | audio/ket_hon_tai.ogg' \
	"audio/ket_hon_tai.ogg" 'rm "$B/audio/ket_hon_tai.ogg"; ln -s /etc/passwd "$B/audio/ket_hon_tai.ogg"'
finish
