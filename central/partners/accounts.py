"""Partner accounts (made by the office, one partner each) and their sessions.

A shop's staff log in on their own phone or tablet; the session lasts
:data:`ABSOLUTE` (a shop device stays logged in for weeks, and works offline meanwhile)
but ends after :data:`IDLE` without a request. The cookie ``ck_partner`` (path
``/partners``, HttpOnly, SameSite=Strict) holds a random id; the table keeps its
SHA-256, the account, **its partner** (every request's partner comes from here, never
from the request) and the CSRF token the page sends back in a header. Disabling an
account or changing its password ends its sessions.

Passwords follow the office's rule (``central.accounts.check_password_rule``) and the
same lockout, counted in ``login_failures`` under ``partner:<name>`` so the two kinds of
account never lock each other.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from sqlalchemy import Engine, delete, select, update

from central import db
from central.accounts import USERNAME_MAX, AccountError, check_login, check_password_rule
from central.audit import record
from central.feed import now_iso
from central.partners.redemptions import Account
from central.partners.tables import partner_accounts, partner_sessions
from central.records import get_row

ABSOLUTE = timedelta(days=30)
IDLE = timedelta(days=7)
COOKIE = "ck_partner"


@dataclass(frozen=True)
class PartnerSession:
    id_hash: str
    account: Account
    csrf: str


def _hash(cookie: str) -> str:
    return hashlib.sha256(cookie.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(timezone.utc)


class PartnerAccounts:
    def __init__(self, engine: Engine, hasher: PasswordHasher | None = None) -> None:
        self.engine = engine
        self.hasher = hasher or PasswordHasher()

    # -- the office's side ---------------------------------------------------------------
    def save(self, username: str, partner_id: str, *, display_name: str = "", password: str | None = None,
             active: bool = True, by: str = "system") -> None:
        username = username.strip()
        if not username or len(username) > USERNAME_MAX or any(c.isspace() for c in username):
            raise AccountError("username_invalid")
        with self.engine.begin() as conn:
            if get_row(conn, db.partners, id=partner_id) is None:
                raise AccountError("partner_unknown")
            old = get_row(conn, partner_accounts, username=username)
            values = {"username": username, "partner_id": partner_id, "active": active,
                      "display_name": display_name.strip()[:120] or username}
            if password is not None:
                check_password_rule(password, username)
                values["password_hash"] = self.hasher.hash(password)
            elif old is None:
                raise AccountError("password_required")
            if old is None:
                conn.execute(partner_accounts.insert().values(created_at=now_iso(), created_by=by, **values))
            else:
                conn.execute(update(partner_accounts).where(partner_accounts.c.username == username).values(**values))
                if password is not None or not active or old["partner_id"] != partner_id:
                    conn.execute(delete(partner_sessions).where(partner_sessions.c.username == username))
            record(conn, by, "create" if old is None else "update", "partner_account", username,
                   before={k: old[k] for k in ("partner_id", "active")} if old else None,
                   after={"partner_id": partner_id, "active": active},
                   summary=username + (" (mot de passe changé)" if password is not None and old else ""))

    def of_partner(self, partner_id: str | None = None) -> list[dict[str, object]]:
        q = select(partner_accounts.c.username, partner_accounts.c.partner_id, partner_accounts.c.display_name,
                   partner_accounts.c.active, partner_accounts.c.created_at).order_by(partner_accounts.c.username)
        if partner_id:
            q = q.where(partner_accounts.c.partner_id == partner_id)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    # -- logging in ------------------------------------------------------------------------
    def authenticate(self, username: str, password: str) -> Account:
        """The account, or AccountError ``bad_credentials`` / ``locked`` (with retry_after_s);
        the office's lockout, counted under ``partner:<name>``."""
        with self.engine.connect() as conn:
            row = get_row(conn, partner_accounts, username=username.strip())
        check_login(self.engine, self.hasher, "partner:" + username.strip().casefold()[:USERNAME_MAX], row, password)
        assert row is not None   # check_login refuses a missing account
        return Account(row["username"], row["partner_id"])

    # -- sessions --------------------------------------------------------------------------
    def open_session(self, account: Account) -> str:
        cookie = secrets.token_urlsafe(32)
        now = _now()
        with self.engine.begin() as conn:
            conn.execute(delete(partner_sessions).where(partner_sessions.c.expires_at < now.isoformat()))
            conn.execute(partner_sessions.insert().values(
                id_hash=_hash(cookie), username=account.username, partner_id=account.partner_id,
                csrf=secrets.token_urlsafe(24), created_at=now.isoformat(), last_seen=now.isoformat(),
                expires_at=(now + ABSOLUTE).isoformat()))
        return cookie

    def session(self, cookie: str | None) -> PartnerSession | None:
        """The live session of ``cookie`` whose account is still active, else None."""
        if not cookie or len(cookie) > 100:
            return None
        now = _now()
        q = (select(partner_sessions, partner_accounts.c.active, partner_accounts.c.partner_id.label("current"))
             .select_from(partner_sessions.join(partner_accounts,
                                                partner_accounts.c.username == partner_sessions.c.username))
             .where(partner_sessions.c.id_hash == _hash(cookie)))
        with self.engine.connect() as conn:
            row = conn.execute(q).mappings().first()
        if row is None:
            return None
        if (not row["active"] or row["current"] != row["partner_id"] or row["expires_at"] < now.isoformat()
                or row["last_seen"] < (now - IDLE).isoformat()):
            self.close_session(cookie)
            return None
        if row["last_seen"] < (now - timedelta(minutes=5)).isoformat():
            with self.engine.begin() as conn:
                conn.execute(update(partner_sessions).where(partner_sessions.c.id_hash == row["id_hash"])
                             .values(last_seen=now.isoformat()))
        return PartnerSession(row["id_hash"], Account(row["username"], row["partner_id"]), row["csrf"])

    def close_session(self, cookie: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(partner_sessions).where(partner_sessions.c.id_hash == _hash(cookie)))
