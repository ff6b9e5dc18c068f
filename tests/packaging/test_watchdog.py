"""sd_notify over $NOTIFY_SOCKET, and the GUI-thread watchdog timer."""

from __future__ import annotations

import os
import socket
import time
import uuid

import pytest

from kiosk.watchdog import Notifier, watchdog_interval


@pytest.fixture
def notify_socket(tmp_path):
    """A datagram socket standing in for systemd's notification socket."""
    path = tmp_path / "notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(0.05)
    yield str(path), sock
    sock.close()


def _drain(sock: socket.socket) -> list[str]:
    out = []
    while True:
        try:
            out.append(sock.recv(4096).decode())
        except (TimeoutError, socket.timeout, BlockingIOError):
            return out


def test_messages_reach_the_socket(notify_socket) -> None:
    path, sock = notify_socket
    n = Notifier({"NOTIFY_SOCKET": path})
    assert n.ready("up") and n.ping() and n.stopping()
    assert _drain(sock) == ["READY=1\nSTATUS=up", "WATCHDOG=1", "STOPPING=1"]


def test_abstract_socket_address() -> None:
    name = f"club-kiosk-test-{uuid.uuid4().hex}"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(b"\0" + name.encode())
    sock.settimeout(0.5)
    try:
        assert Notifier({"NOTIFY_SOCKET": "@" + name}).ping()
        assert sock.recv(100) == b"WATCHDOG=1"
    finally:
        sock.close()


def test_outside_systemd_nothing_is_sent() -> None:
    n = Notifier({})
    assert not n.enabled and not n.ping() and not n.ready()


def test_a_missing_socket_is_not_fatal(tmp_path) -> None:
    n = Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    assert n.ping() is False and n.ping() is False


def test_interval_is_half_the_watchdog_timeout() -> None:
    assert watchdog_interval({"WATCHDOG_USEC": "30000000"}) == 15.0
    assert watchdog_interval({}) is None
    assert watchdog_interval({"WATCHDOG_USEC": "0"}) is None
    assert watchdog_interval({"WATCHDOG_USEC": "x"}) is None
    # Meant for another process (systemd sets WATCHDOG_PID to the main PID).
    assert watchdog_interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid() + 1)}) is None
    assert watchdog_interval({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())}) == 15.0


@pytest.mark.gui
def test_pings_stop_while_the_gui_thread_is_blocked(qtbot, notify_socket) -> None:
    from PySide6.QtCore import QObject

    from kiosk.ui.watchdog_timer import WatchdogTimer

    path, sock = notify_socket
    parent = QObject()
    timer = WatchdogTimer(Notifier({"NOTIFY_SOCKET": path}), 0.1, parent)
    timer.start()
    assert _drain(sock)[:2] == ["READY=1\nSTATUS=attract screen shown", "WATCHDOG=1"]
    qtbot.wait(550)  # event loop running: about five pings
    assert len([m for m in _drain(sock) if m == "WATCHDOG=1"]) >= 2
    time.sleep(0.6)  # the GUI thread is stuck: the timer cannot fire
    assert _drain(sock) == []
    qtbot.wait(350)  # responsive again: pings resume (one catch-up, then regular)
    assert "WATCHDOG=1" in _drain(sock)
    timer.stop()
    assert not timer.active and _drain(sock) == ["STOPPING=1"]


@pytest.mark.gui
def test_no_watchdog_requested_means_ready_only(qtbot, notify_socket) -> None:
    from PySide6.QtCore import QObject

    from kiosk.ui.watchdog_timer import WatchdogTimer

    path, sock = notify_socket
    parent = QObject()  # kept referenced: Qt deletes children with their parent
    timer = WatchdogTimer(Notifier({"NOTIFY_SOCKET": path}), None, parent)
    timer.start()
    qtbot.wait(200)
    assert not timer.active and _drain(sock) == ["READY=1\nSTATUS=attract screen shown"]


def test_a_receiver_that_does_not_read_never_blocks_the_sender(notify_socket) -> None:
    """The unix datagram queue holds ~10 messages; the 11th must not freeze the GUI."""
    path, _sock = notify_socket  # bound, never read
    n = Notifier({"NOTIFY_SOCKET": path})
    started = time.monotonic()
    results = [n.ping() for _ in range(200)]
    assert time.monotonic() - started < 2
    assert results[0] is True and results[-1] is False  # the queue filled up: dropped, not stuck
