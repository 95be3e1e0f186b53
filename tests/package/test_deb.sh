# Issue 10: the Debian package as a kiosk builder installs it. Builds the
# .deb (tools/dev deb), installs it with apt-get, then - with the source
# checkout and the build folder hidden under empty tmpfs mounts in a private
# mount namespace - runs the installed /usr/bin/motcua as the motcua user
# from / under strace: search, pdf, a headless kiosk screenshot, an import.
# None of it may touch a path of the checkout. The units pass
# systemd-analyze verify, and a purge leaves only the documented state
# (/var/lib/motcua and the motcua user). Root only; it installs a package
# on the machine and purges it again, so a rerun starts from the same state.
set -u
[ "$(id -u)" = 0 ] || { echo "needs root (installs a package)"; exit 77; }
for t in strace unshare setpriv apt-get systemd-analyze; do
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
grep -q 'fonts-noto-core' "$TMP/deps" || fail "no dependency on fonts-noto-core"
grep -q '^cups' <(sed -n 2p "$TMP/deps") || fail "cups is not recommended"
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
as_motcua() { # NAME CMD... — runs /usr/bin/motcua CMD... as motcua from /, traced
	local name=$1; shift
	unshare -m sh -c "$hide"' && cd / && exec "$@"' sh \
		env -i PATH=/usr/bin:/bin SDL_AUDIODRIVER=dummy MOTCUA_LANG="${LANG_FOR:-en}" \
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
