"""What the office does with exchanges and the time ledger.

Moderate a post (publish, or refuse with a reason: the author sees it in their space),
read the ledger (each member's balance as the sum of their entries, the flagged ones,
a member's entries), reverse a transfer (a new transfer naming it, once) and export
the ledger as CSV. Every write is audited with the office user and reaches the kiosks
through the feed.
"""

from __future__ import annotations

import csv
import io
import uuid
from typing import Any

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError

from central import audit, db
from central.conciergerie import add_transfer, entries_of, publish_exchange, transfer_of
from central.conciergerie_tables import exchanges, time_entries, time_transfers
from central.feed import FeedWriter, now_iso
from central.records import get_row
from kiosk.domain.exchanges import ExchangeStatus, transition_problem
from kiosk.domain.timebank import (Confirmation, TimeTransfer, limit_flag, reversal_entries, reversal_problem)


class OfficeRefusal(ValueError):
    """A refused office action; ``code`` is the message key."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class ConciergerieOffice:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _read(self, q: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings().all()]

    # -- exchanges -------------------------------------------------------------------------------
    def exchanges(self, status: str | None = None) -> list[dict[str, Any]]:
        q = select(exchanges).order_by(exchanges.c.created_at.desc(), exchanges.c.id)
        return self._read(q.where(exchanges.c.status == status) if status else q)

    def moderate_exchange(self, exchange_id: str, status: str, reason: str = "", *, by: str) -> None:
        """Publish, refuse (with a reason) or close a post; its building's kiosks see it next pull."""
        with self.engine.begin() as conn:
            row = get_row(conn, exchanges, id=exchange_id)
            if row is None:
                raise KeyError(exchange_id)
            try:
                target = ExchangeStatus(status)
            except ValueError:
                raise OfficeRefusal("exchange.transition_invalid") from None
            problem = transition_problem(ExchangeStatus(row["status"]), target, reason)
            if problem:
                raise OfficeRefusal(problem)
            values = {"status": target.value, "reason": reason.strip(), "moderated_by": by}
            conn.execute(update(exchanges).where(exchanges.c.id == exchange_id).values(**values))
            audit.record(conn, by, "update", "exchange", exchange_id,
                         before={"status": row["status"], "reason": row["reason"]},
                         after={"status": target.value, "reason": values["reason"]})
            fw = FeedWriter(conn)
            publish_exchange(conn, fw, exchange_id)
            fw.flush()

    # -- ledger ----------------------------------------------------------------------------------
    def balances(self) -> list[dict[str, Any]]:
        """Every member with entries: balance (minutes), number of entries, limit flag."""
        q = (select(time_entries.c.member_id, func.sum(time_entries.c.minutes).label("balance"),
                    func.count().label("entries"), db.members.c.first_name, db.members.c.last_name,
                    db.members.c.building_id)
             .select_from(time_entries.outerjoin(db.members, db.members.c.id == time_entries.c.member_id))
             .group_by(time_entries.c.member_id, db.members.c.first_name, db.members.c.last_name,
                       db.members.c.building_id)
             .order_by(db.members.c.last_name, db.members.c.first_name, time_entries.c.member_id))
        out = []
        for r in self._read(q):
            flag = limit_flag(int(r["balance"]))
            out.append(r | {"balance": int(r["balance"]), "flag": flag.value if flag else ""})
        return out

    def flagged(self) -> list[dict[str, Any]]:
        return [b for b in self.balances() if b["flag"]]

    def entries(self, member_id: str) -> list[dict[str, Any]]:
        q = (select(time_transfers, time_entries.c.minutes)
             .join(time_entries, time_entries.c.transfer_id == time_transfers.c.id)
             .where(time_entries.c.member_id == member_id)
             .order_by(time_transfers.c.created_at.desc(), time_transfers.c.id))
        return self._read(q)

    def transfers(self, limit: int = 200) -> list[dict[str, Any]]:
        rev = time_transfers.alias("rev")
        q = (select(time_transfers, rev.c.id.label("reversed_by"))
             .outerjoin(rev, rev.c.reverses == time_transfers.c.id)
             .order_by(time_transfers.c.created_at.desc(), time_transfers.c.id).limit(limit))
        return self._read(q)

    def reverse(self, transfer_id: str, *, by: str, note: str = "") -> str:
        """A reversal by the office (a new transfer naming the original); its id."""
        reversal_id = str(uuid.uuid4())
        try:
            with self.engine.begin() as conn:
                row = get_row(conn, time_transfers, id=transfer_id)
                original = transfer_of(row) if row is not None else None
                done = conn.execute(select(time_transfers.c.id).where(time_transfers.c.reverses == transfer_id)).first()
                problem = reversal_problem(original, done is not None)
                if problem or original is None:
                    raise OfficeRefusal(problem or "timebank.transfer_unknown")
                reversal = TimeTransfer(reversal_id, original.building_id, original.provider_id, Confirmation.OFFICE,
                                        by, original.id, note.strip()[:2000], now_iso())
                fw = FeedWriter(conn)
                add_transfer(conn, fw, reversal, reversal_entries(reversal_id, entries_of(conn, original.id)))
                audit.record(conn, by, "create", "time_transfer", reversal_id, after={"reverses": original.id})
                fw.flush()
        except IntegrityError:
            raise OfficeRefusal("timebank.already_reversed") from None   # a kiosk's reversal came first
        return reversal_id

    def ledger_csv(self) -> str:
        """Every entry, one line each: transfer, date, member, minutes, how it was confirmed, by whom."""
        q = (select(time_transfers.c.id, time_transfers.c.created_at, time_entries.c.member_id,
                    time_entries.c.minutes, time_transfers.c.confirmed_by, time_transfers.c.staff_id,
                    time_transfers.c.reverses)
             .join(time_entries, time_entries.c.transfer_id == time_transfers.c.id)
             .order_by(time_transfers.c.created_at, time_transfers.c.id, time_entries.c.member_id))
        buf = io.StringIO()
        out = csv.writer(buf, delimiter=";")
        out.writerow(["transfer", "date", "membre", "minutes", "confirmation", "enregistre_par", "annule"])
        for r in self._read(q):
            out.writerow([r["id"], r["created_at"], r["member_id"], r["minutes"], r["confirmed_by"], r["staff_id"],
                          r["reverses"] or ""])
        return buf.getvalue()
