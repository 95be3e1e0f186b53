#!/usr/bin/env bash
# Break 3: a configuration that exists but cannot be read fails closed and
# the kiosk stays up. As the service user (uid 65534 here) with a file it may
# not read (mode 000; e.g. a wrong group or mode after an edit): citizens
# still get the catalogue (search, the kiosk), but every import is refused
# (exit 3, with the reason), check says the signature cannot be verified,
# and the default PIN 000000 does not open the staff area, which says why.
# On the old code the kiosk and every command exited 1 (a black screen
# under Restart=always); with /etc/motcua/motcua.conf it silently fell back
# to PIN 000000 and unsigned bundles.
. "$MOTCUA_SRC/tests/hardening/config/lib.sh"
as_nobody
mkdir -m 0755 "$TMP/etc"
export MOTCUA_CONFIG="$TMP/etc/motcua.conf"
printf '[kiosk]\npublic_key = %s\n' "$GOOD_KEY" > "$MOTCUA_CONFIG"
chmod 000 "$MOTCUA_CONFIG" # uid 65534 cannot read it (root could: hence the other user)
install -d -m 0750 -o 65534 -g 65534 "$MOTCUA_STORE"

# Citizens keep the catalogue: the CLI still serves, and says why it refuses.
run_as 0 search "khai sinh"
expect_in "$OUT" "khai sinh" "search with an unreadable configuration"
expect_in "$ERR" "$MOTCUA_CONFIG: error: cannot read the configuration file: Permission denied" "search: the reason"
CAT="$MOTCUA_STORE/catalog.sqlite"
cp "$CAT" "$TMP/catalog.before"

# An unsigned bundle (the file requires signatures): never installed.
bundle_v2 "$TMP/v2"
run_as 3 import "$TMP/v2"
expect_in "$ERR" "nothing was imported: the configuration cannot be trusted" "import"
expect_in "$ERR" "$MOTCUA_CONFIG: cannot read the configuration file: Permission denied" "import: the reason"
expect_not_in "$OUT" "imported version" "import"
cmp -s "$CAT" "$TMP/catalog.before" || fail "import: the catalogue changed"
run_as 3 check "$TMP/v2"
expect_in "$ERR" "the signature cannot be verified" "check"
# In Vietnamese too.
MOTCUA_LANG=vi run_as 3 import "$TMP/v2"
expect_in "$ERR" "không nhập gì cả: không tin được tệp cấu hình" "import in Vietnamese"
cmp -s "$CAT" "$TMP/catalog.before" || fail "import in Vietnamese: the catalogue changed"

# The kiosk starts, serves, and refuses the default PIN with the reason.
expect_kiosk "kiosk with an unreadable configuration" '
tap-text "Thủ tục hành chính"
expect-text "Hộ tịch"
tap-text "Trang chủ"
'"$OPEN"'
expect-text "Mã PIN mặc định 000000 bị từ chối"
type "000000"
expect-no-text "Thoát"
expect-text "Mã PIN mặc định 000000 bị từ chối"'
expect_in "$KERR" "$MOTCUA_CONFIG: lỗi: không đọc được tệp cấu hình" "kiosk: the journal says why"
finish
