"""The partner space's server side through the real app on 127.0.0.1 and a real kiosk.

A member enrolled at the kiosk (card signed by its key) is checked and redeemed by the
bakery's account over HTTP: each nonce counts once (sent twice, or twice at the same
moment), limits are settled by the server with the times the phone saw, a card revoked
at the kiosk is refused once synced (but an earlier offline use still counts), a voucher
printed at the kiosk is good once, and the florist's account, used as an attacker would,
reads and writes nothing of the bakery's.
"""

from __future__ import annotations

import threading
import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from central.partners.tables import member_savings, redemptions, vouchers
import pytest

from partner_helpers import BAKERY, FLORIST, GIFT_OFFER, PERCENT_OFFER, member_totals, use


@pytest.fixture(scope="module")
def club(club_on_each_backend):  # noqa: ANN001, ANN201 - every test here runs on SQLite and PostgreSQL
    return club_on_each_backend


def _rows(club, **where) -> list[dict]:  # noqa: ANN001
    q = select(redemptions)
    for k, v in where.items():
        q = q.where(redemptions.c[k] == v)
    with club.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def test_a_kiosk_card_is_checked_and_each_nonce_counts_once(club) -> None:  # noqa: ANN001
    nadia = club.enroll("Nadia")
    bakery, csrf = club.partner_session("boulangerie")
    state = bakery.get("/partners/api/state").json()
    assert state["partner"]["id"] == BAKERY and {o["id"] for o in state["offers"]} == {PERCENT_OFFER}
    assert club.store.repos.cards.issuers().keys() <= {i["key_id"] for i in state["issuers"]}

    checked = bakery.post("/partners/api/check", json={"credential": nadia.card.text}, headers=csrf).json()
    assert checked == {"verdict": "valid", "reason": "", "first_name": "Nadia", "offers": {PERCENT_OFFER: True}}

    item = use(PERCENT_OFFER, nadia.card.text, amount_cents=2450)
    first = bakery.post("/partners/api/redemptions", json={"items": [item]}, headers=csrf).json()["results"][0]
    assert (first["status"], first["saving_cents"], first["first_name"]) == ("accepted", 245, "Nadia")
    again = bakery.post("/partners/api/redemptions", json={"items": [item, item]}, headers=csrf).json()["results"]
    assert again == [first, first]
    assert len(_rows(club, nonce=item["nonce"])) == 1
    assert member_totals(club, nadia.member.id) == {("measured", BAKERY): (245, 1)}

    # the same nonce from two uploads at the same moment: one row, one answer
    twin = use(PERCENT_OFFER, nadia.card.text, amount_cents=1000, at=datetime.now(timezone.utc) - timedelta(days=1))
    answers: list[dict] = []

    def send() -> None:
        c, h = club.partner_session("boulangerie")
        answers.append(c.post("/partners/api/redemptions", json={"items": [twin]}, headers=h).json()["results"][0])
    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers[0] == answers[1] and answers[0]["status"] == "accepted"
    assert len(_rows(club, nonce=twin["nonce"])) == 1
    assert member_totals(club, nadia.member.id) == {("measured", BAKERY): (345, 2)}


def test_the_server_settles_the_limit_with_the_times_the_phones_saw(club) -> None:  # noqa: ANN001
    karim = club.enroll("Karim")
    bakery, csrf = club.partner_session("boulangerie")
    now = datetime.now(timezone.utc)

    def send(at: datetime, amount: int = 2000) -> dict:
        body = {"items": [use(PERCENT_OFFER, karim.card.text, amount_cents=amount, at=at)]}
        return bakery.post("/partners/api/redemptions", json=body, headers=csrf).json()["results"][0]
    assert send(now)["status"] == "accepted"
    # a second phone of the shop, offline, recorded another use the same day: refused when it uploads
    second = send(now - timedelta(minutes=5))
    assert (second["status"], second["reason"], second["saving_cents"]) == ("refused", "limit_reached", 0)
    assert send(now - timedelta(days=2))["status"] == "accepted"          # another day: within the limit
    assert send(now + timedelta(days=3))["reason"] == "limit_reached"     # a clock ahead counts as now
    checked = bakery.post("/partners/api/check", json={"credential": karim.card.text}, headers=csrf).json()
    assert checked["offers"] == {PERCENT_OFFER: False}
    missing = bakery.post("/partners/api/redemptions", headers=csrf, json={"items": [
        use(PERCENT_OFFER, karim.card.text, at=now - timedelta(days=5))]}).json()["results"][0]
    assert missing["reason"] == "amount_needed"                           # a percentage needs the purchase


