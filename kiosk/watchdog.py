"""systemd notifications (``sd_notify``) without a dependency: READY, WATCHDOG, STOPPING.

Job: the kiosk's systemd unit is ``Type=notify`` with ``WatchdogSec=``; systemd restarts
the kiosk when it stops hearing ``WATCHDOG=1``. :class:`Notifier` sends datagrams to the
socket named by ``$NOTIFY_SOCKET`` (a path, or ``@name`` for the abstract namespace),
which is all ``sd_notify(3)`` does. :func:`watchdog_interval` reads ``$WATCHDOG_USEC``
(and ``$WATCHDOG_PID``) and answers how often to ping: half the timeout, as systemd
advises.

Constraints:
- Who pings matters more than how: the ping must come from a Qt timer on the GUI thread
  (``kiosk/ui/watchdog_timer.py``), so a GUI thread stuck in a slot, a dead event loop or
  a deadlock stops the pings and systemd restarts the kiosk. A thread that pings on its
  own would keep a frozen screen alive for ever.
- Outside systemd (development, Windows, tests) every call is a cheap no-op.
- Never raises and never blocks (non-blocking send): a notification that cannot be
  sent is logged once and dropped.
- No Qt here.
"""

from __future__ import annotations

import logging
import os
import socket
from typing import Mapping

log = logging.getLogger(__name__)


class Notifier:
    """Sends ``sd_notify`` messages to ``$NOTIFY_SOCKET`` (no-op when it is unset)."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        self.address = env.get("NOTIFY_SOCKET", "") or None
        self._warned = False

    @property
    def enabled(self) -> bool:
        return self.address is not None and hasattr(socket, "AF_UNIX")

    def _target(self) -> str | bytes:
        assert self.address is not None
        if self.address.startswith("@"):  # abstract namespace: leading NUL byte
            return b"\0" + self.address[1:].encode()
        return self.address

    def notify(self, message: str) -> bool:
        """Send one message (``"READY=1"``, ``"WATCHDOG=1"``...); True if sent."""
        if not self.enabled:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | getattr(socket, "SOCK_CLOEXEC", 0)) as sock:
                # Never block the GUI thread: a datagram to a receiver whose queue is full
                # (net.unix.max_dgram_qlen, often 10) waits until it reads. A dropped ping
                # is harmless; a GUI frozen on a socket is what the watchdog is against.
                sock.setblocking(False)
                sock.connect(self._target())
                sock.send(message.encode())
            return True
        except OSError as exc:
            if not self._warned:  # the watchdog pings every few seconds; say it once
                log.warning("cannot notify systemd at %s: %s", self.address, exc)
                self._warned = True
            return False

    def ready(self, status: str = "") -> bool:
        return self.notify("READY=1" + (f"\nSTATUS={status}" if status else ""))

    def ping(self) -> bool:
        return self.notify("WATCHDOG=1")

    def status(self, text: str) -> bool:
        return self.notify(f"STATUS={text}")

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")


def watchdog_interval(env: Mapping[str, str] | None = None, pid: int | None = None) -> float | None:
    """Seconds between pings (half of ``WatchdogSec``), or None when no watchdog is asked
    for this process (unset, zero, or meant for another PID)."""
    env = os.environ if env is None else env
    try:
        usec = int(env.get("WATCHDOG_USEC", "0"))
    except ValueError:
        return None
    if usec <= 0:
        return None
    wanted_pid = env.get("WATCHDOG_PID")
    if wanted_pid and wanted_pid.isdigit() and int(wanted_pid) != (pid if pid is not None else os.getpid()):
        return None
    return usec / 1_000_000 / 2
