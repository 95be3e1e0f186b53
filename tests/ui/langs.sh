#!/usr/bin/env bash
# More languages than VI and EN (issue 12.4), with test data only
# (tests/fixtures/langs/README): a UI translation "qaa" installed beside vi
# and a bundle carrying dich/hmn/ (one procedure, two fields translated).
# The chooser lists every language in its own name; "qaa" switches the
# screens; "Hmoob" switches the procedure's text and marks each field that
# has no translation "(Tiếng Việt)", field by field. Every screen passes the
# layout check. On the old kiosk there is no chooser ("Tiếng Việt" is not a
# button) and dich/ is ignored.
. "$MOTCUA_SRC/tests/cli/lib.sh"
need msgfmt
export SDL_VIDEODRIVER=offscreen MOTCUA_LANG=vi
size=${1:-1920x1080}
. "$MOTCUA_SRC/tests/ui/langs_lib.sh"
langs_setup
# The test language beside the build's Vietnamese.
mkdir -p "$L/qaa/LC_MESSAGES"
msgfmt -o "$L/qaa/LC_MESSAGES/motcua.mo" "$FIX/langs/qaa.po" || fail "qaa.po does not compile"
S="$TMP/langs.script"
cat >"$S" <<'SCRIPT'
expect-text "Thủ tục hành chính"
tap-text "Tiếng Việt"
expect-exact "Tiếng Việt"
expect-exact "English"
expect-exact "Hmoob"
expect-exact "qaa"
shot chooser
tap-text "qaa"
expect-text "[qaa] Search"
expect-no-text "Thủ tục hành chính"
shot qaa-home
tap-text "qaa"
expect-text "[qaa] Language"
tap-text "Hmoob"
# No UI translation into hmn: the screens are Vietnamese, the button says Hmoob.
expect-text "Thủ tục hành chính"
expect-exact "Hmoob"
tap-text "Tra cứu"
type "khai sinh"
# The results name it in H'Mông already (tests/ui/langs_lists.sh).
tap-text "[TEST DATA] hmn: name of 1.001193"
expect-text "Mã thủ tục: 1.001193"
expect-text "[TEST DATA] hmn: name of 1.001193"
expect-text "Thời hạn giải quyết (Tiếng Việt)"
shot hmn-detail
tap-text "Các bước"
expect-text "[TEST DATA] hmn: step one"
expect-no-text "Trình tự thực hiện (Tiếng Việt)"
expect-text "Cách thức thực hiện (Tiếng Việt)"
shot hmn-steps

# Back to Vietnamese: the catalogue's own text, nothing marked.
tap-text "Hmoob"
tap-text "Tiếng Việt"
expect-text "Trình tự thực hiện"
expect-no-text "[TEST DATA]"
expect-no-text "(Tiếng Việt)"
shot vi-detail
SCRIPT
shots="$TMP/shots"
[ -n "${MOTCUA_SHOTS:-}" ] && shots="$MOTCUA_SHOTS/langs-$size"
run 0 kiosk --headless --size "$size" --check-layout --script "$S" --shots "$shots"
# The export carries the translation, and check reads it back.
run 0 export "$TMP/export"
[ -f "$TMP/export/dich/hmn/procedures.csv" ] || fail "export wrote no dich/hmn/procedures.csv"
expect_in "$(cat "$TMP/export/dich/hmn/procedures.csv" 2>/dev/null)" "[TEST DATA] hmn: step two" "the exported translation"
finish
