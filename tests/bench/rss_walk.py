#!/usr/bin/env python3
"""rss_walk.py — peak memory of a headless kiosk walking every procedure.

    rss_walk.py MOTCUA SRC [--size WxH] [--passes N] [--limit-mib L]
                [--procedures N] [--config-line LINE] [--keep-script FILE]

Runs `MOTCUA kiosk --headless` (a real process, as deployed: SQLite, fonts,
the text cache, screenshots off) on a fresh store filled from the sample
bundle SRC/data/motcua, with a script that opens every procedure of the
bundle (or its first N: --procedures, for a quicker look)
bundle through the search screen (types its code, taps the result) and
flings down its whole detail page, in Vietnamese, in Vietnamese with large
text and in English; the three walks are repeated N times (default 2), so
what a long run keeps shows as growth between passes.

Prints the peak resident set size (the child's ru_maxrss, i.e. the kernel's
VmHWM at exit) and the resident size at the end of each pass. Exits 1 when the peak
exceeds L MiB (default: no limit), 3 when the walk itself fails (a walk
that did not walk measures nothing)."""

import csv
import os
import subprocess
import sys
import tempfile
import threading
import time

import benchlib


def procedures(src):
    path = os.path.join(src, "data", "motcua", "procedures.csv")
    with open(path, newline="", encoding="utf-8") as f:
        return [r["ma_thu_tuc"] for r in csv.DictReader(f)]


# Labels of the home and search screens in each language (po/vi.po).
MODES = [
    # name, how to enter it from home (VI normal), search, home, how to leave it
    ("vi", [], "Tra cứu", "Trang chủ", []),
    ("vi-large", ['tap-text "A+ Chữ to"'], "Tra cứu", "Trang chủ", ['tap-text "A– Chữ thường"']),
    ("en", ['tap-text "Tiếng Việt"', 'tap-text "English"'], "Search", "Home", ['tap-text "English"', 'tap-text "Tiếng Việt"']),
]


def script(codes, passes):
    out = []
    for p in range(passes):
        for name, enter, search, home, leave in MODES:
            out.append(f"# pass {p + 1}, {name}")
            out += enter
            for code in codes:
                out.append(f'tap-text "{search}"')
                out.append(f'type "{code.replace(".", "")}"')
                # the result row shows the code on a line of its own
                out.append(f'tap-text "{code}"')
                for _ in range(5):
                    out.append("drag 960 950 960 300 120")
                    out.append("wait 1500")
                out.append(f'tap-text "{home}"')
            out += leave
        # back home in Vietnamese: a line on stdout marks the pass's end
        out.append('print-run "Tra cứu"')
    return out


def main(argv):
    opts = {"--size": "1920x1080", "--passes": "2", "--limit-mib": "0", "--keep-script": "",
            "--procedures": "0", "--config-line": ""}
    pos = benchlib.parse_args(argv, opts, 2, __doc__)
    if pos is None:
        return 2
    motcua, src = pos
    passes = int(opts["--passes"])
    limit = float(opts["--limit-mib"])
    codes = procedures(src)
    if int(opts["--procedures"]) > 0:
        codes = codes[:int(opts["--procedures"])]
    if not codes:
        print("rss_walk: no procedures in the sample bundle", file=sys.stderr)
        return 3
    lines = script(codes, passes)
    with tempfile.TemporaryDirectory(prefix="motcua-rss-walk-") as tmp:
        text = lines
        sp = os.path.join(tmp, "walk.script")
        with open(sp, "w", encoding="utf-8") as f:
            f.write("\n".join(text) + "\n")
        if opts["--keep-script"]:
            with open(opts["--keep-script"], "w", encoding="utf-8") as f:
                f.write("\n".join(text) + "\n")
        env = benchlib.kiosk_env(tmp, "rss-walk", "offscreen", opts["--config-line"], MOTCUA_LANG="vi")
        for k in ("ASAN_OPTIONS", "LSAN_OPTIONS"):
            env.pop(k, None)
        t0 = time.monotonic()
        proc = subprocess.Popen([motcua, "kiosk", "--headless", "--size", opts["--size"],
                                 "--script", sp, "--shots", os.path.join(tmp, "shots")],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        pass_rss = []
        hwm = [0]

        def read_stdout():
            for line in proc.stdout:
                if line.startswith("run "):
                    pass_rss.append(benchlib.status_kib(proc.pid, "VmRSS"))
                    hwm[0] = max(hwm[0], benchlib.status_kib(proc.pid, "VmHWM"))

        reader = threading.Thread(target=read_stdout)
        reader.start()
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                break
            hwm[0] = max(hwm[0], benchlib.status_kib(proc.pid, "VmHWM"))
            time.sleep(0.1)
        proc.returncode = os.waitstatus_to_exitcode(status)
        reader.join()
        err = proc.stderr.read()
        secs = time.monotonic() - t0
        if os.environ.get("RSS_WALK_DEBUG"):
            print(err)
        if proc.returncode != 0 or len(pass_rss) != passes:
            print(err, file=sys.stderr)
            print(f"rss_walk: the walk failed (exit {proc.returncode}, {len(pass_rss)} of "
                  f"{passes} passes): nothing was measured", file=sys.stderr)
            return 3
        # ru_maxrss of the child (KiB): its VmHWM, from the kernel at exit
        peak_kib = max(hwm[0], ru.ru_maxrss)
        n = len(codes)
        print(f"rss_walk: {n} procedures x {len(MODES)} (vi, vi large text, en) x {passes} "
              f"passes at {opts['--size']} in {secs:.1f} s "
              f"({ru.ru_utime + ru.ru_stime:.1f} s of CPU)")
        print("rss_walk: RSS at the end of each pass: " +
              ", ".join(f"{k / 1024:.1f} MiB" for k in pass_rss))
        print(f"rss_walk: peak RSS {peak_kib / 1024:.1f} MiB"
              + (f" (limit {limit:g} MiB)" if limit > 0 else ""))
        if limit > 0 and peak_kib / 1024 > limit:
            print(f"rss_walk: FAIL: peak RSS {peak_kib / 1024:.1f} MiB is over {limit:g} MiB")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
