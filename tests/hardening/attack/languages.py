#!/usr/bin/env python3
"""Attack on dich/LANG/ (DESIGN §8 "The stick is hostile"): translations
cost memory by the record, not by the byte. hostile.py many_languages (20,000
procedures, 200 languages translating each with a two-cell row: 45 MB of
CSV, well within the 96 MiB of text) made `motcua check` peak at about
1.7 GB, so a 2 GB kiosk running the check was killed. Now the check refuses
it with FILE:LINE, under 400 MiB, and nothing changes. Also: 33 language
folders are refused (the limit is 32), and a procedure translated twice in
one file is an error with both lines (one text was silently lost).

languages.py MOTCUA_PLAIN (a build without sanitizers: its peak RSS is what
a kiosk sees), under a 1 GiB address-space limit."""
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def cap():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def main():
    motcua = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="motcua-attack-lang-")
    fails = []
    try:
        b = os.path.join(tmp, "b")
        subprocess.run([sys.executable, os.path.join(HERE, "..", "bundle", "hostile.py"),
                        "many_languages", b], check=True)
        store = os.path.join(tmp, "store")
        out = os.path.join(tmp, "out.txt")
        with open(out, "wb") as f:
            p = subprocess.Popen([motcua, "--store", store, "check", b], stdout=f,
                                 stderr=subprocess.STDOUT, preexec_fn=cap,
                                 env=dict(os.environ, MOTCUA_LANG="en"))
            _, status, ru = os.wait4(p.pid, 0)
        rc = os.waitstatus_to_exitcode(status)
        text = open(out, encoding="utf-8", errors="replace").read()
        print("check many_languages: exit %d, peak RSS %d MiB" % (rc, ru.ru_maxrss // 1024))
        if ru.ru_maxrss > 400 * 1024:
            fails.append("peak RSS %d MiB, over 400 MiB" % (ru.ru_maxrss // 1024))
        if rc != 1:
            fails.append("exit %d, want 1 (refused):\n%s" % (rc, text[-1500:]))
        if not re.search(r"dich/q[a-z]+: error: more than 60000 translated records", text):
            fails.append("no 'dich/LANG: error: more than 60000 translated records':\n" + text[-1500:])
        if "nothing was changed" not in text:
            fails.append("no 'nothing was changed'")
        shutil.rmtree(b)
        # 33 languages of one row each: over the 32 a language chooser can
        # offer; refused, not offered as 33 buttons.
        shutil.copytree(os.path.join(os.environ["MOTCUA_SRC"], "data", "motcua"), b)
        for i in range(33):
            lang = os.path.join(b, "dich", "q%c%c" % (97 + i // 26, 97 + i % 26))
            os.makedirs(lang)
            with open(os.path.join(lang, "procedures.csv"), "w", encoding="utf-8") as f:
                f.write("ma_thu_tuc,ten_thu_tuc\n1.001193,Khai sinh\n")
        p = subprocess.run([motcua, "--store", store, "check", b], capture_output=True, text=True,
                           env=dict(os.environ, MOTCUA_LANG="en"))
        print("check 33 languages: exit %d" % p.returncode)
        if p.returncode != 1 or "dich/qbg: error: more than 32 languages in dich" not in p.stderr + p.stdout:
            fails.append("33 languages: exit %d, want 1 with 'dich/qbg: error: more than 32 "
                         "languages in dich':\n%s" % (p.returncode, (p.stderr + p.stdout)[-1500:]))
        # The same procedure twice in one translation (a row copied and
        # its text changed): one text would be lost without a word.
        shutil.rmtree(os.path.join(b, "dich"))
        os.makedirs(os.path.join(b, "dich", "hmn"))
        with open(os.path.join(b, "dich", "hmn", "procedures.csv"), "w", encoding="utf-8") as f:
            f.write('ma_thu_tuc,ten_thu_tuc\n1.001193,Sau menyuam\n1.000080,X\n'
                    '"1.001193","Sau\nnpe"\n')
        p = subprocess.run([motcua, "--store", store, "check", b], capture_output=True, text=True,
                           env=dict(os.environ, MOTCUA_LANG="en"))
        print("check a procedure translated twice: exit %d" % p.returncode)
        want = "dich/hmn/procedures.csv:4: error: procedure 1.001193 is translated twice: lines 2 and 4"
        if p.returncode != 1 or want not in p.stderr + p.stdout:
            fails.append("translated twice: exit %d, want 1 with '%s':\n%s"
                         % (p.returncode, want, (p.stderr + p.stdout)[-1500:]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in fails:
        print("FAIL: " + f, file=sys.stderr)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
