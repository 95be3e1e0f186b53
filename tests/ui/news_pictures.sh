#!/usr/bin/env bash
# News pictures (issue 15.3): an article shows its picture under the title,
# as wide as the column, at most half the screen high, aspect kept; a PNG, a
# JPEG and one larger than the screen. Hostile pictures — a PNG header that
# claims 60000x60000, a JPEG cut in half, bytes that are no picture behind a
# PNG signature and, written into the catalogue itself, a .png that is plain
# text — are refused before any decoder sees them: the article shows without
# a picture, one log line says why, and nothing crashes (ASan). Each picture
# is decoded once: switching to large text lays the article out again but
# logs nothing twice. news_pictures.sh SIZE [kiosk options...]
. "$MOTCUA_SRC/tests/cli/lib.sh"
size=$1
shift
export SDL_VIDEODRIVER=offscreen
export MOTCUA_LANG=vi
PY="$MOTCUA_SRC/tests/ui/news_pictures.py"
command -v python3 >/dev/null || { echo "python3 missing"; exit 77; }
command -v sqlite3 >/dev/null || { echo "sqlite3 missing"; exit 77; }

# bundle NAME VERSION ROWS: the sample with the pictures and only ROWS as news.
bundle() {
	B="$TMP/$1"
	cp -r "$SAMPLE" "$B"
	sed -i "s/^phien_ban *=.*/phien_ban = $2/" "$B/bundle.ini"
	mkdir "$B/images"
	python3 "$PY" make "$B/images"
	cp "$FIX/news/teal.jpg" "$B/images/teal.jpg"
	head -c 1300 "$FIX/news/teal.jpg" >"$B/images/cut.jpg"
	cp "$B/images/wide.png" "$B/images/text.png" # replaced in the catalogue below
	{ head -1 "$SAMPLE/news.csv"; printf '%s\n' "$3"; } >"$B/news.csv"
}
shots="$TMP/shots"
[ -n "${MOTCUA_SHOTS:-}" ] && shots="$MOTCUA_SHOTS/news_pictures-$size${*:+-$(echo "$*" | tr -dc 'a-z0-9')}"
: >"$TMP/kerr"
kiosk() { # SCRIPT
	"$MOTCUA_BIN" kiosk --headless --size "$size" --script "$1" --shots "$shots" --check-layout "${opts[@]}" \
		>>"$TMP/kout" 2>>"$TMP/kerr"
	local rc=$?
	[ "$rc" = 0 ] || { fail "the kiosk exited $rc at $size"; sed 's/^/  kiosk: /' "$TMP/kerr" | tail -30 >&2; }
	return "$rc"
}
opts=("$@")
article() { # SCRIPT TITLE BODY SHOT
	printf 'tap-text "Tin cải cách hành chính"\ntap-text "%s"\nexpect-text "%s"\nshot %s\ntap-text "Trang chủ"\n' \
		"$2" "$3" "$4" >>"$1"
}

# The good pictures.
bundle good 99 '05/12/2026,Tin ảnh PNG,Nội dung tin có ảnh PNG.,images/wide.png
04/12/2026,Tin ảnh JPEG,Nội dung tin có ảnh JPEG.,images/teal.jpg
03/12/2026,Tin ảnh lớn,Nội dung tin có ảnh lớn hơn màn hình.,images/big.png'
run 0 import "$TMP/good"
expect_not_in "$ERR" "images/" "import of good pictures"
S="$TMP/good.script"
: >"$S"
article "$S" "Tin ảnh PNG" "Nội dung tin có ảnh PNG." png
article "$S" "Tin ảnh JPEG" "Nội dung tin có ảnh JPEG." jpeg
article "$S" "Tin ảnh lớn" "Nội dung tin có ảnh lớn hơn màn hình." big
# Back to the PNG article, then large text: laid out again, still shown.
printf 'tap-text "Tin cải cách hành chính"\ntap-text "Tin ảnh PNG"\nshot png-normal\ntap-text "A+ Chữ to"\nexpect-text "Nội dung tin có ảnh PNG."\nshot png-large\n' >>"$S"
kiosk "$S"
good_rc=$?

# The hostile ones.
bundle bad 100 '05/12/2026,Tin ảnh khổng lồ,Nội dung tin có ảnh khai 60000 x 60000.,images/huge.png
04/12/2026,Tin ảnh cụt,Nội dung tin có ảnh JPEG bị cắt.,images/cut.jpg
03/12/2026,Tin ảnh rác,Nội dung tin có ảnh không phải ảnh.,images/junk.png
02/12/2026,Tin ảnh chữ,Nội dung tin có tệp chữ mang tên ảnh.,images/text.png'
run 0 import "$TMP/bad"
# The check already warns staff (FILE:LINE), and the import goes on.
printf '%s\n' "$ERR" | grep -q '^news.csv:2: .*images/huge.png: .*60000x60000' ||
	fail "import: no warning about images/huge.png's size: $ERR"
for f in cut.jpg junk.png; do
	printf '%s\n' "$ERR" | grep -q "^news.csv:[0-9]*: .*images/$f: " || fail "import: no warning about images/$f: $ERR"
done
# Bundle validation checks only the first bytes; the catalogue is not
# trusted either: a .png that holds plain text.
sqlite3 "$MOTCUA_STORE/catalog.sqlite" \
	"UPDATE blob SET data = CAST('just some text, no picture at all' AS BLOB) WHERE name = 'images/text.png';" ||
	fail "sqlite3 could not change the catalogue"
