"""Append-only logs: consents (with form version and notice hash) and the staff audit log.

Triggers in the schema refuse updates; there is no update method here. The audit log
never holds contact details: callers pass ids and action names only.
"""

from __future__ import annotations

from datetime import datetime, timezone

from kiosk.domain.records import AuditEntry, Consent
from kiosk.store.base import Repository


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class ConsentsRepository(Repository):
    def append(self, consent: Consent) -> None:
        self._insert("consents", consent)

    def add_if_absent(self, consent: Consent) -> None:
        """Append unless this consent (by id) is already recorded: a re-applied enrollment."""
        self._insert_if_absent("consents", consent, ("id",))

    def of_member(self, member_id: str) -> list[Consent]:
        return self._all(Consent, "SELECT * FROM consents WHERE member_id = ? ORDER BY at, rowid", (member_id,))


class AuditRepository(Repository):
    def append(self, staff_id: str, action: str, member_id: str = "", detail: str = "", at: str = "") -> None:
        self._exec("INSERT INTO audit_log (at, staff_id, action, member_id, detail) VALUES (?, ?, ?, ?, ?)",
                   (at or _now(), staff_id, action, member_id, detail))

    def recent(self, limit: int = 100) -> list[AuditEntry]:
        return self._all(AuditEntry, "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", (limit,))

    def of_member(self, member_id: str) -> list[AuditEntry]:
        return self._all(AuditEntry, "SELECT * FROM audit_log WHERE member_id = ? ORDER BY id", (member_id,))
