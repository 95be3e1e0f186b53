#!/usr/bin/env python3
"""Red team: SIGTERM while a print is in flight, with a CUPS that does not
answer (a scheduler hung, or busy with a large job). systemctl stop must
still end the kiosk within 2 s, exit 0. The kiosk is pointed at a fake CUPS
(CUPS_SERVER, a socket of the test's that accepts and never replies), so
the real queue is not touched."""
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

BIN = os.environ["MOTCUA_BIN"]
STOP_WITHIN = 2.0
FAILS = []


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    FAILS.append(msg)


SCRIPT = """tap-text "Tra cứu"
type "dang ky khai sinh"
tap-text "Thủ tục đăng ký khai sinh"
tap-text "In hướng dẫn"
wait 300
wait 1000
wait 60000
wait 60000
"""


def main():
    tmp = tempfile.mkdtemp()
    conns = []
    try:
        sock_path = os.path.join(tmp, "cups.sock")
        srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        srv.bind(sock_path)
        srv.listen(16)
        connected = threading.Event()

        def serve():
            while True:
                try:
                    c, _ = srv.accept()
                except OSError:
                    return
                conns.append(c)  # never answered, never closed
                connected.set()

        threading.Thread(target=serve, daemon=True).start()
        env = dict(os.environ, MOTCUA_STORE=os.path.join(tmp, "store"),
                   MOTCUA_CONFIG=os.path.join(tmp, "k.conf"), MOTCUA_LANG="vi",
                   SDL_VIDEODRIVER="offscreen", CUPS_SERVER=sock_path)
        with open(env["MOTCUA_CONFIG"], "w") as f:
            f.write("[kiosk]\nprinter = motcua-test\nidle_prompt_s = 900\n")
        with open(os.path.join(tmp, "run.script"), "w", encoding="utf-8") as f:
            f.write(SCRIPT)
        subprocess.run([BIN, "search", "khai sinh"], env=env, capture_output=True, timeout=120)
        p = subprocess.Popen([BIN, "kiosk", "--headless", "--size", "1920x1080", "--script",
                              os.path.join(tmp, "run.script"), "--shots", os.path.join(tmp, "shots")],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if not connected.wait(120):
            fail("the kiosk never reached CUPS")
            p.kill()
            print(p.communicate()[1].decode()[-800:], file=sys.stderr)
            return
        time.sleep(1.0)  # well inside the request
        if p.poll() is not None:
            fail("the kiosk exited (%d) before the signal" % p.returncode)
            return
        t0 = time.monotonic()
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        took = time.monotonic() - t0
        err = p.stderr.read().decode(errors="replace")
        if took > STOP_WITHIN:
            fail("SIGTERM with a print in flight: the kiosk took %.1f s to stop (limit %.0f s)"
                 % (took, STOP_WITHIN))
        if p.returncode != 0:
            fail("SIGTERM with a print in flight: exit %d, want 0: %s" % (p.returncode, err[-600:]))
        print("stopped in %.2f s, exit %d" % (took, p.returncode))
    finally:
        for c in conns:
            c.close()
        shutil.rmtree(tmp, ignore_errors=True)


main()
if FAILS:
    sys.exit(1)
