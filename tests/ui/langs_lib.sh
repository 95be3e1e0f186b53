# Shared by the language tests of tests/ui (test data only, see
# tests/fixtures/langs/README). Sourced after tests/cli/lib.sh.
#
# langs_setup: $L a locale folder holding the build's Vietnamese catalogue
# (MOTCUA_LOCALEDIR points at it), and the sample catalogue with the
# fixture's dich/ (bundle $B, version 99) installed. Needs $TMP, $SAMPLE,
# $FIX and MOTCUA_BIN.
langs_setup() {
	L="$TMP/locale"
	mkdir -p "$L/vi/LC_MESSAGES"
	vi_mo=$(dirname "$MOTCUA_BIN")/../po/vi/LC_MESSAGES/motcua.mo
	[ -f "$vi_mo" ] || vi_mo=$(find "$(dirname "$MOTCUA_BIN")/.." -path '*vi/LC_MESSAGES/motcua.mo' | head -1)
	cp "$vi_mo" "$L/vi/LC_MESSAGES/motcua.mo" || fail "no vi motcua.mo in the build"
	export MOTCUA_LOCALEDIR="$L"
	B="$TMP/bundle"
	cp -r "$SAMPLE" "$B"
	cp -r "$FIX/langs/dich" "$B/"
	sed -i 's/^phien_ban *=.*/phien_ban = 99/' "$B/bundle.ini"
	run 0 import "$B"
}
