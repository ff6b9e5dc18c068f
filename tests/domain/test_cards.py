"""The signed card payload: verdicts for good, forged, altered, expired, revoked cards."""

import uuid
from datetime import date, timedelta

import segno

from kiosk.domain.cards import CardSigner, Role, Verdict, verify

TODAY = date(2026, 11, 23)


def test_verdicts():
    s, other = CardSigner.generate(), CardSigner.generate()
    keys = {s.key_id: s.public_key}
    text, claims = s.issue(Role.MEMBER, uuid.uuid4(), 7, TODAY, 730)
    assert verify(text, keys=keys, today=TODAY).verdict is Verdict.VALID
    assert verify(text, keys=keys, today=TODAY + timedelta(days=731)).verdict is Verdict.EXPIRED
    assert verify(text, keys=keys, today=TODAY, is_revoked=lambda k, n: n == 7).verdict is Verdict.REVOKED
    stranger, _ = other.issue(Role.MEMBER, uuid.uuid4(), 1, TODAY, 730)
    assert verify(stranger, keys=keys, today=TODAY).verdict is Verdict.UNKNOWN_ISSUER
    assert verify("https://example.org", keys=keys, today=TODAY).verdict is Verdict.NOT_A_CARD
    assert verify(text[:-5], keys=keys, today=TODAY).verdict is Verdict.ALTERED
    flipped = text[:40] + ("A" if text[40] != "A" else "B") + text[41:]
    assert verify(flipped, keys=keys, today=TODAY).verdict in (Verdict.FORGED, Verdict.ALTERED, Verdict.UNKNOWN_ISSUER)
    assert verify(flipped, keys=keys, today=TODAY, known_serial=lambda k, n: True).verdict is not Verdict.VALID


def test_payload_fits_a_small_alphanumeric_qr():
    s = CardSigner.generate()
    text, _ = s.issue(Role.MEMBER, uuid.uuid4(), 2**31, TODAY, 730)
    qr = segno.make_qr(text, error="m")
    assert len(text) == 153 and qr.mode == "alphanumeric" and qr.version <= 7


def test_only_the_canonical_text_is_a_card():
    s = CardSigner.generate()
    text, _ = s.issue(Role.MEMBER, uuid.uuid4(), 3, TODAY, 730)
    import base64
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    last = alphabet.index(text[-1])
    twin = text[:-1] + alphabet[last ^ 1]  # flips only the spare bit: same bytes
    assert base64.b32decode(twin[4:] + "===") == base64.b32decode(text[4:] + "===")
    assert verify(twin, keys={s.key_id: s.public_key}, today=TODAY).verdict is Verdict.ALTERED
