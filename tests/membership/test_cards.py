"""Cards end to end (issue → PNG → real decoder → verify) and the property that no
forged, altered, truncated, expired, revoked or unknown-issuer text is ever accepted.

The Hypothesis strategies below sum to 5,400 examples, each judged by the same
``CardService.verify_card`` the kiosk uses (this kiosk's key, the issuers table, the
revoked serials and the local register)."""

from __future__ import annotations

import base64
import uuid
from datetime import date, timedelta

import cv2
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kiosk.camera.reader import decode
from kiosk.domain.cards import PREFIX, CardClaims, CardSigner, Role, Verdict, encode
from kiosk.domain.records import CardRecord, CardStatus
from kiosk.services.cards import save_qr_png

from .conftest import make_form

FAST = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
            derandomize=False)
REVOKED_SERIALS = range(90_000, 90_050)


def test_card_round_trip_through_png_and_decoder(membership, notice, flat, tmp_path):
    enrolled = membership.members.enroll(make_form(flat), notice)
    png = save_qr_png(enrolled.card.text, tmp_path / "card.png", scale=6)
    texts = decode(cv2.imread(str(png)))
    assert texts == [enrolled.card.text]
    result = membership.cards.verify_card(texts[0])
    assert result.verdict is Verdict.VALID
    assert membership.cards.holder_of(result) == enrolled.member.id


def test_card_text_is_rebuilt_identically(membership, notice, flat):
    enrolled = membership.members.enroll(make_form(flat), notice)
    assert membership.cards.card_text(enrolled.card.record) == enrolled.card.text


def test_non_canonical_last_character_is_refused(membership, notice, flat):
    text = membership.members.enroll(make_form(flat), notice).card.text
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    twin = text[:-1] + alphabet[alphabet.index(text[-1]) ^ 1]   # flips only the spare bit
    assert membership.cards.verify_card(twin).verdict is Verdict.ALTERED


@pytest.fixture
def valid_text(membership, notice, flat) -> str:
    return membership.members.enroll(make_form(flat), notice).card.text


def _refused(membership, text: str) -> None:
    verdict = membership.cards.verify_card(text).verdict
    assert verdict is not Verdict.VALID, text


claims_st = st.builds(
    lambda role, serial, issued_days, valid: (role, serial, issued_days, valid),
    st.sampled_from([Role.MEMBER, Role.STAFF]), st.integers(1, 2**32 - 1), st.integers(0, 3000),
    st.integers(0, 4000))


@settings(max_examples=1000, **FAST)
@given(params=claims_st, signature=st.binary(min_size=64, max_size=64))
def test_forged_signatures_are_refused(membership, params, signature):
    role, serial, issued_days, valid = params
    issued = date(2020, 1, 1) + timedelta(days=issued_days)
    claims = CardClaims(role, uuid.uuid4(), serial, membership.cards.signer.key_id, issued,
                        issued + timedelta(days=valid))
    _refused(membership, encode(claims, signature))


@settings(max_examples=600, **FAST)
@given(params=claims_st)
def test_signed_by_another_key_with_our_key_id_is_refused(membership, params):
    role, serial, issued_days, valid = params
    other = CardSigner.generate()
    issued = date(2020, 1, 1) + timedelta(days=issued_days)
    claims = CardClaims(role, uuid.uuid4(), serial, membership.cards.signer.key_id, issued,
                        issued + timedelta(days=valid))
    _refused(membership, encode(claims, other._key.sign(claims.pack())))


@settings(max_examples=1200, **FAST)
@given(data=st.data())
def test_altered_bytes_are_refused(membership, valid_text, data):
    raw = bytearray(base64.b32decode(valid_text[len(PREFIX):] + "==="))
    n = data.draw(st.integers(1, 4))
    for _ in range(n):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] ^= data.draw(st.integers(1, 255))
    text = PREFIX + base64.b32encode(bytes(raw)).decode().rstrip("=")
    assume(text != valid_text)  # two flips of the same byte may cancel out
    _refused(membership, text)


@settings(max_examples=600, **FAST)
@given(data=st.data())
def test_altered_characters_are_refused(membership, valid_text, data):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abc=-_:/ 0189"
    chars = list(valid_text)
    i = data.draw(st.integers(0, len(chars) - 1))
    new = data.draw(st.sampled_from(alphabet).filter(lambda c: c != chars[i]))
    chars[i] = new
    _refused(membership, "".join(chars))


@settings(max_examples=600, **FAST)
@given(data=st.data())
def test_truncated_or_padded_texts_are_refused(membership, valid_text, data):
    if data.draw(st.booleans()):
        text = valid_text[:data.draw(st.integers(0, len(valid_text) - 1))]
    else:
        text = valid_text + data.draw(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", min_size=1, max_size=20))
    _refused(membership, text)


@settings(max_examples=500, **FAST)
@given(days_ago=st.integers(1, 2000), valid=st.integers(0, 730), role=st.sampled_from([Role.MEMBER, Role.STAFF]))
def test_expired_cards_are_refused(membership, days_ago, valid, role):
    today = membership.cards.today()
    expires = today - timedelta(days=days_ago)
    issued = max(date(2020, 1, 1), expires - timedelta(days=valid))
    text, _ = membership.cards.signer.issue(role, uuid.uuid4(), 80_000, issued, (expires - issued).days)
    assert membership.cards.verify_card(text).verdict is Verdict.EXPIRED


@pytest.fixture
def revoked_register(membership, store):
    today = membership.cards.today()
    for serial in REVOKED_SERIALS:
        store.repos.cards.insert(CardRecord(membership.cards.key_id, serial, str(uuid.uuid4()), "member",
                                            today.isoformat(), (today + timedelta(days=700)).isoformat(),
                                            CardStatus.REVOKED, today.isoformat()))
    return membership


@settings(max_examples=500, **FAST)
@given(serial=st.sampled_from(list(REVOKED_SERIALS)), valid=st.integers(1, 3000))
def test_revoked_serials_are_refused(revoked_register, serial, valid):
    ms = revoked_register
    text, _ = ms.cards.signer.issue(Role.MEMBER, uuid.uuid4(), serial, ms.cards.today(), valid)
    assert ms.cards.verify_card(text).verdict is Verdict.REVOKED


@settings(max_examples=400, **FAST)
@given(params=claims_st)
def test_unknown_issuers_are_refused(membership, params):
    role, serial, issued_days, valid = params
    other = CardSigner.generate()
    issued = membership.cards.today() - timedelta(days=issued_days % 300)
    text, _ = other.issue(role, uuid.uuid4(), serial, issued, 400 + valid)
    assert membership.cards.verify_card(text).verdict is Verdict.UNKNOWN_ISSUER


@settings(max_examples=400, **FAST)
@given(text=st.one_of(st.text(max_size=200), st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", min_size=149,
                                                        max_size=149).map(lambda s: PREFIX + s)))
def test_random_texts_are_refused(membership, text):
    _refused(membership, text)
