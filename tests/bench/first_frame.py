#!/usr/bin/env python3
"""first_frame.py — whole-process start to first frame of the kiosk.

    first_frame.py MOTCUA STORE [--runs N] [--driver D]

Times, N times (default 5), from just before exec of `MOTCUA --store STORE
kiosk --size 1920x1080` (the real loop, as the service starts it) to the
READY=1 it sends systemd once its first frame is presented (notify_ready in
src/ui/kiosk.c), read from a NOTIFY_SOCKET of this script's own. So it
counts what the in-process figure of bench_ui leaves out: exec, the dynamic
loader, SDL and font start-up, the configuration and the store. Prints the
median and the slowest, and the CPU time the process had used by then
(user + system, /proc/PID/stat: what a busy machine does not inflate). Exits 3 when no READY=1 comes within 10 s (a
binary built without libsystemd never sends it: nothing can be measured)."""

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time

import benchlib


def main(argv):
    args = argv[1:]
    runs = 5
    driver = "offscreen"
    pos = []
    i = 0
    while i < len(args):
        if args[i] == "--runs" and i + 1 < len(args):
            runs = int(args[i + 1])
            i += 2
        elif args[i] == "--driver" and i + 1 < len(args):
            driver = args[i + 1]
            i += 2
        else:
            pos.append(args[i])
            i += 1
    if len(pos) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    motcua, store = pos
    times = []
    cpus = []
    hz = os.sysconf("SC_CLK_TCK")
    with tempfile.TemporaryDirectory(prefix="motcua-first-frame-") as tmp:
        conf = benchlib.kiosk_conf(tmp, "first-frame")
        sock_path = os.path.join(tmp, "notify")
        for _ in range(runs):
            if os.path.exists(sock_path):
                os.unlink(sock_path)
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            sock.bind(sock_path)
            sock.settimeout(10)
            env = dict(os.environ)
            env.update(NOTIFY_SOCKET=sock_path, MOTCUA_CONFIG=conf, SDL_VIDEODRIVER=driver,
                       SDL_AUDIODRIVER="dummy")
            env.pop("WATCHDOG_USEC", None)
            t0 = time.monotonic()
            proc = subprocess.Popen([motcua, "--store", store, "kiosk", "--size", "1920x1080"],
                                    env=env, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            ready = None
            try:
                while ready is None:
                    msg = sock.recv(4096).decode(errors="replace")
                    if "READY=1" in msg.split("\n"):
                        ready = time.monotonic()
                        with open(f"/proc/{proc.pid}/stat") as f:
                            st = f.read().rsplit(")", 1)[1].split()
                        cpus.append((int(st[11]) + int(st[12])) * 1000 / hz)
            except socket.timeout:
                pass
            finally:
                benchlib.stop(proc)
                sock.close()
            if ready is None:
                print("first_frame: no READY=1 from the kiosk within 10 s (built without "
                      "libsystemd?): nothing measured", file=sys.stderr)
                return 3
            times.append((ready - t0) * 1000)
    print(f"first_frame: exec to first frame ({driver}, 1920x1080, {runs} runs): "
          f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms; "
          f"CPU time to it: median {statistics.median(cpus):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
