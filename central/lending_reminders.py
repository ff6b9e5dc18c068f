"""Loan reminders from the server: the day before a loan's due date, and once it is overdue,
to members who opted in (SMS when they accepted SMS and gave a phone; else e-mail when
they gave one). Each (loan, kind) is sent once: ``loan_reminders`` has that primary key
and the row is written in the transaction that sends, so a second run sends nothing.

:class:`ReminderSender` is the interface; :class:`LogSender` (the default) only writes a
log line without the address; :class:`RecordingSender` is the test double. A real SMS or
e-mail gateway is another implementation of the same method.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from sqlalchemy import Engine, and_, select

from central import db
from central.feed import _insert, now_iso
from central.lending_tables import lending_items, loan_reminders, loans
from kiosk.domain.lending import Loan, LoanStatus, reminder_due

log = logging.getLogger(__name__)

TEXTS = {
    ("day_before", "fr"): "Club : pensez à rapporter « {item} » demain ({due}) à la loge. Merci !",
    ("overdue", "fr"): "Club : « {item} » devait revenir le {due}. Merci de le rapporter à la loge.",
    ("day_before", "en"): "Club: please bring back \"{item}\" tomorrow ({due}) to the lodge. Thank you!",
    ("overdue", "en"): "Club: \"{item}\" was due on {due}. Please bring it back to the lodge.",
    ("day_before", "ar"): "النادي: يرجى إعادة «{item}» غدًا ({due}) إلى مكتب الحارس. شكرًا!",
    ("overdue", "ar"): "النادي: كان موعد إعادة «{item}» يوم {due}. يرجى إعادته إلى مكتب الحارس.",
}


@dataclass(frozen=True)
class Reminder:
    loan_id: str
    kind: str            # day_before | overdue
    channel: str         # sms | email
    address: str
    text: str


class ReminderSender(Protocol):
    def send(self, reminder: Reminder) -> bool: ...   # False: not sent (tried again next run)


class LogSender:
    """The default: a log line (never the address or the text, which name a member)."""

    def send(self, reminder: Reminder) -> bool:
        log.info("loan reminder %s for loan %s by %s (log only)", reminder.kind, reminder.loan_id, reminder.channel)
        return True


@dataclass
class RecordingSender:
    """The test double: keeps what it was asked to send."""

    sent: list[Reminder] = field(default_factory=list)
    fail: bool = False

    def send(self, reminder: Reminder) -> bool:
        if self.fail:
            return False
        self.sent.append(reminder)
        return True


def default_sender() -> ReminderSender:
    """The sender ``central lending-reminders`` uses: log only until a gateway is plugged in here."""
    return LogSender()


def send_due_reminders(engine: Engine, sender: ReminderSender, today: date | None = None) -> int:
    """Send today's reminders once each; how many were sent."""
    today = today or date.today()
    q = (select(loans, lending_items.c.name.label("item_name"), db.members.c.phone, db.members.c.email,
                db.members.c.sms_opt_in, db.members.c.language)
         .join(lending_items, lending_items.c.id == loans.c.item_id)
         .join(db.members, db.members.c.id == loans.c.member_id)
         .where(loans.c.status == "out"))
    sent = 0
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    for r in rows:
        kind = reminder_due(Loan(r["id"], r["item_id"], r["member_id"], LoanStatus.OUT, due_on=r["due_on"]), today)
        if kind is None:
            continue
        if r["sms_opt_in"] and r["phone"]:
            channel, address = "sms", r["phone"]
        elif r["email"]:
            channel, address = "email", r["email"]
        else:
            continue   # no way to reach them they agreed to: the kiosk's member space shows it
        lang = r["language"] if (kind, r["language"]) in TEXTS else "fr"
        text = TEXTS[(kind, lang)].format(item=r["item_name"], due=r["due_on"])
        with engine.begin() as conn:
            claimed = conn.execute(_insert(conn, loan_reminders).values(
                loan_id=r["id"], kind=kind, sent_at=now_iso(), channel=channel)
                .on_conflict_do_nothing(index_elements=["loan_id", "kind"]).returning(loan_reminders.c.loan_id)).first()
            if claimed is None:
                continue
            if not sender.send(Reminder(r["id"], kind, channel, address, text)):
                conn.execute(loan_reminders.delete().where(and_(loan_reminders.c.loan_id == r["id"],
                                                                loan_reminders.c.kind == kind)))
                continue
        sent += 1
    return sent
