# Issue 10: the Debian package as a kiosk builder installs it. Builds the
# .deb (tools/dev deb), installs it with apt-get, then - with the source
# checkout and the build folder hidden under empty tmpfs mounts in a private
# mount namespace - runs the installed /usr/bin/motcua as the motcua user
# from / under strace: search, pdf, a headless kiosk screenshot, an import.
# None of it may touch a path of the checkout. The units pass
# systemd-analyze verify, and a purge leaves only the documented state
# (/var/lib/motcua and the motcua user). Issues 12 and 13 as deployed: the
# same way, as motcua with the package's owners and modes, a bundle with
# recordings, a dich/ translation and Tai Viet text is checked and
# imported, a dossier list installed, the headless kiosk rates, scans a
# receipt, speaks and plays a recording (SDL's disk driver) and writes the
# report to a stick, `motcua report` and `motcua speak` write their files,
# and the store holds only what the README lists. Root only; it installs a
# package on the machine and purges it again, so a rerun starts from the
# same state. usage: test_deb.sh [MAKE_RECORDING]
set -u
[ "$(id -u)" = 0 ] || { echo "needs root (installs a package)"; exit 77; }
for t in strace unshare setpriv apt-get systemd-analyze sqlite3 python3; do
	command -v $t >/dev/null || { echo "$t missing"; exit 77; }
done
: "${MOTCUA_SRC:?}" "${MOTCUA_BIN:?}"
SRC=$(cd "$MOTCUA_SRC" && pwd -P)
BUILD=$(cd "$(dirname "$MOTCUA_BIN")/.." && pwd -P)
TMP=$(mktemp -d /tmp/motcua-deb.XXXXXX)
FAILS=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -y -q "$@"; }
# Start from a machine without a store; put back one found there at the end.
SAVED=""
if [ -e /var/lib/motcua ]; then
	SAVED=/var/lib/motcua.before-package-test.$$
	mv /var/lib/motcua "$SAVED"
fi
cleanup() {
	dpkg -s motcua >/dev/null 2>&1 && apt_get purge motcua >/dev/null 2>&1
	rm -rf /var/lib/motcua
	[ -z "$SAVED" ] || mv "$SAVED" /var/lib/motcua
	rm -rf "$TMP"
}
trap cleanup EXIT
trap "exit 1" TERM INT HUP

# --- build and install, as the README says ---
dpkg -s motcua >/dev/null 2>&1 && apt_get purge motcua >/dev/null
# MOTCUA_DEB: a .deb built before (by tools/dev deb), else build one now.
if [ -n "${MOTCUA_DEB:-}" ]; then
	DEB=$MOTCUA_DEB
	: >"$TMP/build.log"
else
	DEB=$(MOTCUA_DEB_OUT="$TMP/deb" "$SRC/tools/dev" deb 2>"$TMP/build.log" | tail -1)
fi
case "$DEB" in
*/motcua_*_"$(dpkg --print-architecture)".deb) ;;
*) echo "tools/dev deb did not print a .deb path ('$DEB'):" >&2; tail -30 "$TMP/build.log" >&2; exit 1 ;;
esac
[ -f "$DEB" ] || { echo "no file $DEB" >&2; exit 1; }
grep -E '^E: ' "$TMP/build.log" && fail "lintian reports errors"
(cd "$(dirname "$DEB")" && apt_get install "./$(basename "$DEB")") >"$TMP/install.log" 2>&1 ||
	{ cat "$TMP/install.log" >&2; exit 1; }

# --- what the package put where ---
for f in /usr/bin/motcua /usr/share/motcua/motcua/procedures.csv \
	/usr/share/locale/vi/LC_MESSAGES/motcua.mo \
	/usr/lib/systemd/system/motcua.service /usr/lib/systemd/system/motcua-cage.service \
	/usr/lib/systemd/system/motcua-usb-mount@.service /usr/lib/udev/rules.d/99-motcua-usb.rules \
	/usr/lib/sysusers.d/motcua.conf /usr/lib/tmpfiles.d/motcua.conf \
	/usr/share/man/man1/motcua.1.gz /usr/share/man/man5/motcua.conf.5.gz \
	/usr/share/bash-completion/completions/motcua; do
	[ -f "$f" ] || fail "the package does not install $f"
