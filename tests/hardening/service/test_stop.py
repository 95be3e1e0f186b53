#!/usr/bin/env python3
"""systemctl stop: the kiosk exits 0 within 2 s on SIGTERM and SIGINT,
closing its stores, also in the middle of a USB staging copy (issue 9,
break 10).

Runs the real binary as systemd would: fullscreen mode (not --windowed;
headless so that it needs no display) with $NOTIFY_SOCKET pointing at a
socket of the test's, so that it is signalled only after READY=1 (its
first frame) and must say STOPPING=1. "Closed cleanly" is what the next
start sees: no events write-ahead log left with content in it, and
SQLite's integrity check passing.

usage: test_stop.py CASE SYSTEMD_BUILT   (CASE: sigterm, sigint, usb)
"""
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

STOP_WITHIN = 2.0     # seconds, from the signal to the exit
START_WITHIN = 120.0  # seconds to the first frame (ASan builds are slow)

BIN = os.environ["MOTCUA_BIN"]
SRC = os.environ["MOTCUA_SRC"]
FAILS = []


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    FAILS.append(msg)


def env_for(tmp):
    env = dict(os.environ)
    env["MOTCUA_STORE"] = os.path.join(tmp, "store")
    env["MOTCUA_CONFIG"] = os.path.join(tmp, "none.conf")  # never /etc/motcua
    env["SDL_VIDEODRIVER"] = "offscreen"
    env["MOTCUA_LANG"] = "en"
    env["NOTIFY_SOCKET"] = os.path.join(tmp, "notify")
    open(env["MOTCUA_CONFIG"], "w").close()
    return env


