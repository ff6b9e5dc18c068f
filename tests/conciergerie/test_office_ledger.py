"""The office's side: demo exchanges and transfers (idempotent), balances as sums of
entries summing to zero, limits flagged, a reversal by the office reaching the kiosk,
the CSV export (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io

from central.conciergerie_office import ConciergerieOffice
from central.demo import building_id, seed_activity


def test_demo_ledger_balances_flags_reversal_and_csv(kiosk, office) -> None:  # noqa: ANN001
    seed_activity(office, members=24)
    seed_activity(office, members=24)                       # idempotent
    desk = ConciergerieOffice(office.engine)
    assert {x["status"] for x in desk.exchanges()} == {"published", "pending", "refused"}
    assert len(desk.exchanges()) == 6 and len(desk.exchanges("pending")) == 1
    balances = desk.balances()
    assert sum(b["balance"] for b in balances) == 0
    host = max(balances, key=lambda b: b["balance"])
    assert host["balance"] == 480 and host["flag"] == ""    # a workshop: 4 attendees × 2 h
    # the office reverses the workshop: everyone back to what they had
    workshop = next(t for t in desk.transfers() if t["id"] == "demo-transfer-2")
    desk.reverse(workshop["id"], by="bureau", note="Atelier annulé")
    after = {b["member_id"]: b["balance"] for b in desk.balances()}
    assert after[host["member_id"]] == 0 and sum(after.values()) == 0
    # a big workshop pushes its host over the limit: flagged, not refused
    k1 = kiosk("k1", building_id(1))
    from kiosk.services.conciergerie import build_conciergerie
    service = build_conciergerie(k1.store, k1.membership)
    people = [m for m, b in ((r["member_id"], r["building_id"]) for r in balances) if b == building_id(1)]
    service.transfer_by_staff(k1.session, people[0], [(m, 600) for m in people[1:4]])
    k1.sync()
    flagged = {b["member_id"]: b["flag"] for b in desk.flagged()}
    assert flagged.get(people[0]) == "high"
    assert service.balance(people[0]).flag is not None and service.balance(people[0]).flag.value == "high"
    rows = list(csv.reader(io.StringIO(desk.ledger_csv()), delimiter=";"))
    assert rows[0][:4] == ["transfer", "date", "membre", "minutes"]
    assert sum(int(r[3]) for r in rows[1:]) == 0
    assert any(r[6] == "demo-transfer-2" for r in rows[1:])   # the office's reversal names the workshop
