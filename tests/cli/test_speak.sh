#!/bin/bash
# motcua speak (issue 12.6) and the keypad's key card (12.2): a procedure and a news item read aloud into a
# WAV file a loudspeaker system plays: a valid RIFF/WAVE header (PCM, mono,
# 16-bit, the voice's 22050 Hz), as long as the text takes to say (from its
# word count) and not silent; wrong input changes nothing.
. "$(dirname "$0")/lib.sh"

# wav_check FILE WORDS — prints "rate channels bits seconds voiced" and
# fails unless the sound is plausible speech of WORDS words.
wav_check() {
	python3 - "$1" "$2" <<'PY'
import struct, sys, wave
path, words = sys.argv[1], int(sys.argv[2])
raw = open(path, 'rb').read()
assert raw[:4] == b'RIFF' and raw[8:16] == b'WAVEfmt ', 'not a RIFF/WAVE file'
assert struct.unpack('<I', raw[4:8])[0] == len(raw) - 8, 'RIFF size does not match the file'
w = wave.open(path)
rate, ch, bits, n = w.getframerate(), w.getnchannels(), w.getsampwidth() * 8, w.getnframes()
secs = n / rate
s = struct.unpack('<%dh' % n, w.readframes(n))
voiced = sum(1 for v in s if abs(v) > 500) / max(n, 1)
print(rate, ch, bits, round(secs, 1), round(voiced, 2))
ok = rate == 22050 and ch == 1 and bits == 16
# Spoken Vietnamese: between 80 and 400 words a minute.
ok = ok and words * 60 / 400 <= secs <= words * 60 / 80 and voiced > 0.2
sys.exit(0 if ok else 1)
PY
}

CODE=2.000927
run 0 show "$CODE"
WORDS=$(printf '%s\n' "$OUT" | wc -w)
run 0 speak "$CODE" -o "$TMP/p.wav"
[ -s "$TMP/p.wav" ] || fail "speak $CODE wrote no file"
INFO=$(wav_check "$TMP/p.wav" "$WORDS") || fail "speak $CODE: not plausible speech of $WORDS words: $INFO"
echo "procedure $CODE, $WORDS words: rate channels bits seconds voiced = $INFO"

# The first news item: its title and text.
NEWS_WORDS=$(sqlite3 "$MOTCUA_STORE/catalog.sqlite" \
	"SELECT title || ' ' || date || ' ' || body FROM news ORDER BY sort_date DESC, id LIMIT 1" | wc -w)
run 0 speak --news 1 -o "$TMP/n.wav"
if [ "$NEWS_WORDS" -gt 0 ]; then
	INFO=$(wav_check "$TMP/n.wav" "$NEWS_WORDS") || fail "speak --news 1: not plausible speech of $NEWS_WORDS words: $INFO"
	echo "news 1, $NEWS_WORDS words: $INFO"
else
	INFO=$(wav_check "$TMP/n.wav" 20) || true
	echo "news 1 (word count unknown): $INFO"
	[ -s "$TMP/n.wav" ] || fail "speak --news 1 wrote nothing"
fi

# A longer procedure takes longer to say.
A=$(stat -c %s "$TMP/p.wav")
run 0 speak 2.000992 -o "$TMP/q.wav"
B=$(stat -c %s "$TMP/q.wav")
[ "$B" -gt "$A" ] || fail "847 words ($B bytes) not longer than 685 ($A bytes)"

# Mistakes: nothing written.
run 1 speak 9.999999 -o "$TMP/x.wav"
expect_in "$ERR" "no procedure has the code 9.999999" "unknown code"
[ -e "$TMP/x.wav" ] && fail "a WAV was written for an unknown code"
run 1 speak --news 999 -o "$TMP/x.wav"
[ -e "$TMP/x.wav" ] && fail "a WAV was written for a missing news item"
run 2 speak "$CODE"
run 2 speak --news x -o "$TMP/x.wav"
run 3 speak "$CODE" -o "$TMP/no/such/dir/p.wav"
expect_in "$ERR" "cannot write" "unwritable output"
# The keypad's key card (issue 12.2): one page, the keys in words.
run 0 pdf --keycard -o "$TMP/keys.pdf"
if command -v pdftotext >/dev/null; then
	KEYS=$(pdftotext "$TMP/keys.pdf" - 2>/dev/null)
	expect_in "$KEYS" "5 hoặc Enter" "key card"
	expect_in "$KEYS" "Nghe hướng dẫn dùng bàn phím" "key card"
	expect_in "$KEYS" "nhấn 5 ở nút OK để đóng" "key card: the print page"
	expect_in "$KEYS" "nhấn một phím bất kỳ để tiếp tục" "key card: the idle question"
	expect_in "$(pdfinfo "$TMP/keys.pdf" 2>/dev/null)" "Pages:           1" "key card pages"
fi
run 2 pdf --keycard 1.001193 -o "$TMP/keys2.pdf"
run 0 help speak
expect_in "$OUT" "speak CODE -o FILE.wav" "help speak"
finish
