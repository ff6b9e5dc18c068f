"""Request size limit (ASGI middleware) and per-key token-bucket rate limits.

The size limit refuses a body over ``max_bytes`` with 413 before the app reads it,
whether or not the client sent ``Content-Length``. The admin's upload routes (``uploads``:
the item photo, the partner logo) take up to ``upload_max_bytes`` from a signed-in
browser, so that a phone photo reaches the form, which checks its own limit and answers
with the form re-filled and the photo's size in French. Past that, a browser on an admin
page gets a French HTML page (the sizes, nothing saved, go back: the typed values are
still there); an API client still gets the JSON body. Rate limits are per process (each
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
from html import escape as html_escape
from urllib.parse import urlsplit
import re
import threading
import time
from typing import Any, Awaitable, Callable, MutableMapping, Sequence

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


def size_fr(n: int) -> str:
    """A file's size as the office reads it: "1,4 Mo", "950 Ko" (decimal units, like the limits;
    rounded up, so that a file just over "1 Mo" never reads "1 Mo")."""
    if n >= 1_000_000:
        tenths = math.ceil(n / 100_000)
        return (f"{tenths // 10}" if tenths % 10 == 0 else f"{tenths // 10},{tenths % 10}") + " Mo"
    return f"{max(1, math.ceil(n / 1000))} Ko"


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int, *, uploads: Sequence[str] = (), upload_max_bytes: int = 0,
                 session_cookie: str = "", html_prefix: str = "/admin") -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.uploads = [re.compile(p) for p in uploads]
        self.upload_max_bytes = max(max_bytes, upload_max_bytes)
        self.session_cookie = session_cookie.encode()
        self.html_prefix = html_prefix

    def _limit(self, scope: Scope, headers: dict[bytes, bytes]) -> int:
        """``upload_max_bytes`` for a POST to an upload route carrying a session cookie (it is
        checked by the route; the cookie only keeps anonymous traffic at the small limit)."""
        if scope.get("method") == "POST" and any(p.fullmatch(scope.get("path", "")) for p in self.uploads) \
                and (not self.session_cookie or self.session_cookie + b"=" in headers.get(b"cookie", b"")):
            return self.upload_max_bytes
        return self.max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {name: value for name, value in scope.get("headers", [])}
        limit = self._limit(scope, headers)
        html = scope.get("path", "").startswith(self.html_prefix) and b"text/html" in headers.get(b"accept", b"")
        if b"content-length" in headers:
            try:
                size = int(headers[b"content-length"])
            except ValueError:
                size = limit + 1
            if size > limit:
                await _send_413(send, limit, size if html else None, html, _back(headers))
                return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send)
        except BodyTooLarge:
            await _send_413(send, limit, None, html, _back(headers))


def _back(headers: dict[bytes, bytes]) -> str:
    """The admin page the form was on (from ``Referer``), else the admin's home."""
    path = urlsplit(headers.get(b"referer", b"").decode("latin-1"))
    target = path.path + (f"?{path.query}" if path.query else "")
    return html_escape(target) if target.startswith("/admin/") else "/admin"


TOO_LARGE_PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Fichier trop lourd — Administration</title><link rel="stylesheet" href="/admin/static/admin.css"></head>
<body><main id="main"><h1>Fichier trop lourd</h1>
<div class="banner error" role="alert">{what} : {limit} au plus. Rien n'a été enregistré.</div>
<p>Revenez en arrière avec le bouton « Précédent » du navigateur : ce que vous avez tapé y est encore.
Choisissez un fichier plus léger (pour une photo, la taille « moyenne » du téléphone suffit) et envoyez de nouveau.</p>
<p><a class="button" href="{back}">Rouvrir le formulaire</a> <a class="button secondary" href="/admin">Accueil</a></p>
</main></body></html>
"""


async def _send_413(send: Send, limit: int, size: int | None, html: bool, back: str = "/admin") -> None:
    if html:
        what = f"Le fichier envoyé est trop lourd ({size_fr(size)})" if size else "Le fichier envoyé est trop lourd"
        body = TOO_LARGE_PAGE.format(what=what, limit=size_fr(limit), back=back).encode()
        kind = b"text/html; charset=utf-8"
    else:
        body = json.dumps({"code": "too_large", "message": "request body too large"}).encode()
        kind = b"application/json"
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                            (b"cache-control", b"no-store")]})
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