class Notify:
    """What the kiosk tells systemd (sd_notify datagrams)."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(path)
        self.seen = []

    def wait_for(self, what, timeout, proc):
        end = time.monotonic() + timeout
        while what not in self.seen:
            left = end - time.monotonic()
            if left <= 0 or proc.poll() is not None:
                return False
            self.sock.settimeout(min(left, 0.2))
            try:
                data = self.sock.recv(4096).decode()
            except socket.timeout:
                continue
            self.seen += data.split("\n")
        return True

    def drain(self):
        self.sock.setblocking(False)
        try:
            while True:
                self.seen += self.sock.recv(4096).decode().split("\n")
        except BlockingIOError:
            pass


def stop_and_time(proc, sig):
    """Sends sig; returns (exit status or None if still running, seconds)."""
    t0 = time.monotonic()
    proc.send_signal(sig)
    try:
        rc = proc.wait(timeout=STOP_WITHIN)
    except subprocess.TimeoutExpired:
        rc = None
    took = time.monotonic() - t0
    if rc is None:  # what systemd does after TimeoutStopSec
        proc.kill()
        proc.wait()
    return rc, took


def check_stores_closed(store, what):
    wal = os.path.join(store, "events.sqlite-wal")
    if os.path.exists(wal) and os.path.getsize(wal) > 0:
        fail("%s: the events log was not closed: %s holds %d bytes"
             % (what, wal, os.path.getsize(wal)))
    for name in ("events.sqlite", "catalog.sqlite"):
        path = os.path.join(store, name)
        if not os.path.exists(path):
            fail("%s: %s is missing" % (what, path))
            continue
        db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
        try:
            ok = db.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            db.close()
        if ok != "ok":
            fail("%s: %s integrity check: %s" % (what, name, ok))


def report(what, rc, took, err):
    print("%s: exit %s after %.3f s" % (what, rc, took))
    if rc is None:
        fail("%s: still running %.1f s after the signal (systemd would wait "
             "90 s, then SIGKILL)" % (what, STOP_WITHIN))
    elif rc != 0:
        fail("%s: exited %d, want 0" % (what, rc))
    if rc is not None and "received: closing the stores" not in err:
        fail("%s: the journal does not say why it stopped: %s" % (what, err[-600:]))


def case_signal(tmp, sig):
    what = "fullscreen kiosk, " + signal.Signals(sig).name
    env = env_for(tmp)
    notify = Notify(env["NOTIFY_SOCKET"])
    errf = open(os.path.join(tmp, "stderr"), "w+")
    proc = subprocess.Popen([BIN, "kiosk", "--headless", "--size", "1280x800"],
                            env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=errf)
    if not notify.wait_for("READY=1", START_WITHIN, proc):
        proc.kill()
        proc.wait()
        errf.seek(0)
        fail("%s: no READY=1 (first frame); stderr: %s" % (what, errf.read()[-800:]))
        return
    # The idle kiosk is asleep in its wait for input (up to 1 s at a time).
    time.sleep(0.7)
    rc, took = stop_and_time(proc, sig)
    errf.seek(0)
    err = errf.read()
    report(what, rc, took, err)
    notify.drain()
    if rc is not None and "STOPPING=1" not in notify.seen:
        fail("%s: systemd was not told STOPPING=1 (saw %s)" % (what, notify.seen))
    check_stores_closed(env["MOTCUA_STORE"], what)


def big_bundle(path):
    """The sample bundle with 190 MiB of blank forms: its copy to the
    staging folder takes long enough to be stopped in the middle."""
    shutil.copytree(os.path.join(SRC, "data", "motcua"), path)
    forms = os.path.join(path, "forms")
    os.makedirs(forms, exist_ok=True)
    block = b"\0" * (1 << 20)
    for i in range(10):
        with open(os.path.join(forms, "mau-%02d.pdf" % i), "wb") as f:
            f.write(b"%PDF-1.4\n")
            for _ in range(19):
                f.write(block)


def case_usb(tmp):
    what = "SIGTERM during a USB staging copy"
    env = env_for(tmp)
    env["MOTCUA_SCRIPT_USB"] = os.path.join(tmp, "usb")
    store = env["MOTCUA_STORE"]
    bundle = os.path.join(tmp, "big")
    big_bundle(bundle)
    errf = open(os.path.join(tmp, "stderr"), "w+")
    # The script arrives on a pipe, line by line, as staff act: the stick
    # goes in, the PIN is typed, and the copy starts.
    proc = subprocess.Popen([BIN, "kiosk", "--headless", "--size", "1280x800",
                             "--script", "-", "--shots", os.path.join(tmp, "shots")],
                            env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=errf)
    proc.stdin.write(('usb-insert "%s"\ntype "000000"\n' % bundle).encode())
    proc.stdin.flush()
    part = os.path.join(store, "staging.part")
    end = time.monotonic() + START_WITHIN
    while not os.path.exists(part) and proc.poll() is None and time.monotonic() < end:
        time.sleep(0.005)
    if not os.path.exists(part):
        proc.kill()
        proc.wait()
        errf.seek(0)
        fail("%s: the staging copy never started; stderr: %s" % (what, errf.read()[-800:]))
        return
    time.sleep(0.05)  # some files in
    copied = sum(len(files) for _, _, files in os.walk(part))
    rc, took = stop_and_time(proc, signal.SIGTERM)
    proc.stdin.close()
    errf.seek(0)
    err = errf.read()
    print("%s: %d files copied when the signal came" % (what, copied))
    report(what, rc, took, err)
    for left in ("staging", "staging.part"):
        if rc is not None and os.path.exists(os.path.join(store, left)):
            fail("%s: the unfinished staging copy %s was left behind" % (what, left))
    check_stores_closed(store, what)


def main():
    case, systemd_built = sys.argv[1], sys.argv[2] == "true"
    if case in ("sigterm", "sigint") and not systemd_built:
        print("SKIP: built without libsystemd: no READY=1 to wait for")
        return 77
    tmp = tempfile.mkdtemp(prefix="motcua-stop-")
    try:
        if case == "sigterm":
            case_signal(tmp, signal.SIGTERM)
        elif case == "sigint":
            case_signal(tmp, signal.SIGINT)
        elif case == "usb":
            case_usb(tmp)
        else:
            print("unknown case " + case, file=sys.stderr)
            return 2
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if FAILS:
        print("%d failure(s)" % len(FAILS), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
