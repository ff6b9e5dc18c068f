"""Request size limit (ASGI middleware) and per-key token-bucket rate limits.

The size limit refuses a body over ``max_bytes`` with 413 before the app reads it,
whether or not the client sent ``Content-Length``. Rate limits are per process (each
app process behind a load balancer keeps its own buckets): enough to stop a runaway
kiosk or a password-guessing loop; the answer is 429 with ``Retry-After`` and the
documented error body (``kiosk.protocol.wire.ErrorBody``).
"""

from __future__ import annotations

import json
import math
import threading
import time
from typing import Any, Awaitable, Callable, MutableMapping

from fastapi import HTTPException


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


class RateLimiter:
    """Token buckets: ``rate`` requests a second, bursts of ``burst``; rate 0 disables."""

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
                return max(1, math.ceil((1.0 - tokens) / self.rate))
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > 50_000:  # forget idle keys; bounded memory
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}
            return None

    def check(self, key: str, message: str = "too many requests: slow down") -> None:
        """Spend one token or raise 429 ``rate_limited`` with ``Retry-After``."""
        wait = self.take(key)
        if wait is not None:
            raise too_many(wait, message)


def too_many(wait_s: int, message: str) -> HTTPException:
    return HTTPException(429, detail={"code": "rate_limited", "message": message},
                         headers={"Retry-After": str(wait_s)})
