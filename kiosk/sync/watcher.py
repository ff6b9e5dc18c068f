"""Sync at once when the office changes something this kiosk shows.

One thread asks the server to answer when the feed has changes after the kiosk's cursor
(``GET /v1/sync/wait``, answered within ``timeout_s``) and then runs a sync cycle
(``run_once(force=True)``, which skips if the periodic one is running). An office edit
then reaches the kiosk's database in about a second instead of up to a sync interval;
with nothing new the kiosk costs the server an idle wait, not a request every few seconds.
While offline or not provisioned the thread sleeps and leaves everything to the periodic
cycle and its backoff. No Qt.
"""

from __future__ import annotations

import logging
import threading

from kiosk.sync.client import SyncError
from kiosk.sync.engine import SyncEngine

log = logging.getLogger(__name__)


class ChangeWatcher:
    def __init__(self, engine: SyncEngine, *, timeout_s: float = 25.0, idle_s: float = 5.0,
                 error_pause_s: float = 30.0) -> None:
        self.engine, self.timeout_s, self.idle_s, self.error_pause_s = engine, timeout_s, idle_s, error_pause_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sync-watcher", daemon=True)
        self.woken = 0  # cycles run because the server said something changed

    def start(self) -> "ChangeWatcher":
        self._thread.start()
        return self

    def stop(self, join_s: float = 0.0) -> None:
        """Stop; with ``join_s``, wait that long for the thread (it may be inside a wait)."""
        self._stop.set()
        if join_s and self._thread.is_alive():
            self._thread.join(join_s)

    def close(self) -> None:  # the app's job list closes what it started
        self.stop()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                changed = self.engine.wait_for_changes(self.timeout_s)
            except SyncError as exc:
                log.info("waiting for changes failed: %s", exc)
                self._stop.wait(self.error_pause_s)
                continue
            except Exception:  # a bug: never spin, never kill the kiosk
                log.exception("sync watcher failed")
                self._stop.wait(self.error_pause_s)
                continue
            if self._stop.is_set():  # the kiosk is closing: its store may be gone
                return
            if not changed:
                if not self.engine.status().online:
                    self._stop.wait(self.idle_s)
                continue
            report = self.engine.run_once(force=True)
            self.woken += 1
            if not report.ok:  # skipped (a cycle is running) or failed: let it finish first
                self._stop.wait(1.0)
