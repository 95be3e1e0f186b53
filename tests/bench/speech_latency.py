#!/usr/bin/env python3
"""speech_latency.py — how long a citizen waits for "Nghe đọc" to speak.

    speech_latency.py MOTCUA [--runs N] [--cpu-quota PCT]

Runs the kiosk headless (`MOTCUA kiosk --headless --script -`, the same app
code as the fullscreen kiosk) on a fresh store filled from the sample
bundle, with SDL's disk audio driver: it writes what the sound card would
play to a file in real time (48 kHz stereo S16), so the file is a clock.
On the detail page of the khai sinh procedure it measures, N times each:

  * first of a session: the sound device is closed between sessions (an
    idle kiosk keeps no audio thread awake), so a session's first reading
    also opens it. Time from sending the tap until the device file appears
    (poll every 2 ms), plus the position of the first loud sample in it.
  * again in a session: the device open; from the file's size when the tap
    is sent to the first loud sample after it.

The voice is loaded once before measuring (the real kiosk loads it at
start; the script mode loads it at the first reading). A session is ended
with the script's injected clock (`wait`, past the idle timeout).

--cpu-quota PCT runs the kiosk in a cgroup limited to PCT % of one CPU
(cgroup v2 cpu.max or v1 cpu.cfs_quota_us; needs root): a stand-in for a
slower board, NOT a measurement on one. Exits 3 when that cannot be set up
or when a figure cannot be measured; the report never guesses."""

import os
import select
import statistics
import subprocess
import sys
import tempfile
import time

RATE, FRAME = 48000, 4  # what gfx_audio asks for: 48 kHz, 2 x S16
LOUD = 1000
DETAIL = ['tap-text "Tra cứu"', 'type "khai sinh"', 'tap-text "Thủ tục đăng ký khai sinh"',
          'print-run "Mã thủ tục: 1.001193"']


def fail(msg):
    print("speech_latency: " + msg, file=sys.stderr)
    sys.exit(3)


