"""Erasure leaves nothing: after "leave the club and erase my data", the member's name
and phone are in no table, no FTS shadow table, no byte of the decrypted database and
no log line. Also: access export, retention purge."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.domain.errors import NotFound
from kiosk.domain.members import HouseholdMember
from kiosk.domain.text import fold
from kiosk.services.members import build_membership
from kiosk.store.opening import open_store

from .conftest import make_form

FIRST, LAST, CHILD = "Zéphyrine", "Quatremarre-Oudjedi", "Théodoric"
PHONE_TYPED, NEW_PHONE = "06 98 76 54 32", "07 81 23 45 67"
NEEDLES_TEXT = [FIRST, LAST, CHILD, "Quatremarre", "Oudjedi", "+33698765432", "698765432", "0698765432",
                "+33781234567", "781234567", "zephyrine@example.org"]
NEEDLES_FOLDED = [fold(FIRST), "quatremarre", "oudjedi", fold(CHILD)]


def _needles_bytes() -> list[bytes]:
    out = []
    for n in NEEDLES_TEXT + NEEDLES_FOLDED:
        out += [n.encode("utf-8"), n.lower().encode("utf-8"), n.encode("utf-16-le")]
    return out


def _every_text(conn) -> list[tuple[str, str, object]]:
    """(table, column, value) of every cell of every table, shadow tables included."""
    cells = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert "members_fts_data" in tables and "members_fts_idx" in tables
    for t in tables:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info('{t}')")]
        for row in conn.execute(f"SELECT * FROM '{t}'"):
            for col, value in zip(cols, row):
                cells.append((t, col, value))
    return cells


@pytest.fixture
def log_file(tmp_path: Path):
    path = tmp_path / "kiosk.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.setLevel(logging.DEBUG)
    root.addHandler(handler)
    yield path
    root.removeHandler(handler)
    root.setLevel(old_level)
    handler.close()


def test_erasure_leaves_no_trace(config, clock, notice, flat, session, store, membership, tmp_path, log_file):
    form = make_form(flat, first_name=FIRST, last_name=LAST, phone=PHONE_TYPED, email="zephyrine@example.org",
                     household=[HouseholdMember(CHILD, "enfant")])
    enrolled = membership.members.enroll(form, notice)
    mid = enrolled.member.id
    membership.members.update_contact(mid, notice, phone=NEW_PHONE, newsletter_opt_in=True)
    membership.members.confirm_residence(mid, session)
    assert membership.members.search("quatrem", session)            # the FTS index has it now
    # the outbox was pushed in part: mark the first entries applied, like a sync would
    for entry in store.repos.outbox.pending()[:1]:
        from kiosk.domain.records import OutboxState
        store.repos.outbox.mark(entry.seq, OutboxState.APPLIED, {"ok": True})

    # control: before erasure the same probes do find the data (so they can see it)
    before = tmp_path / "before.db"
    store.db.run(lambda c: (c.execute(f"ATTACH DATABASE '{before}' AS plain KEY ''"),
                            c.execute("SELECT sqlcipher_export('plain')").fetchall(),
                            c.execute("DETACH DATABASE plain")))
    assert FIRST.encode() in before.read_bytes() and b"+33781234567" in before.read_bytes()
    fts_blobs = b"".join(bytes(r[0]) for r in store.db.run(
        lambda c: c.execute("SELECT block FROM members_fts_data").fetchall()) if r[0])
    assert b"quatremarre" in fts_blobs

    membership.privacy.leave(mid)

    assert store.repos.members.get(mid) is None
    assert store.repos.consents.of_member(mid) == []
    assert membership.members.search("quatrem", session) == []
    assert store.repos.outbox.pending()[-1].mutation == "erase_member"
    with pytest.raises(Exception):
        membership.members.open_by_card(enrolled.card.text)
    store.close()

    reopened = open_store(config)
    try:
        cells = reopened.db.run(_every_text)
        needles = _needles_bytes()
        for table, col, value in cells:
            if isinstance(value, str):
                low = value.lower()
                for n in NEEDLES_TEXT + NEEDLES_FOLDED:
                    assert n.lower() not in low, (table, col)
            elif isinstance(value, (bytes, memoryview)):
                blob = bytes(value)
                for n in needles:
                    assert n not in blob, (table, col)
        # the member id stays only where it must: revoked cards, the audit log, erase_member
        plain = tmp_path / "plain.db"
        reopened.db.run(lambda c: (c.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''"),
                                   c.execute("SELECT sqlcipher_export('plain')").fetchall(),
                                   c.execute("DETACH DATABASE plain")))
    finally:
        reopened.close()
    data = plain.read_bytes()
    assert data.startswith(b"SQLite format 3\x00") and b"members_fts" in data
    for n in _needles_bytes():
        assert n not in data, n
    logging.getLogger().handlers[-1].flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "erased" in logged and enrolled.member.number in logged
    for n in NEEDLES_TEXT + NEEDLES_FOLDED:
        assert n.lower() not in logged.lower(), n


def test_export_has_everything_and_is_audited(membership, notice, flat, session, store):
    form = make_form(flat, first_name=FIRST, last_name=LAST, phone=PHONE_TYPED)
    mid = membership.members.enroll(form, notice, session=session).member.id
    data = membership.privacy.export(mid, session=session)
    text = json.dumps(data, ensure_ascii=False)
    assert data["member"]["last_name"] == LAST and data["member"]["phone"] == "+33698765432"
    assert len(data["consents"]) == 3 and data["consents"][0]["notice_hash"] == notice.hash
    assert data["cards"][0]["holder_id"] == mid and data["member"]["flat_label"] == flat.label
    assert FIRST in text
    assert [a.action for a in store.repos.audit.of_member(mid)][-1] == "export"


def test_retention_purge(config, clock, notice, flat, store, membership):
    mid = membership.members.enroll(make_form(flat), notice).member.id
    membership.privacy.mark_left(mid, at=clock.now)
    clock.advance(days=config.retention_days_after_leaving - 1)
    assert membership.privacy.purge_expired() == 0
    clock.advance(days=2)
    assert membership.privacy.purge_expired() == 1
    assert store.repos.members.get(mid) is None
    with pytest.raises(NotFound):
        membership.privacy.erase(mid)
