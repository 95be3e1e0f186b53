#!/usr/bin/env python3
"""Red team: SIGTERM (systemctl stop, a shutdown) or SIGINT (Ctrl-C) in the
middle of a CLI `import` or `rollback`, at many moments. Whatever the
moment, the catalogue is whole (SQLite's integrity check passes) and is
either the old one or the new one, the rollback copy is whole too, and the
next command removes the killed import's work files and works. Also a
SIGKILL, which nothing can catch."""
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

BIN = os.environ["MOTCUA_BIN"]
SRC = os.environ["MOTCUA_SRC"]
FAILS = []


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    FAILS.append(msg)


def version(path):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        ok = db.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            return "corrupt: " + ok
        row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        return int(row[0]) if row else None
    finally:
        db.close()


def main():
    tmp = tempfile.mkdtemp()
    try:
        env = dict(os.environ, MOTCUA_STORE=os.path.join(tmp, "store"),
                   MOTCUA_CONFIG=os.path.join(tmp, "none.conf"), MOTCUA_LANG="en")
        open(env["MOTCUA_CONFIG"], "w").close()
        store = env["MOTCUA_STORE"]
        cat = os.path.join(store, "catalog.sqlite")
        prev = os.path.join(store, "catalog.previous.sqlite")

        def motcua(*args, check=True):
            p = subprocess.run([BIN] + list(args), env=env, capture_output=True, text=True, timeout=120)
            if check and p.returncode != 0:
                fail("motcua %s exited %d: %s" % (" ".join(args), p.returncode, p.stderr[-400:]))
            return p

        motcua("search", "khai sinh")  # the sample as version 1
        bundles = []
        for v in (2, 3):
            d = os.path.join(tmp, "v%d" % v)
            shutil.copytree(os.path.join(SRC, "data", "motcua"), d)
            ini = os.path.join(d, "bundle.ini")
            text = open(ini, encoding="utf-8").read()
            import re
            open(ini, "w", encoding="utf-8").write(re.sub(r"(?m)^phien_ban *=.*$", "phien_ban = %d" % v, text))
            bundles.append(d)
        # How long an import takes here (ASan builds are slow).
        t0 = time.monotonic()
        motcua("import", bundles[0])
        span = time.monotonic() - t0
        motcua("rollback")
        rnd = random.Random(9)
        for i in range(14):
            before = version(cat)
            kind = rnd.choice(["import", "import", "rollback"])
            args = ["import", "--allow-downgrade", bundles[i % 2]] if kind == "import" else ["rollback"]
            sig = [signal.SIGTERM, signal.SIGINT, signal.SIGKILL][i % 3]
            p = subprocess.Popen([BIN] + args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rnd.uniform(0.0, span * 1.1))
            p.send_signal(sig)
            rc = p.wait(timeout=30)
            after = version(cat)
            if not isinstance(after, int):
                fail("%s killed by %s: the catalogue is %r" % (kind, sig.name, after))
                break
            expected = {before, 1, 2, 3} if kind == "rollback" else {before, 2 + i % 2}
            if after not in expected:
                fail("%s killed by %s: version %r, want one of %r" % (kind, sig.name, after, expected))
            if os.path.exists(prev) and not isinstance(version(prev), int):
                fail("%s killed by %s: the rollback copy is %r" % (kind, sig.name, version(prev)))
            # The next command cleans the work files and works.
            p2 = motcua("search", "khai sinh")
            if "khai sinh" not in p2.stdout.lower():
                fail("after %s killed by %s: search finds nothing" % (kind, sig.name))
            left = [n for n in os.listdir(store) if n.startswith("catalog.new") or n.endswith(".tmp")
                    or n.startswith("catalog.swap")]
            if left:
                fail("after %s killed by %s (rc %d): work files left: %r" % (kind, sig.name, rc, left))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if FAILS:
        print("%d failure(s)" % len(FAILS), file=sys.stderr)
        sys.exit(1)


main()
