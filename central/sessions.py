"""Server-side sessions of the office admin (a table, not a signed cookie).

The cookie carries a random 256-bit id and nothing else; the table keeps its SHA-256
(a stolen database does not give live cookies), the user, the CSRF token, an idle and
an absolute expiry, and the one-shot banner of the next page. Any app process can read
them, and ending a session is a row delete: logout, a password change, a role change or
a disabled account take effect on the next request, everywhere.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Engine, delete, select, update

from central.admin_tables import admin_sessions

ABSOLUTE = timedelta(hours=8)
IDLE = timedelta(hours=2)


def _hash(cookie: str) -> str:
    return hashlib.sha256(cookie.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Session:
    id_hash: str
    username: str
    csrf: str
    flash: dict[str, Any] | None


class SessionStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def create(self, username: str) -> str:
        """A new session; returns the cookie value (shown to nobody else, stored hashed)."""
        cookie = secrets.token_urlsafe(32)
        now = _now()
        with self.engine.begin() as conn:
            conn.execute(delete(admin_sessions).where(admin_sessions.c.expires_at < now.isoformat()))
            conn.execute(admin_sessions.insert().values(
                id_hash=_hash(cookie), username=username, csrf=secrets.token_urlsafe(24), created_at=now.isoformat(),
                last_seen=now.isoformat(), expires_at=(now + ABSOLUTE).isoformat(), flash=None))
        return cookie

    def get(self, cookie: str | None) -> Session | None:
        if not cookie or len(cookie) > 100:
            return None
        id_hash = _hash(cookie)
        now = _now()
        with self.engine.connect().execution_options(readonly=True) as conn, conn.begin():
            row = conn.execute(select(admin_sessions).where(admin_sessions.c.id_hash == id_hash)).mappings().first()
        if row is None:
            return None
        if row["expires_at"] < now.isoformat() or row["last_seen"] < (now - IDLE).isoformat():
            self.revoke(cookie)
            return None
        if row["last_seen"] < (now - timedelta(minutes=1)).isoformat():  # one write a minute at most
            with self.engine.begin() as conn:
                conn.execute(update(admin_sessions).where(admin_sessions.c.id_hash == id_hash)
                             .values(last_seen=now.isoformat()))
        return Session(id_hash, row["username"], row["csrf"], row["flash"])

    def set_flash(self, session: Session, kind: str, text: str, **extra: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(admin_sessions).where(admin_sessions.c.id_hash == session.id_hash)
                         .values(flash={"kind": kind, "text": text, **extra}))

    def pop_flash(self, session: Session) -> dict[str, Any] | None:
        if session.flash is None:
            return None
        with self.engine.begin() as conn:
            conn.execute(update(admin_sessions).where(admin_sessions.c.id_hash == session.id_hash).values(flash=None))
        return session.flash

    def revoke(self, cookie: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(admin_sessions).where(admin_sessions.c.id_hash == _hash(cookie)))

    def revoke_all(self, username: str, *, keep: str | None = None) -> int:
        """End every session of ``username`` (but ``keep``, a cookie value)."""
        q = delete(admin_sessions).where(admin_sessions.c.username == username)
        if keep:
            q = q.where(admin_sessions.c.id_hash != _hash(keep))
        with self.engine.begin() as conn:
            return int(conn.execute(q).rowcount or 0)

    def count(self, username: str) -> int:
        with self.engine.connect() as conn:
            return len(conn.execute(select(admin_sessions.c.id_hash)
                                    .where(admin_sessions.c.username == username)).all())
