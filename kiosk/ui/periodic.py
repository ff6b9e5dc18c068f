"""Background work on a timer, off the GUI thread: sync cycles and daily housekeeping.

A :class:`PeriodicJob` runs a Qt-free callable on its own single thread every
``interval_s`` (and once soon after start); the result comes back on the GUI thread
through ``finished(object)``. A run still going when the timer fires is not doubled.
The kiosk's screens never wait on it: the network may hang for seconds and nobody sees.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

log = logging.getLogger(__name__)


class PeriodicJob(QObject):
    finished = Signal(object)        # the callable's result (or the exception it raised)
    _done = Signal(object)           # internal: from the worker thread to the GUI thread

    def __init__(self, name: str, interval_s: float, work: Callable[[], Any], *,
                 first_after_s: float = 1.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._work = work
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"kiosk-{name}")
        self._running: Future | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(int(interval_s * 1000))
        self._timer.timeout.connect(self.trigger)
        self._done.connect(self._on_self_done, Qt.ConnectionType.QueuedConnection)
        self._first_after_ms = int(first_after_s * 1000)
        self._stopped = False

    def start(self) -> None:
        self._timer.start()
        QTimer.singleShot(self._first_after_ms, self.trigger)

    @Slot()
    def trigger(self) -> None:
        # The first run's single shot may still fire after stop(): its executor is gone.
        if self._stopped or (self._running is not None and not self._running.done()):
            return
        self._running = self._executor.submit(self._call)

    def _call(self) -> None:
        try:
            result: Any = self._work()
        except Exception as exc:  # reported, never raised into the event loop
            log.exception("%s failed", self.name)
            result = exc
        self._done.emit(result)

    @Slot(object)
    def _on_self_done(self, result: object) -> None:
        self.finished.emit(result)

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()
        self._executor.shutdown(wait=True, cancel_futures=True)