done
[ -e /usr/share/motcua/fonts ] && fail "the package ships a copy of the Noto fonts"
dpkg-query -W -f='${Depends}\n${Recommends}\n${Suggests}\n' motcua >"$TMP/deps"
has() { # LINE PACKAGE — the field on LINE of $TMP/deps names PACKAGE
	sed -n "$1p" "$TMP/deps" | tr ',' '\n' | grep -qE "^ *$2( |$)"
}
# What the second wave needs at run time: the voice (libespeak-ng1 and its
# data, with the vi voice), recordings (libsndfile1), font fallback and
# subsets (libfreetype6, libharfbuzz-subset0), Tai Viet (fonts-noto-core's
# Noto Sans Tai Viet; Tai Heritage Pro recommended); alsa-utils restores
# the mixer's volume at boot (a fresh card is often muted).
for p in fonts-noto-core libespeak-ng1 espeak-ng-data libsndfile1 libfreetype6 libharfbuzz-subset0 libsdl2-2.0-0; do
	has 1 "$p" || fail "the package does not depend on $p"
done
for p in cups fonts-sil-taiheritagepro alsa-utils; do
	has 2 "$p" || fail "$p is not recommended"
done
[ -f /usr/share/fonts/truetype/noto/NotoSansTaiViet-Regular.ttf ] || fail "the dependencies bring no Tai Viet font"
ls /usr/lib/*/espeak-ng-data/vi_dict /usr/lib/*/espeak-ng-data/lang/*/vi >/dev/null 2>&1 ||
	fail "the dependencies bring no espeak-ng Vietnamese voice"
sed -n 3p "$TMP/deps" | grep -q 'cage.*xwayland' || fail "cage, xwayland are not suggested"
dpkg-query -W -f='${Conffiles}\n' motcua | grep -q ' /etc/motcua/motcua.conf ' ||
	fail "/etc/motcua/motcua.conf is not a conffile"
[ "$(stat -c '%U:%G %a' /etc/motcua/motcua.conf)" = "root:motcua 640" ] ||
	fail "motcua.conf is $(stat -c '%U:%G %a' /etc/motcua/motcua.conf), want root:motcua 640"
[ "$(stat -c '%U:%G %a' /var/lib/motcua)" = "motcua:motcua 750" ] ||
	fail "/var/lib/motcua is $(stat -c '%U:%G %a' /var/lib/motcua 2>&1), want motcua:motcua 750"
groups=$(id -nG motcua 2>&1)
for g in video render input audio; do
	case " $groups " in *" $g "*) ;; *) fail "user motcua is not in group $g ($groups)";; esac
done
grep -q '^ExecStart=/usr/bin/motcua kiosk$' /usr/lib/systemd/system/motcua.service ||
	fail "motcua.service does not start /usr/bin/motcua"
grep -q '^ExecStart=/usr/bin/cage .* /usr/bin/motcua kiosk$' /usr/lib/systemd/system/motcua-cage.service ||
	fail "motcua-cage.service does not start /usr/bin/motcua"
/usr/bin/motcua --version | grep -q '^motcua ' || fail "/usr/bin/motcua --version"

# --- systemd-analyze verify on the installed units ---
# cage is only suggested: without it, verify's complaint about the missing
# /usr/bin/cage is expected and nothing else is.
for u in motcua.service motcua-cage.service motcua-usb-mount@sdz1.service; do
	systemd-analyze verify --man=no "/usr/lib/systemd/system/${u/@sdz1/@}" >"$TMP/verify" 2>&1 ||
		systemd-analyze verify --man=no "$u" >"$TMP/verify" 2>&1
	if [ ! -x /usr/bin/cage ]; then
		sed -i '/\/usr\/bin\/cage/d; /motcua-cage.service: Failed to create/d' "$TMP/verify"
	fi
	grep -v -e '^$' "$TMP/verify" | grep -q . && fail "systemd-analyze verify $u: $(head -5 "$TMP/verify")"
done

# The exposure of the installed units, for the log (the threshold is the
# hardening suite's, tests/hardening/service).
for u in motcua.service motcua-cage.service; do
	systemd-analyze security --offline=true "/usr/lib/systemd/system/$u" 2>&1 |
		grep 'Overall exposure' || fail "systemd-analyze security $u did not run"
done

# --- the installed binary, as the motcua user, from /, checkout hidden ---
cp -r "$SRC/data/motcua" "$TMP/bundle"
sed -i 's/^phien_ban = .*/phien_ban = 9999/' "$TMP/bundle/bundle.ini"
cat > "$TMP/kiosk.script" <<'SCRIPT'
tap-text "Tra cứu"
type "khai sinh"
expect-text "Thủ tục đăng ký khai sinh"
shot search
SCRIPT
mkdir -p "$TMP/out"
chmod 755 "$TMP"
chown -R motcua:motcua "$TMP/out" "$TMP/bundle"
chmod -R a+rX "$TMP/bundle" "$TMP/kiosk.script"
hide="mount --make-rprivate / && mount -t tmpfs -o size=1m none '$SRC'"
case "$BUILD/" in "$SRC"/*) ;; *) hide="$hide && mount -t tmpfs -o size=1m none '$BUILD'" ;; esac
EXTRA_ENV=() # more VAR=VALUE for as_motcua (later ones win)
as_motcua() { # NAME CMD... — runs /usr/bin/motcua CMD... as motcua from /, traced
	local name=$1; shift
	unshare -m sh -c "$hide"' && cd / && exec "$@"' sh \
		env -i PATH=/usr/bin:/bin SDL_AUDIODRIVER=dummy MOTCUA_LANG="${LANG_FOR:-en}" "${EXTRA_ENV[@]}" \
		strace -f -qq -e trace=file,readlink -o "$TMP/out/$name.trace" \
		setpriv --reuid=motcua --regid=motcua --init-groups /usr/bin/motcua "$@" \
		>"$TMP/out/$name.out" 2>"$TMP/out/$name.err"
}
check_trace() { # NAME — no path of the checkout or build folder in the trace
	local leak
	leak=$(grep -F -e "$SRC" -e "$BUILD" "$TMP/out/$1.trace" | head -3)
	[ -z "$leak" ] || fail "$1: the installed motcua touched the checkout: $leak"
	grep -q 'motcua' "$TMP/out/$1.trace" || fail "$1: empty trace"
}
# The hidden checkout really is hidden to the commands below.
unshare -m sh -c "$hide"' && test ! -e "$1/meson.build"' sh "$SRC" ||
	fail "the checkout is still readable inside the private mount namespace"

as_motcua search search "khai sinh" || fail "search exited $?: $(head -3 "$TMP/out/search.err")"
grep -q '^1.001193	' "$TMP/out/search.out" || fail "search did not find 1.001193 (the sample bundle)"
check_trace search

as_motcua pdf pdf 1.001193 -o "$TMP/out/sheet.pdf" || fail "pdf exited $?: $(head -3 "$TMP/out/pdf.err")"
head -c 5 "$TMP/out/sheet.pdf" 2>/dev/null | grep -q '%PDF-' || fail "pdf wrote no PDF"
grep -q 'truetype/noto/NotoSans' "$TMP/out/pdf.trace" || fail "pdf did not use Debian's Noto Sans"
check_trace pdf

LANG_FOR=vi as_motcua kiosk kiosk --headless --size 1080x1920 --script "$TMP/kiosk.script" \
	--shots "$TMP/out/shots" || fail "the headless kiosk exited $?: $(head -3 "$TMP/out/kiosk.err")"
[ -s "$TMP/out/shots/search.png" ] || fail "the headless kiosk wrote no screenshot"
grep -q '/usr/share/locale/vi/LC_MESSAGES/motcua.mo' "$TMP/out/kiosk.trace" ||
	fail "the kiosk did not read the installed translation"
check_trace kiosk

as_motcua import import "$TMP/bundle" || fail "import exited $?: $(head -3 "$TMP/out/import.err")"
grep -q 'imported version 9999' "$TMP/out/import.out" || fail "import: $(cat "$TMP/out/import.out")"
check_trace import
[ "$(stat -c %U /var/lib/motcua/catalog.sqlite 2>&1)" = motcua ] || fail "the catalogue is not the motcua user's"

# --- the second wave as deployed (issues 12, 13): as motcua, with the
# package's owners and modes (store motcua:motcua 0750, configuration
# root:motcua 0640), the installed binary, fonts, voice and libraries ---
# A bundle made from the installed sample: recordings in Ogg Vorbis, Ogg
# Opus and WAV (decoded by the installed libsndfile), a dich/hmn/
# translation and a procedure in the Tai Viet script (test data).
MKREC=${1:-$BUILD/tests/audio/make_recording}
W="$TMP/wave2"
mkdir -p "$W/out"
cp -r /usr/share/motcua/motcua "$W/bundle"
sed -i 's/^phien_ban = .*/phien_ban = 10000/' "$W/bundle/bundle.ini"
mkdir "$W/bundle/audio"
{ "$MKREC" "$W/bundle/audio/ket_hon_tai.ogg" vorbis 10 44100 &&
	"$MKREC" "$W/bundle/audio/ket_hon_hmn.opus" opus 2 48000 2 &&
	"$MKREC" "$W/bundle/audio/tin_vi.wav" wav 1 16000; } >/dev/null || fail "make_recording ($MKREC)"
