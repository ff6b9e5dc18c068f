"""The kiosk's health report (kiosk/protocol/health.py), built on the sync thread.

Everything is read without the GUI thread: the store through its owner thread, the disk
with ``shutil.disk_usage``, and the parts the UI owns (camera, printer, speech) through
``parts``, a callable the app sets from the objects it already has (the camera worker's
state and frame rate...); until then they are "unknown". Nothing personal is in it.
The probes are injectable for tests (a full disk without filling one).
"""

from __future__ import annotations

import shutil
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from kiosk.protocol.health import HealthReport
from kiosk.protocol.version import __version__
from kiosk.store.opening import Store

_STARTED = time.monotonic()

Parts = Callable[[], dict[str, Any]]   # camera, camera_fps, printer, speech (HealthReport fields)


class HealthCollector:
    def __init__(self, store: Store, *, parts: Parts | None = None,
                 disk_free: Callable[[], int] | None = None) -> None:
        self.store = store
        self.parts: Parts = parts or (lambda: {})
        self._disk_free = disk_free or (lambda: shutil.disk_usage(Path(store.db.path).parent).free)
        self.clock_offset_s: float | None = None   # measured at each answer of the server

    def report(self) -> HealthReport:
        kv = self.store.repos.kv
        outbox = self.store.repos.outbox
        pending = outbox.pending(limit=1)
        oldest = 0.0
        if pending:
            created = datetime.fromisoformat(pending[0].created_at)
            oldest = max(0.0, (datetime.now(timezone.utc) - created).total_seconds())
        self._daily_integrity_check()
        integrity = kv.get("health.integrity_ok")
        return HealthReport(
            version=__version__, uptime_s=round(time.monotonic() - _STARTED, 1),
            disk_free_bytes=int(self._disk_free()),
            integrity_ok=None if integrity is None else integrity == "1",
            integrity_checked_at=kv.get("health.integrity_checked_at") or "",
            last_sync_ok_at=kv.get("sync.last_success") or "",
            outbox_pending=outbox.pending_count(), outbox_oldest_age_s=round(oldest, 1),
            clock_offset_s=self.clock_offset_s,
            watchdog_restarts=int(kv.get("health.watchdog_restarts") or 0),
            last_crash_at=kv.get("health.last_crash_at") or "",
            **self.parts())

    def _daily_integrity_check(self) -> None:
        """``PRAGMA integrity_check`` and ``cipher_integrity_check``, once a day, remembered."""
        kv = self.store.repos.kv
        last = kv.get("health.integrity_checked_at")
        now = datetime.now(timezone.utc)
        if last and (now - datetime.fromisoformat(last)).total_seconds() < 24 * 3600:
            return
        ok = not self.store.db.integrity_problems()
        kv.set("health.integrity_ok", "1" if ok else "0")
        kv.set("health.integrity_checked_at", now.isoformat(timespec="seconds"))

    def measured(self, sent_at: float, received_at: float, server_time: float) -> None:
        """The server's clock minus ours, from the answer's time taken at mid-flight."""
        self.clock_offset_s = round(server_time - (sent_at + received_at) / 2, 3)


def note_start(store: Store) -> bool:
    """At start: if the last run did not end cleanly (killed by the watchdog, a crash,
    a power cut), count a restart and remember when. Returns whether it was a crash."""
    kv = store.repos.kv
    crashed = kv.get("health.running") == "1"
    if crashed:
        kv.set("health.watchdog_restarts", str(int(kv.get("health.watchdog_restarts") or 0) + 1))
        kv.set("health.last_crash_at", datetime.now(timezone.utc).isoformat(timespec="seconds"))
    kv.set("health.running", "1")
    return crashed


def note_clean_exit(store: Store) -> None:
    store.repos.kv.set("health.running", "0")
