"""Kiosk identities: enrollment tokens, device credentials, revocation and scope changes.

An enrollment token is single use, bound to one building, valid 24 h, and only its
SHA-256 is stored. Exchanging it creates a device with a random 256-bit secret (the
server keeps its SHA-256: the secret is random, so a slow hash adds nothing) and
registers the kiosk's card-signing public key in the catalog feed.

The exchange proves possession of that key (kiosk/protocol/enrollment.py): the kiosk
takes a nonce (:func:`issue_nonce`, a row of ``enrollment_nonces``, valid
``NONCE_TTL``), signs (context, token, nonce, public key) with the private key, and
:func:`enroll_device` spends the nonce first (in its own transaction: single use whatever
follows), checks the signature, then the token, and refuses a key any device ever
registered (revoked or not; ``devices.key_id`` is unique). The key id is derived from the
key. A device's scopes come from its ``building_ids``; changing them bumps
``scope_epoch`` so its old cursor gets 410 Gone and the kiosk resyncs from a snapshot.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import datetime, timedelta, timezone

from sqlalchemy import Connection, Engine, delete, exc as sa_exc, select, update

from central import db
from central.device_cache import mark_devices_changed
from central.feed import FeedWriter, now_iso
from central.records import get_row, put_issuer
from kiosk.domain.cards import key_id_of, public_key_from_raw
from kiosk.protocol import wire
from kiosk.protocol.enrollment import proof_is_valid

TOKEN_TTL = timedelta(hours=24)
NONCE_TTL = timedelta(minutes=5)


class EnrollmentRefused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def create_enrollment_token(conn: Connection, building_id: str, *, ttl: timedelta = TOKEN_TTL) -> str:
    if get_row(conn, db.buildings, id=building_id) is None:
        raise EnrollmentRefused("unknown_building")
    token = "ck-" + secrets.token_urlsafe(24)
    now = datetime.now(timezone.utc)
    conn.execute(db.enrollment_tokens.insert().values(
        token_hash=sha256_hex(token), building_id=building_id, created_at=now.isoformat(),
        expires_at=(now + ttl).isoformat()))
    return token


def _stamp(at: datetime) -> str:
    # Always with microseconds: these strings are compared as text in SQL.
    return at.isoformat(timespec="microseconds")


def issue_nonce(engine: Engine, *, ttl: timedelta = NONCE_TTL) -> wire.EnrollmentNonce:
    """A fresh single-use nonce; expired ones are swept on the way (bounded table)."""
    now = datetime.now(timezone.utc)
    nonce = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(delete(db.enrollment_nonces).where(db.enrollment_nonces.c.expires_at < _stamp(now)))
        conn.execute(db.enrollment_nonces.insert().values(nonce=nonce, expires_at=_stamp(now + ttl)))
    return wire.EnrollmentNonce(nonce=nonce, expires_in_s=int(ttl.total_seconds()))


def spend_nonce(engine: Engine, nonce: str) -> None:
    """Use ``nonce`` up, in its own transaction, or refuse it (unknown, used or expired)."""
    with engine.begin() as conn:
        gone = conn.execute(delete(db.enrollment_nonces).where(
            (db.enrollment_nonces.c.nonce == nonce)
            & (db.enrollment_nonces.c.expires_at >= _stamp(datetime.now(timezone.utc))))).rowcount
    if gone != 1:
        raise EnrollmentRefused("nonce_unknown")


def enroll(engine: Engine, body: wire.EnrollDeviceRequest) -> tuple[str, str, list[str], str]:
    """The whole exchange: nonce spent, proof checked, then the token (one transaction)."""
    spend_nonce(engine, body.nonce)
    if not proof_is_valid(body.token, body.nonce, body.public_key, body.proof):
        raise EnrollmentRefused("bad_proof")
    try:
        with engine.begin() as conn:
            fw = FeedWriter(conn)
            result = enroll_device(conn, fw, body.token, body.name, body.public_key, body.client_version,
                                   body.first_seq)
            fw.flush()
    except sa_exc.IntegrityError:  # the same key enrolling twice at once: the unique index decided
        raise EnrollmentRefused("public_key_registered") from None
    return result


def enroll_device(conn: Connection, fw: FeedWriter, token: str, name: str, public_key_hex: str,
                  client_version: str, first_seq: int = 1) -> tuple[str, str, list[str], str]:
    """(device id, secret, building ids, key id); the token is used up in this transaction.
    The caller has checked the proof of possession (:func:`enroll`); the office's own
    tools and tests that make a device for a key they just generated call this directly."""
    q = select(db.enrollment_tokens).where(db.enrollment_tokens.c.token_hash == sha256_hex(token))
    if conn.dialect.name == "postgresql":
        q = q.with_for_update()
    row = conn.execute(q).mappings().first()
    if row is None:
        raise EnrollmentRefused("token_unknown")
    if row["used_at"]:
        raise EnrollmentRefused("token_used")
    if datetime.fromisoformat(row["expires_at"]) < datetime.now(timezone.utc):
        raise EnrollmentRefused("token_expired")
    try:
        key_id = key_id_of(public_key_from_raw(bytes.fromhex(public_key_hex))).hex()
    except ValueError:
        raise EnrollmentRefused("bad_public_key") from None
    if conn.execute(select(db.devices.c.id).where(db.devices.c.key_id == key_id)).first() is not None:
        # Registered before, by this kiosk or another, revoked or not (a shared key id would
        # let one kiosk's cards pass for another's). The unique index backs this up.
        raise EnrollmentRefused("public_key_registered")
    device_id = str(uuid.uuid4())
    secret = secrets.token_urlsafe(32)
    buildings = [row["building_id"]]
    conn.execute(db.devices.insert().values(
        id=device_id, name=name, secret_hash=sha256_hex(secret), building_ids=buildings, scope_epoch=1,
        public_key=public_key_hex, key_id=key_id, created_at=now_iso(), client_version=client_version,
        last_seq=first_seq - 1))
    conn.execute(update(db.enrollment_tokens).where(db.enrollment_tokens.c.token_hash == row["token_hash"])
                 .values(used_at=now_iso(), device_id=device_id))
    put_issuer(fw, key_id, public_key_hex, device_id, revoked=False)
    return device_id, secret, buildings, key_id


def check_secret(stored_hash: str, secret: str) -> bool:
    return hmac.compare_digest(stored_hash, sha256_hex(secret))


def set_buildings(conn: Connection, device_id: str, building_ids: list[str]) -> None:
    dev = get_row(conn, db.devices, id=device_id)
    if dev is None:
        raise EnrollmentRefused("device_unknown")
    conn.execute(update(db.devices).where(db.devices.c.id == device_id)
                 .values(building_ids=sorted(set(building_ids)), scope_epoch=dev["scope_epoch"] + 1))
    mark_devices_changed(conn)  # cached authentications are dropped at commit (central/device_cache.py)


def revoke_device(conn: Connection, fw: FeedWriter, device_id: str, *, wipe: bool) -> None:
    dev = get_row(conn, db.devices, id=device_id)
    if dev is None:
        raise EnrollmentRefused("device_unknown")
    conn.execute(update(db.devices).where(db.devices.c.id == device_id).values(revoked=True, wipe=wipe))
    mark_devices_changed(conn)  # refused at once, in every process (central/device_cache.py)
    put_issuer(fw, dev["key_id"], dev["public_key"], device_id, revoked=True)