python3 "$SRC/tests/fixtures/scripts/add_rows.py" "$W/bundle" 9.900001
python3 "$SRC/tests/audio/add_column.py" "$W/bundle" procedures.csv ghi_am \
	$'Thái | audio/ket_hon_tai.ogg\nH\'Mông | audio/ket_hon_hmn.opus' 0 1.000894
python3 "$SRC/tests/audio/add_column.py" "$W/bundle" news.csv ghi_am \
	'Tiếng Việt | audio/tin_vi.wav' 1 "Kế hoạch tuyên truyền"
cp -r "$SRC/tests/fixtures/langs/dich" "$W/bundle/"
d() { date -d "$1" +%d/%m/%Y; }
printf 'ma_ho_so;ma_thu_tuc;ngay_nhan;ngay_hen_tra;trang_thai;ghi_chu\nDEPLOY-0001;1.001193;%s;%s;Đang xử lý;\n' \
	"$(d '-2 days')" "$(d '+5 days')" >"$W/ho_so.csv"
chown motcua:motcua "$W/out"
chmod -R a+rX "$W"

as_motcua w2-check check "$W/bundle" || fail "check of the bundle with recordings exited $?: $(grep -m3 . "$TMP/out/w2-check.err")"
grep -q 'error' "$TMP/out/w2-check.err" && fail "check: $(grep -m3 error "$TMP/out/w2-check.err")"
grep -q 'U+AA8' "$TMP/out/w2-check.err" && fail "check: the installed fonts do not draw Tai Viet: $(grep -m1 U+AA8 "$TMP/out/w2-check.err")"
check_trace w2-check
as_motcua w2-import import "$W/bundle" || fail "import exited $?: $(grep -m3 . "$TMP/out/w2-import.err")"
grep -q 'imported version 10000' "$TMP/out/w2-import.out" || fail "import: $(cat "$TMP/out/w2-import.out")"
as_motcua w2-show show 1.000894 || fail "show exited $?"
grep -q "Listen in H'Mông" "$TMP/out/w2-show.out" || fail "show: the H'Mông recording is not listed"

