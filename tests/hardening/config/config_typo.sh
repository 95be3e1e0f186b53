#!/usr/bin/env bash
# Break 3: a typo in a line that is not about security is reported as
# FILE:LINE (Vietnamese, or English with MOTCUA_LANG=en) and its default
# used; the kiosk starts and imports still work. A trailing "# comment" is
# allowed. On the old code `max_prints = 5 # five` stopped the kiosk
# (exit 1: a black screen under Restart=always).
. "$MOTCUA_SRC/tests/hardening/config/lib.sh"
printf '[kiosk]\nmax_prints = 5 # five\nidle_prompt_s = soon\nrotate = 45\nprinter = motcua-no-such-printer\n' \
	> "$MOTCUA_CONFIG"

run 0 search "khai sinh"
expect_in "$OUT" "khai sinh" "search"
expect_in "$ERR" "$MOTCUA_CONFIG:3: warning: 'idle_prompt_s' must be a whole number from 0 to 86400, not 'soon'; the default 90 is used" "English FILE:LINE"
expect_in "$ERR" "$MOTCUA_CONFIG:4: warning: 'rotate' must be 0, 90, 180 or 270, not '45'; the default 0 is used" "rotate"
expect_not_in "$ERR" "$MOTCUA_CONFIG:2:" "a trailing comment is allowed"
expect_not_in "$ERR" "refused" "a typo refuses nothing"

expect_kiosk "kiosk with a typo" '
tap-text "Thủ tục hành chính"
expect-text "Hộ tịch"
tap-text "Trang chủ"
'"$OPEN"'
type "000000"
expect-text "Thoát"'
expect_in "$KERR" "$MOTCUA_CONFIG:3: cảnh báo: 'idle_prompt_s' phải là số nguyên từ 0 đến 86400, không phải 'soon'; dùng giá trị mặc định 90" "Vietnamese FILE:LINE"

bundle_v2 "$TMP/v2"
run 0 import "$TMP/v2"
expect_in "$OUT" "imported version 2" "import with a typo"
finish
