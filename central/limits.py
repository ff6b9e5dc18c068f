"""Request size limit (ASGI middleware) and per-key token-bucket rate limits.

The size limit refuses a body over ``max_bytes`` with 413 before the app reads it,
whether or not the client sent ``Content-Length``. Rate limits are per process (each
app process behind a load balancer keeps its own buckets): enough to stop a runaway
kiosk or a password-guessing loop; the answer is 429 with ``Retry-After`` and the
documented error body (``kiosk.protocol.wire.ErrorBody``).

Two implementations of one interface (``take``/``check``): :class:`RateLimiter` keeps its
buckets in the process (one server process: the default), :class:`SharedRateLimiter`
in the database, so that several processes behind one address count together: a kiosk
or a password-guessing loop spread over N processes gets N times nothing more
(``shared_rate_limits``; ``central serve --workers N`` turns it on). The shared bucket is
one ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` a request (a single round trip,
atomic on SQLite and PostgreSQL), refilled from the wall clock, so every process must
keep its clock in time (NTP).
"""

from __future__ import annotations

import json
import math
import threading
import time
from typing import Any, Awaitable, Callable, MutableMapping

from fastapi import HTTPException
from sqlalchemy import Engine, case, delete, func
from sqlalchemy.dialects import postgresql, sqlite

from central.db import is_postgres, rate_buckets


Message = MutableMapping[str, Any]
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_bytes
                except ValueError:
                    too_big = True
                if too_big:
                    await _send_413(send)
                    return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send)
        except BodyTooLarge:
            await _send_413(send)


async def _send_413(send: Send) -> None:
    body = json.dumps({"code": "too_large", "message": "request body too large"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class Limiter:
    """What the app's routes call: ``take`` (the bucket's answer) and ``check`` (429)."""

    def take(self, key: str) -> int | None:
        raise NotImplementedError

    def check(self, key: str, message: str = "too many requests: slow down") -> None:
        """Spend one token or raise 429 ``rate_limited`` with ``Retry-After``."""
        wait = self.take(key)
        if wait is not None:
            raise too_many(wait, message)


def _wait_s(tokens: float, rate: float) -> int:
    return max(1, math.ceil((1.0 - tokens) / rate))


class RateLimiter(Limiter):
    """Token buckets in this process: ``rate`` requests a second, bursts of ``burst``; rate 0 disables."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> int | None:
        """Spend one token of ``key``'s bucket: None if there was one, else the seconds
        to wait (the bucket is left as it was)."""
        if self.rate <= 0:
            return None
        now = time.monotonic()
        with self._lock:
            tokens, stamp = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - stamp) * self.rate)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return _wait_s(tokens, self.rate)
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > 50_000:  # forget idle keys; bounded memory
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}
            return None


class SharedRateLimiter(Limiter):
    """The same token buckets in the ``rate_buckets`` table, seen by every process.

    ``name`` keeps the limiters of one app apart (device, public, auth failures). Buckets
    idle for an hour are deleted now and then (every ``PURGE_EVERY`` takes of a process)."""

    PURGE_EVERY = 2000

    def __init__(self, engine: Engine, name: str, rate: float, burst: int) -> None:
        self.engine, self.name, self.rate, self.burst = engine, name, rate, burst
        self._takes = 0
        insert = postgresql.insert if is_postgres(engine) else sqlite.insert
        least, greatest = (func.least, func.greatest) if is_postgres(engine) else (func.min, func.max)
        b = rate_buckets.c
        ins = insert(rate_buckets)
        # The bucket's tokens refilled up to now, from the row as it was (both dialects
        # evaluate every SET expression over the old row).
        refilled = least(float(burst), b.tokens + greatest(0.0, ins.excluded.stamp - b.stamp) * rate)
        self._statement = ins.on_conflict_do_update(
            index_elements=[b.key],
            set_={"allowed": refilled >= 1.0,
                  "tokens": case((refilled >= 1.0, refilled - 1.0), else_=refilled),
                  "stamp": ins.excluded.stamp},
        ).returning(b.allowed, b.tokens)

    def take(self, key: str) -> int | None:
        if self.rate <= 0:
            return None
        now = time.time()
        with self.engine.begin() as conn:
            allowed, tokens = conn.execute(self._statement, {"key": f"{self.name}:{key}"[:200],
                                                             "tokens": float(self.burst) - 1.0, "stamp": now,
                                                             "allowed": True}).one()
            self._takes += 1
            if self._takes % self.PURGE_EVERY == 0:
                conn.execute(delete(rate_buckets).where(rate_buckets.c.stamp < now - 3600))
        return None if allowed else _wait_s(float(tokens), self.rate)


def too_many(wait_s: int, message: str) -> HTTPException:
    return HTTPException(429, detail={"code": "rate_limited", "message": message},
                         headers={"Retry-After": str(wait_s)})
