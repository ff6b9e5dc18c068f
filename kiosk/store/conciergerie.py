"""Neighbours' exchanges and the time ledger, as this kiosk holds them.

``exchanges`` and ``exchange_contacts`` are written by the mutations' local effects
(a post, a close, a contact request) and by the feed (the office's moderation);
``time_transfers`` and ``time_entries`` by ``record_time_transfer`` /
``reverse_time_transfer`` and by the feed (the server is the ledger's authority).
A balance is always a sum over ``time_entries``. No Qt here.
"""

from __future__ import annotations

from typing import Sequence

from kiosk.domain.exchanges import ContactRequest, Exchange, ExchangeCategory, ExchangeStatus
from kiosk.domain.timebank import TimeEntry, TimeTransfer
from kiosk.store.base import Repository
from kiosk.store.database import Connection
from kiosk.store.rows import from_row


class ExchangesRepository(Repository):
    def add_if_absent(self, exchange: Exchange) -> None:
        self._insert_if_absent("exchanges", exchange, ("id",))

    def close(self, exchange_id: str) -> None:
        self._exec("UPDATE exchanges SET status = ? WHERE id = ?", (ExchangeStatus.CLOSED.value, exchange_id))

    def add_contact(self, contact: ContactRequest) -> None:
        self._insert_if_absent("exchange_contacts", contact, ("id",))

    def get(self, exchange_id: str) -> Exchange | None:
        return self._one(Exchange, "SELECT * FROM exchanges WHERE id = ?", (exchange_id,))

    def published(self, category: ExchangeCategory | None = None) -> list[Exchange]:
        """What the lobby shows: published posts, newest first."""
        if category is None:
            return self._all(Exchange, "SELECT * FROM exchanges WHERE status = 'published' "
                                       "ORDER BY created_at DESC, id")
        return self._all(Exchange, "SELECT * FROM exchanges WHERE status = 'published' AND category = ? "
                                   "ORDER BY created_at DESC, id", (category.value,))

    def counts_by_category(self) -> dict[str, int]:
        rows = self._run(lambda c: c.execute("SELECT category, count(*) FROM exchanges WHERE status = 'published' "
                                             "GROUP BY category").fetchall())
        return {r[0]: r[1] for r in rows}

    def of_member(self, member_id: str) -> list[Exchange]:
        return self._all(Exchange, "SELECT * FROM exchanges WHERE member_id = ? ORDER BY created_at DESC, id",
                         (member_id,))

    def contacts_for(self, member_id: str) -> list[ContactRequest]:
        """Contact requests the member received (on their posts)."""
        return self._all(ContactRequest, "SELECT * FROM exchange_contacts WHERE to_member_id = ? "
                                         "ORDER BY created_at DESC, id", (member_id,))

    def contacts_from(self, member_id: str) -> list[ContactRequest]:
        """Contact requests the member sent (on other members' posts)."""
        return self._all(ContactRequest, "SELECT * FROM exchange_contacts WHERE from_member_id = ? "
                                         "ORDER BY created_at DESC, id", (member_id,))


class TimebankRepository(Repository):
    def add_transfer(self, transfer: TimeTransfer, entries: Sequence[TimeEntry]) -> None:
        """The transfer and its entries, unless already held (idempotent)."""
        if sum(e.minutes for e in entries) != 0:
            raise ValueError("timebank.unbalanced")
        if self._insert_if_absent("time_transfers", transfer, ("id",)):
            for e in entries:
                self._insert_if_absent("time_entries", e, ("transfer_id", "member_id"))

    def remove_transfer(self, transfer_id: str) -> None:
        def go(c: Connection) -> None:
            c.execute("DELETE FROM time_entries WHERE transfer_id = ?", (transfer_id,))
            c.execute("DELETE FROM time_transfers WHERE id = ?", (transfer_id,))
        self._run(go)

    def get(self, transfer_id: str) -> TimeTransfer | None:
        return self._one(TimeTransfer, "SELECT * FROM time_transfers WHERE id = ?", (transfer_id,))

    def entries_of(self, transfer_id: str) -> list[TimeEntry]:
        return self._all(TimeEntry, "SELECT transfer_id, member_id, minutes FROM time_entries "
                                    "WHERE transfer_id = ? ORDER BY minutes DESC, member_id", (transfer_id,))

    def reversed_by(self, transfer_id: str) -> str | None:
        found = self._scalar("SELECT id FROM time_transfers WHERE reverses = ? LIMIT 1", (transfer_id,))
        return str(found) if found else None

    def balance(self, member_id: str) -> int:
        return int(self._scalar("SELECT coalesce(sum(minutes), 0) FROM time_entries WHERE member_id = ?",
                                (member_id,)))

    def balances(self) -> dict[str, int]:
        rows = self._run(lambda c: c.execute("SELECT member_id, sum(minutes) FROM time_entries "
                                             "GROUP BY member_id").fetchall())
        return {r[0]: int(r[1]) for r in rows}

    def all_entries(self) -> list[TimeEntry]:
        return self._all(TimeEntry, "SELECT transfer_id, member_id, minutes FROM time_entries")

    def history(self, member_id: str, limit: int = 100) -> list[tuple[TimeTransfer, int]]:
        """The member's transfers, newest first, each with the member's minutes in it."""
        def go(c: Connection) -> list[tuple[TimeTransfer, int]]:
            rows = c.execute("SELECT t.*, e.minutes AS mine FROM time_entries e JOIN time_transfers t "
                             "ON t.id = e.transfer_id WHERE e.member_id = ? ORDER BY t.created_at DESC, t.id "
                             "LIMIT ?", (member_id, limit)).fetchall()
            return [(from_row(TimeTransfer, r), int(r["mine"])) for r in rows]
        return self._run(go)

    def recent(self, limit: int = 30) -> list[tuple[TimeTransfer, int, list[str], bool]]:
        """The latest transfers that are not reversals, newest first: each with the minutes
        credited, the receivers' ids and whether it has been reversed (staff mode lists them)."""
        def go(c: Connection) -> list[tuple[TimeTransfer, int, list[str], bool]]:
            rows = c.execute("SELECT t.*, EXISTS (SELECT 1 FROM time_transfers r WHERE r.reverses = t.id) AS undone "
                             "FROM time_transfers t WHERE t.reverses = '' ORDER BY t.created_at DESC, t.id LIMIT ?",
                             (limit,)).fetchall()
            out = []
            for r in rows:
                entries = c.execute("SELECT member_id, minutes FROM time_entries WHERE transfer_id = ? "
                                    "ORDER BY member_id", (r["id"],)).fetchall()
                credited = sum(int(e["minutes"]) for e in entries if int(e["minutes"]) > 0)
                receivers = [str(e["member_id"]) for e in entries if int(e["minutes"]) < 0]
                out.append((from_row(TimeTransfer, {k: r[k] for k in r.keys() if k != "undone"}), credited,
                            receivers, bool(r["undone"])))
            return out
        return self._run(go)
