# Shared by the configuration hardening tests (issue 9, breaks 3, 5, 6):
# a fresh store and configuration (tests/cli/lib.sh), and the kiosk run
# headless on a script, optionally as another user.
. "$MOTCUA_SRC/tests/cli/lib.sh"
export SDL_VIDEODRIVER=offscreen
OPEN='drag 60 60 60 60 3200' # the long press on the emblem: the staff PIN pad
AS=()                         # a command prefix, e.g. setpriv ... (as_nobody)

# kiosk SCRIPT_TEXT — runs the kiosk on the script in Vietnamese (as the
# citizens see it); status in $KRC, stderr in $KERR. A kiosk that hangs is
# killed after 120 s (status 124).
kiosk() {
	printf '%s\n' "$1" > "$TMP/run.script"
	chmod 0644 "$TMP/run.script"
	MOTCUA_LANG=vi timeout 120 "${AS[@]}" "$MOTCUA_BIN" kiosk --headless --size 1920x1080 \
		--script "$TMP/run.script" --shots "$TMP/shots" 2>"$TMP/kerr"
	KRC=$?
	KERR=$(cat "$TMP/kerr")
}

# expect_kiosk WHAT SCRIPT_TEXT — the script passes (status 0).
expect_kiosk() {
	kiosk "$2"
	if [ "$KRC" != 0 ]; then
		fail "$1: the kiosk exited $KRC"
		sed 's/^/  stderr: /' "$TMP/kerr" | head -20 >&2
	fi
}

# as_nobody — the following kiosk/run calls run as uid/gid 65534 with no
# other groups (the service user of the README, without root's powers).
# Needs root: skips the test otherwise.
as_nobody() {
	if [ "$(id -u)" != 0 ]; then
		echo "SKIP: needs root to run as another user (CI runs as root)"
		exit 77
	fi
	command -v setpriv >/dev/null || { echo "SKIP: setpriv is missing"; exit 77; }
	AS=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
	# The build and the source tree (fonts, sample, messages) must be
	# readable by that user: not so in a checkout under a 0700 home.
	if ! "${AS[@]}" sh -c 'test -x "$1" && test -r "$2/data/motcua/bundle.ini" && ls "$2/fonts" >/dev/null' \
		sh "$MOTCUA_BIN" "$MOTCUA_SRC" 2>/dev/null; then
		echo "SKIP: uid 65534 cannot read $MOTCUA_BIN or $MOTCUA_SRC"
		exit 77
	fi
	chmod 0755 "$TMP"
	mkdir -p "$TMP/shots"
	chown 65534:65534 "$TMP/shots"
}

# as_owner FILE — a file the test edited belongs to the kiosk's user again
# (mode 0600, as the kiosk writes staff.state).
as_owner() {
	[ ${#AS[@]} -gt 0 ] && chown 65534:65534 "$1"
	chmod 0600 "$1"
}

# run_as EXPECTED_STATUS CMD... — run, with the AS prefix.
run_as() {
	local want=$1; shift
	"${AS[@]}" "$MOTCUA_BIN" "$@" >"$TMP/out" 2>"$TMP/err"
	local got=$?
	OUT=$(cat "$TMP/out"); ERR=$(cat "$TMP/err")
	if [ "$got" != "$want" ]; then
		fail "motcua $* exited $got, want $want"
		sed 's/^/  stderr: /' "$TMP/err" | head -20 >&2
	fi
}

# A minisign public key line (a valid key, not one that signs anything here).
GOOD_KEY=RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3

# bundle_v2 DIR — the sample catalogue as version 2 (an import would change it).
bundle_v2() {
	rm -rf "$1"
	cp -r "$SAMPLE" "$1"
	sed -i "s/^phien_ban *=.*/phien_ban = 2/" "$1/bundle.ini"
}
