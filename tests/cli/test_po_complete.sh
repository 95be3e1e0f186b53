# Every English msgid in the sources has a Vietnamese translation in po/vi.po,
# and the catalogue compiles: the kiosk starts in Vietnamese, so a missing entry
# is an English phrase on a Vietnamese screen.
. "$(dirname "$0")/lib.sh"
pot="$TMP/motcua.pot"
find "$MOTCUA_SRC/src" -name '*.c' | sort > "$TMP/files"
xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 --no-location -f "$TMP/files" -o "$pot" \
	|| fail "xgettext failed"
msgfmt -c -o /dev/null "$MOTCUA_SRC/po/vi.po" 2>"$TMP/msgfmt" || { fail "po/vi.po does not compile"; cat "$TMP/msgfmt" >&2; }
# msgcmp lists msgids of the .pot missing from the .po.
if ! msgcmp "$MOTCUA_SRC/po/vi.po" "$pot" 2>"$TMP/cmp"; then
	fail "po/vi.po lacks translations of:"
	sed -n 's/^.*\.pot:\([0-9]*\): this message is used but not defined.*/\1/p' "$TMP/cmp" |
		while read -r n; do sed -n "$((n - 1))p" "$pot"; done | head -40 >&2
fi
# Entries present but left empty or fuzzy.
untranslated=$(msgattrib --untranslated --no-obsolete "$MOTCUA_SRC/po/vi.po" | grep -c '^msgid "[^"]' || true)
[ "$untranslated" = 0 ] || { fail "$untranslated untranslated entries in po/vi.po"; msgattrib --untranslated "$MOTCUA_SRC/po/vi.po" | grep '^msgid' | head >&2; }
fuzzy=$(msgattrib --only-fuzzy "$MOTCUA_SRC/po/vi.po" | grep -c '^msgid "[^"]' || true)
[ "$fuzzy" = 0 ] || fail "$fuzzy fuzzy entries in po/vi.po"
finish
