"""The sync cycle: push the outbox in order, pull pages per scope, resync on 410, back off.

``run_once()`` does one cycle and returns a :class:`SyncReport`; the UI calls it from a
timer on a network thread and never waits for it. ``status()`` is thread-safe and
cheap (a copy under a lock). Between failures the engine waits exponentially longer
(with jitter, at least the server's ``Retry-After``); ``run_once`` called before that
time returns at once with ``skipped=True`` unless ``force=True``. The database is only
touched through ``db.run`` (its owner thread). No Qt.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, TypeVar

import httpx

from kiosk.store.opening import Store
from kiosk.store.repositories import Repositories
from kiosk.protocol import wire
from kiosk.protocol.health import HEARTBEAT_S
from kiosk.sync import applier
from kiosk.sync.client import (Gone, ProtocolError, Retryable, SyncClient, SyncError, Unauthorized,
                               UpgradeRequired, WipeOrdered)
from kiosk.sync.health import HealthCollector
from kiosk.sync.provisioning import SECRET_NAME, credential
from kiosk.sync.screenshot import ScreenshotDesk

log = logging.getLogger(__name__)
PUSH_BATCH = 200
T = TypeVar("T")
MAX_PAGES = 10_000


@dataclass(frozen=True)
class SyncStatus:
    state: str = "never"            # never, online, offline, unauthorized, upgrade_required, wiped, not_provisioned
    online: bool = False
    pending: int = 0
    last_success: str = ""          # ISO 8601 UTC
    last_error: str = ""            # error code
    next_attempt_in_s: float = 0.0


@dataclass
class SyncReport:
    ok: bool = False
    skipped: bool = False
    pushed: int = 0
    results: dict[str, int] = field(default_factory=dict)
    pulled: int = 0
    snapshot: bool = False
    error: str = ""
    duration_s: float = 0.0


class SyncEngine:
    def __init__(self, store: Store, client: SyncClient, *, clock: Callable[[], float] = time.monotonic,
                 rng: Callable[[], float] = random.random, base_delay_s: float = 5.0,
                 max_delay_s: float = 600.0, interval_s: float = 0.0,
                 health: HealthCollector | None = None) -> None:
        self.store = store
        self.client = client
        # The health report sent after a good cycle (kiosk/sync/health.py); the app sets
        # its ``parts`` (camera, printer, speech) from the objects it owns.
        self.health = health if health is not None else HealthCollector(store)
        self._health_sent_at = 0.0
        # IT's screenshot of the attract screen (kiosk/sync/screenshot.py): asked in the
        # health answer, grabbed by the window, sent by :meth:`send_screenshot`.
        self.screenshots = ScreenshotDesk()
        self._clock, self._rng = clock, rng
        self._base, self._max = base_delay_s, max_delay_s
        self._interval = interval_s  # after a success, the next cycle waits this long (the app's timer)
        self._lock = threading.Lock()
        self._run_lock = threading.Lock()  # one cycle at a time
        self._failures = 0
        self._next_at = 0.0
        self._status = SyncStatus(last_success=store.repos.kv.get("sync.last_success") or "",
                                  pending=store.repos.outbox.pending_count())

    @classmethod
    def for_store(cls, store: Store, *, transport: httpx.BaseTransport | None = None, server_url: str = "",
                  ca_file: str = "", **kw: Any) -> "SyncEngine":
        """The engine of a provisioned store (server URL and CA from provisioning)."""
        url = server_url or store.repos.kv.get("sync.server_url") or ""
        ca = ca_file or store.repos.kv.get("sync.ca_file") or ""
        client = SyncClient(url or "http://unconfigured.invalid", transport=transport, ca_file=ca,
                            credential=lambda: credential(store),
                            pending_count=lambda: store.repos.outbox.pending_count())
        return cls(store, client, **kw)

    # -- status ------------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        with self._lock:
            wait = max(0.0, self._next_at - self._clock())
            return dataclasses.replace(self._status, next_attempt_in_s=round(wait, 1))

    def _set(self, **changes: Any) -> None:
        with self._lock:
            self._status = dataclasses.replace(self._status, **changes)

    def _backoff(self, retry_after: float | None) -> None:
        with self._lock:
            self._failures += 1
            delay = min(self._max, self._base * 2 ** (self._failures - 1))
            delay = delay * (0.5 + self._rng() / 2)  # full spread: kiosks do not retry in step
            if retry_after:
                delay = max(delay, retry_after)
            self._next_at = self._clock() + delay

    # -- the cycle -----------------------------------------------------------------------------
    def run_once(self, *, force: bool = False) -> SyncReport:
        report = SyncReport()
        if not force and self._clock() < self._next_at:
            report.skipped = True
            return report
        if not self._run_lock.acquire(blocking=False):
            report.skipped = True
            return report
        started = time.perf_counter()
        try:
            if credential(self.store) is None:
                self._set(state="not_provisioned", online=False, last_error="sync.not_provisioned")
                report.error = "sync.not_provisioned"
                return report
            self._push(report)
            self._pull(report)
            report.ok = True
            with self._lock:
                self._failures, self._next_at = 0, (self._clock() + self._interval if self._interval else 0.0)
            stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
            self.store.repos.kv.set("sync.last_success", stamp)
            self._set(state="online", online=True, last_error="", last_success=stamp)
            self._report_health()
        except WipeOrdered as exc:
            self._wipe()
            report.error = exc.code
            self._set(state="wiped", online=False, last_error=exc.code)
        except (Unauthorized, UpgradeRequired) as exc:
            report.error = exc.code
            self._backoff(self._max)
            self._set(state="unauthorized" if isinstance(exc, Unauthorized) else "upgrade_required",
                      online=False, last_error=exc.code)
        except SyncError as exc:
            report.error = exc.code
            log.info("sync failed: %s", exc)
            self._backoff(exc.retry_after)
            self._set(state="offline", online=False, last_error=exc.code)
        except Exception:  # a bug or a local database error: never kill the network thread
            log.exception("sync cycle failed")
            report.error = "sync.internal"
            self._backoff(None)
            self._set(state="offline", online=False, last_error="sync.internal")
        finally:
            self._run_lock.release()
            report.duration_s = time.perf_counter() - started
            try:
                self._set(pending=self.store.repos.outbox.pending_count())
            except Exception:  # the store may be closing; the status is best effort
                pass
        return report

    def _report_health(self) -> None:
        """After a good cycle, the health report (at most every HEARTBEAT_S); never fails the cycle."""
        if self.health is None or (self._health_sent_at and time.monotonic() - self._health_sent_at < HEARTBEAT_S):
            return
        try:
            report = self.health.report()
            sent = time.time()
            answer = self.client.send_health(report)
            self.health.measured(sent, time.time(), answer.server_time)
            self._health_sent_at = time.monotonic()
        except Exception as exc:  # the fleet page shows the kiosk as silent; the sync went through
            log.info("health report not sent: %s", exc)
            return
        self.screenshots.asked(answer.screenshot_request)

    def send_screenshot(self) -> bool:
        """Upload the screenshot the window grabbed, if any (the app's sync tick calls it
        every few seconds, between cycles too). Never raises: a failed upload is tried
        again at the next tick while the server still asks; a refused one is dropped."""
        ready = self.screenshots.take()
        cred = credential(self.store)
        if ready is None or cred is None:
            return False
        request_id, encode = ready
        try:
            mime, data = encode()
            self.client.upload_screenshot(cred[0], request_id, mime, data)
        except (Retryable, Unauthorized, UpgradeRequired, WipeOrdered) as exc:
            log.info("screenshot not sent, will retry: %s", exc)
            self.screenshots.ready(request_id, encode)
            return False
        except Exception as exc:  # refused (the request was given up) or could not be encoded
            log.warning("screenshot dropped: %s", exc)
            self.screenshots.done(request_id)
            return False
        log.info("screenshot sent (%d bytes)", len(data))
        self.screenshots.done(request_id)
        return True

    def wait_for_changes(self, timeout_s: float) -> bool:
        """Block up to ``timeout_s`` until the server says the feed changed after this
        kiosk's cursor (kiosk/sync/watcher.py calls it on its own thread). False at once
        when there is nothing to wait from (not provisioned, no cursor yet, offline)."""
        cursor = self.store.repos.kv.get(applier.CURSOR_KEY)
        if not cursor or credential(self.store) is None or not self.status().online:
            return False
        return self.client.wait_for_changes(cursor, timeout_s)

    def _push(self, report: SyncReport) -> None:
        outbox = self.store.repos.outbox
        for _ in range(MAX_PAGES):
            entries = outbox.pending(limit=PUSH_BATCH)
            if not entries:
                return
            # Not validated here: the server judges each entry on its own, and one it can
            # never accept comes back rejected instead of blocking every push after it.
            batch = [wire.Mutation.model_construct(seq=e.seq, client_id=e.client_id, mutation=e.mutation,
                                                   payload=e.payload) for e in entries]
            answer = self.client.push(batch)
            self._in_transaction(lambda repos: applier.record_results(repos, answer.results))
            report.pushed += len(answer.results)
            for r in answer.results:
                report.results[r.status.value] = report.results.get(r.status.value, 0) + 1
            if answer.stopped:
                raise Retryable(f"push stopped by the server ({answer.retry_code})", code="sync.push_stopped")
            if not answer.results:
                raise ProtocolError("the server answered no mutation", code="sync.push_stalled")

    def _in_transaction(self, fn: Callable[[Repositories], T]) -> T:
        """``fn(repos)`` in one transaction on the database's owner thread."""
        db = self.store.db

        def go(_conn: object) -> T:
            with db.atomic():
                return fn(self.store.repos)
        return db.run(go)

    def _pull(self, report: SyncReport) -> None:
        cursor = self.store.repos.kv.get(applier.CURSOR_KEY)
        if not cursor:
            self._snapshot(report)
            return
        for _ in range(MAX_PAGES):
            try:
                page = self.client.pull(cursor)
            except Gone:
                self._snapshot(report)
                return
            if page.changes or page.cursor != cursor:  # else nothing new (304): no write
                self._apply_page(page)
            report.pulled += len(page.changes)
            cursor = page.cursor
            if not page.more:
                return

    def _apply_page(self, page: wire.PullResponse) -> None:
        self._after(self._in_transaction(lambda repos: applier.apply_page(repos, page.changes, page.cursor)))

    def _snapshot(self, report: SyncReport) -> None:
        snap = self.client.snapshot()
        self._after(self._in_transaction(lambda repos: applier.replace_from_snapshot(repos, snap)))
        report.snapshot = True
        report.pulled += len(snap.items)

    def _after(self, applied: applier.Applied) -> None:
        if applied.erased:
            self.store.db.checkpoint()  # no old page of an erased member left in the WAL

    def _wipe(self) -> None:
        self._in_transaction(applier.wipe)
        self.store.db.checkpoint()
        self.store.keystore.delete(SECRET_NAME)
