"""Tool lending here: points, items and their pictures (from the feed), loans and reservations
(made here, or from the feed), members' waivers and suspensions.

Loans are written by the lending mutations' local effects and by the feed, which has
the last word (the server's waiting-list positions, a loan another kiosk of the point
made). A loan the server refused stays here as ``refused`` with its code for the
caretaker. ``overdue`` is never stored (``kiosk.domain.lending.effective_status``).
No Qt here.
"""

from __future__ import annotations

from datetime import date

from kiosk.domain.lending import (Condition, Item, ItemPhoto, LendingPoint, LendingSuspension, Loan, LoanStatus,
                                  Waiver, hold_after_return)
from kiosk.store.base import Repository
from kiosk.store.database import Connection
from kiosk.store.rows import from_row, insert_sql, to_row

_ACTIVE = ("'reserved'", "'out'")


class LendingRepository(Repository):
    # -- catalogue ------------------------------------------------------------------------------
    def points(self) -> list[LendingPoint]:
        return self._all(LendingPoint, "SELECT * FROM lending_points ORDER BY name, id")

    def point(self, point_id: str) -> LendingPoint | None:
        return self._one(LendingPoint, "SELECT * FROM lending_points WHERE id = ?", (point_id,))

    def item(self, item_id: str) -> Item | None:
        return self._one(Item, "SELECT * FROM lending_items WHERE id = ?", (item_id,))

    def items(self, point_ids: list[str] | None = None) -> list[Item]:
        """Active items, by name (of these points only when given)."""
        if point_ids is None:
            return self._all(Item, "SELECT * FROM lending_items WHERE active = 1 ORDER BY name, id")
        marks = ", ".join("?" for _ in point_ids) or "''"
        return self._all(Item, f"SELECT * FROM lending_items WHERE active = 1 AND point_id IN ({marks}) "
                               "ORDER BY name, id", list(point_ids))

    def photo(self, item_id: str) -> ItemPhoto | None:
        return self._one(ItemPhoto, "SELECT * FROM item_photos WHERE item_id = ?", (item_id,))

    def put_item(self, item: Item) -> None:
        """The item's state after a return made here (the feed brings the office's edits)."""
        self._insert("lending_items", item, upsert_key=("id",))

    # -- loans ----------------------------------------------------------------------------------
    def add_loan(self, loan: Loan) -> None:
        """A reservation or a loan made here; a loan serving a reservation (same id) turns it out.
        A loan already out or settled is left as it is (the effect is re-applied after pulls)."""
        def go(c: Connection) -> None:
            if c.execute("SELECT 1 FROM lending_items WHERE id = ?", (loan.item_id,)).fetchone() is None:
                return
            row = c.execute("SELECT status FROM loans WHERE id = ?", (loan.id,)).fetchone()
            if row is None:
                sql, params = insert_sql("loans", to_row(loan))
                c.execute(sql, params)
            elif row["status"] == "reserved" and loan.status is LoanStatus.OUT:
                c.execute("UPDATE loans SET status = 'out', lent_at = ?, due_on = ?, staff_id = ?, "
                          "waitlist_position = NULL WHERE id = ?", (loan.lent_at, loan.due_on, loan.staff_id, loan.id))
        self._run(go)

    def refuse_loan(self, loan_id: str, code: str) -> None:
        self._exec("UPDATE loans SET status = 'refused', refusal = ? WHERE id = ? AND status IN ('out', 'reserved')",
                   (code, loan_id))

    def return_loan(self, loan_id: str, *, returned_at: str, condition: str, note: str) -> None:
        """The loan returned and its item's state after the check: to repair (on hold), or its
        maintenance hold from the return day. A "to repair" after an ok return (the caretaker
        looked closer) still puts the item on hold."""
        def go(c: Connection) -> None:
            row = c.execute("SELECT item_id, status FROM loans WHERE id = ?", (loan_id,)).fetchone()
            if row is None:
                return
            c.execute("UPDATE loans SET status = 'returned', returned_at = ?, return_condition = ?, "
                      "return_note = ? WHERE id = ? AND status IN ('out', 'returned')",
                      (returned_at, condition, note, loan_id))
            item = self._item_on(c, row["item_id"])
            if item is None:
                return
            if condition == Condition.TO_REPAIR.value:
                c.execute("UPDATE lending_items SET condition = 'to_repair', condition_note = ? WHERE id = ?",
                          (note, item.id))
            elif row["status"] == "out":
                day = date.fromisoformat(returned_at[:10]) if returned_at[:10] else date.today()
                c.execute("UPDATE lending_items SET on_hold_until = ? WHERE id = ?",
                          (hold_after_return(item, day), item.id))
        self._run(go)

    @staticmethod
    def _item_on(c: Connection, item_id: str) -> Item | None:
        r = c.execute("SELECT * FROM lending_items WHERE id = ?", (item_id,)).fetchone()
        return from_row(Item, r) if r is not None else None

    def cancel_loan(self, loan_id: str) -> None:
        self._exec("UPDATE loans SET status = 'cancelled', waitlist_position = NULL "
                   "WHERE id = ? AND status = 'reserved'", (loan_id,))

    def acknowledge(self, loan_id: str) -> None:
        """The caretaker saw a refused loan: it leaves the staff home (kept, marked seen)."""
        self._exec("UPDATE loans SET refusal = refusal || ':seen' WHERE id = ? AND status = 'refused' "
                   "AND refusal NOT LIKE '%:seen'", (loan_id,))

    def loan(self, loan_id: str) -> Loan | None:
        return self._one(Loan, "SELECT * FROM loans WHERE id = ?", (loan_id,))

    def out_loan(self, item_id: str) -> Loan | None:
        return self._one(Loan, "SELECT * FROM loans WHERE item_id = ? AND status = 'out' "
                               "ORDER BY lent_at LIMIT 1", (item_id,))

    def out_loans(self) -> list[Loan]:
        return self._all(Loan, "SELECT * FROM loans WHERE status = 'out' ORDER BY due_on, id")

    def of_member(self, member_id: str) -> list[Loan]:
        return self._all(Loan, "SELECT * FROM loans WHERE member_id = ? ORDER BY created_at DESC, id", (member_id,))

    def reservations(self, item_id: str) -> list[Loan]:
        """The item's waiting list: placed by the server first, then those made here since."""
        return self._all(Loan, "SELECT * FROM loans WHERE item_id = ? AND status = 'reserved' "
                               "ORDER BY waitlist_position IS NULL, waitlist_position, created_at, id", (item_id,))

    def active_of(self, item_id: str, member_id: str) -> Loan | None:
        return self._one(Loan, f"SELECT * FROM loans WHERE item_id = ? AND member_id = ? "
                               f"AND status IN ({', '.join(_ACTIVE)}) LIMIT 1", (item_id, member_id))

    def refused_unseen(self) -> list[Loan]:
        return self._all(Loan, "SELECT * FROM loans WHERE status = 'refused' AND refusal NOT LIKE '%:seen' "
                               "ORDER BY created_at, id")

    def suspension(self, member_id: str) -> LendingSuspension | None:
        return self._one(LendingSuspension, "SELECT * FROM lending_suspensions WHERE member_id = ?", (member_id,))


class WaiversRepository(Repository):
    def add_if_absent(self, waiver: Waiver) -> None:
        def go(c: Connection) -> None:
            if c.execute("SELECT 1 FROM members WHERE id = ?", (waiver.member_id,)).fetchone() is not None:
                sql, params = insert_sql("waivers", to_row(waiver))
                c.execute(sql + " ON CONFLICT (id) DO NOTHING", params)
        self._run(go)

    def signed(self, member_id: str, text_version: str) -> Waiver | None:
        return self._one(Waiver, "SELECT * FROM waivers WHERE member_id = ? AND text_version = ? "
                                 "ORDER BY at DESC LIMIT 1", (member_id, text_version))
