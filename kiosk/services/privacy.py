"""Data-protection rights: erasure ("leave the club and erase my data"), access export,
and the retention purge of members who left.

Erasure records an ``erase_member`` mutation: its local effect is the kiosk's one
erasure routine (:class:`kiosk.store.erasure.ErasureRepository`, also run when the
office's erasure reaches the kiosk through the feed), in one transaction with the
outbox entry that makes every kiosk and the server forget too. The routine removes the
member row and its full-text entries, household, consents, event sign-ups, votes and
requests; makes ideas anonymous; revokes the cards (the revoked serials stay, they carry
no personal data and must keep being refused); and redacts every outbox entry about the
member, sent or not, in place (their sequence numbers must stay gap-free). Then the WAL
is checkpointed and truncated so no old page holds the data (``secure_delete`` zeroes
freed pages). The audit log keeps the member id (a random UUID) and the action, never a
name or contact. No Qt, no SQL here.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from kiosk.config import Config
from kiosk.domain.errors import NotFound
from kiosk.domain.members import member_number
from kiosk.protocol.mutations.erase_member import EraseMember
from kiosk.services.cards import CardService
from kiosk.services.recording import Recorder
from kiosk.services.staff import StaffService, StaffSession
from kiosk.store.database import Database
from kiosk.store.repositories import Repositories

log = logging.getLogger(__name__)


class PrivacyService:
    def __init__(self, db: Database, repos: Repositories, cards: CardService, staff: StaffService,
                 config: Config, *, now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.db = db
        self.repos = repos
        self.recorder = Recorder(db, repos)
        self.cards = cards
        self.staff = staff
        self.config = config
        self._now = now

    def now(self) -> datetime:
        n = self._now()
        return n if n.tzinfo else n.replace(tzinfo=timezone.utc)

    # -- erasure ----------------------------------------------------------------------------------
    def erase(self, member_id: str, *, session: StaffSession | None = None, reason: str = "request") -> None:
        """Erase a member's personal data now (by the member, or a caretaker's session)."""
        if session is not None:
            self.staff.require(session)
        if self.repos.members.get(member_id) is None:
            raise NotFound("member.not_found")

        def go(_c: object) -> None:
            with self.db.atomic():
                self.recorder.record(EraseMember(member_id=member_id, reason=reason[:40]))
                self.staff.audit(session, "erase", member_id, reason)
        self.db.run(go)
        self.db.checkpoint()
        log.info("member %s erased (%s)", member_number(member_id), reason)

    def leave(self, member_id: str, *, session: StaffSession | None = None) -> None:
        """The member leaves the club: everything personal goes now (the kiosk offers no
        "leave but keep my data"; :meth:`purge_expired` handles members marked left elsewhere)."""
        self.erase(member_id, session=session, reason="left")

    def purge_expired(self) -> int:
        """Erase members marked ``left`` longer ago than ``retention_days_after_leaving``."""
        cutoff = (self.now() - timedelta(days=self.config.retention_days_after_leaving)).isoformat(timespec="seconds")
        ids = self.repos.members.left_before(cutoff)
        for member_id in ids:
            self.erase(member_id, reason="retention")
        return len(ids)

    def mark_left(self, member_id: str, at: datetime | None = None) -> None:
        """Record that a member left (e.g. told by the office); purged after the retention."""
        stamp = (at or self.now()).astimezone(timezone.utc).isoformat(timespec="seconds")

        def go(_c: object) -> None:
            with self.db.atomic():
                self.repos.members.mark_left(member_id, stamp)
                self.cards.revoke_all(member_id)
        self.db.run(go)

    # -- access ------------------------------------------------------------------------------------
    def export(self, member_id: str, *, session: StaffSession | None = None) -> dict[str, Any]:
        """Everything the kiosk holds about one member (access request), JSON-ready."""
        if session is not None:
            self.staff.require(session)
        m = self.repos.members.get(member_id)
        if m is None:
            raise NotFound("member.not_found")
        flat = self.repos.places.flat(m.flat_id)
        building = self.repos.places.building(m.building_id)
        data = {
            "exported_at": self.now().isoformat(timespec="seconds"),
            "club": self.config.club_name,
            "member": {**_plain(m), "number": m.number,
                       "flat_label": flat.label if flat else "", "building_name": building.name if building else ""},
            "consents": [_plain(c) for c in self.repos.consents.of_member(member_id)],
            "cards": [_plain(c) for c in self.repos.cards.of_holder(member_id)],
            "event_registrations": [_plain(r) for r in self.repos.events.registrations_of(member_id)],
            "ideas": [_plain(i) for i in self.repos.ideas.of_member(member_id)],
            "requests": [_plain(r) for r in self.repos.requests.of_member(member_id)],
            "callback_requests": [_plain(r) for r in self.repos.callbacks.of_member(member_id)],
            "staff_actions": [_plain(a) for a in self.repos.audit.of_member(member_id)],
        }
        self.staff.audit(session, "export", member_id)
        return data


def _plain(obj: Any) -> Any:
    def conv(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [conv(x) for x in v]
        if hasattr(v, "value") and not isinstance(v, (str, int, float, bool)):
            return v.value
        return v
    return conv(dataclasses.asdict(obj))


def export_text(data: dict[str, Any]) -> str:
    """A readable plain-text rendering of an export (for the PDF)."""
    lines = [f"{data['club']} — {data['exported_at']}", ""]
    for section, value in data.items():
        if section in ("club", "exported_at"):
            continue
        lines.append(f"[{section}]")
        items = value if isinstance(value, list) else [value]
        if not items:
            lines.append("  (-)")
        for item in items:
            for k, v in item.items():
                lines.append(f"  {k}: {json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v}")
            lines.append("")
    return "\n".join(lines)
