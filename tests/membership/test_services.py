"""Membership services on a real encrypted store: enrollment, duplicates, staff lock,
cards, member space, contact changes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kiosk.demo import data
from kiosk.domain.cards import Verdict
from kiosk.domain.errors import NotFound, ValidationError
from kiosk.domain.members import EnrolledBy, MemberStatus
from kiosk.domain.records import ConsentPurpose
from kiosk.services.members import CardRefused, DuplicateFound, build_membership
from kiosk.services.staff import SessionExpired, SignInRefused, StaffLocked
from kiosk.store.opening import open_store

from .conftest import make_form


def test_self_enrollment_is_pending_with_consents_and_outbox(membership, notice, flat, store):
    enrolled = membership.members.enroll(make_form(flat), notice)
    m = store.repos.members.get(enrolled.member.id)
    assert m.status is MemberStatus.PENDING and m.enrolled_by is EnrolledBy.SELF
    assert m.phone == "+33612345678"
    consents = store.repos.consents.of_member(m.id)
    assert {(c.purpose, c.granted) for c in consents} == {
        (ConsentPurpose.MEMBERSHIP, True), (ConsentPurpose.SMS, True), (ConsentPurpose.NEWSLETTER, False)}
    assert all(c.notice_hash == notice.hash and c.form_version == notice.version for c in consents)
    mutations = [e.mutation for e in store.repos.outbox.pending()]
    assert mutations[-2:] == ["enroll_member", "issue_card"]
    assert membership.cards.verify_card(enrolled.card.text).verdict is Verdict.VALID


def test_self_enrolled_active_setting(store, config, clock, notice, flat):
    ms = build_membership(store, config.with_values(self_enrolled_active=True), now=clock)
    assert ms.members.enroll(make_form(flat), notice).member.status is MemberStatus.ACTIVE


def test_caretaker_enrollment_is_active_and_audited(membership, notice, flat, session, store):
    enrolled = membership.members.enroll(make_form(flat), notice, session=session)
    assert enrolled.member.status is MemberStatus.ACTIVE
    audit = store.repos.audit.of_member(enrolled.member.id)
    assert [a.action for a in audit] == ["enroll"] and audit[0].staff_id == data.DEMO_STAFF_ID
    assert "Yasmina" not in repr(audit) and "612345678" not in repr(audit)


def test_validation_errors_have_codes(membership, notice, flat):
    with pytest.raises(ValidationError) as exc:
        membership.members.enroll(make_form(flat, first_name="", phone="12", notice_accepted=False), notice)
    assert exc.value.codes() == {"first_name": "required", "phone": "phone.invalid",
                                 "notice_accepted": "notice.required"}


def test_duplicate_public_gets_no_details_caretaker_sees_masked(membership, notice, flat, session):
    membership.members.enroll(make_form(flat), notice)
    with pytest.raises(DuplicateFound) as public:
        membership.members.enroll(make_form(flat, first_name="YASMINA", last_name="Benkhélifa",
                                            phone="07 81 23 45 67"), notice)
    assert public.value.matches == []
    with pytest.raises(DuplicateFound) as staff:
        membership.members.enroll(make_form(flat, phone="06 12 34 56 78", flat_id=flat.id), notice, session=session)
    (match,) = staff.value.matches
    assert match.masked_phone == "06 •• •• •• 78"
    # "not the same person": the caretaker may go on
    other = membership.members.enroll(make_form(flat, first_name="Yasmine", phone="07 52 34 56 78"), notice,
                                      session=session, confirmed_distinct=True)
    assert other.member.status is MemberStatus.ACTIVE


def test_same_phone_elsewhere_is_a_duplicate(membership, notice, flat):
    membership.members.enroll(make_form(flat), notice)
    with pytest.raises(DuplicateFound):
        membership.members.enroll(make_form(flat, first_name="Karim", last_name="Other",
                                            flat_id=flat.id[:-3] + "001"), notice)


def test_pin_lockout_doubles_and_survives_restart(config, clock):
    store = open_store(config)
    from kiosk.demo.seed import seed_demo
    seed_demo(store, members=0)
    ms = build_membership(store, config, now=clock)
    for left in (2, 1):
        with pytest.raises(SignInRefused) as exc:
            ms.staff.sign_in(data.DEMO_STAFF_ID, "000000")
        assert exc.value.attempts_left == left
    with pytest.raises(StaffLocked) as locked:
        ms.staff.sign_in(data.DEMO_STAFF_ID, "000000")
    assert locked.value.until - clock.now == timedelta(minutes=5)
    store.close()

    store = open_store(config)  # restart: the lock is in the encrypted file
    ms = build_membership(store, config, now=clock)
    with pytest.raises(StaffLocked):
        ms.staff.sign_in(data.DEMO_STAFF_ID, data.DEMO_STAFF_PIN)  # even the right PIN
    clock.advance(minutes=5, seconds=1)
    for _ in range(2):
        with pytest.raises(SignInRefused):
            ms.staff.sign_in(data.DEMO_STAFF_ID, "111111")
    with pytest.raises(StaffLocked) as locked:
        ms.staff.sign_in(data.DEMO_STAFF_ID, "111111")
    assert locked.value.until - clock.now == timedelta(minutes=10)  # doubled
    clock.advance(minutes=11)
    session = ms.staff.sign_in(data.DEMO_STAFF_ID, data.DEMO_STAFF_PIN)
    assert session.staff_id == data.DEMO_STAFF_ID
    assert store.repos.staff.get(data.DEMO_STAFF_ID).lock_count == 0
    store.close()


def test_unknown_staff_is_refused_like_a_wrong_pin(membership):
    with pytest.raises(SignInRefused) as exc:
        membership.staff.sign_in("nobody", "123456")
    assert exc.value.attempts_left is None


def test_badge_sign_in_and_session_timeout(membership, store, clock):
    badge = store.repos.kv.get("demo_staff_badge")
    session = membership.staff.sign_in_with_badge(badge, data.DEMO_STAFF_PIN)
    assert session.staff_id == data.DEMO_STAFF_ID
    clock.advance(seconds=119)
    membership.staff.require(session)
    clock.advance(seconds=121)
    with pytest.raises(SessionExpired):
        membership.staff.require(session)


def test_member_card_is_not_a_staff_badge(membership, notice, flat):
    enrolled = membership.members.enroll(make_form(flat), notice)
    from kiosk.services.staff import BadgeRefused
    with pytest.raises(BadgeRefused):
        membership.staff.sign_in_with_badge(enrolled.card.text, data.DEMO_STAFF_PIN)


def test_add_staff_checks_pin(membership):
    with pytest.raises(ValidationError) as exc:
        membership.staff.add("gardien-2", "M. Martin", "1234")
    assert exc.value.codes() == {"pin": "staff.pin_too_short"}
    membership.staff.add("gardien-2", "M. Martin", "13572468")
    assert membership.staff.sign_in("gardien-2", "13572468").display_name == "M. Martin"


def test_reissue_revokes_the_old_card(membership, notice, flat, session):
    enrolled = membership.members.enroll(make_form(flat), notice, session=session)
    new = membership.members.reissue_card(enrolled.member.id, session)
    assert membership.cards.verify_card(enrolled.card.text).verdict is Verdict.REVOKED
    assert membership.cards.verify_card(new.text).verdict is Verdict.VALID
    assert membership.cards.current_card_text(enrolled.member.id) == new.text


def test_member_space_by_card_and_by_lookup(membership, notice, flat, session):
    enrolled = membership.members.enroll(make_form(flat), notice, session=session)
    space = membership.members.open_by_card(enrolled.card.text)
    assert space.first_name == "Yasmina" and space.masked_phone == "06 •• •• •• 78"
    assert not hasattr(space, "last_name") and not hasattr(space, "phone")
    assert membership.members.lookup("yasmina", flat.id, "5678").member_id == enrolled.member.id
    with pytest.raises(NotFound):
        membership.members.lookup("yasmina", flat.id, "0000")
    with pytest.raises(ValidationError):
        membership.members.lookup("yasmina", flat.id, "56")
    with pytest.raises(CardRefused) as refused:
        membership.members.open_by_card("CK1:" + "A" * 149)
    assert refused.value.verdict in (Verdict.FORGED, Verdict.ALTERED, Verdict.UNKNOWN_ISSUER)


def test_update_contact_appends_consents(membership, notice, flat, store):
    enrolled = membership.members.enroll(make_form(flat), notice)
    space = membership.members.update_contact(enrolled.member.id, notice, phone="07 98 76 54 32",
                                              sms_opt_in=False, newsletter_opt_in=True)
    assert space.masked_phone == "07 •• •• •• 32" and not space.sms_opt_in and space.newsletter_opt_in
    consents = store.repos.consents.of_member(enrolled.member.id)
    assert len(consents) == 5
    assert store.repos.outbox.pending()[-1].mutation == "update_member_contact"


def test_confirm_residence(membership, notice, flat, session, store):
    enrolled = membership.members.enroll(make_form(flat), notice)
    assert [p.id for p in membership.members.pending(session)].count(enrolled.member.id) == 1
    assert membership.members.confirm_residence(enrolled.member.id, session).status is MemberStatus.ACTIVE
    assert store.repos.outbox.pending()[-1].mutation == "confirm_residence"


def test_unknown_issuer_falls_back_to_the_register(membership, store, clock):
    import uuid
    from kiosk.domain.cards import CardSigner, Role
    from kiosk.domain.records import CardRecord
    other = CardSigner.generate()
    holder = str(uuid.uuid4())
    text, claims = other.issue(Role.MEMBER, uuid.UUID(holder), 7, clock.now.date(), 365)
    assert membership.cards.verify_card(text).verdict is Verdict.UNKNOWN_ISSUER
    store.repos.cards.insert(CardRecord(other.key_id.hex(), 7, holder, "member", claims.issued.isoformat(),
                                        claims.expires.isoformat()))
    assert membership.cards.verify_card(text).verdict is Verdict.VALID
    store.repos.cards.revoke(other.key_id.hex(), 7)
    assert membership.cards.verify_card(text).verdict is Verdict.REVOKED


def test_the_number_printed_on_the_card_opens_the_space_until_the_card_is_reissued(store, config, membership, notice, flat):
    from kiosk.services.members import parse_typed_card_number
    enrolled = membership.members.enroll(make_form(flat, first_name="Maryam"), notice)
    face = membership.members.card_face(enrolled.member.id)
    assert face.number.startswith(enrolled.member.number + "-")
    typed = face.number.lower().replace("-", " ", 1).replace("0", "o")   # as a tenant may type it
    assert parse_typed_card_number(typed) == parse_typed_card_number(face.number)
    assert membership.members.open_by_card(typed).member_id == enrolled.member.id
    with pytest.raises(CardRefused):                              # someone else's serial
        membership.members.open_by_card(enrolled.member.number + "-999999")
    session = membership.staff.sign_in(data.DEMO_STAFF_ID, data.DEMO_STAFF_PIN)
    membership.members.reissue_card(enrolled.member.id, session)
    with pytest.raises(CardRefused):                              # the lost card's number stops
        membership.members.open_by_card(face.number)
    new_face = membership.members.card_face(enrolled.member.id)
    assert new_face.number != face.number
    assert membership.members.open_by_card(new_face.number).member_id == enrolled.member.id
