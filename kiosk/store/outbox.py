"""The outbox of named mutations for the server, and a small key/value table.

``append`` must be called inside the same ``db.atomic()`` as the local change it
describes, so a change and its outbox entry are committed together or not at all.
Sequence numbers are gap-free per device (max + 1 inside the transaction).
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

    def pending(self, limit: int = 500) -> list[OutboxEntry]:
        return self._all(OutboxEntry, "SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?", (limit,))

    def next_unsent_seq(self) -> int:
        """The seq a new credential starts from: the first pending entry, or after the last."""
        return int(self._scalar("SELECT coalesce((SELECT min(seq) FROM outbox WHERE state = 'pending'), "
                                "(SELECT coalesce(max(seq), 0) + 1 FROM outbox))"))

    def pending_count(self) -> int:
        return self._scalar("SELECT count(*) FROM outbox WHERE state = 'pending'")

    def mark(self, seq: int, state: OutboxState, result: dict[str, Any] | None = None) -> None:
        self._exec("UPDATE outbox SET state = ?, result = ? WHERE seq = ?",
                   (state.value, json.dumps(result) if result is not None else None, seq))

    def scrub_member(self, member_id: str) -> int:
        """Erasure: drop pending entries that carry this member's personal data, keep the erase itself."""
        return self._exec("DELETE FROM outbox WHERE state != 'pending' AND payload LIKE ?", (f'%{member_id}%',))


class KeyValueRepository(Repository):
    def get(self, key: str, default: str | None = None) -> str | None:
        value = self._scalar("SELECT value FROM kv WHERE key = ?", (key,))
        return default if value is None else value

    def set(self, key: str, value: str) -> None:
        self._exec("INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   (key, value))

    def delete(self, key: str) -> None:
        self._exec("DELETE FROM kv WHERE key = ?", (key,))
