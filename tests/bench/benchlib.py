"""benchlib — what the kiosk benchmarks (idle_wake.py, rss_walk.py,
first_frame.py) share: their command line, a kiosk of their own on a fresh
store in a temporary folder, and the kernel's figures of a process."""

import os
import signal
import subprocess
import sys


def parse_args(argv, opts, npos, doc):
    """argv[1:] as NPOS positional words and the options named in opts
    (a dict of option -> default, updated in place). Returns the positional
    words, or None after printing doc when the command line is off."""
    args = argv[1:]
    pos = []
    i = 0
    while i < len(args):
        if args[i] in opts and i + 1 < len(args):
            opts[args[i]] = args[i + 1]
            i += 2
        elif args[i].startswith("-"):
            print(doc, file=sys.stderr)
            return None
        else:
            pos.append(args[i])
            i += 1
    if len(pos) != npos:
        print(doc, file=sys.stderr)
        return None
    return pos


def kiosk_conf(tmp, name, extra=""):
    """A kiosk.conf in tmp whose printer does not exist (a benchmark never
    prints), with the extra line(s) given. Returns its path."""
    conf = os.path.join(tmp, "kiosk.conf")
    with open(conf, "w") as f:
        f.write(f"[kiosk]\nprinter = motcua-{name}-no-such-printer\n")
        if extra:
            f.write(extra + "\n")
    return conf


def kiosk_env(tmp, name, driver, extra_conf="", **more):
    """The environment of a kiosk on a fresh store tmp/store, with
    kiosk_conf(tmp, name, extra_conf), the SDL video driver given and no
    sound device; more are further variables."""
    env = dict(os.environ)
    env.update(MOTCUA_STORE=os.path.join(tmp, "store"),
               MOTCUA_CONFIG=kiosk_conf(tmp, name, extra_conf),
               SDL_VIDEODRIVER=driver, SDL_AUDIODRIVER="dummy", **more)
    return env


def status_kib(pid, key):
    """A figure of /proc/PID/status in KiB (VmRSS, VmHWM); -1 when gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def stop(proc):
    """Ends a kiosk the benchmark started: SIGTERM, then SIGKILL after 10 s."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
