"""The real windowed kiosk under Xvfb (a real X server, Qt's xcb plugin, the real store),
and a screenshot of its window taken from outside the process, like a person would see.

The kiosk tells it is up the way it tells systemd (READY=1 on NOTIFY_SOCKET, sent once
the attract screen is shown); the screenshot is then taken by another process on the
same X display. Skipped only where Xvfb is not installed (bootstrap --test installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb comes with scripts/bootstrap --test")
SHOT = Path("/tmp/xvfb-kiosk-window.png")

GRAB = r"""
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(["grab"])
image = app.primaryScreen().grabWindow(0).toImage()
image.save(sys.argv[1])
colours = {image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 23)}
print(image.width(), image.height(), len(colours))
"""


def _start_xvfb() -> tuple[subprocess.Popen, int]:
    """Xvfb on a display number it picks itself (``-displayfd``): two test runs on one
    machine never race for the same number."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1080x1920x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write,))
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()   # written once the server accepts connections
    assert number, "Xvfb did not start"
    return xvfb, int(number)


def test_the_windowed_kiosk_runs_on_a_real_x_server(tmp_path) -> None:
    xvfb, n = _start_xvfb()
    kiosk = None
    try:
        sock_path = tmp_path / "notify.sock"
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(str(sock_path))
        sock.settimeout(60)
        (tmp_path / "config.toml").write_text('key_store = "file"\naudio_device = "none"\n')
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
        env.update(DISPLAY=f":{n}", QT_QPA_PLATFORM="xcb", NOTIFY_SOCKET=str(sock_path))
        kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(tmp_path / "config.toml"),
                                  "--data-dir", str(tmp_path / "data"), "--windowed"],
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        ready = b""
        while b"READY=1" not in ready:
            ready = sock.recv(4096)       # the attract screen is shown (kiosk/ui/watchdog_timer.py)
        # The window is mapped; its first frame reaches the X server a moment later (longer
        # on a loaded machine): grab until it shows, for at most 30 s.
        deadline = time.monotonic() + 30
        while True:
            out = subprocess.run([sys.executable, "-c", GRAB, str(SHOT)], env=env, capture_output=True,
                                 text=True, timeout=60)
            assert out.returncode == 0, out.stderr
            width, height, colours = (int(x) for x in out.stdout.split())
            if colours >= 4 or time.monotonic() > deadline or kiosk.poll() is not None:
                break
            time.sleep(0.2)
        assert (width, height) == (1080, 1920)
        assert colours >= 4, "the window did not paint (a blank X screen)"
        assert kiosk.poll() is None       # still running: nothing aborted inside Qt
    finally:
        if kiosk is not None:
            kiosk.terminate()
            try:
                kiosk.wait(timeout=15)
            except subprocess.TimeoutExpired:
                kiosk.kill()
        xvfb.terminate()
        xvfb.wait(timeout=15)


def test_no_display_says_so_in_one_line(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    (tmp_path / "config.toml").write_text('key_store = "file"\n')
    out = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(tmp_path / "config.toml"),
                          "--data-dir", str(tmp_path / "data"), "demo", "--no-server"],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    lines = [line for line in (out.stdout + out.stderr).splitlines() if line.strip()]
    assert len(lines) == 1 and "xvfb-run" in lines[0] and "cage" in lines[0]
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").iterdir())  # nothing done