def test_a_card_revoked_at_the_kiosk_is_refused_once_synced_and_earlier_uses_still_count(club) -> None:  # noqa: ANN001
    fatou = club.enroll("Fatou")
    bakery, csrf = club.partner_session("boulangerie")
    before = datetime.now(timezone.utc) - timedelta(hours=2)
    offline_use = use(PERCENT_OFFER, fatou.card.text, amount_cents=1500, at=before)   # made offline, sent later
    club.membership.cards.reissue(fatou.member.id)                                    # lost card: revoked here
    club.sync()
    key = f"{club.membership.cards.key_id}:{fatou.card.serial}"
    assert key in bakery.get("/partners/api/state").json()["revoked"]
    checked = bakery.post("/partners/api/check", json={"credential": fatou.card.text}, headers=csrf).json()
    assert (checked["verdict"], checked["reason"], checked["first_name"]) == ("refused", "card_revoked", "")
    results = bakery.post("/partners/api/redemptions", headers=csrf, json={"items": [
        offline_use, use(PERCENT_OFFER, fatou.card.text, amount_cents=1500)]}).json()["results"]
    assert [(r["status"], r["reason"]) for r in results] == [("accepted", ""), ("refused", "card_revoked")]


def test_a_voucher_printed_at_the_kiosk_is_good_once_even_before_its_kiosk_synced(club) -> None:  # noqa: ANN001
    aicha = club.enroll("Aïcha")
    printed = club.savings.issue_voucher(aicha.member.id, GIFT_OFFER)        # the florist's gift
    assert club.savings.issue_voucher(aicha.member.id, GIFT_OFFER).voucher == printed.voucher   # a reprint
    florist, csrf = club.partner_session("fleurs")
    code = printed.voucher.code
    typed = florist.post("/partners/api/check", json={"credential": code.lower()}, headers=csrf).json()
    assert typed["reason"] == "voucher_unknown"                    # the kiosk has not synced: the code is unknown
    qr = florist.post("/partners/api/check", json={"credential": printed.text}, headers=csrf).json()
    assert (qr["verdict"], qr["first_name"], qr["offers"]) == ("valid", "Aïcha", {GIFT_OFFER: True})
    bakery, bcsrf = club.partner_session("boulangerie")            # another shop: not its voucher
    assert bakery.post("/partners/api/check", json={"credential": printed.text},
                       headers=bcsrf).json()["reason"] == "voucher_other_partner"
    first = florist.post("/partners/api/redemptions", headers=csrf,
                         json={"items": [use(GIFT_OFFER, printed.text)]}).json()["results"][0]
    assert (first["status"], first["saving_cents"]) == ("accepted", 150)
    club.sync()                                                   # the voucher reaches the server: used already
    with club.engine.connect() as conn:
        row = conn.execute(select(vouchers).where(vouchers.c.code == code)).mappings().one()
    assert row["status"] == "used" and row["member_id"] == aicha.member.id
    club.sync()
    assert club.store.repos.vouchers.get(printed.voucher.id).status.value == "used"   # the kiosk knows
    for credential in (printed.text, f"{code[:4]} {code[4:8]}-{code[8:]}".lower()):
        again = florist.post("/partners/api/redemptions", headers=csrf,
                             json={"items": [use(GIFT_OFFER, credential)]}).json()["results"][0]
        assert (again["status"], again["reason"]) == ("refused", "voucher_used")
    assert member_totals(club, aicha.member.id) == {("measured", FLORIST): (150, 1)}


def test_another_partners_account_reads_and_writes_nothing_of_the_bakerys(club) -> None:  # noqa: ANN001
    """The florist's session used as an attacker would: the bakery's offers, nonces and
    history are out of its reach, and answered like things that do not exist."""
    samia = club.enroll("Samia")
    bakery, bcsrf = club.partner_session("boulangerie")
    mine = use(PERCENT_OFFER, samia.card.text, amount_cents=3000)
    assert bakery.post("/partners/api/redemptions", json={"items": [mine]},
                       headers=bcsrf).json()["results"][0]["status"] == "accepted"
    florist, fcsrf = club.partner_session("fleurs")
    history = florist.get("/partners/api/redemptions").json()
    assert mine["nonce"] not in {x["nonce"] for x in history["latest"]}
    assert all(x["offer_id"] == GIFT_OFFER for x in history["latest"])
    assert not any("member" in k for x in history["latest"] for k in x)          # never who
    # replaying the bakery's nonce: nothing of it comes back, nothing changes
    replay = florist.post("/partners/api/redemptions", json={"items": [mine | {"offer_id": GIFT_OFFER}]},
                          headers=fcsrf).json()["results"][0]
    assert (replay["status"], replay["reason"], replay["saving_cents"], replay["first_name"]) == \
        ("refused", "nonce_taken", 0, "")
    # the bakery's offer is answered exactly like an offer that does not exist
    theirs = florist.post("/partners/api/redemptions", headers=fcsrf, json={"items": [
        use(PERCENT_OFFER, samia.card.text, amount_cents=3000)]}).json()["results"][0]
    nothing = florist.post("/partners/api/redemptions", headers=fcsrf, json={"items": [
        use("no-such-offer", samia.card.text, amount_cents=3000)]}).json()["results"][0]
    assert {k: v for k, v in theirs.items() if k not in ("nonce", "offer_id")} == \
        {k: v for k, v in nothing.items() if k not in ("nonce", "offer_id")}
    assert theirs["reason"] == "offer_unknown"
    assert len(_rows(club, partner_id=BAKERY, member_id=samia.member.id)) == 1
    # the partner comes from the session: no field of the request names it
    smuggled = florist.post("/partners/api/redemptions", headers=fcsrf, json={"items": [
        use(GIFT_OFFER, samia.card.text) | {"partner_id": BAKERY}]})
    assert smuggled.status_code == 422
    # no session, a wrong CSRF token, the admin with a partner's cookie
    anonymous = club.client()
    assert anonymous.get("/partners/api/state").status_code == 401
    assert anonymous.post("/partners/api/redemptions", json={"items": []}).status_code == 401
    assert florist.post("/partners/api/check", json={"credential": samia.card.text},
                        headers={"X-CSRF-Token": bcsrf["X-CSRF-Token"]}).status_code == 403
    assert florist.get("/admin", follow_redirects=False).headers["location"] == "/admin/login"