# The dossier list, installed by its owner as the README says.
as_motcua w2-dossier dossier import "$W/ho_so.csv" ||
	fail "dossier import exited $?: $(grep -m3 . "$TMP/out/w2-dossier.err")"
check_trace w2-dossier
as_motcua w2-dossier-show dossier show deploy0001 || fail "dossier show exited $?: $(grep -m3 . "$TMP/out/w2-dossier-show.err")"
grep -q 'DEPLOY-0001' "$TMP/out/w2-dossier-show.out" || fail "dossier show: $(head -3 "$TMP/out/w2-dossier-show.out")"

# The kiosk, headless, in Vietnamese: a rating; a receipt scanned (key
# events, as a USB scanner types); the keypad's voice; a recording played
# through SDL's audio (its disk driver writes what the speaker would play);
# the Hmoob translation; the staff's report written to a stick.
cat >"$W/kiosk.script" <<'SCRIPT'
tap-text "Đánh giá sự hài lòng"
tap-text "Rất hài lòng"
expect-text "Cảm ơn bạn!"
tap-text "Về màn hình chính"
scan "DEPLOY-0001"
expect-text "Hồ sơ DEPLOY-0001"
expect-text "Đang xử lý"
tap-text "Trang chủ"
key kp6
expect-spoken "nhấn phím sao để nghe hướng dẫn"
key kpperiod
tap-text "Tra cứu"
type "dang ky ket hon"
tap-text "Thủ tục đăng ký kết hôn"
expect-text "Nghe bằng tiếng Thái (Tai)"
tap-text "Nghe bằng tiếng Thái (Tai)"
expect-text "Dừng ghi âm"
wait 1500
tap-text "Dừng ghi âm"
tap-text "Trang chủ"
tap-text "Tiếng Việt"
tap-text "Hmoob"
tap-text "Tra cứu"
type "khai sinh"
tap-text "[TEST DATA] hmn: name of 1.001193"
expect-text "Mã thủ tục: 1.001193"
expect-text "[TEST DATA] hmn: name of 1.001193"
shot hmn-detail
tap-text "Hmoob"
tap-text "Tiếng Việt"
tap-text "Trang chủ"
drag 60 60 60 60 3200
type "000000"
drag 500 700 500 300 300
wait 3000
tap-text "Báo cáo"
tap-text "Năm nay"
usb-insert STICK
tap-text "Ghi PDF và CSV vào USB"
expect-text "Báo cáo đã ghi vào USB"
shot report-usb
SCRIPT
sed -i "s|STICK|$W/bundle|" "$W/kiosk.script"
EXTRA_ENV=(SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE="$W/out/heard.raw" MOTCUA_SCRIPT_USB="$W/out/usb")
LANG_FOR=vi as_motcua w2-kiosk kiosk --headless --size 1920x1080 --script "$W/kiosk.script" \
	--shots "$W/out/shots" || fail "the headless kiosk exited $?: $(grep -v spoken: "$TMP/out/w2-kiosk.err" | tail -5)"
