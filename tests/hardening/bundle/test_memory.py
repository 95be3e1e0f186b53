#!/usr/bin/env python3
"""Issue 9, breaks 7 and 14: memory and limits of `motcua check` / `import`.

test_memory.py hostile MOTCUA
    Every bundle of hostile.py (within every limit, built to cost the reader
    as much memory as possible) is checked, and imported when valid, against
    an installed catalogue that is itself as large as the limits allow (96 MiB
    of text and forms up to 256 MiB). Each run's peak RSS (wait4's ru_maxrss)
    must stay under 400 MiB, the promise of DESIGN §3 for a 2 GB kiosk.

test_memory.py ceiling MOTCUA GEN_CATALOG
    A realistic bundle of 20,000 procedures (the limit) checks and imports,
    within 400 MiB; 20,001 are refused with a clear message.

MOTCUA is a build without sanitizers (ASan's shadow memory and quarantine
would be measured too). Every run also has a 1 GiB address-space limit, so
that a regression fails quickly instead of swapping the CI machine."""
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile

LIMIT_KIB = 400 * 1024
HERE = os.path.dirname(os.path.abspath(__file__))
fails = []
peaks = []


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    fails.append(msg)


def cap():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run(motcua, store, args, what, want_rc, want_text=None):
    out = os.path.join(store, "..", "out.txt")
    with open(out, "wb") as f:
        p = subprocess.Popen([motcua, "--store", store] + args, stdout=f, stderr=subprocess.STDOUT,
                             preexec_fn=cap)
        _, status, ru = os.wait4(p.pid, 0)
    rc = os.waitstatus_to_exitcode(status)
    text = open(out, encoding="utf-8", errors="replace").read()
    peaks.append((ru.ru_maxrss, what))
    print("%-45s exit %d, peak RSS %4d MiB" % (what, rc, ru.ru_maxrss // 1024))
    if ru.ru_maxrss > LIMIT_KIB:
        fail("%s: peak RSS %d MiB, over 400 MiB" % (what, ru.ru_maxrss // 1024))
    if rc != want_rc:
        fail("%s: exit %d, want %d\n%s" % (what, rc, want_rc, text[-2000:]))
    if want_text and not re.search(want_text, text):
        fail("%s: '%s' not in the output:\n%s" % (what, want_text, text[-2000:]))
    return text


def hostile(kind, out):
    subprocess.run([sys.executable, os.path.join(HERE, "hostile.py"), kind, out], check=True)


# Kinds whose bundle is valid (check exits 0 and they are imported).
VALID = {"empty_rows", "huge_cells", "every_table", "forms", "text_and_forms"}


def main_hostile(motcua, tmp):
    store = os.path.join(tmp, "store")
    os.mkdir(store)
    b = os.path.join(tmp, "b")
    # The largest installed catalogue: a check compares with it.
    hostile("text_and_forms", b)
    run(motcua, store, ["import", b], "import text_and_forms (installed)", 0, "imported")
    shutil.rmtree(b)
    kinds = subprocess.run([sys.executable, os.path.join(HERE, "hostile.py"), "list"],
                           check=True, capture_output=True, text=True).stdout.split()
    for kind in kinds:
        hostile(kind, b)
        ok = kind in VALID
        run(motcua, store, ["check", "--allow-downgrade", b], "check " + kind, 0 if ok else 1)
        if ok and kind != "text_and_forms":
            run(motcua, store, ["import", "--allow-downgrade", b], "import " + kind, 0,
                "imported")
            # put the largest catalogue back for the next checks
            run(motcua, store, ["rollback"], "rollback", 0)
        shutil.rmtree(b)


def main_ceiling(motcua, gen, tmp):
    store = os.path.join(tmp, "store")
    os.mkdir(store)
    b = os.path.join(tmp, "b")
    subprocess.run([gen, "20000", b], check=True)
    size = os.path.getsize(os.path.join(b, "procedures.csv"))
    print("20,000 realistic procedures: procedures.csv of %.1f MB" % (size / 1e6))
    run(motcua, store, ["check", b], "check 20,000 procedures", 0, "20000 procedures;")
    run(motcua, store, ["import", b], "import 20,000 procedures", 0, "imported version 1")
    # Again, against the installed 20,000 (the comparison reads both).
    run(motcua, store, ["check", "--allow-downgrade", b], "check 20,000 against 20,000", 0,
        "0 added, 0 changed, 0 removed")
    shutil.rmtree(b)
    subprocess.run([gen, "20001", b, "2"], check=True, stderr=subprocess.DEVNULL)
    for cmd in ("check", "import"):
        # FILE:LINE of the first record over the limit (records span lines)
        text = run(motcua, store, [cmd, b], cmd + " 20,001 procedures", 1,
                   r"procedures\.csv:[0-9]+: error: row 20002 in Excel, line [0-9]+ of the file: more than the limit of 20000 procedures")
        if "nothing was changed" not in text:
            fail("%s 20,001: no 'nothing was changed'" % cmd)


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("hostile", "ceiling"):
        sys.exit(__doc__)
    tmp = tempfile.mkdtemp(prefix="motcua-memory-")
    try:
        if sys.argv[1] == "hostile":
            main_hostile(sys.argv[2], tmp)
        else:
            main_ceiling(sys.argv[2], sys.argv[3], tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    worst = max(peaks)
    print("worst peak: %d MiB (%s)" % (worst[0] // 1024, worst[1]))
    if fails:
        print("%d failure(s)" % len(fails), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
