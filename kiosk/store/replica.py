"""The rows the server owns, written as its feed delivers them (the sync applier's writes).

Each feed entity (``kiosk/protocol/entities.py``) is a dataclass of the domain; this
module knows its table and key and writes all its fields (``rows.to_row``), so the
entity type is the only description of a row. Rules of the local copy:
- a member keeps its local column (``left_at``); a staff account keeps this kiosk's
  lock state unless its PIN changed;
- a registration, a vote, a voucher, a member's savings line, a loan, an item, a waiver,
  an exchange post or a contact request whose parent (event, idea, member, item, lending
  point, post) this kiosk does not hold is skipped (its foreign key would fail the page);
- members are never deleted here: their removal is an erasure
  (:class:`kiosk.store.erasure.ErasureRepository`), whoever started it.
Runs inside the applier's ``db.atomic()``. No Qt here.
"""

from __future__ import annotations

from typing import Any

from kiosk.domain.community import Announcement, Attendance, Event, Idea, IdeaVote, LandlordRequest, Registration
from kiosk.domain.exchanges import ContactRequest, Exchange
from kiosk.domain.help import CallbackRequest, HelpContact
from kiosk.domain.lending import Item, ItemPhoto, LendingPoint, LendingSuspension, Loan, Waiver
from kiosk.domain.members import Member
from kiosk.domain.partners import Offer, Partner, PartnerLogo
from kiosk.domain.places import Building, Entrance, Estate, Flat
from kiosk.domain.records import CardIssuer, CardRecord, StaffAccount
from kiosk.domain.savings import MemberSaving
from kiosk.domain.timebank import TimeEntry, TimeTransfer
from kiosk.domain.fees import Payment
from kiosk.domain.vouchers import Voucher
from kiosk.store.base import Repository
from kiosk.store.database import Connection
from kiosk.store.rows import insert_sql, to_row

# entity type → (table, key columns)
TABLES: dict[type, tuple[str, tuple[str, ...]]] = {
    Estate: ("estates", ("id",)), Building: ("buildings", ("id",)), Entrance: ("entrances", ("id",)),
    Flat: ("flats", ("id",)), Member: ("members", ("id",)), CardRecord: ("cards", ("issuer_key_id", "serial")),
    CardIssuer: ("card_issuers", ("key_id",)), Partner: ("partners", ("id",)), Offer: ("offers", ("id",)),
    Event: ("events", ("id",)), Announcement: ("announcements", ("id",)), StaffAccount: ("staff", ("id",)),
    Registration: ("registrations", ("id",)), Attendance: ("attendance", ("event_id", "member_id")),
    Idea: ("ideas", ("id",)), IdeaVote: ("idea_votes", ("idea_id", "member_id")),
    LandlordRequest: ("requests", ("id",)),
    HelpContact: ("help_contacts", ("id",)), PartnerLogo: ("partner_logos", ("partner_id",)),
    CallbackRequest: ("callback_requests", ("id",)),
    Voucher: ("vouchers", ("id",)), MemberSaving: ("member_savings", ("member_id", "year", "kind", "partner_id")),
    LendingPoint: ("lending_points", ("id",)), Item: ("lending_items", ("id",)), ItemPhoto: ("item_photos", ("item_id",)),
    Loan: ("loans", ("id",)), Waiver: ("waivers", ("id",)), LendingSuspension: ("lending_suspensions", ("member_id",)),
    Exchange: ("exchanges", ("id",)), ContactRequest: ("exchange_contacts", ("id",)),
    TimeTransfer: ("time_transfers", ("id",)), TimeEntry: ("time_entries", ("transfer_id", "member_id")),
    Payment: ("fee_payments", ("id",)),
}
_PARENT: dict[type, tuple[str, str]] = {Registration: ("events", "event_id"), IdeaVote: ("ideas", "idea_id"),
                                        PartnerLogo: ("partners", "partner_id"), Voucher: ("members", "member_id"),
                                        MemberSaving: ("members", "member_id"), Item: ("lending_points", "point_id"),
                                        ItemPhoto: ("lending_items", "item_id"), Loan: ("lending_items", "item_id"),
                                        Waiver: ("members", "member_id"), LendingSuspension: ("members", "member_id"),
                                        Exchange: ("members", "member_id"),
                                        ContactRequest: ("exchanges", "exchange_id"),
                                        Payment: ("members", "member_id")}
