# Shared by the USB and staff-area UI tests (usb_*.sh): a fresh store and
# configuration (tests/cli/lib.sh), bundles made from the sample catalogue,
# and the kiosk run headless on a script written by the test.
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen
# The sticks the script plugs in stay here for the test to look at.
export MOTCUA_SCRIPT_USB="$TMP/usb"

# The procedure the bundles add, and the one they remove.
NEW_CODE=9.999123
NEW_NAME='Thủ tục cấp giấy xác nhận thử nghiệm cập nhật qua USB'
GONE_CODE=1.000419
GONE_NAME='Thủ tục đăng ký khai tử lưu động'

# drop_record FILE CODE — removes the CSV record whose first cell is CODE
# (records may span lines: a record ends where its quotes balance).
drop_record() {
	awk -v code="$2" '
		BEGIN { inside = 0; skip = 0 }
		{
			if (!inside) skip = (index($0, code ",") == 1)
			n = gsub(/"/, "\"")
			if (n % 2) inside = !inside
			if (!skip) print
		}' "$1" > "$1.tmp" && mv "$1.tmp" "$1"
}

# bundle_v2 DIR [VERSION] — the sample with GONE removed, NEW added, phien_ban VERSION (2).
bundle_v2() {
	rm -rf "$1"
	cp -r "$SAMPLE" "$1"
	sed -i "s/^phien_ban *=.*/phien_ban = ${2:-2}/" "$1/bundle.ini"
	drop_record "$1/procedures.csv" "$GONE_CODE"
	# 22 columns: code, name, field, level, steps, channels, documents,
	# count, deadline, then 13 empty ones.
	printf '%s,%s,%s,%s,"%s",%s,"%s",%s,%s,,,,,,,,,,,,,\n' "$NEW_CODE" "$NEW_NAME" "Chứng thực" "Cấp xã" \
		"Nộp hồ sơ tại Bộ phận một cửa." "Trực tiếp" "Tờ khai | 01 bản chính" "01 bộ" "Trong ngày" \
		>> "$1/procedures.csv"
}

# kiosk SCRIPT_TEXT [kiosk options...] — runs the kiosk on the script (in
# Vietnamese); its status is $KRC, its stderr $KERR. $KIOSK_WRAP, when set,
# is a command the kiosk runs under (e.g. tests/ui/ro_store.sh).
kiosk() {
	local text=$1
	shift
	printf '%s\n' "$text" > "$TMP/run.script"
	MOTCUA_LANG=vi ${KIOSK_WRAP:-} "$MOTCUA_BIN" kiosk --headless --size "${SIZE:-1920x1080}" --script "$TMP/run.script" \
		--shots "${MOTCUA_SHOTS:-$TMP/shots}/${SHOTS_NAME:-usb}" "$@" 2>"$TMP/kerr"
	KRC=$?
	KERR=$(cat "$TMP/kerr")
}

# expect_kiosk WHAT SCRIPT_TEXT [options] — the script passes.
expect_kiosk() {
	local what=$1
	shift
	kiosk "$@"
	if [ "$KRC" != 0 ]; then
		fail "$what: the kiosk exited $KRC"
		sed 's/^/  stderr: /' "$TMP/kerr" | head -20 >&2
	fi
}
