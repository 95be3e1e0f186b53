#!/bin/sh
# setup-cups.sh — a real CUPS queue for the 'print' test suite.
#
# Run as root on a Debian 12 machine with cups and printer-driver-cups-pdf
# installed. Idempotent: run it again and it only checks. It
#   - starts cupsd when `lpstat -r` says the scheduler is not running (CI
#     containers have no systemd),
#   - points cups-pdf's output at $OUT (default /var/spool/cups-pdf/motcua),
#     for named and anonymous jobs alike,
#   - creates the queue $QUEUE (default motcua-test) on the cups-pdf backend,
#     enabled and accepting jobs,
#   - installs a tiny backend that reports "out of paper" and creates the
#     queue motcua-nopaper on it.
# It prints each thing it did. Exit 0 when the queue is ready, 1 otherwise.
set -eu

QUEUE=${MOTCUA_TEST_QUEUE:-motcua-test}
OUT=${MOTCUA_CUPS_PDF_OUT:-/var/spool/cups-pdf/motcua}
CONF=/etc/cups/cups-pdf.conf

say() { echo "setup-cups: $*"; }
die() { echo "setup-cups: error: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run me as root"
command -v cupsd >/dev/null || die "cupsd not found: apt-get install cups"
command -v lpadmin >/dev/null || die "lpadmin not found: apt-get install cups-client"
[ -x /usr/lib/cups/backend/cups-pdf ] ||
	die "the cups-pdf backend is missing: apt-get install printer-driver-cups-pdf"

# 1. cups-pdf's output folder. Its config is read by the backend at every
# job, so it needs no restart; the folder must exist and be writable by the
# backend (it runs as root, then drops to the job's user for named jobs).
mkdir -p "$OUT"
chmod 1777 "$OUT"
[ -f "$CONF" ] || : > "$CONF"
set_conf() { # KEY VALUE
	if grep -Eq "^[[:space:]]*$1[[:space:]]+$2[[:space:]]*$" "$CONF"; then
		return
	fi
	if grep -Eq "^[[:space:]]*$1[[:space:]]" "$CONF"; then
		sed -i -E "s|^[[:space:]]*$1[[:space:]].*|$1 $2|" "$CONF"
	else
		printf '%s %s\n' "$1" "$2" >> "$CONF"
	fi
	say "set $1 $2 in $CONF"
}
set_conf Out "$OUT"
set_conf AnonDirName "$OUT"
# Name files by job id (job_42-title.pdf) so that a test can find its own,
# and leave them readable by the (maybe unprivileged) test that checks them.
set_conf Label 1
set_conf AnonUMask 0022
set_conf UserUMask 0022

# 2. The scheduler.
if lpstat -r 2>/dev/null | grep -q "is running"; then
	say "cupsd is already running"
else
	if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
		systemctl start cups && say "started cups.service"
	else
		mkdir -p /run/cups
		cupsd && say "started cupsd (no systemd)"
	fi
	i=0
	until lpstat -r 2>/dev/null | grep -q "is running"; do
		i=$((i + 1))
		[ $i -le 50 ] || die "cupsd did not start (see /var/log/cups/error_log)"
		sleep 0.1
	done
fi

# 3. The queue.
if lpstat -p "$QUEUE" >/dev/null 2>&1; then
	say "queue $QUEUE exists"
else
	MODEL=$(lpinfo -m 2>/dev/null | grep -i cups-pdf | head -n 1 | cut -d' ' -f1)
	[ -n "$MODEL" ] || die "no cups-pdf model in 'lpinfo -m'"
	lpadmin -p "$QUEUE" -E -v cups-pdf:/ -m "$MODEL" \
		-D "motcua test printer (PDF files in $OUT)"
	say "created queue $QUEUE (cups-pdf:/, model $MODEL)"
fi
# A test that failed half-way may have left it stopped or rejecting.
if lpstat -p "$QUEUE" 2>/dev/null | grep -q disabled; then
	cupsenable "$QUEUE"
	say "enabled $QUEUE"
fi
if lpstat -a "$QUEUE" 2>/dev/null | grep -q "not accepting"; then
	cupsaccept "$QUEUE"
	say "$QUEUE accepts jobs again"
fi

# 4. A printer that is always out of paper, to test what the kiosk says
# then: a backend that reports media-empty and asks CUPS to stop the queue,
# as a real printer's backend does.
NOPAPER=${MOTCUA_TEST_NOPAPER_QUEUE:-motcua-nopaper}
BACKEND=/usr/lib/cups/backend/motcua-nopaper
BACKEND_TEXT='#!/bin/sh
# motcua test backend: a printer that is out of paper (tests/print/setup-cups.sh).
if [ $# -eq 0 ]; then
	echo "direct motcua-nopaper \"Unknown\" \"motcua test printer without paper\""
	exit 0
fi
cat > /dev/null
echo "STATE: +media-empty-error" >&2
echo "ERROR: out of paper" >&2
exit 4 # CUPS_BACKEND_STOP: stop the queue, keep the job
'
if [ ! -x "$BACKEND" ] || [ "$(cat "$BACKEND")" != "$(printf "%s" "$BACKEND_TEXT")" ]; then
	printf '%s' "$BACKEND_TEXT" > "$BACKEND"
	chmod 0755 "$BACKEND"
	say "installed the test backend $BACKEND"
fi
if lpstat -p "$NOPAPER" >/dev/null 2>&1; then
	say "queue $NOPAPER exists"
else
	lpadmin -p "$NOPAPER" -E -v motcua-nopaper:/ -m raw -D "motcua test printer without paper"
	say "created queue $NOPAPER (always out of paper)"
fi
cancel -a "$NOPAPER" 2>/dev/null || true
if lpstat -p "$NOPAPER" 2>/dev/null | grep -q disabled; then
	cupsenable "$NOPAPER"
	say "enabled $NOPAPER"
fi

lpstat -p "$QUEUE" -p "$NOPAPER"
say "ready: queue $QUEUE (PDF output in $OUT), queue $NOPAPER"
