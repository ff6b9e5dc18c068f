"""Help contacts per building and call-back requests (tables of migrations 0003 and 0004).

Help contacts come from the office through the feed (``repos.replica`` writes them);
``upsert`` is for the demo's own data. Call-back requests are this kiosk's own
history (an identified member's come back from the feed with the office's status),
without the phone number (the outbox entry carries it until the server has
it: :meth:`CallbacksRepository.forget_sent_phones`); a member's rows go with their
erasure (``kiosk/store/erasure.py``). No Qt here.
"""

from __future__ import annotations

import json

from kiosk.domain.help import CallbackRequest, HelpContact
from kiosk.store.base import Repository
from kiosk.store.database import Connection


class HelpContactsRepository(Repository):
    def upsert(self, contact: HelpContact) -> None:
        self._insert("help_contacts", contact, upsert_key=("id",))

    def for_buildings(self, building_ids: list[str] | None) -> list[HelpContact]:
        """The contacts of these buildings (all buildings when None or empty)."""
        if not building_ids:
            return self._all(HelpContact, "SELECT * FROM help_contacts ORDER BY position, name")
        marks = ",".join("?" * len(building_ids))
        return self._all(HelpContact, f"SELECT * FROM help_contacts WHERE building_id IN ({marks}) "
                                      "ORDER BY position, name", tuple(building_ids))


class CallbacksRepository(Repository):
    def add_if_absent(self, request: CallbackRequest) -> None:
        self._insert_if_absent("callback_requests", request, ("id",))

    def of_member(self, member_id: str) -> list[CallbackRequest]:
        return self._all(CallbackRequest, "SELECT * FROM callback_requests WHERE member_id = ? ORDER BY created_at",
                         (member_id,))

    def due_for(self, member_id: str) -> CallbackRequest | None:
        """The member's latest request still to call (the office's status when synced)."""
        return self._one(CallbackRequest, "SELECT * FROM callback_requests WHERE member_id = ? AND status = 'to_call' "
                                          "ORDER BY created_at DESC LIMIT 1", (member_id,))

    def get(self, request_id: str) -> CallbackRequest | None:
        return self._one(CallbackRequest, "SELECT * FROM callback_requests WHERE id = ?", (request_id,))

    def forget_sent_phones(self, mutation: str) -> int:
        """Drop the phone from every ``mutation`` outbox entry the server has answered (it
        has the number now); the entry keeps its seq and ids. How many lost one."""
        def go(c: Connection) -> int:
            n = 0
            for seq, raw in c.execute("SELECT seq, payload FROM outbox WHERE mutation = ? AND state != 'pending'",
                                      (mutation,)).fetchall():
                payload = json.loads(raw)
                if isinstance(payload, dict) and payload.pop("phone", ""):
                    c.execute("UPDATE outbox SET payload = ? WHERE seq = ?",
                              (json.dumps(payload, ensure_ascii=False), seq))
                    n += 1
            return n
        return self._run(go)
