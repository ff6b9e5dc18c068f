"""Members: the register of the club's members on this kiosk (its buildings only).

Names are indexed in ``members_fts`` (accents and case folded). A member is erased by
:class:`kiosk.store.erasure.ErasureRepository` only (whichever side started it), which
also rewrites the FTS index so no old segment keeps the words. No Qt here.
"""

from __future__ import annotations

from kiosk.domain.members import Member, MemberStatus, duplicate_reason
from kiosk.domain.text import fts_query
from kiosk.store.base import Repository
from kiosk.store.database import Connection


class MembersRepository(Repository):
    def insert(self, m: Member) -> None:
        self._insert("members", m, extra={"folded_name": m.folded_name})

    def upsert(self, m: Member) -> None:
        """The member as the server has it (``left_at``, a local column, is kept)."""
        self._insert("members", m, upsert_key=("id",), extra={"folded_name": m.folded_name})

    def add_if_absent(self, m: Member) -> None:
        self._insert_if_absent("members", m, ("id",), extra={"folded_name": m.folded_name})

    def get(self, member_id: str) -> Member | None:
        return self._one(Member, "SELECT * FROM members WHERE id = ?", (member_id,))

    def count(self, status: MemberStatus | None = None) -> int:
        if status is None:
            return int(self._scalar("SELECT count(*) FROM members"))
        return int(self._scalar("SELECT count(*) FROM members WHERE status = ?", (status.value,)))

    def in_flat(self, flat_id: str) -> list[Member]:
        return self._all(Member, "SELECT * FROM members WHERE flat_id = ? AND status != 'left'", (flat_id,))

    def pending(self) -> list[Member]:
        """Self-enrolled members whose residence a caretaker has not confirmed yet, oldest first."""
        return self._all(Member, "SELECT * FROM members WHERE status = 'pending' ORDER BY created_at")

    def possible_duplicates(self, flat_id: str, first_name: str, last_name: str, phone: str) -> list[Member]:
        """Members that may be this person (the shared rule, :func:`duplicate_reason`)."""
        candidates = self._all(Member, "SELECT * FROM members WHERE (flat_id = ? OR (phone = ? AND phone != '')) "
                                       "AND status != 'left' ORDER BY created_at, id", (flat_id, phone))
        return [m for m in candidates if duplicate_reason(first_name, last_name, flat_id, phone, m) is not None]

    def search(self, text: str, *, limit: int = 20) -> list[Member]:
        """Accent- and case-insensitive prefix search on names ("bena" finds "Bénard")."""
        query = fts_query(text)
        if not query:
            return []
        return self._all(Member, "SELECT m.* FROM members_fts f JOIN members m ON m.rowid = f.rowid "
                                 "WHERE members_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit))

    def update_contact(self, member_id: str, *, phone: str | None = None, email: str | None = None,
                       language: str | None = None, sms_opt_in: bool | None = None,
                       newsletter_opt_in: bool | None = None) -> None:
        sets, params = [], []
        for col, value in (("phone", phone), ("email", email), ("language", language), ("sms_opt_in", sms_opt_in),
                           ("newsletter_opt_in", newsletter_opt_in)):
            if value is not None:
                sets.append(f"{col} = ?")
                params.append(int(value) if isinstance(value, bool) else value)
        if sets:
            self._exec(f"UPDATE members SET {', '.join(sets)} WHERE id = ?", params + [member_id])

    def activate(self, member_id: str) -> None:
        """A caretaker confirmed the residence of a self-enrolled (pending) member."""
        self._exec("UPDATE members SET status = 'active' WHERE id = ? AND status = 'pending'", (member_id,))

    def mark_left(self, member_id: str, at: str) -> None:
        self._exec("UPDATE members SET status = ?, left_at = ? WHERE id = ?", (MemberStatus.LEFT.value, at, member_id))

    def left_before(self, cutoff: str) -> list[str]:
        """Ids of members marked left at or before ``cutoff`` (ISO 8601 UTC): the retention purge."""
        return self._run(lambda c: [r[0] for r in c.execute(
            "SELECT id FROM members WHERE status = ? AND left_at != '' AND left_at <= ?",
            (MemberStatus.LEFT.value, cutoff))])

    def ids(self) -> list[str]:
        return self._run(lambda c: [r[0] for r in c.execute("SELECT id FROM members")])
