#!/usr/bin/env bash
# Recorded voices in the kiosk (issue 12.3): a procedure and a news item with
# recordings show a clearly marked card "Nghe ghi âm" with a button a
# language; a tap plays the recording through SDL's audio (here its disk
# driver, which writes what the sound card would play), a second tap stops
# it, and a recording played to its end gives its button back. What was
# heard is read back from the disk driver's file: the test tone of
# make_recording (220 Hz, switched four times a second; test data, not a
# voice) for about as long as the script let it play. recordings.sh SIZE
. "$MOTCUA_SRC/tests/cli/lib.sh"
size=${1:?size}
MKREC=${2:?make_recording}
export SDL_VIDEODRIVER=offscreen MOTCUA_LANG=vi
export SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$TMP/heard.raw"
need python3

B="$TMP/bundle"
cp -r "$SAMPLE" "$B"
sed -i "s/^phien_ban *=.*/phien_ban = 99/" "$B/bundle.ini"
mkdir "$B/audio"
"$MKREC" "$B/audio/ket_hon_tai.ogg" vorbis 10 44100 || fail "make_recording"
"$MKREC" "$B/audio/tin_vi.wav" wav 2 16000 || fail "make_recording"
ADD="$MOTCUA_SRC/tests/audio/add_column.py"
python3 "$ADD" "$B" procedures.csv ghi_am "Thái | audio/ket_hon_tai.ogg" 0 1.000894
python3 "$ADD" "$B" news.csv ghi_am "Tiếng Việt | audio/tin_vi.wav" 1 "Kế hoạch tuyên truyền"
run 0 import "$B"

shots="$TMP/shots"
[ -n "${MOTCUA_SHOTS:-}" ] && shots="$MOTCUA_SHOTS/recordings-$size"
S="$TMP/r.script"
cat >"$S" <<'SCRIPT'
tap-text "Tra cứu"
type "dang ky ket hon"
tap-text "Thủ tục đăng ký kết hôn"
expect-text "Nghe ghi âm"
expect-text "Nghe bằng tiếng Thái (Tai)"
shot detail-recording
tap-text "Nghe bằng tiếng Thái (Tai)"
expect-text "Dừng ghi âm"
wait 1500
shot detail-playing
tap-text "Dừng ghi âm"
expect-text "Nghe bằng tiếng Thái (Tai)"
wait 1000
tap-text "Trang chủ"
tap-text "Tin cải cách hành chính"
tap-text "Kế hoạch tuyên truyền"
expect-text "Nghe bằng tiếng Việt"
tap-text "Nghe bằng tiếng Việt"
expect-text "Dừng ghi âm"
wait 3500
expect-text "Nghe bằng tiếng Việt"
expect-no-text "Dừng ghi âm"
shot news-ended
SCRIPT
"$MOTCUA_BIN" kiosk --headless --size "$size" --script "$S" --shots "$shots" --check-layout \
	>"$TMP/kout" 2>"$TMP/kerr" || { fail "the kiosk exited $?"; sed 's/^/  kiosk: /' "$TMP/kerr" | tail -20 >&2; }

# What the sound card played: stretches of the 220 Hz tone.
python3 - "$TMP/heard.raw" >"$TMP/heard.txt" <<'PY' || fail "reading the disk driver's output"
import array, sys
a = array.array("h", open(sys.argv[1], "rb").read())
rate = 48000
mono = a[0::2]
block = rate // 100            # 10 ms blocks
loud = [max(abs(x) for x in mono[i:i + block]) > 2000 for i in range(0, len(mono) - block, block)]
# join the tone's 150 ms gaps: a stretch ends after 300 ms of silence
stretches, start, quiet = [], None, 0
for i, l in enumerate(loud + [False] * 40):
    if l:
        if start is None: start = i
        quiet = 0
    elif start is not None:
        quiet += 1
        if quiet >= 30:
            stretches.append((i - quiet + 1 - start) / 100); start = None; quiet = 0
crossings = sum(1 for i in range(1, len(mono)) if (mono[i - 1] < 0) != (mono[i] < 0))
loud_s = sum(loud) / 100
print(" ".join(f"{s:.2f}" for s in stretches), f"hz={crossings / 2 / loud_s if loud_s else 0:.0f}")
PY
read -r -a heard <"$TMP/heard.txt"
echo "heard: ${heard[*]}"
[ "${#heard[@]}" = 3 ] || fail "want two stretches of sound (the procedure's, stopped; the news item's, to its end), heard: ${heard[*]}"
python3 - "${heard[@]}" <<'PY' || fail "the lengths of what was heard are wrong: ${heard[*]}"
import sys
first, second = float(sys.argv[1]), float(sys.argv[2])
hz = float(sys.argv[3].split("=")[1])
ok = 1.0 <= first <= 7.0 and 1.6 <= second <= 2.4 and 150 <= hz <= 300
print(f"stopped after {first} s (tapped at 1.5 s and a screenshot; the recording lasts 10 s), whole 2 s recording {second} s, tone ~{hz:.0f} Hz")
sys.exit(0 if ok else 1)
PY
finish
