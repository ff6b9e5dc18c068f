"""Office admin accounts: roles, estates, passwords and the per-account lockout.

Roles grow in rights: ``reader`` sees, ``editor`` also changes the catalogue, members
and places, ``admin`` also manages accounts and kiosks. ``estate_ids`` limits what an
account sees to some estates (empty: all of them).

Lockout, besides the per-address rate limit: each failed login for an account name
(whether it exists or not, so the answers do not tell) is counted in the database, so
every app process sees it. After ``FREE_FAILURES`` failures the name is locked for
30 s, then twice as long at each further failure, up to an hour; while locked, no
password is even checked. A success clears the count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import Argon2Error
from sqlalchemy import Engine, delete, select, update

from central.admin_tables import ROLES, admin_accounts, login_failures
from central.audit import record
from central.feed import _insert, now_iso

FREE_FAILURES = 5
FIRST_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(hours=1)
PASSWORD_MIN, PASSWORD_MAX = 10, 200
USERNAME_MAX = 80


class AccountError(ValueError):
    def __init__(self, code: str, retry_after_s: int = 0) -> None:
        super().__init__(code)
        self.code = code
        self.retry_after_s = retry_after_s


@dataclass(frozen=True)
class Account:
    username: str
    display_name: str
    role: str
    estate_ids: tuple[str, ...]
    active: bool

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)

    @property
    def all_estates(self) -> bool:
        return not self.estate_ids


def lock_delay(failures: int) -> timedelta:
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(MAX_LOCK, FIRST_LOCK * (2 ** min(failures - FREE_FAILURES, 12)))


def check_password_rule(password: str, username: str = "") -> None:
    if len(password) < PASSWORD_MIN:
        raise AccountError("password_too_short")
    if len(password) > PASSWORD_MAX:
        raise AccountError("password_too_long")
    if username and password.casefold() == username.casefold():
        raise AccountError("password_is_username")


def _account(row: Any) -> Account:
    return Account(row["username"], row["display_name"] or row["username"], row["role"],
                   tuple(row["estate_ids"] or ()), bool(row["active"]))


def check_login(engine: Engine, hasher: PasswordHasher, key: str, row: Any, password: str) -> None:
    """One login attempt against ``row`` (an account with ``password_hash`` and ``active``,
    or None), counted under ``key`` in ``login_failures``: returns if the password is right
    (the count cleared), else raises AccountError ``locked`` (with retry_after_s) or
    ``bad_credentials``. Office and partner accounts (``central/partners/accounts.py``)
    share it, under different keys."""
    now = datetime.now(timezone.utc)
    with engine.connect().execution_options(readonly=True) as conn, conn.begin():
        fail = conn.execute(select(login_failures).where(login_failures.c.username == key)).mappings().first()
    if fail is not None and fail["locked_until"] and fail["locked_until"] > now.isoformat():
        wait = datetime.fromisoformat(fail["locked_until"]) - now
        raise AccountError("locked", max(1, int(wait.total_seconds()) + 1))
    ok = False
    if len(password) <= PASSWORD_MAX:
        if row is None:
            hasher.hash(password)  # the same cost whether the account exists or not
        else:
            try:
                ok = hasher.verify(row["password_hash"], password) and bool(row["active"])
            except Argon2Error:
                ok = False
    if ok:
        with engine.begin() as conn:
            conn.execute(delete(login_failures).where(login_failures.c.username == key))
        return
    with engine.begin() as conn:
        stmt = _insert(conn, login_failures).values(username=key, failures=1, last_failure=now.isoformat())
        conn.execute(stmt.on_conflict_do_update(index_elements=["username"],
                                                set_={"failures": login_failures.c.failures + 1,
                                                      "last_failure": now.isoformat()}))
        failures = int(conn.execute(select(login_failures.c.failures)
                                    .where(login_failures.c.username == key)).scalar_one())
        delay = lock_delay(failures)
        if delay:
            conn.execute(update(login_failures).where(login_failures.c.username == key)
                         .values(locked_until=(now + delay).isoformat()))
    if delay:
        raise AccountError("locked", int(delay.total_seconds()))
    raise AccountError("bad_credentials")


class Accounts:
    def __init__(self, engine: Engine, hasher: PasswordHasher | None = None) -> None:
        self.engine = engine
        self.hasher = hasher or PasswordHasher()

    # -- reading ---------------------------------------------------------------------------
    def get(self, username: str) -> Account | None:
        with self.engine.connect().execution_options(readonly=True) as conn, conn.begin():
            row = conn.execute(select(admin_accounts).where(admin_accounts.c.username == username)).mappings().first()
        return _account(row) if row is not None else None

    def all(self) -> list[Account]:
        with self.engine.connect().execution_options(readonly=True) as conn, conn.begin():
            rows = conn.execute(select(admin_accounts).order_by(admin_accounts.c.username)).mappings().all()
        return [_account(r) for r in rows]

    # -- writing ---------------------------------------------------------------------------
    def save(self, username: str, *, role: str, estate_ids: list[str], display_name: str = "",
             password: str | None = None, active: bool = True, by: str = "system") -> None:
        """Create an account (``password`` required) or change one (``password`` optional)."""
        username = username.strip()
        if not username or len(username) > USERNAME_MAX or any(c.isspace() for c in username):
            raise AccountError("username_invalid")
        if role not in ROLES:
            raise AccountError("role_invalid")
        with self.engine.begin() as conn:
            old = conn.execute(select(admin_accounts).where(admin_accounts.c.username == username)).mappings().first()
            values: dict[str, Any] = {"username": username, "display_name": display_name.strip()[:120] or username,
                                      "role": role, "estate_ids": sorted(set(estate_ids)), "active": active}
            if password is not None:
                check_password_rule(password, username)
                values |= {"password_hash": self.hasher.hash(password), "password_changed_at": now_iso()}
            elif old is None:
                raise AccountError("password_required")
            if old is None:
                conn.execute(admin_accounts.insert().values(created_at=now_iso(), **values))
            else:
                conn.execute(update(admin_accounts).where(admin_accounts.c.username == username).values(**values))
            after = {k: values[k] for k in ("display_name", "role", "estate_ids", "active")}
            before = {k: old[k] for k in after} if old is not None else None
            record(conn, by, "create" if old is None else "update", "account", username, before=before, after=after,
                   summary=username + (" (mot de passe changé)" if password is not None and old is not None else ""))

    def set_password(self, username: str, password: str, *, by: str) -> None:
        check_password_rule(password, username)
        with self.engine.begin() as conn:
            n = conn.execute(update(admin_accounts).where(admin_accounts.c.username == username).values(
                password_hash=self.hasher.hash(password), password_changed_at=now_iso())).rowcount
            if not n:
                raise AccountError("account_unknown")
            record(conn, by, "password", "account", username, summary=f"{username} (mot de passe changé)")

    # -- logging in ------------------------------------------------------------------------
    def authenticate(self, username: str, password: str) -> Account:
        """The account, or AccountError ``bad_credentials`` / ``locked`` (with retry_after_s)."""
        with self.engine.connect().execution_options(readonly=True) as conn, conn.begin():
            row = conn.execute(select(admin_accounts).where(admin_accounts.c.username == username.strip()))\
                .mappings().first()
        check_login(self.engine, self.hasher, username.strip().casefold()[:USERNAME_MAX], row, password)
        return _account(row)

    def failures(self, username: str) -> int:
        with self.engine.connect() as conn:
            n = conn.execute(select(login_failures.c.failures)
                             .where(login_failures.c.username == username.casefold())).scalar()
        return int(n or 0)
