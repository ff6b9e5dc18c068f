"""The outbox of named mutations for the server, and a small key/value table.

``append`` must be called inside the same ``db.atomic()`` as the local change it
describes, so a change and its outbox entry are committed together or not at all
(services do it through :class:`kiosk.services.recording.Recorder`). Sequence numbers
are gap-free per device (max + 1 inside the transaction), so rows are never deleted:
an erasure redacts their payload in place (``replace_payload``) and the row keeps its
seq, or the next entry would reuse a number the server already processed.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone
from typing import Any

from kiosk.domain.records import OutboxEntry, OutboxState
from kiosk.store.base import Repository
from kiosk.store.database import Connection


class OutboxRepository(Repository):
    def append(self, mutation: str, payload: dict[str, Any], client_id: str | None = None) -> int:
        def go(c: Connection) -> int:
            seq = (c.execute("SELECT max(seq) FROM outbox").fetchone()[0] or 0) + 1
            c.execute("INSERT INTO outbox (seq, client_id, mutation, payload, created_at) VALUES (?, ?, ?, ?, ?)",
                      (seq, client_id or str(uuid.uuid4()), mutation, json.dumps(payload, ensure_ascii=False),
                       datetime.now(timezone.utc).isoformat(timespec="seconds")))
            return seq
        return self._run(go)

    def pending(self, limit: int | None = 500) -> list[OutboxEntry]:
        """Entries not yet answered, in order (``limit=None``: all of them)."""
        return self._all(OutboxEntry, "SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?",
                         (-1 if limit is None else limit,))

    def next_unsent_seq(self) -> int:
        """The seq a new credential starts from: the first pending entry, or after the last."""
        return int(self._scalar("SELECT coalesce((SELECT min(seq) FROM outbox WHERE state = 'pending'), "
                                "(SELECT coalesce(max(seq), 0) + 1 FROM outbox))"))

    def pending_count(self) -> int:
        return int(self._scalar("SELECT count(*) FROM outbox WHERE state = 'pending'"))

    def first_unsent_seq(self) -> int:
        """The seq of the first entry not yet answered (or the next one): where a new
        credential starts counting (``kiosk provision`` on a store that already synced)."""
        return int(self._scalar("SELECT coalesce((SELECT min(seq) FROM outbox WHERE state = 'pending'), "
                                "(SELECT coalesce(max(seq), 0) + 1 FROM outbox))"))

    def get(self, seq: int) -> OutboxEntry | None:
        return self._one(OutboxEntry, "SELECT * FROM outbox WHERE seq = ?", (seq,))

    def mark(self, seq: int, state: OutboxState, result: dict[str, Any] | None = None) -> None:
        self._exec("UPDATE outbox SET state = ?, result = ? WHERE seq = ?",
                   (state.value, json.dumps(result) if result is not None else None, seq))

    def settle(self, seq: int, client_id: str, state: OutboxState, result: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
        """Record the server's answer on a pending entry; its (mutation, payload), or None if
        ``seq`` is not a pending entry with that client id (an answer already recorded)."""
        def go(c: Connection) -> tuple[str, dict[str, Any]] | None:
            row = c.execute("UPDATE outbox SET state = ?, result = ? WHERE seq = ? AND client_id = ? AND "
                            "state = 'pending' RETURNING mutation, payload",
                            (state.value, json.dumps(result), seq, client_id)).fetchone()
            return (row[0], json.loads(row[1])) if row is not None else None
        return self._run(go)

    def rejected(self, limit: int = 20) -> list[OutboxEntry]:
        """Entries the server refused for good, newest first (staff mode and ``kiosk status`` list them)."""
        return self._all(OutboxEntry, "SELECT * FROM outbox WHERE state = 'rejected' ORDER BY seq DESC LIMIT ?",
                         (limit,))

    def rejected_count(self) -> int:
        return int(self._scalar("SELECT count(*) FROM outbox WHERE state = 'rejected'"))

    def naming(self, text: str) -> list[OutboxEntry]:
        """Entries whose payload contains ``text`` (an id): the candidates an erasure redacts."""
        return self._all(OutboxEntry, "SELECT * FROM outbox WHERE instr(payload, ?) > 0 ORDER BY seq", (text,))

    def replace_payload(self, seq: int, payload: dict[str, Any]) -> None:
        self._exec("UPDATE outbox SET payload = ? WHERE seq = ?", (json.dumps(payload, ensure_ascii=False), seq))


class KeyValueRepository(Repository):
    def get(self, key: str, default: str | None = None) -> str | None:
        value = self._scalar("SELECT value FROM kv WHERE key = ?", (key,))
        return default if value is None else value

    def set(self, key: str, value: str) -> None:
        self._exec("INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   (key, value))

    def delete(self, key: str) -> None:
        self._exec("DELETE FROM kv WHERE key = ?", (key,))
