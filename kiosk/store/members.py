"""Members: the register of the club's members on this kiosk (its buildings only).

Names are indexed in ``members_fts`` (accents and case folded). ``erase`` deletes the
row (the FTS entry goes with it through a trigger) and then rewrites the FTS index
(``optimize``) so no old segment keeps the words; with ``secure_delete`` on, freed pages
are zeroed. Callers checkpoint the WAL afterwards. No Qt here.
"""

from __future__ import annotations

from kiosk.domain.members import Member, MemberStatus
from kiosk.domain.text import fold, fts_query
from kiosk.store.base import Repository
from kiosk.store.database import Connection

_EXCLUDE = ("household",)


class MembersRepository(Repository):
    def insert(self, m: Member) -> None:
        self._insert("members", m, extra={"folded_name": m.folded_name})

    def upsert(self, m: Member) -> None:
        self._insert("members", m, upsert_key=("id",), extra={"folded_name": m.folded_name})

    def get(self, member_id: str) -> Member | None:
        return self._one(Member, "SELECT * FROM members WHERE id = ?", (member_id,))

    def count(self, status: MemberStatus | None = None) -> int:
        if status is None:
            return self._scalar("SELECT count(*) FROM members")
        return self._scalar("SELECT count(*) FROM members WHERE status = ?", (status.value,))

    def in_flat(self, flat_id: str) -> list[Member]:
        return self._all(Member, "SELECT * FROM members WHERE flat_id = ? AND status != 'left'", (flat_id,))

    def possible_duplicates(self, flat_id: str, first_name: str, last_name: str, phone: str) -> list[Member]:
        """Same flat with a similar name (case and accents ignored), or the same phone."""
        folded = fold(f"{first_name} {last_name}")
        last = fold(last_name)
        same_flat = [m for m in self.in_flat(flat_id)
                     if m.folded_name == folded or fold(m.last_name) == last and
                     fold(m.first_name)[:3] == fold(first_name)[:3]]
        same_phone = self._all(Member, "SELECT * FROM members WHERE phone = ? AND status != 'left'", (phone,)) if phone else []
        seen, result = set(), []
        for m in same_flat + same_phone:
            if m.id not in seen:
                seen.add(m.id)
                result.append(m)
        return result

    def search(self, text: str, *, limit: int = 20) -> list[Member]:
        """Accent- and case-insensitive prefix search on names ("bena" finds "Bénard")."""
        query = fts_query(text)
        if not query:
            return []
        return self._all(Member, "SELECT m.* FROM members_fts f JOIN members m ON m.rowid = f.rowid "
                                 "WHERE members_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit))

    def update_contact(self, member_id: str, *, phone: str | None = None, email: str | None = None,
                       sms_opt_in: bool | None = None, newsletter_opt_in: bool | None = None) -> None:
        sets, params = [], []
        for col, value in (("phone", phone), ("email", email), ("sms_opt_in", sms_opt_in),
                           ("newsletter_opt_in", newsletter_opt_in)):
            if value is not None:
                sets.append(f"{col} = ?")
                params.append(int(value) if isinstance(value, bool) else value)
        if sets:
            self._exec(f"UPDATE members SET {', '.join(sets)} WHERE id = ?", params + [member_id])

    def set_status(self, member_id: str, status: MemberStatus) -> None:
        self._exec("UPDATE members SET status = ? WHERE id = ?", (status.value, member_id))

    def erase(self, member_id: str) -> bool:
        """Delete the member's row and purge the name index. True if a row went."""
        def go(c: Connection) -> bool:
            gone = c.execute("DELETE FROM members WHERE id = ?", (member_id,)).rowcount > 0
            if gone:
                c.execute("INSERT INTO members_fts(members_fts) VALUES ('optimize')")
            return gone
        return self._run(go)

    def ids(self) -> list[str]:
        return self._run(lambda c: [r[0] for r in c.execute("SELECT id FROM members")])
