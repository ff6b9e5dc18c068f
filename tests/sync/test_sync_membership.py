"""The membership engineer's real services through sync: a tenant self-enrolls at kiosk A
(member, consents, card, outbox in one transaction); after A and B sync, kiosk B opens
the member's space from the card offline (issuer key from the feed), and the server
holds the member, its consents and the card exactly once."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from central import db
from central.demo import building_id, flat_id
from kiosk.config import load_config
from kiosk.domain.members import EnrollmentForm
from kiosk.services.members import build_membership
from kiosk.services.notice import load_notice
from kiosk.sync.engine import SyncEngine
from kiosk.sync.provisioning import provision

B1 = building_id(1)


def test_self_enrollment_at_a_reaches_b_and_its_card_opens_there(live_server, office, make_store, app,
                                                                  tmp_path: Path):  # noqa: ANN001
    kiosks = {}
    for name in ("a", "b"):
        store = make_store(name)
        provision(store, live_server.url, office.create_enrollment_token(B1), name=name)
        engine = SyncEngine.for_store(store)
        assert engine.run_once(force=True).ok
        config = load_config(env={}, data_dir=tmp_path / f"kiosk-{name}").with_values(
            key_store="file", data_dir=tmp_path / f"kiosk-{name}")
        kiosks[name] = (store, engine, build_membership(store, config))
    (sa, ea, ma), (sb, eb, mb) = kiosks["a"], kiosks["b"]
    form = EnrollmentForm(first_name="Yasmina", last_name="Benkhelifa", building_id=B1, flat_id=flat_id(1, 3),
                          phone="06 12 34 56 78", sms_opt_in=True, notice_accepted=True)
    enrolled = ma.members.enroll(form, load_notice("fr"))
    assert sa.repos.outbox.pending_count() == 2  # enroll_member + issue_card
    report = ea.run_once(force=True)
    assert report.ok and report.results == {"applied": 2}, report
    assert eb.run_once(force=True).ok
    space = mb.members.open_by_card(enrolled.card.text)
    assert space.member_id == enrolled.member.id and space.first_name == "Yasmina"
    with app.state.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(db.members)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(db.consents)).scalar_one() == 3
        card = conn.execute(select(db.cards)).mappings().one()
    assert (card["holder_id"], card["serial"]) == (enrolled.member.id, enrolled.card.serial)
    for _, engine, _ in kiosks.values():
        engine.client.close()
