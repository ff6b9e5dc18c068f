"""Recording a mutation: its local effect and its outbox entry, in one transaction.

Services build a payload (``kiosk/protocol/mutations/``) and hand it to
:meth:`Recorder.record`: the definition's kiosk effect runs over the store's
repositories, then the entry is appended to the outbox, inside one ``db.atomic()``
(a savepoint when the service already holds a transaction, e.g. an enrollment and its
card). The sync applier re-applies the same effect after pulls, so the kiosk shows one
thing whichever way it got there. No Qt, no SQL here.
"""

from __future__ import annotations

from kiosk.protocol.parts import Payload
from kiosk.protocol.registry import definition_of
from kiosk.store.database import Database
from kiosk.store.repositories import Repositories


class Recorder:
    def __init__(self, db: Database, repos: Repositories) -> None:
        self.db = db
        self.repos = repos

    def record(self, payload: Payload) -> int:
        """Apply ``payload`` here and queue it for the server; the outbox seq."""
        definition = definition_of(payload)

        def go(_conn: object) -> int:
            with self.db.atomic():
                definition.kiosk_effect(self.repos, payload)
                return self.repos.outbox.append(definition.name, payload.model_dump(mode="json"))
        return self.db.run(go)