# What a revoked kiosk erases (children first), besides the sync state.
_WIPE = ("waivers", "lending_suspensions", "loans", "item_photos", "lending_items", "lending_points",
         "exchange_contacts", "exchanges", "time_entries", "time_transfers", "fee_payments", "fee_receipt_counter",
         "vouchers", "member_savings", "attendance", "registrations", "idea_votes", "ideas", "requests",
         "callback_requests", "help_contacts", "consents", "outbox", "offers", "partner_logos", "partners",
         "announcements", "events", "staff", "cards", "members", "flats", "entrances", "buildings", "estates",
         "card_issuers")


def split_key(key: str, columns: tuple[str, ...]) -> list[Any]:
    """``"a:b"`` → ``["a", "b"]`` for a two-column key (a card's serial as an integer); only
    the last column may hold a colon."""
    if len(columns) == 1:
        return [key]
    parts = key.split(":", len(columns) - 1)
    parts += [""] * (len(columns) - len(parts))
    return [int(p or 0) if c == "serial" else p for c, p in zip(columns, parts)]


class ReplicaRepository(Repository):
    def defer_foreign_keys(self) -> None:
        """Foreign keys checked at commit, once the page is whole (children may come first)."""
        self._exec("PRAGMA defer_foreign_keys = ON")

    def put(self, obj: Any) -> None:
        cls = type(obj)
        table, key = TABLES[cls]
        if isinstance(obj, StaffAccount):
            self._put_staff(obj)
            return
        row = to_row(obj)
        if isinstance(obj, Member):
            row["folded_name"] = obj.folded_name
        sql, params = insert_sql(table, row, upsert_key=key)
        parent = _PARENT.get(cls)

        def go(c: Connection) -> None:
            if parent is not None and c.execute(f"SELECT 1 FROM {parent[0]} WHERE id = ?",
                                                (row[parent[1]],)).fetchone() is None:
                return
            c.execute(sql, params)
        self._run(go)

    def _put_staff(self, account: StaffAccount) -> None:
        def go(c: Connection) -> None:
            c.execute("UPDATE staff SET failed_attempts = 0, lock_count = 0, locked_until = '' "
                      "WHERE id = ? AND pin_hash != ?", (account.id, account.pin_hash))
            c.execute("INSERT INTO staff (id, display_name, role, pin_hash, active) VALUES (?, ?, ?, ?, ?) "
                      "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, "
                      "pin_hash = excluded.pin_hash, active = excluded.active",
                      (account.id, account.display_name, account.role.value, account.pin_hash, int(account.active)))
        self._run(go)

    def delete(self, cls: type, key: str) -> None:
        if cls is Member:
            raise ValueError("members leave through the erasure routine")
        table, columns = TABLES[cls]
        where = " AND ".join(f"{c} = ?" for c in columns)
        self._exec(f"DELETE FROM {table} WHERE {where}", split_key(key, columns))

    def keys(self, cls: type) -> set[str]:
        """The keys of every row of that type held here, as the feed writes them."""
        table, columns = TABLES[cls]
        expr = " || ':' || ".join(f"CAST({c} AS TEXT)" for c in columns)
        return set(self._run(lambda c: [r[0] for r in c.execute(f"SELECT {expr} FROM {table}")]))

    def wipe(self) -> None:
        """A revoked kiosk's order: every personal and scoped row goes, and the sync state."""
        def go(c: Connection) -> None:
            for table in _WIPE:
                c.execute(f"DELETE FROM {table}")
            c.execute("DELETE FROM kv WHERE key LIKE 'sync.%'")
            c.execute("INSERT INTO members_fts(members_fts) VALUES ('optimize')")
        self._run(go)
