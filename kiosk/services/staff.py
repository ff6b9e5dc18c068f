"""Staff mode: caretakers sign in with a badge or their id, plus a PIN; sessions; audit.

PINs are at least 6 digits (:func:`kiosk.domain.records.pin_problem`, the office's rule
too), hashed with argon2id (``argon2-cffi``). Three wrong PINs
lock that staff member for 5 minutes, doubling with each lock (``lock_count``); the
lock is stored in the ``staff`` table so a restart does not lift it. A wrong id and a
wrong PIN give the same answer (and the same argon2 cost), so the screen does not tell
who exists. A session ends after ``staff_idle_timeout_s`` without activity; the UI
also closes it on its own timer. Every staff action is written to the audit log: who,
what, which member id, when — never a name, phone or e-mail. No Qt here.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from kiosk.domain.cards import Role, Verdict
from kiosk.domain.errors import DomainError, FieldError, ValidationError
from kiosk.domain.records import PIN_MIN, Staff, StaffRole, pin_problem
from kiosk.services.cards import CardService, staff_uuid
from kiosk.store.database import Database
from kiosk.store.repositories import Repositories

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3
LOCK_BASE = timedelta(minutes=5)
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")
# argon2id of a random text nobody knows, with argon2-cffi's default parameters.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$0qHNxY4GpLpIseJAjF+P+g$wMyPyNQsONOI8gqJiED/vkOj3X50lM9eEs5vw+qeYsU"


class SignInRefused(DomainError):
    """Wrong id or PIN (deliberately the same), with the attempts left before a lock."""

    code = "staff.refused"

    def __init__(self, attempts_left: int | None = None) -> None:
        self.attempts_left = attempts_left
        super().__init__(self.code)


class StaffLocked(DomainError):
    code = "staff.locked"

    def __init__(self, until: datetime) -> None:
        self.until = until
        super().__init__(f"{self.code} until {until.isoformat()}")


class BadgeRefused(DomainError):
    """The scanned text is not a valid staff badge (verdict says why)."""

    code = "staff.badge_refused"

    def __init__(self, verdict: Verdict) -> None:
        self.verdict = verdict
        super().__init__(f"{self.code}: {verdict.value}")


class SessionExpired(DomainError):
    code = "staff.session_expired"


@dataclass
class StaffSession:
    staff_id: str
    display_name: str
    role: StaffRole
    started: datetime
    last_activity: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


def _utc(now: datetime) -> datetime:
    return now if now.tzinfo else now.replace(tzinfo=timezone.utc)


class StaffService:
    def __init__(self, db: Database, repos: Repositories, cards: CardService, *,
                 idle_timeout_s: int = 120, now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
                 hasher: PasswordHasher | None = None) -> None:
        self.db = db
        self.repos = repos
        self.cards = cards
        self.idle_timeout = timedelta(seconds=idle_timeout_s)
        self._now = now
        self._hasher = hasher or PasswordHasher()
        # What an unknown id is checked against, so it costs what a real PIN check costs. A
        # ready-made hash with the hasher's parameters (a new one only if they differ): making
        # one is a full argon2 run, half a second at start-up on a kiosk.
        self._dummy_hash = (_DUMMY_HASH if not self._hasher.check_needs_rehash(_DUMMY_HASH)
                            else self._hasher.hash("000000-not-a-pin"))

    def now(self) -> datetime:
        return _utc(self._now())

    # -- accounts (IT staff, `kiosk staff add`) -----------------------------------------------
    def add(self, staff_id: str, display_name: str, pin: str, role: StaffRole = StaffRole.CARETAKER) -> Staff:
        errors = []
        if not _ID.match(staff_id or ""):
            errors.append(FieldError("id", "staff.id_invalid"))
        if not display_name.strip():
            errors.append(FieldError("name", "required"))
        problem = pin_problem(pin)
        if problem is not None:
            errors.append(FieldError("pin", problem, {"min": PIN_MIN}))
        if errors:
            raise ValidationError(errors)
        staff = Staff(staff_id, display_name.strip(), role, self._hasher.hash(pin))
        self.repos.staff.upsert(staff)
        self.repos.audit.append("it", "staff_add", detail=staff_id)
        return staff

    def issue_badge(self, staff_id: str):
        """A signed staff badge (``Role.STAFF``) for an existing staff member."""
        if self.repos.staff.get(staff_id) is None:
            raise ValidationError([FieldError("id", "staff.unknown")])
        card = self.cards.issue(staff_id, role=Role.STAFF, holder_uuid=staff_uuid(staff_id), valid_days=3 * 365)
        self.repos.audit.append("it", "staff_badge", detail=f"{staff_id} serial {card.serial}")
        return card

    # -- signing in ---------------------------------------------------------------------------
    def sign_in(self, staff_id: str, pin: str) -> StaffSession:
        """Sign in with the staff id and PIN; raises SignInRefused or StaffLocked."""
        def go(_c) -> StaffSession | DomainError:
            with self.db.atomic():  # the refusal is committed before it is raised
                return self._check(staff_id.strip(), pin)
        outcome = self.db.run(go)
        if isinstance(outcome, DomainError):
            raise outcome
        return outcome

    def sign_in_with_badge(self, badge_text: str, pin: str) -> StaffSession:
        result = self.cards.verify_card(badge_text)
        if not result.ok or result.claims is None or result.claims.role is not Role.STAFF:
            verdict = result.verdict if not result.ok else Verdict.NOT_A_CARD
            self.repos.audit.append("-", "staff_badge_refused", detail=verdict.value)
            raise BadgeRefused(verdict)
        staff_id = self.cards.holder_of(result)
        if staff_id is None:
            staff_id = next((s.id for s in self.repos.staff.all() if staff_uuid(s.id) == result.claims.holder_id), "")
        return self.sign_in(staff_id, pin)

    def _check(self, staff_id: str, pin: str) -> StaffSession | DomainError:
        now = self.now()
        staff = self.repos.staff.get(staff_id) if staff_id else None
        if staff is None or not staff.active:
            self._verify(self._dummy_hash, pin)  # same cost as a real check
            self.repos.audit.append("-", "staff_sign_in_refused", detail="unknown id")
            return SignInRefused(None)
        if staff.locked_until:
            until = datetime.fromisoformat(staff.locked_until)
            if until > now:
                self.repos.audit.append(staff.id, "staff_sign_in_locked")
                return StaffLocked(until)
        if self._verify(staff.pin_hash, pin):
            self.repos.staff.record_attempt(staff.id, failed_attempts=0, lock_count=0, locked_until="")
            self.repos.audit.append(staff.id, "staff_sign_in")
            return StaffSession(staff.id, staff.display_name, staff.role, now, now)
        failed = staff.failed_attempts + 1
        if failed >= MAX_ATTEMPTS:
            until = now + LOCK_BASE * (2 ** staff.lock_count)
            self.repos.staff.record_attempt(staff.id, failed_attempts=0, lock_count=staff.lock_count + 1,
                                            locked_until=until.isoformat(timespec="seconds"))
            self.repos.audit.append(staff.id, "staff_locked", detail=f"until {until.isoformat(timespec='seconds')}")
            log.warning("staff %s locked until %s after %d wrong PINs", staff.id, until, MAX_ATTEMPTS)
            return StaffLocked(until)
        self.repos.staff.record_attempt(staff.id, failed_attempts=failed, lock_count=staff.lock_count,
                                        locked_until=staff.locked_until)
        self.repos.audit.append(staff.id, "staff_sign_in_refused", detail="wrong pin")
        return SignInRefused(MAX_ATTEMPTS - failed)

    def _verify(self, pin_hash: str, pin: str) -> bool:
        try:
            return self._hasher.verify(pin_hash, pin or "")
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    # -- sessions -----------------------------------------------------------------------------
    def is_active(self, session: StaffSession | None) -> bool:
        return session is not None and self.now() - _utc(session.last_activity) < self.idle_timeout

    def touch(self, session: StaffSession) -> None:
        session.last_activity = self.now()

    def require(self, session: StaffSession | None) -> StaffSession:
        """The session, refreshed; raises SessionExpired when it timed out."""
        if session is None or not self.is_active(session):
            raise SessionExpired()
        self.touch(session)
        return session

    def sign_out(self, session: StaffSession | None, reason: str = "sign_out") -> None:
        if session is not None:
            self.repos.audit.append(session.staff_id, "staff_sign_out", detail=reason)

    def audit(self, session: StaffSession | None, action: str, member_id: str = "", detail: str = "") -> None:
        """Record a staff action (ids and action names only, never contact details)."""
        self.repos.audit.append(session.staff_id if session else "self", action, member_id, detail)
