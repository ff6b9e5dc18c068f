"""The one erasure of a member on this kiosk, whichever side started it.

Called by the ``erase_member`` mutation's local effect (the member left the club here)
and by the sync applier when the feed deletes a member (the office erased or merged
them, or they moved out of this kiosk's buildings). In one transaction, for each
member: cards revoked (serials stay: they carry no personal data and must keep being
refused), consent rows, event sign-ups, votes, requests and call-back requests deleted, ideas made
anonymous, the member row deleted, and every outbox entry about them redacted in
place: sent or not, its payload loses the personal fields its definition names
(:func:`kiosk.protocol.registry.redact_for_erasure`) and keeps its seq. Then the
name index is rewritten (FTS ``optimize``), so no old segment keeps the words.
``secure_delete`` zeroes the freed pages; callers checkpoint the WAL after committing.
Attendance rows and the audit log keep the member id only (a random UUID). No Qt here.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Sequence

from kiosk.protocol.registry import redact_for_erasure
from kiosk.store.base import Repository
from kiosk.store.database import Connection

_FORGET = ("DELETE FROM consents WHERE member_id = ?",
           "DELETE FROM registrations WHERE member_id = ?",
           "DELETE FROM idea_votes WHERE member_id = ?",
           "UPDATE ideas SET member_id = NULL WHERE member_id = ?",
           "DELETE FROM requests WHERE member_id = ?",
           "DELETE FROM callback_requests WHERE member_id = ?",
           "DELETE FROM loans WHERE member_id = ?",
           "DELETE FROM waivers WHERE member_id = ?")
# Above this many members, the outbox is read once rather than searched once per member.
_SCAN_ALL_FROM = 10


class ErasureRepository(Repository):
    def erase_members(self, member_ids: Sequence[str]) -> int:
        """Erase these members' personal data here; how many member rows went."""
        ids = list(dict.fromkeys(member_ids))
        if not ids:
            return 0

        def go(c: Connection) -> int:
            with self.db.atomic():
                now = datetime.now(timezone.utc).isoformat(timespec="seconds")
                gone = 0
                for mid in ids:
                    c.execute("UPDATE cards SET status = 'revoked', revoked_at = ? WHERE holder_id = ? "
                              "AND status = 'active'", (now, mid))
                    for sql in _FORGET:
                        c.execute(sql, (mid,))
                    gone += c.execute("DELETE FROM members WHERE id = ?", (mid,)).rowcount
                _redact_outbox(c, ids)
                c.execute("INSERT INTO members_fts(members_fts) VALUES ('optimize')")
                return gone
        return self._run(go)


def _redact_outbox(c: Connection, member_ids: list[str]) -> None:
    wanted = set(member_ids)
    if len(member_ids) < _SCAN_ALL_FROM:
        rows = [r for mid in member_ids
                for r in c.execute("SELECT seq, mutation, payload FROM outbox WHERE instr(payload, ?) > 0", (mid,))]
    else:
        rows = c.execute("SELECT seq, mutation, payload FROM outbox").fetchall()
    for seq, mutation, raw in rows:
        payload = json.loads(raw)
        if not isinstance(payload, dict):
            continue
        redacted = redact_for_erasure(mutation, payload, wanted)
        if redacted is not None:
            c.execute("UPDATE outbox SET payload = ? WHERE seq = ?", (json.dumps(redacted, ensure_ascii=False), seq))
