"""Wake the kiosks waiting on ``GET /v1/sync/wait`` when the feed changes.

A kiosk asks "anything after my cursor?" and the answer waits (up to ``sync_wait_max_s``)
until there is: an office edit then reaches every kiosk's screen in seconds, and a
kiosk with nothing new costs an idle asyncio task, not a request every few seconds.

Where the wake-up comes from:
- this process: ``FeedWriter.flush`` marks its connection (``conn.info``), and the
  engine's ``commit`` event turns the mark into :meth:`FeedSignal.notify` once the
  change is visible (a rolled-back transaction wakes nobody);
- other processes (``serve --workers N``, several machines): on PostgreSQL the same flush
  sends ``NOTIFY club_feed`` inside its transaction (delivered at commit) and one
  listener thread per process (its own connection, started at the first wait) notifies;
  on SQLite, which has no notifications, waiters re-read every ``SQLITE_RECHECK_S``.
A waiter always re-reads the counters from its cursor after a wake-up (a wake-up says
"look", never "what"), and at least every ``RECHECK_S`` in case a notification was lost
(PostgreSQL restarted, the listener reconnecting).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from typing import Any, Callable

from sqlalchemy import Engine, event, select

log = logging.getLogger(__name__)

CHANNEL = "club_feed"
DEVICES_CHANNEL = "club_devices"  # central/device_cache.py
MARK = "feed_changed"
COMMITTED = "committed"
RECHECK_S = 15.0
SQLITE_RECHECK_S = 2.0


def mark_changed(conn: Any) -> None:
    """Called by the feed writer inside its transaction."""
    conn.info[MARK] = True
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"NOTIFY {CHANNEL}")


class FeedSignal:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.postgres = engine.dialect.name == "postgresql"
        self.recheck_s = RECHECK_S if self.postgres else SQLITE_RECHECK_S
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Future[float]]] = set()
        self._reads: dict[asyncio.AbstractEventLoop, tuple[float, asyncio.Task[dict[str, tuple[int, int]]]]] = {}
        self._lock = threading.Lock()
        self._listener: threading.Thread | None = None
        self._stop = threading.Event()
        self.listening = False  # the listener's connection is up (central/device_cache.py relies on it)
        self.on_devices: list[Callable[[], None]] = []  # NOTIFY club_devices: a device's rights changed
        event.listen(engine, "commit", self._on_commit)
        event.listen(engine, "rollback", self._on_rollback)
        event.listen(engine.pool, "checkin", self._on_checkin)
        event.listen(engine, "engine_disposed", lambda _engine: self.close())  # the listener's connection goes too

    # -- writers (any thread) ------------------------------------------------------------
    def _on_commit(self, conn: Any) -> None:
        if conn.info.get(MARK):
            conn.info[MARK] = COMMITTED
            self.notify()  # the event comes just before the database's commit...

    def _on_checkin(self, _dbapi_conn: Any, record: Any) -> None:
        if record is not None and record.info.pop(MARK, None) == COMMITTED:
            self.notify()  # ...so once more when the connection is back in the pool, after it

    @staticmethod
    def _on_rollback(conn: Any) -> None:
        conn.info.pop(MARK, None)

    def notify(self) -> None:
        stamp = time.monotonic()  # a counters read started after this sees the change
        with self._lock:
            waiters, self._waiters = self._waiters, set()
        for loop, fut in waiters:
            try:
                loop.call_soon_threadsafe(_wake, fut, stamp)
            except RuntimeError:  # that loop is closed (a test's server stopped)
                pass

    # -- waiters (the event loop) --------------------------------------------------------
    def arm(self) -> "Waiter":
        """Register a waiter now, BEFORE reading the counters: a change committed between
        that read and the wait then still wakes it (no lost wake-up)."""
        if self.postgres:
            self._start_listener()
        loop = asyncio.get_running_loop()
        waiter = Waiter(self, loop, loop.create_future())
        with self._lock:
            self._waiters.add(waiter.entry)
        return waiter

    def _disarm(self, entry: tuple[asyncio.AbstractEventLoop, "asyncio.Future[float]"]) -> None:
        with self._lock:
            self._waiters.discard(entry)

    def ensure_listening(self) -> bool:
        """Start the listener if needed; whether it is connected now (PostgreSQL)."""
        self._start_listener()
        return self.listening

    def _devices_changed(self) -> None:
        for callback in self.on_devices:
            callback()

    def _start_listener(self) -> None:
        with self._lock:
            if self._listener is not None:
                return
            self._listener = threading.Thread(target=self._listen, name="feed-listener", daemon=True)
        self._listener.start()

    def _listen(self) -> None:
        import psycopg
        url = self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        while not self._stop.is_set():
            try:
                with psycopg.connect(url, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    conn.execute(f"LISTEN {DEVICES_CHANNEL}")
                    self._devices_changed()  # anything missed while we were not listening
                    self.listening = True
                    self.notify()  # anything committed while we were not listening
                    while not self._stop.is_set():
                        for n in conn.notifies(timeout=1.0, stop_after=1):
                            if n.channel == DEVICES_CHANNEL:
                                self._devices_changed()
                            else:
                                self.notify()
            except Exception as exc:  # the database went away: waiters fall back on RECHECK_S
                self.listening = False
                log.warning("feed listener: %s; reconnecting", exc)
                self._stop.wait(2.0)
        self.listening = False

    async def heads(self, since: float) -> dict[str, tuple[int, int]]:
        """Every scope's (version, horizon) from a read that started at or after ``since``
        (monotonic): the kiosks woken by one notification share one read of the counters
        instead of a query each (1,000 waiting kiosks: one SELECT, not 1,000)."""
        loop = asyncio.get_running_loop()
        entry = self._reads.get(loop)
        if entry is None or entry[0] < since:
            entry = (time.monotonic(), loop.create_task(asyncio.to_thread(self._read_heads)))
            self._reads[loop] = entry
        return await asyncio.shield(entry[1])

    def _read_heads(self) -> dict[str, tuple[int, int]]:
        from central.db import scope_counters
        q = select(scope_counters.c.scope, scope_counters.c.version, scope_counters.c.horizon)
        opts: dict[str, Any] = {"isolation_level": "AUTOCOMMIT"} if self.postgres else {"readonly": True}
        with self.engine.connect().execution_options(**opts) as conn:
            if self.postgres:
                rows = conn.execute(q).all()
            else:
                with conn.begin():
                    rows = conn.execute(q).all()
        return {r.scope: (int(r.version), int(r.horizon)) for r in rows}

    def close(self) -> None:
        self._stop.set()


class Waiter:
    def __init__(self, signal: FeedSignal, loop: asyncio.AbstractEventLoop, fut: "asyncio.Future[float]") -> None:
        self.signal, self.entry = signal, (loop, fut)

    async def wait(self, timeout: float) -> float:
        """Until the next notification (or one since ``arm``), or ``timeout`` seconds; the
        moment to read the counters from (the notification's, or now after a timeout)."""
        try:
            return await asyncio.wait_for(asyncio.shield(self.entry[1]), timeout)
        except asyncio.TimeoutError:
            return time.monotonic()
        finally:
            self.disarm()

    def disarm(self) -> None:
        self.signal._disarm(self.entry)


def _wake(fut: "asyncio.Future[float]", stamp: float) -> None:
    if not fut.done():
        fut.set_result(stamp)