def cgroup_for(pct):
    """A fresh cgroup capped at pct % of one CPU; returns its procs file."""
    name = "motcua-bench-%d" % os.getpid()
    v2 = "/sys/fs/cgroup/cgroup.controllers"
    period = 100000
    quota = max(1000, period * pct // 100)
    try:
        if os.path.exists(v2):
            d = "/sys/fs/cgroup/" + name
            os.mkdir(d)
            with open(d + "/cpu.max", "w") as f:
                f.write("%d %d" % (quota, period))
        else:
            d = "/sys/fs/cgroup/cpu/" + name
            os.mkdir(d)
            with open(d + "/cpu.cfs_period_us", "w") as f:
                f.write(str(period))
            with open(d + "/cpu.cfs_quota_us", "w") as f:
                f.write(str(quota))
    except OSError as e:
        fail("cannot limit the CPU to %d %%: %s" % (pct, e))
    return d


def first_loud(path, start):
    """Index (frames from start) of the first loud frame at or after byte start."""
    try:
        with open(path, "rb") as f:
            f.seek(start - start % FRAME)
            data = f.read()
    except FileNotFoundError:
        return None
    n = len(data) // FRAME
    mv = memoryview(data[:n * FRAME]).cast("h")
    for i in range(n):
        if abs(mv[2 * i]) > LOUD or abs(mv[2 * i + 1]) > LOUD:
            return i
    return None


class Kiosk:
    def __init__(self, motcua, tmp, cgroup):
        env = dict(os.environ, MOTCUA_STORE=tmp + "/store", MOTCUA_CONFIG=tmp + "/kiosk.conf",
                   MOTCUA_LANG="vi", SDL_VIDEODRIVER="offscreen", SDL_AUDIODRIVER="disk",
                   SDL_DISKAUDIOFILE=tmp + "/audio.raw")
        with open(tmp + "/kiosk.conf", "w") as f:
            f.write("[kiosk]\nprinter = motcua-bench-no-printer\nvolume = 100\n")
        self.audio = tmp + "/audio.raw"
        pre = None
        if cgroup:
            def pre():
                with open(cgroup + "/cgroup.procs", "w") as f:
                    f.write(str(os.getpid()))
        self.p = subprocess.Popen([motcua, "kiosk", "--headless", "--size", "1920x1080",
                                   "--script", "-"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=open(tmp + "/log", "w"),
                                  env=env, preexec_fn=pre)
        self.runs = 0
        self.buf = b""
        if cgroup:
            with open(cgroup + "/cgroup.procs") as f:
                if str(self.p.pid) not in f.read().split():
                    fail("the kiosk is not in the CPU-limited cgroup " + cgroup)

    def send(self, *lines):
        self.p.stdin.write(("\n".join(lines) + "\n").encode())
        self.p.stdin.flush()

    def sync(self, text, timeout=60):
        """Sends print-run TEXT and waits until the kiosk has run it."""
        self.send('print-run "%s"' % text)
        self.runs += 1
        end = time.monotonic() + timeout
        while self.buf.count(b"\nrun ") + self.buf.startswith(b"run ") < self.runs:
            left = end - time.monotonic()
            if left <= 0 or self.p.poll() is not None:
                fail("the kiosk did not get to %r (exit %s)" % (text, self.p.poll()))
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if r:
                chunk = os.read(self.p.stdout.fileno(), 65536)
                if not chunk:
                    fail("the kiosk closed its output before %r" % text)
                self.buf += chunk

    def size(self):
        try:
            return os.stat(self.audio).st_size
        except FileNotFoundError:
            return -1

    def holds_audio(self):
        fds = "/proc/%d/fd" % self.p.pid
        for fd in os.listdir(fds):
            try:
                if os.readlink(fds + "/" + fd) == self.audio:
                    return True
            except OSError:
                pass
        return False

    def close(self):
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        return self.p.wait(timeout=60)


def wait_sound(k, start, timeout=10):
    """Frames from byte start to the first loud frame, waiting for it."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        i = first_loud(k.audio, start)
        if i is not None:
            return i
        time.sleep(0.02)
    fail("no sound within %d s of the tap" % timeout)


def measure(motcua, runs, cgroup):
    tmp = tempfile.mkdtemp(prefix="motcua-speech-")
    k = Kiosk(motcua, tmp, cgroup)
    first, again = [], []
    try:
        k.send(*DETAIL[:-1])
        k.sync(DETAIL[-1][len('print-run "'):-1], timeout=120)
        # Warm-up: loads the voice (the real kiosk does this at start).
        k.send('tap-text "Nghe đọc"')
        k.sync("Dừng đọc")
        wait_sound(k, 0, timeout=30)
        k.send("tap 900 650")
        k.sync("Nghe đọc")
        for _ in range(runs):
            # End the session: the device closes; a touch wakes the kiosk.
            k.send("wait 900000")
            k.send("tap 960 540")
            k.send(*DETAIL[:-1])
            k.sync("Mã thủ tục: 1.001193")
            if k.holds_audio():
                fail("the sound device stayed open after the session ended")
            os.unlink(k.audio)  # closed: the next open creates it afresh
            t0 = time.monotonic()
            k.send('tap-text "Nghe đọc"')
            while k.size() < 0:
                if time.monotonic() - t0 > 10:
                    fail("the sound device did not open within 10 s of the tap")
                time.sleep(0.002)
            opened = time.monotonic() - t0
            first.append(opened + wait_sound(k, 0) / RATE)
            k.sync("Dừng đọc")
            k.send("tap 900 650")
            k.sync("Nghe đọc")
            time.sleep(0.5)
            start = k.size()
            k.send('tap-text "Nghe đọc"')
            again.append(wait_sound(k, start) / RATE)
            k.sync("Dừng đọc")
            k.send("tap 900 650")
            k.sync("Nghe đọc")
    finally:
        rc = k.close()
    if rc != 0:
        fail("the kiosk exited %d; its log: %s/log" % (rc, tmp))
    subprocess.run(["rm", "-rf", tmp])
    return first, again


def main(argv):
    args = argv[1:]
    runs, quota = 5, 0
    pos = []
    while args:
        a = args.pop(0)
        if a == "--runs" and args:
            runs = int(args.pop(0))
        elif a == "--cpu-quota" and args:
            quota = int(args.pop(0))
        elif a.startswith("-"):
            print(__doc__, file=sys.stderr)
            return 2
        else:
            pos.append(a)
    if len(pos) != 1 or runs < 1 or not 0 <= quota <= 100:
        print(__doc__, file=sys.stderr)
        return 2
    cg = cgroup_for(quota) if quota else None
    throttled = ""
    try:
        first, again = measure(pos[0], runs, cg)
        if cg:
            with open(cg + "/cpu.stat") as f:
                st = dict(line.split() for line in f if len(line.split()) == 2)
            if "nr_throttled" not in st:
                fail("no nr_throttled in %s/cpu.stat" % cg)
            throttled = ", throttled in %s of %s periods" % (st["nr_throttled"], st["nr_periods"])
    finally:
        if cg:
            os.rmdir(cg)
    where = ("CPU limited to %d %% of one core%s: a stand-in for a slower board" % (quota, throttled)
             if quota else "CPU not limited")
    load = os.getloadavg()[0]
    for name, v in (("first of a session", first), ("again in a session", again)):
        print("speech_latency: %s: median %.3f s, max %.3f s over %d taps (%s, load %.1f)" %
              (name, statistics.median(v), max(v), len(v), where, load))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
