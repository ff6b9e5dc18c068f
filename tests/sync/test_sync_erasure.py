"""Hole 3: after the office erases a member and a kiosk syncs, nothing of that member is
left on the kiosk: not in a table (the outbox's enrollment already sent included), not
in a full-text segment, not in a plaintext ``sqlcipher_export``, not in any decrypted
page of the file (free pages included). The same as an erasure started at the kiosk,
because both run the kiosk's one erasure routine. Real server on 127.0.0.1, real
encrypted store, the caretaker's real services.
"""

from __future__ import annotations

import json
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from central.demo import building_id, flat_id
from kiosk.domain.text import fold
from kiosk.store.opening import Store
from sync_helpers import members

B1 = building_id(1)
FIRST, LAST, CHILD = "Zéphyrine", "Quatremarre-Oudjedi", "Théodoric"
PHONE, EMAIL = "06 98 76 54 32", "zephyrine.q@example.org"
NEEDLES = [FIRST, LAST, CHILD, "Quatremarre", "Oudjedi", "+33698765432", "698765432", EMAIL,
           fold(FIRST), "quatremarre", "oudjedi", fold(CHILD)]
PAGE, RESERVE = 4096, 80   # SQLCipher 4 defaults: 16-byte IV + 64-byte HMAC at the end of each page



def _bytes(needles: list[str]) -> list[bytes]:
    out = []
    for n in needles:
        out += [n.encode(), n.lower().encode(), n.encode("utf-16-le")]
    return out


def decrypted_pages(store: Store) -> bytes:
    """Every page of the database file, decrypted with the kiosk's key (AES-256-CBC, the
    page's own IV), free pages included: what someone holding the key could read."""
    store.db.checkpoint()   # the WAL folded into the file and truncated
    key = bytes.fromhex(store.keystore.get("database-key") or "")   # database-key/<store id>
    raw = Path(store.db.path).read_bytes()
    out = bytearray()
    for start in range(0, len(raw), PAGE):
        page = raw[start:start + PAGE]
        body = page[16 if start == 0 else 0:PAGE - RESERVE]   # page 1 starts with the salt
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        out += dec.update(body) + dec.finalize()
    return bytes(out)


def plaintext_export(store: Store, path: Path) -> bytes:
    store.db.run(lambda c: (c.execute(f"ATTACH DATABASE '{path}' AS plain KEY ''"),
                            c.execute("SELECT sqlcipher_export('plain')").fetchall(),
                            c.execute("DETACH DATABASE plain")))
    return path.read_bytes()


def test_an_office_erasure_leaves_nothing_of_the_member_on_the_kiosk(kiosk, office, tmp_path):  # noqa: ANN001
    k1 = kiosk("k1", B1)
    mid = k1.enroll(B1, flat_id(1, 4), first=FIRST, last=LAST, phone=PHONE)
    k1.set_email(mid, EMAIL)
    from kiosk.domain.members import EnrollmentForm, HouseholdMember  # a household too: its names
    other = k1.membership.members.enroll(
        EnrollmentForm(first_name="Jean", last_name="Dupont", building_id=B1, flat_id=flat_id(1, 5),
                       phone="06 11 22 33 44", household=[HouseholdMember(CHILD, "enfant")], notice_accepted=True),
        k1.notice, session=k1.session).member.id
    k1.sync()                   # the enrollment is sent: its outbox entry is "applied", with the names
    assert k1.membership.members.search("quatrem", k1.session)          # the name index has them
    before = plaintext_export(k1.store, tmp_path / "before.db")
    pages = decrypted_pages(k1.store)
    assert b"CREATE TABLE" in pages                                     # the decryption is right
    for n in (FIRST.encode(), b"+33698765432", EMAIL.encode(), b"quatremarre"):
        assert n in before and n in pages                               # control: the probes see the data

    assert office.erase_member(mid) and office.erase_member(other)
    report = k1.sync()
    assert report.pulled and mid not in members(k1.store) and other not in members(k1.store)
    assert k1.membership.members.search("quatrem", k1.session) == []
    after = plaintext_export(k1.store, tmp_path / "after.db")
    pages = decrypted_pages(k1.store)
    assert after.startswith(b"SQLite format 3\x00") and b"members_fts" in after and b"CREATE TABLE" in pages
    for n in _bytes(NEEDLES):
        assert n not in after, n
        assert n not in pages, n
    # the outbox entries stay (their seqs must), their personal fields do not
    sent = [e for e in k1.store.repos.outbox.naming(mid) if e.mutation == "enroll_member"]
    assert len(sent) == 1 and "first_name" not in sent[0].payload and sent[0].state.value == "applied"


def test_an_erasure_at_the_kiosk_reaches_the_server_and_the_other_kiosk(kiosk, office):  # noqa: ANN001
    k1, k2 = kiosk("k1", B1), kiosk("k2", B1)
    mid = k1.enroll(B1, flat_id(1, 4), first=FIRST, last=LAST, phone=PHONE)
    k1.sync(), k2.sync()
    assert mid in members(k2.store)
    k1.erase(mid)
    k1.sync(), k2.sync()
    assert mid not in {m["id"] for m in office.members()}
    assert mid not in members(k2.store) and k2.membership.members.search("quatrem", k2.session) == []
    assert [e.state.value for e in k1.store.repos.outbox.pending(limit=None)] == []


def test_a_member_erased_before_the_first_sync_never_reaches_the_server(kiosk, office):  # noqa: ANN001
    """Enrolled and erased offline: the pending enrollment is redacted (its seq kept), so
    the server refuses it, never stores the person, and the erasure is answered as done."""
    k1 = kiosk("k1", B1)
    mid = k1.enroll(B1, flat_id(1, 4), first=FIRST, last=LAST, phone=PHONE)
    k1.erase(mid)
    k1.sync()
    states = [(e.mutation, e.state.value, (e.result or {}).get("code")) for e in
              k1.store.repos.outbox.naming(mid)]
    assert states == [("enroll_member", "rejected", "invalid_payload"), ("issue_card", "rejected", "member_unknown"),
                      ("erase_member", "applied", "already_gone")]
    assert office.members() == [] and office.merge_queue() == []
