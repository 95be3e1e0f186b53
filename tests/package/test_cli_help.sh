# Debian's conventions for a command-line program (issue 10): --version,
# `help [COMMAND]`, `COMMAND --help` for every command (which must not run
# the command: `search --help` used to search for "--help"), the manual
# pages render without warnings, and bash completes commands, options and
# procedure codes.
. "$MOTCUA_SRC/tests/cli/lib.sh"
COMMANDS="kiosk check import export rollback search show pdf print dossier report help"

run 0 --version
[ "$OUT" = "motcua $(sed -n "s/^  version : '\(.*\)',/\1/p" "$MOTCUA_SRC/meson.build")" ] ||
	fail "--version printed '$OUT'"

run 0 help
for c in $COMMANDS; do
	printf '%s\n' "$OUT" | grep -q "^  $c " || fail "'motcua help' does not list $c"
done
run 0 --help
expect_in "$OUT" "COMMAND --help" "motcua --help"

for c in $COMMANDS; do
	for h in --help -h; do
		timeout 20 "$MOTCUA_BIN" $c $h >"$TMP/out" 2>"$TMP/err"
		rc=$?
		[ $rc = 0 ] || fail "motcua $c $h exited $rc: $(head -2 "$TMP/err")"
		grep -q "^usage: motcua $c" "$TMP/out" || fail "motcua $c $h: no usage line: $(head -2 "$TMP/out")"
	done
	run 0 help $c
	expect_in "$OUT" "usage: motcua $c" "motcua help $c"
done
# --help anywhere among a command's arguments, and not after "--".
run 0 pdf 1.001193 --help -o "$TMP/x.pdf"
[ -e "$TMP/x.pdf" ] && fail "pdf ... --help wrote a sheet"
[ -e "$MOTCUA_STORE" ] && fail "a --help opened the store"
run 0 search -- --help
expect_not_in "$OUT" "usage:" "search -- --help"

run 2 help nonsense
expect_in "$ERR" "unknown command 'nonsense'" "help of an unknown command"
run 2 nonsense --help

# In Vietnamese by default.
out=$(MOTCUA_LANG=vi "$MOTCUA_BIN" help)
expect_in "$out" "các lệnh:" "Vietnamese help"

# --- manual pages: render without a warning ---
if command -v man >/dev/null; then
	for m in motcua.1 motcua.conf.5; do
		w=$(MANWIDTH=80 man --warnings -l "$MOTCUA_SRC/doc/$m" 2>&1 >/dev/null)
		[ -z "$w" ] || fail "man $m: $w"
		MANWIDTH=80 man -l "$MOTCUA_SRC/doc/$m" 2>/dev/null | grep -q "^NAME" || fail "man $m renders no NAME"
	done
	MANWIDTH=80 man -l "$MOTCUA_SRC/doc/motcua.1" 2>/dev/null | grep -q -- "--version" ||
		fail "motcua(1) does not mention --version"
fi

# --- bash completion: commands, options, codes from the store ---
BC=/usr/share/bash-completion/bash_completion
if [ -r "$BC" ]; then
	mkdir -p "$TMP/bin"
	ln -s "$MOTCUA_BIN" "$TMP/bin/motcua"
	complete_words() { # WORDS... — prints the candidates for the last word
		PATH="$TMP/bin:$PATH" bash -c '. "$1"; . "$2"; shift 2
			COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
			_motcua motcua "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
			printf "%s\n" "${COMPREPLY[@]}"' _ "$BC" "$MOTCUA_SRC/data/motcua.bash-completion" "$@"
	}
	got=$(complete_words motcua se)
	[ "$got" = search ] || fail "completion of 'motcua se': '$got'"
	got=$(complete_words motcua kiosk --ro)
	[ "$got" = --rotate ] || fail "completion of 'motcua kiosk --ro': '$got'"
	got=$(complete_words motcua dossier im)
	[ "$got" = import ] || fail "completion of 'motcua dossier im': '$got'"
	got=$(complete_words motcua report --qu)
	[ "$got" = --quarter ] || fail "completion of 'motcua report --qu': '$got'"
	got=$(complete_words motcua report --quarter "")
	[ "$(echo $got)" = "1 2 3 4" ] || fail "completion of 'motcua report --quarter': '$got'"
	got=$(complete_words motcua show 1.00119)
	expect_in "$got" "1.001193" "completion of a procedure code"
	got=$(complete_words motcua --store "$MOTCUA_STORE" pdf 1.00119)
	expect_in "$got" "1.001193" "completion of a code with --store"
fi
finish
