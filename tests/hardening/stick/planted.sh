#!/usr/bin/env bash
# A hostile stick against the usage export (issue 9, break 1). The stick
# already holds the export folder of today with links planted where the
# export writes — the usage file, its old temporary name and the new one
# point at the live catalogue —, a FIFO (a writer that opens it hangs), a
# device node (as root), and the next names taken by links to a folder off
# the stick and to the store itself. The export must follow and replace
# nothing: the catalogue stays byte for byte, nothing is written off the
# stick, what was planted is still there as it was, and the figures land
# complete in a new folder of the kiosk's own.
. "$MOTCUA_SRC/tests/ui/usb_lib.sh"
CAT="$MOTCUA_STORE/catalog.sqlite"
run 0 show 1.000419 # fills the store
cp "$CAT" "$TMP/catalog.before"
printf '[kiosk]\nidle_prompt_s = 900\nprinter = motcua-khong-co-may-in\n' > "$MOTCUA_CONFIG"

D=motcua-thong-ke-$(date +%Y%m%d)
STICK="$TMP/stick"
mkdir -p "$STICK/$D" "$TMP/outside"
cp -r "$SAMPLE" "$STICK/motcua"
for n in .usage_by_procedure.csv.tmp .usage_by_procedure.csv.part usage_by_procedure.csv; do
	ln -s "$CAT" "$STICK/$D/$n"
done
mkfifo "$STICK/$D/.search_no_result.csv.tmp" "$STICK/$D/.search_no_result.csv.part"
ln -s "$TMP/outside" "$STICK/$D-2"     # a folder off the stick
ln -s "$MOTCUA_STORE" "$STICK/$D-3"    # the store itself
if [ "$(id -u)" = 0 ]; then
	mknod "$STICK/$D/ratings.csv" c 1 3          # like /dev/null
	mknod "$STICK/$D/.ratings.csv.part" c 1 3
fi
ls -l --time-style=+ "$STICK/$D" > "$TMP/planted.before"

# The FIFO would hang an export that opens it: a bounded run.
printf '%s\n' 'drag 60 60 60 60 3200
type "000000"
usb-insert '"$STICK"'
expect-text "USB usb1: xem trước thay đổi rồi mới cập nhật."
tap-text "Xuất số liệu sử dụng ra USB"
expect-text "Đã xuất số liệu sử dụng vào USB, thư mục '"$D"'-4. Bạn có thể rút USB."
shot exported' > "$TMP/run.script"
MOTCUA_LANG=vi timeout 120 "$MOTCUA_BIN" kiosk --headless --size 1920x1080 --script "$TMP/run.script" \
	--shots "$TMP/shots" 2>"$TMP/kerr"
KRC=$?
[ "$KRC" = 0 ] || { fail "the export on a planted stick: the kiosk exited $KRC"; sed 's/^/  stderr: /' "$TMP/kerr" | head >&2; }

cmp -s "$CAT" "$TMP/catalog.before" || fail "the export changed the live catalogue through a link on the stick"
run 0 show 1.000419 # the kiosk's catalogue still opens
[ -z "$(ls -A "$TMP/outside")" ] || fail "the export wrote off the stick: $(ls -A "$TMP/outside")"
for f in usage_by_procedure.csv search_no_result.csv ratings.csv; do
	[ ! -e "$MOTCUA_STORE/$f" ] || fail "the export wrote $f into the store"
done
V="$MOTCUA_SCRIPT_USB/media/usb1"
[ -d "$V" ] || V="$MOTCUA_SCRIPT_USB/removed/usb1"
ls -l --time-style=+ "$V/$D" > "$TMP/planted.after"
cmp -s "$TMP/planted.before" "$TMP/planted.after" ||
	fail "what was planted on the stick changed: $(diff "$TMP/planted.before" "$TMP/planted.after")"
[ -L "$V/$D-2" ] && [ -L "$V/$D-3" ] || fail "a planted link to a folder was replaced"
for f in usage_by_procedure.csv search_no_result.csv ratings.csv; do
	if [ -f "$V/$D-4/$f" ] && [ ! -L "$V/$D-4/$f" ]; then
		head -c 3 "$V/$D-4/$f" | cmp -s - <(printf '\357\273\277') || fail "$D-4/$f does not start with the BOM"
	else
		fail "$D-4/$f is not a new regular file"
	fi
done
[ -z "$(ls -A "$V/$D-4" | grep -v '^\(usage_by_procedure\|search_no_result\|ratings\)\.csv$')" ] ||
	fail "work files left in the export folder: $(ls -A "$V/$D-4")"
finish
