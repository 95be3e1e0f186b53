#!/usr/bin/env python3
"""idle_wake.py — how often an idle kiosk wakes, and how fast input wakes it.

    idle_wake.py MOTCUA [--seconds N] [--driver kmsdrm|offscreen]
                 [--max-wakeups W] [--max-latency-ms L]

Starts the real kiosk loop (`MOTCUA kiosk`, fullscreen, not the headless
script mode) on a fresh store filled from the sample bundle, waits for the
READY=1 it sends systemd after its first frame (NOTIFY_SOCKET) and two
seconds more, then for N seconds (default 10) counts its wake-ups: the
context switches of all its threads (/proc/PID/task/*/status: every sleep
that ends is one). Then it measures how long the loop takes to see input:

  * on kmsdrm, the kiosk watches the real /dev/input; this script cannot
    touch the panel, so the latency is not measured there;
  * on offscreen (SDL reads no input there), the kiosk is pointed at a
    folder of its own (MOTCUA_INPUT_DIR) holding a FIFO named event0 in
    place of an evdev device; the script writes an input_event's bytes into
    it and times until the kiosk has drained them (FIONREAD on the FIFO
    reaches 0), 20 times.

The driver is kmsdrm when /dev/dri/card* exists, else offscreen; asking
for kmsdrm where it cannot run fails (exit 3) rather than measuring
something else. Exits 1 when a figure is over its limit."""

import fcntl
import glob
import os
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

import benchlib


def switches(pid):
    total = 0
    main = 0
    for st in glob.glob(f"/proc/{pid}/task/*/status"):
        n = 0
        try:
            with open(st) as f:
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        n += int(line.split()[1])
        except OSError:
            continue
        total += n
        if st.endswith(f"/task/{pid}/status"):
            main = n
    return total, main


def main(argv):
    opts = {"--seconds": "10", "--driver": "", "--max-wakeups": "0", "--max-latency-ms": "0"}
    pos = benchlib.parse_args(argv, opts, 1, __doc__)
    if pos is None:
        return 2
    motcua = pos[0]
    secs = float(opts["--seconds"])
    has_drm = bool(glob.glob("/dev/dri/card*"))
    driver = opts["--driver"] or ("kmsdrm" if has_drm else "offscreen")
    if driver == "kmsdrm" and not has_drm:
        print("idle_wake: kmsdrm asked for, but this machine has no /dev/dri/card*: "
              "nothing measured", file=sys.stderr)
        return 3
    rc = 0
    with tempfile.TemporaryDirectory(prefix="motcua-idle-wake-") as tmp:
        env = benchlib.kiosk_env(tmp, "idle", driver)
        fifo = None
        if driver != "kmsdrm":
            indir = os.path.join(tmp, "input")
            os.mkdir(indir)
            fifo = os.path.join(indir, "event0")
            os.mkfifo(fifo)
            env["MOTCUA_INPUT_DIR"] = indir
        # Idle starts after the first frame: the kiosk says READY=1 then.
        sock_path = os.path.join(tmp, "notify")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(sock_path)
        sock.settimeout(60)
        env["NOTIFY_SOCKET"] = sock_path
        env.pop("WATCHDOG_USEC", None)
        proc = subprocess.Popen([motcua, "kiosk", "--size", "1920x1080"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            try:
                while "READY=1" not in sock.recv(4096).decode(errors="replace").split("\n"):
                    pass
            except socket.timeout:
                print("idle_wake: no READY=1 from the kiosk within 60 s (built without "
                      "libsystemd?): nothing measured", file=sys.stderr)
                return 3
            finally:
                sock.close()
            time.sleep(2)  # what the first frame started settles
            if proc.poll() is not None:
                print(proc.stderr.read().decode(errors="replace"), file=sys.stderr)
                print(f"idle_wake: the kiosk ended (exit {proc.returncode}): nothing measured",
                      file=sys.stderr)
                return 3
            t0, m0 = switches(proc.pid)
            time.sleep(secs)
            t1, m1 = switches(proc.pid)
            all_hz = (t1 - t0) / secs
            main_hz = (m1 - m0) / secs
            limit = float(opts["--max-wakeups"])
            print(f"idle_wake: driver {driver}: {all_hz:.1f} wake-ups/s over {secs:g} s "
                  f"(main thread {main_hz:.1f})"
                  + (f" (limit {limit:g})" if limit > 0 else ""))
            if limit > 0 and all_hz > limit:
                print(f"idle_wake: FAIL: {all_hz:.1f} wake-ups/s is over {limit:g}")
                rc = 1
            w = -1
            if fifo:
                try:
                    w = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                except OSError as e:
                    print(f"idle_wake: FAIL: the kiosk does not watch {fifo} "
                          f"(MOTCUA_INPUT_DIR): {e.strerror}")
                    rc = 1
            if w >= 0:
                lat = []
                ev = struct.pack("llHHi", 0, 0, 3, 53, 500)  # EV_ABS ABS_MT_POSITION_X
                for k in range(20):
                    time.sleep(0.05 + 0.013 * k)
                    s = time.monotonic()
                    os.write(w, ev)
                    while True:
                        n = struct.unpack("i", fcntl.ioctl(w, termios.FIONREAD, b"\0\0\0\0"))[0]
                        if n == 0:
                            break
                        if time.monotonic() - s > 2:
                            break
                        time.sleep(0.0005)
                    lat.append((time.monotonic() - s) * 1000)
                os.close(w)
                lmax = float(opts["--max-latency-ms"])
                print(f"idle_wake: input seen in median {statistics.median(lat):.1f} ms, "
                      f"max {max(lat):.1f} ms (20 writes to a stand-in evdev FIFO)"
                      + (f" (limit {lmax:g} ms)" if lmax > 0 else ""))
                if lmax > 0 and max(lat) > lmax:
                    print(f"idle_wake: FAIL: input took {max(lat):.1f} ms to be seen")
                    rc = 1
        finally:
            benchlib.stop(proc)
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