def test_declared_savings_and_the_purge_keep_the_figures_and_drop_the_people(club) -> None:  # noqa: ANN001
    from datetime import date

    from central.bilan import build
    omar = club.enroll("Omar")
    long_ago = datetime.now(timezone.utc) - timedelta(days=800)   # a year wholly past the retention period
    from central.partners.redemptions import Account, Use, record
    old = record(club.engine, Account("boulangerie", BAKERY),
                 Use(str(uuid.uuid4()), PERCENT_OFFER, omar.card.text, 5000, long_ago.isoformat()), now=long_ago)
    assert old["status"] == "accepted"
    club.partners.declare(omar.member.id, "demo-partner-3", "Assurance habitation", 15000, date.today())
    period = (date.today() - timedelta(days=900), date.today())
    before = build(club.engine, *period)
    club.partners.set_retention_days(365)
    gone = club.partners.purge()
    assert gone.redemptions >= 1
    assert _rows(club, nonce=old["nonce"]) == []
    after = build(club.engine, *period)
    keys = ("savings_partners", "savings_categories", "savings_buildings", "savings_months")
    assert [s.rows for s in before.sections if s.key in keys] == [s.rows for s in after.sections if s.key in keys]
    with club.engine.connect() as conn:
        years = set(conn.execute(select(member_savings.c.year).where(member_savings.c.member_id == omar.member.id))
                    .scalars())
    assert years == {date.today().year}                         # last year's total went with the purge
    # erasure: the member's rows go, the club's figures stay
    club.office.erase_member(omar.member.id)
    assert _rows(club, member_id=omar.member.id) == []
    with club.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(member_savings)
                            .where(member_savings.c.member_id == omar.member.id)).scalar_one() == 0
    erased = build(club.engine, *period)
    assert [s.rows for s in erased.sections if s.key in keys] == [s.rows for s in after.sections if s.key in keys]
    club.sync()
    assert club.store.repos.savings.of_member(omar.member.id, date.today().year) == []
    # a member who left the club: nothing declared for them reaches a kiosk that no longer holds them
    from central.partners.office import PartnerOfficeError
    yves = club.enroll("Yves")
    club.office.update_member(yves.member.id, status="left")
    with pytest.raises(PartnerOfficeError, match="member_unknown"):
        club.partners.declare(yves.member.id, "demo-partner-3", "Assurance habitation", 15000, date.today())
    for member in (omar.member.id, "no-such-member"):
        with pytest.raises(PartnerOfficeError, match="member_unknown"):
            club.partners.declare(member, "demo-partner-3", "Assurance habitation", 15000, date.today())
    assert club.sync().ok


def test_wrong_passwords_lock_a_partner_login_without_locking_the_office_account_of_that_name(club) -> None:  # noqa: ANN001
    from central.accounts import FREE_FAILURES
    club.office.create_admin("fleurs", "mot de passe du bureau", role="reader")   # an office account, same name
    c = club.client()
    codes = [c.post("/partners/api/login", json={"username": "fleurs", "password": "pas le bon"}).status_code
             for _ in range(FREE_FAILURES + 1)]
    assert codes[:FREE_FAILURES - 1] == [401] * (FREE_FAILURES - 1) and codes[-1] == 429
    locked = c.post("/partners/api/login", json={"username": "fleurs", "password": "mot de passe du commerce"})
    assert locked.status_code == 429 and locked.json()["code"] == "locked"       # even the right one, for now
    office = club.client()
    assert office.post("/admin/login", data={"username": "fleurs", "password": "mot de passe du bureau"},
                       follow_redirects=False).status_code == 303                 # counted apart
