# Issue 9 break 15: an installed binary never reads its build tree or the
# source checkout. The built binary is copied out of the build folder (as
# `meson install` or the package would put it), then run under strace: it
# must not open, stat or even name a path of the checkout, and with an empty
# store it must fill it from the install prefix, not from the checkout's
# sample bundle. The same binary run from the build folder still uses the
# checkout (the uninstalled run the README's `tools/dev kiosk` relies on).
. "$MOTCUA_SRC/tests/cli/lib.sh"
command -v strace >/dev/null || { echo "strace missing (tools/dev installs it)"; exit 77; }
SRC=$(cd "$MOTCUA_SRC" && pwd -P)
BUILD=$(cd "$(dirname "$MOTCUA_BIN")/.." && pwd -P)
# The sanitizers' options name files of the checkout (lsan.supp): not here.
unset LSAN_OPTIONS MOTCUA_DATADIR MOTCUA_FONTDIR MOTCUA_LOCALEDIR
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
INST="$TMP/usr/bin"
mkdir -p "$INST"
cp "$MOTCUA_BIN" "$INST/motcua"

# --- from the build folder: the checkout's sample fills an empty store ---
run 0 search "khai sinh"
expect_in "$OUT" "1.001193" "uninstalled run from the build folder"

# --- the copy, on the catalogue the build binary installed ---
strace -f -qq -e trace=file,readlink -o "$TMP/trace" \
	"$INST/motcua" search "khai sinh" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc = 0 ] || fail "the copied binary's search exited $rc: $(head -3 "$TMP/err")"
expect_in "$(cat "$TMP/out")" "1.001193" "copied binary's search"
LEAK=$(grep -F -e "$SRC" -e "$BUILD" "$TMP/trace" | grep -v 'execve(' | head -5)
[ -z "$LEAK" ] || fail "the copied binary touched the checkout: $LEAK"

# --- the same with Vietnamese messages and a PDF (fonts, translation) ---
MOTCUA_LANG=vi strace -f -qq -e trace=file,readlink -o "$TMP/trace2" \
	"$INST/motcua" pdf 1.001193 -o "$TMP/s.pdf" >/dev/null 2>"$TMP/err"
LEAK=$(grep -F -e "$SRC" -e "$BUILD" "$TMP/trace2" | grep -v 'execve(' | head -5)
[ -z "$LEAK" ] || fail "the copied binary's pdf looked for fonts or messages in the checkout: $LEAK"

# --- an empty store: the copy must not take the checkout's sample bundle ---
MOTCUA_STORE="$TMP/store2" "$INST/motcua" search "khai sinh" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ $rc != 0 ] || fail "the copied binary filled an empty store (from the checkout?)"
[ -f "$TMP/store2/catalog.sqlite" ] && fail "the copied binary installed a catalogue from the checkout"
grep -qF "$SRC" "$TMP/err" && fail "the copied binary named the checkout: $(head -2 "$TMP/err")"

# --- and with the install prefix given, it uses that (as installed) ---
MOTCUA_STORE="$TMP/store3" MOTCUA_DATADIR="$MOTCUA_SRC/data" "$INST/motcua" search "khai sinh" \
	>"$TMP/out" 2>"$TMP/err" || fail "MOTCUA_DATADIR is not honoured: $(head -2 "$TMP/err")"
finish
