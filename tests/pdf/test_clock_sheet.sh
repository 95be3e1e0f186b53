# A kiosk without a clock battery (a Raspberry Pi 4) may boot offline with
# a wrong date. `motcua pdf` run at a time before the installed catalogue's
# issue date (ngay_ban_hanh 24/11/2026 in the sample) makes a sheet that
# prints no date at all rather than the wrong one, and says why on
# standard error; at a plausible time the sheet has "In lúc" with that time.
# The clock is set with faketime (skips without it).
. "$(dirname "$0")/../cli/lib.sh"
export TZ=Asia/Ho_Chi_Minh
command -v faketime >/dev/null || { echo "SKIP: faketime is not installed"; exit 77; }
command -v pdftotext >/dev/null || { echo "FAIL: pdftotext is not installed" >&2; exit 1; }
# libfaketime is preloaded ahead of the sanitizers' runtime.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

code=$("$MOTCUA_BIN" search "khai sinh" | head -1 | cut -f1)
[ -n "$code" ] || { echo "FAIL: no procedure found for 'khai sinh'" >&2; exit 1; }

# A right clock: the time is printed (so the check below can see a date).
faketime '2027-03-15 09:30:00' "$MOTCUA_BIN" pdf "$code" -o "$TMP/right.pdf" 2>"$TMP/err-right"
rc=$?
[ $rc = 0 ] || fail "pdf at a right time exited $rc: $(cat "$TMP/err-right")"
text=$(pdftotext -enc UTF-8 "$TMP/right.pdf" - 2>/dev/null)
expect_in "$text" "In lúc 15/03/2027 09:30" "sheet printed at a right time"

# A wrong clock: before the catalogue was issued.
faketime '2025-01-10 10:00:00' "$MOTCUA_BIN" pdf "$code" -o "$TMP/wrong.pdf" 2>"$TMP/err-wrong"
rc=$?
[ $rc = 0 ] || fail "pdf at a wrong time exited $rc: $(cat "$TMP/err-wrong")"
text=$(pdftotext -enc UTF-8 "$TMP/wrong.pdf" - 2>/dev/null)
[ -n "$text" ] || fail "no text in the sheet made at a wrong time"
expect_not_in "$text" "10/01/2025" "sheet printed with a wrong clock"
expect_not_in "$text" "In lúc" "sheet printed with a wrong clock"
expect_in "$text" "Trang 1/" "sheet printed with a wrong clock (footer still there)"
expect_in "$(cat "$TMP/err-wrong")" "before the catalogue's issue date 24/11/2026" "warning on standard error"
finish
