"""The reminder job on the real server database (SQLite and PostgreSQL): the day before and
when overdue, to members who opted in, once per loan and kind."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import update

from central import db
from central.demo import building_id, flat_id
from central.lending_reminders import LogSender, RecordingSender, send_due_reminders
from central.lending_tables import loans
from lending_helpers import make_point


def _loan(office, loan_id: str, item: str, member: str, due: date) -> None:  # noqa: ANN001
    with office.engine.begin() as conn:
        conn.execute(loans.insert().values(id=loan_id, item_id=item, member_id=member, status="out",
                                           due_on=due.isoformat(), lent_at="2026-01-01"))


def test_reminders_go_once_to_members_who_opted_in(office):  # noqa: ANN001
    point = make_point(office)
    sms, mail, silent = (office.enroll_member({"first_name": n, "last_name": "Test", "building_id": building_id(1),
                                               "flat_id": flat_id(1, i + 1)}) for i, n in enumerate(("Awa", "Bob", "Cy")))
    with office.engine.begin() as conn:
        conn.execute(update(db.members).where(db.members.c.id == sms).values(phone="+33612345678", sms_opt_in=True))
        conn.execute(update(db.members).where(db.members.c.id == mail).values(email="bob@example.org"))
    today = date(2026, 3, 10)
    _loan(office, "l-tomorrow", point.grill, sms, today + timedelta(days=1))
    _loan(office, "l-late", point.drill, mail, today - timedelta(days=2))
    _loan(office, "l-silent", point.ladder, silent, today - timedelta(days=2))
    sender = RecordingSender()
    assert send_due_reminders(office.engine, sender, today) == 2
    got = {(r.loan_id, r.kind, r.channel, r.address) for r in sender.sent}
    assert got == {("l-tomorrow", "day_before", "sms", "+33612345678"),
                   ("l-late", "overdue", "email", "bob@example.org")}
    assert all("Appareil à raclette" in r.text or "Perceuse" in r.text for r in sender.sent)
    assert send_due_reminders(office.engine, sender, today) == 0          # once per loan and kind
    assert send_due_reminders(office.engine, sender, today + timedelta(days=2)) == 1   # tomorrow's is now overdue
    failing = RecordingSender(fail=True)
    _loan(office, "l-other", point.ladder, sms, today + timedelta(days=1))
    assert send_due_reminders(office.engine, failing, today) == 0
    assert send_due_reminders(office.engine, sender, today) == 1          # a failed send is tried again
    assert send_due_reminders(office.engine, LogSender(), today + timedelta(days=30)) >= 0


def test_the_command_runs_one_pass_and_never_sends_a_reminder_twice(office, central_url, monkeypatch,  # noqa: ANN001
                                                                     capsys, caplog) -> None:  # noqa: ANN001
    """``central lending-reminders`` on the real database: the log sender by default, the
    test double plugged in where a gateway would go; a second run (cron ran twice, or an
    hourly timer) sends nothing more."""
    import logging

    import central.lending_reminders as reminders
    from central.cli import main
    point = make_point(office)
    awa = office.enroll_member({"first_name": "Awa", "last_name": "Test", "building_id": building_id(1),
                                "flat_id": flat_id(1, 1)})
    with office.engine.begin() as conn:
        conn.execute(update(db.members).where(db.members.c.id == awa).values(phone="+33612345678", sms_opt_in=True))
    _loan(office, "l-cli", point.grill, awa, date(2026, 3, 11))
    args = ["--database-url", central_url, "lending-reminders", "--today", "2026-03-10"]
    with caplog.at_level(logging.INFO, logger="central.lending_reminders"):
        assert main(args) == 0
    assert "central: 1 loan reminders sent for 2026-03-10 (log only" in capsys.readouterr().out
    assert [r.getMessage() for r in caplog.records] == ["loan reminder day_before for loan l-cli by sms (log only)"]
    assert "+33612345678" not in caplog.text                               # the log never holds the address
    assert main(args) == 0 and "central: 0 loan reminders sent" in capsys.readouterr().out

    double = RecordingSender()
    monkeypatch.setattr(reminders, "default_sender", lambda: double)
    assert main(args) == 0 and double.sent == []                           # already sent by the log sender
    assert main(args[:-1] + ["2026-03-13"]) == 0                           # two days late: the overdue one
    assert [(r.loan_id, r.kind, r.address) for r in double.sent] == [("l-cli", "overdue", "+33612345678")]
    assert "central: 1 loan reminders sent for 2026-03-13\n" == capsys.readouterr().out.splitlines(True)[-1]
    assert main(args[:-1] + ["2026-03-14"]) == 0 and len(double.sent) == 1
    assert main(args[:-1] + ["14/03/2026"]) == 2