EXTRA_ENV=()
check_trace w2-kiosk
rating=$(sqlite3 -batch -noheader /var/lib/motcua/events.sqlite \
	"SELECT level FROM event WHERE kind = 'rating'" 2>&1)
[ "$rating" = 5 ] || fail "the kiosk's rating is not in events.sqlite: '$rating'"
sqlite3 -batch -noheader /var/lib/motcua/events.sqlite \
	"SELECT subject FROM event WHERE kind = 'dossier_lookup'" 2>&1 | grep -q '^DEPLOY-0001' ||
	fail "the scanned receipt's lookup is not in events.sqlite"
python3 - "$W/out/heard.raw" <<'PY' || fail "nothing was played through SDL's audio (the recording, decoded by libsndfile)"
import array, sys
a = array.array("h", open(sys.argv[1], "rb").read())
sys.exit(0 if sum(1 for x in a if abs(x) > 2000) > 48000 else 1)
PY
stick_report=$(find "$W/out/usb" -type d -name 'motcua-bao-cao-*' 2>/dev/null | head -1)
if [ -z "$stick_report" ]; then
	fail "the staff's report was not written to the stick"
else
	[ -s "$stick_report/bao_cao.pdf" ] || fail "no bao_cao.pdf on the stick"
	grep -q '^Tổng cộng;1;' "$stick_report/danh_gia_theo_muc_do.csv" 2>/dev/null ||
		fail "the stick's report does not count the rating"
fi

# motcua report, as the commune's staff run it on the kiosk.
as_motcua w2-report report --year "$(date +%Y)" -o "$W/out/bao_cao.pdf" --csv "$W/out" ||
	fail "report exited $?: $(grep -m3 . "$TMP/out/w2-report.err")"
head -c 5 "$W/out/bao_cao.pdf" 2>/dev/null | grep -q '%PDF-' || fail "report wrote no PDF"
f=$(find "$W/out" -maxdepth 2 -path "$W/out/motcua-bao-cao-*/danh_gia_theo_muc_do.csv" 2>/dev/null | head -1)
[ -n "$f" ] && grep -q '^Tổng cộng;1;' "$f" || fail "report --csv does not count the kiosk's rating"
check_trace w2-report

