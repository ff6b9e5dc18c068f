"""Feed systemd's watchdog from the GUI thread, only while the GUI thread is responsive.

Job: :func:`start_watchdog` tells systemd the kiosk is ready (``READY=1``, once the
window is shown) and then sends ``WATCHDOG=1`` from a ``QTimer`` that lives on the GUI
thread. The timer fires only when the event loop runs, so a slot that blocks, a deadlock
or a dead loop stops the pings and systemd restarts the kiosk (``Restart=always``).

Constraints: the timer is a child of the window (stops with it); never a thread of its
own (see ``kiosk/watchdog.py``). Outside systemd it only sends nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from kiosk.watchdog import Notifier, watchdog_interval


class WatchdogTimer(QObject):
    """Pings systemd every half ``WatchdogSec`` from the thread it was created on."""

    def __init__(self, notifier: Notifier, interval_s: float | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self.pings = 0
        self._timer = QTimer(self)
        if interval_s:
            self._timer.setInterval(max(100, int(interval_s * 1000)))
            self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self.notifier.ready("attract screen shown")
        if self._timer.interval() > 0 and self.notifier.enabled:
            self.notifier.ping()
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.notifier.stopping()

    def _on_timer_timeout(self) -> None:
        if self.notifier.ping():
            self.pings += 1


def start_watchdog(parent: QObject) -> WatchdogTimer:
    """Create, start and return the watchdog timer (call after the window is shown)."""
    timer = WatchdogTimer(Notifier(), watchdog_interval(), parent)
    timer.start()
    return timer
