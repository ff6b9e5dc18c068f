"""A short-lived cache of authenticated devices (credential -> device row), per process.

Every sync request used to read its device's row (one database round trip, a quarter of a
"nothing new" pull). The cache keeps, for ``device_cache_s`` seconds, the row of a
credential that passed :func:`central.devices.check_secret`, keyed by the SHA-256 of the
whole credential (never the secret itself); only good, unrevoked rows are kept.

Revocation and scope changes must count at once, so the cache is emptied by a
*generation* that any change to a device's rights bumps (:func:`mark_devices_changed`,
called by ``devices.revoke_device`` and ``devices.set_buildings`` inside their
transaction):

- in this process, the engine's ``commit`` event bumps it (before the database commit)
  and the connection's return to the pool bumps it again (after): a request that read
  the row between the two cannot keep it;
- in the other processes (``serve --workers N``), the same transaction sends
  ``NOTIFY club_devices`` on PostgreSQL (delivered at commit), and each process's feed
  listener (central/feed_signal.py) bumps its generation; while that listener is not
  connected (starting, PostgreSQL restarting) the cache is not used at all. A request
  reaching another process in the milliseconds between the commit and the delivery of
  the notification can still pass; ``device_cache_s`` bounds what a lost notification
  could cost. SQLite has no notifications: with several processes on SQLite
  (``shared_rate_limits``) the cache is off.
"""

from __future__ import annotations

import hashlib
import threading
import time
from typing import Any, Callable

from sqlalchemy import Engine, event

from central.feed_signal import DEVICES_CHANNEL as CHANNEL

MARK = "devices_changed"
MAX_ENTRIES = 20_000


def mark_devices_changed(conn: Any) -> None:
    """Called inside a transaction that changes a device's rights (revoked, wipe, scopes)."""
    conn.info[MARK] = True
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"NOTIFY {CHANNEL}")


def credential_key(authorization: str) -> str:
    return hashlib.sha256(authorization.encode("utf-8", "surrogatepass")).hexdigest()


class DeviceCache:
    def __init__(self, engine: Engine, ttl_s: float, *, trusted: Callable[[], bool] = lambda: True) -> None:
        self.ttl_s = ttl_s
        self._trusted = trusted  # False while other processes' changes could go unseen
        self._rows: dict[str, tuple[int, float, dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self.generation = 0
        self.hits = 0
        event.listen(engine, "commit", self._on_commit)
        event.listen(engine, "rollback", self._on_rollback)
        event.listen(engine.pool, "checkin", self._on_checkin)

    @property
    def enabled(self) -> bool:
        return self.ttl_s > 0 and self._trusted()

    # -- invalidation (any thread) -----------------------------------------------------------
    def invalidate(self) -> None:
        with self._lock:
            self.generation += 1
            self._rows.clear()

    def _on_commit(self, conn: Any) -> None:
        if conn.info.get(MARK):
            self.invalidate()  # the checkin after the commit bumps it again

    @staticmethod
    def _on_rollback(conn: Any) -> None:
        conn.info.pop(MARK, None)

    def _on_checkin(self, _dbapi_conn: Any, record: Any) -> None:
        if record is not None and record.info.pop(MARK, False):
            self.invalidate()

    # -- requests --------------------------------------------------------------------------
    def start(self) -> int:
        """The generation to pass to :meth:`put`: read it BEFORE reading the row."""
        return self.generation

    def get(self, key: str) -> dict[str, Any] | None:
        if not self.enabled:
            return None
        with self._lock:
            entry = self._rows.get(key)
            if entry is None:
                return None
            gen, expires, row = entry
            if gen != self.generation or time.monotonic() > expires:
                del self._rows[key]
                return None
            self.hits += 1
            return row

    def put(self, key: str, generation: int, row: dict[str, Any]) -> None:
        if not self.enabled or row["revoked"]:
            return
        with self._lock:
            if generation != self.generation:
                return  # a device changed while we read: that row may be the old one
            if len(self._rows) >= MAX_ENTRIES:
                self._rows.clear()
            self._rows[key] = (generation, time.monotonic() + self.ttl_s, row)

    def update(self, key: str, **values: Any) -> None:
        """This process wrote the row's bookkeeping (last_seen, pending count, version)."""
        with self._lock:
            entry = self._rows.get(key)
            if entry is not None:
                entry[2].update(values)