# motcua speak: the installed espeak-ng voice into a WAV file.
as_motcua w2-speak speak 1.000894 -o "$W/out/speak.wav" ||
	fail "speak exited $?: $(grep -m3 . "$TMP/out/w2-speak.err")"
python3 - "$W/out/speak.wav" <<'PY' || fail "speak: not speech in a 22050 Hz mono 16-bit WAV"
import struct, sys, wave
w = wave.open(sys.argv[1])
n = w.getnframes()
s = struct.unpack('<%dh' % n, w.readframes(n))
voiced = sum(1 for v in s if abs(v) > 500) / max(n, 1)
ok = (w.getframerate(), w.getnchannels(), w.getsampwidth()) == (22050, 1, 2)
sys.exit(0 if ok and n > 22050 * 5 and voiced > 0.2 else 1)
PY
grep -q 'espeak-ng-data/voices\|espeak-ng-data/lang\|espeak-ng-data/vi_dict' "$TMP/out/w2-speak.trace" ||
	fail "speak did not read the installed espeak-ng data"
check_trace w2-speak

# The sheet of the Tai Viet procedure embeds an installed Tai Viet font;
# the key card prints.
as_motcua w2-pdf pdf 9.900001 -o "$W/out/tai.pdf" || fail "pdf 9.900001 exited $?"
grep -Eq 'NotoSansTaiViet-Regular.ttf|TaiHeritagePro-Regular.ttf' "$TMP/out/w2-pdf.trace" ||
	fail "the Tai Viet sheet did not use an installed Tai Viet font"
as_motcua w2-keycard pdf --keycard -o "$W/out/keycard.pdf" || fail "pdf --keycard exited $?"
head -c 5 "$W/out/keycard.pdf" 2>/dev/null | grep -q '%PDF-' || fail "pdf --keycard wrote no PDF"

# What the second wave leaves in the store is the service user's, as
# documented: nothing of root's, nothing others may write.
for f in dossiers.sqlite events.sqlite catalog.sqlite; do
	[ "$(stat -c %U:%G /var/lib/motcua/$f 2>&1)" = motcua:motcua ] ||
		fail "/var/lib/motcua/$f is $(stat -c %U:%G /var/lib/motcua/$f 2>&1), want motcua:motcua"
done
odd=$(find /var/lib/motcua \( ! -user motcua -o ! -type l -perm -o+w \) -printf '%p %u %m\n' | head -3)
[ -z "$odd" ] || fail "the store holds files not the motcua user's or writable by others: $odd"
# ... and only what the README lists (libraries write nothing of their own
# there: the store is also the motcua user's home).
odd=$(ls -A /var/lib/motcua | grep -vxE 'catalog\.sqlite|catalog\.previous\.sqlite|events\.sqlite|dossiers\.sqlite|dossiers\.lock|staff\.state|staging|lock|stick\.lock')
[ -z "$odd" ] || fail "the store holds what the README does not list: $(echo $odd) $(find /var/lib/motcua/.config -printf '%p ' 2>/dev/null)"

# A file an admin made by running the CLI as root goes back to motcua
# (tmpfiles.d runs at install and at every boot).
touch /var/lib/motcua/made-by-root
systemd-tmpfiles --create motcua.conf
[ "$(stat -c %U /var/lib/motcua/made-by-root)" = motcua ] ||
	fail "tmpfiles.d does not give root-made files in the store back to motcua"

# --- purge: everything but the documented state goes ---
dpkg -L motcua | while read -r f; do [ -f "$f" ] && echo "$f"; done >"$TMP/files"
apt_get purge motcua >"$TMP/purge.log" 2>&1 || { cat "$TMP/purge.log" >&2; fail "purge failed"; }
while read -r f; do [ -e "$f" ] && fail "purge left $f"; done <"$TMP/files"
[ -e /etc/motcua ] && fail "purge left /etc/motcua"
dpkg-statoverride --list /etc/motcua/motcua.conf >/dev/null 2>&1 && fail "purge left the statoverride"
[ -f /var/lib/motcua/catalog.sqlite ] || fail "purge removed the store (documented to stay)"
id motcua >/dev/null 2>&1 || fail "purge removed the motcua user (documented to stay)"

[ $FAILS = 0 ] || { echo "$FAILS failure(s)" >&2; exit 1; }
exit 0