S="$TMP/bad.script"
: >"$S"
# Large text lays the article out again: the refusal is not repeated.
printf 'tap-text "Tin cải cách hành chính"\ntap-text "Tin ảnh khổng lồ"\nexpect-text "Nội dung tin có ảnh khai 60000 x 60000."\nshot huge\ntap-text "A+ Chữ to"\nexpect-text "Nội dung tin có ảnh khai 60000 x 60000."\nshot huge-large\ntap-text "A– Chữ thường"\ntap-text "Trang chủ"\n' >>"$S"
article "$S" "Tin ảnh cụt" "Nội dung tin có ảnh JPEG bị cắt." cut
article "$S" "Tin ảnh rác" "Nội dung tin có ảnh không phải ảnh." junk
article "$S" "Tin ảnh chữ" "Nội dung tin có tệp chữ mang tên ảnh." text
kiosk "$S"
bad_rc=$?
rc=$((good_rc | bad_rc))

# find SHOT: the test colours on it, "NAME COUNT X0 Y0 X1 Y1" lines.
find_in() { python3 "$PY" find "$shots/$1.png" 2>&1; }
W=${size%x*} H=${size#*x}
PW=$W rot=0
case " $* " in *" --rotate 90 "*) t=$W; W=$H; H=$t; rot=90 ;; *" --rotate "*) echo "only --rotate 90 is handled"; exit 2 ;; esac
# A picture: COLOUR on SHOT, its box within the screen, at most half its
# height, with the aspect ratio ASPECT (w/h), at least MINW wide.
expect_picture() { # SHOT COLOUR ASPECT MINW
	local out line n x0 y0 x1 y1
	out=$(find_in "$1")
	line=$(printf '%s\n' "$out" | grep "^$2 ")
	if [ -z "$line" ]; then
		fail "$size $1: no $2 picture on the screen (want the news picture under the title)"
		return
	fi
	read -r _ n x0 y0 x1 y1 <<<"$line"
	if [ "$rot" = 90 ]; then # the shot is the panel: back to UI space (gfx.c to_ui)
		read -r x0 y0 x1 y1 <<<"$y0 $((PW - 1 - x1)) $y1 $((PW - 1 - x0))"
	fi
	python3 - "$1" "$2" "$3" "$4" "$W" "$H" "$n" "$x0" "$y0" "$x1" "$y1" <<'PY' || fail "$size $1: $2 picture drawn wrong"
import sys
shot, colour, aspect, minw, W, H, n, x0, y0, x1, y1 = sys.argv[1:3] + [float(v) for v in sys.argv[3:]]
w, h = x1 - x0 + 1, y1 - y0 + 1
problems = []
if w > W or x1 >= W:
    problems.append(f"wider than the screen ({w:.0f} px)")
if w < minw:
    problems.append(f"only {w:.0f} px wide (want at least {minw:.0f})")
if y0 < H * 0.08:
    problems.append(f"starts at y={y0:.0f}, in the header")
if colour != "teal" and h > H / 2 + 2:  # teal's box ends above its white band
    problems.append(f"{h:.0f} px high, more than half the screen")
if colour == "lime" and abs(w / h - aspect) > 0.03 * aspect:
    problems.append(f"aspect {w/h:.3f}, want {aspect:.3f}")
if n < 0.9 * w * h:
    problems.append(f"only {n:.0f} of {w*h:.0f} pixels of its box have its colour")
if problems:
    print(f"{shot}: {colour} at {x0:.0f},{y0:.0f} {w:.0f}x{h:.0f}: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"{shot}: {colour} picture at {x0:.0f},{y0:.0f} {w:.0f}x{h:.0f}")
PY
}
expect_no_picture() { # SHOT
	local out
	out=$(find_in "$1")
	printf '%s\n' "$out" | grep -Eq '^(magenta|teal|lime) ' && fail "$size $1: a picture is shown: $out"
	printf '%s\n' "$out" | grep -q '^size ' || fail "$size $1: cannot read the shot: $out"
}
if [ "$rc" = 0 ]; then
	# wide.png: 600x300 with its bottom fifth white, so the magenta box is 5:2.
	expect_picture png magenta 2.5 300
	expect_picture png-normal magenta 2.5 300
	expect_picture png-large magenta 2.5 300
	# teal.jpg: 320x200, the top 150 rows teal.
	expect_picture jpeg teal 2.133 320
	# big.png: 3000x1500, shrunk to the column (or half the screen's height).
	expect_picture big lime 2.0 500
	for s in huge huge-large cut junk text; do expect_no_picture "$s"; done
	# One line each, naming the file and why; never twice.
	for f in huge.png cut.jpg junk.png text.png; do
		c=$(grep -c "^motcua: images/$f" "$TMP/kerr")
		[ "$c" = 1 ] || fail "$size: images/$f: $c log lines, want 1: $(cat "$TMP/kerr")"
	done
	expect_in "$(cat "$TMP/kerr")" "motcua: images/huge.png (60000x60000): " "the refusal of the 60000x60000 header"
	# Good pictures log nothing.
	for f in wide.png teal.jpg big.png; do
		grep -q "images/$f" "$TMP/kerr" && fail "$size: images/$f was logged: $(cat "$TMP/kerr")"
	done
fi
finish
