# Shared by the diag hardening tests (issue 9, breaks 9 and 13): the CLI
# test library, and checks on what reached the staff's terminal.
. "$MOTCUA_SRC/tests/cli/lib.sh"

# no_raw_controls FILE WHAT — FILE (captured stdout+stderr) holds nothing a
# terminal would act on: no C0 control but the line feed and the tab that
# separates columns (CODE<TAB>NAME), no DEL, no C1
# control, no line/paragraph separator or bidi mark, and only valid UTF-8.
no_raw_controls() {
	local f=$1 what=$2 bad
	bad=$(LC_ALL=C grep -naP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xa8-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c' "$f" | head -3)
	if [ -n "$bad" ]; then
		fail "$what: raw control characters reached the terminal:"
		printf '%s\n' "$bad" | od -c | head -8 >&2
	fi
	iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || fail "$what: the output is not valid UTF-8"
}

# no_forged_line FILE WHAT — no line of FILE is a diagnostic the bundle wrote
# itself ("faq.csv:3: error: forged").
no_forged_line() {
	if grep -aq '^faq\.csv:3: error: forged' "$1"; then
		fail "$2: a file name printed a forged diagnostic line:"
		grep -a 'forged' "$1" | head -3 >&2
	fi
}

# checked DIR STATUS — runs `motcua check DIR`, keeping stdout and stderr
# together in $TMP/all as a terminal would show them.
checked() {
	"$MOTCUA_BIN" check "$1" >"$TMP/all" 2>&1
	local got=$?
	ALL=$(cat "$TMP/all")
	[ "$got" = "$2" ] || { fail "motcua check $1 exited $got, want $2"; head -20 "$TMP/all" >&2; }
}
