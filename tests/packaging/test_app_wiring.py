"""``kiosk.app.run`` wires the packaging pieces: READY/WATCHDOG/STOPPING to systemd from
the GUI thread, and a slot exception sends the window back to the attract screen."""

from __future__ import annotations

import socket
import sys
import threading
import time

import pytest

pytestmark = pytest.mark.gui


def test_run_notifies_systemd_and_recovers_from_a_slot_exception(qtbot, config, tmp_path, monkeypatch) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from kiosk import app as kiosk_app

    path = tmp_path / "notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(0.05)
    messages: list[str] = []
    reading = threading.Event()

    def read() -> None:  # drains like systemd does: the queue holds only ~10 datagrams
        while not reading.is_set():
            try:
                messages.append(sock.recv(4096).decode())
            except (TimeoutError, socket.timeout):
                continue

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    monkeypatch.setenv("NOTIFY_SOCKET", str(path))
    monkeypatch.setenv("WATCHDOG_USEC", "200000")  # ping every 0.1 s
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    seen: dict[str, object] = {}
    original_build = kiosk_app.build_window

    def build_and_keep(*args, **kwargs):
        window = original_build(*args, **kwargs)
        seen["window"] = window
        # Timed from here, not from before run(): opening the store takes a while.
        QTimer.singleShot(300, leave_home_then_break)
        QTimer.singleShot(1500, check_and_quit)
        return window

    monkeypatch.setattr(kiosk_app, "build_window", build_and_keep)
    # run() ends when app.exec() returns. QApplication.quit() would also end the event
    # loops of every later test in this process, so exec() runs a loop of our own.
    loop = QEventLoop()

    class _App:
        def exec(self) -> int:
            return loop.exec()

    real_create = kiosk_app.create_qapp
    monkeypatch.setattr(kiosk_app, "create_qapp", lambda *a: (real_create(*a), _App())[1])
    hook_before = sys.excepthook

    def leave_home_then_break() -> None:
        window = seen["window"]
        window.open("directory")
        seen["before"] = window.history()
        raise RuntimeError("a slot broke")  # reaches sys.excepthook: the kiosk's hook

    def check_and_quit() -> None:
        seen["after"] = seen["window"].history()
        loop.quit()

    try:
        code = kiosk_app.run(config.with_values(fullscreen=False))
    finally:
        time.sleep(0.2)
        reading.set()
        reader.join()
        sock.close()
        if "window" in seen:  # run() leaves closing the window to the user; later tests count windows
            seen["window"].close()
            seen["window"].deleteLater()
            qtbot.wait(10)
    assert code == 0
    assert messages[0].startswith("READY=1")
    # One ping at start, then the timer's (fewer when opening a screen keeps the GUI busy).
    assert messages.count("WATCHDOG=1") >= 2 and messages[-1] == "STOPPING=1"
    assert seen["before"] == ["attract", "directory"] and seen["after"] == ["attract"]
    assert sys.excepthook is hook_before  # restored when the kiosk stops
