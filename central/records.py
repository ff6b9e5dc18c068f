"""Writing rows that kiosks see: the table write and its feed change, together.

Each ``put_*`` upserts one row and records the matching feed change (data inline, in
the kiosk's column names) on a :class:`FeedWriter`; the caller's transaction commits
both. Which scope a row belongs to is decided here: places, members and their cards in
``bldg:<id>``; partners, offers, events, announcements, staff, card issuers and revoked
cards in ``catalog``. Field ownership (office: building, flat, status, names; kiosk:
contact details and opt-ins) is enforced by the callers that build ``values``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, bindparam, select

from central import db
from central.feed import CATALOG, FeedWriter, _insert, building_scope

MEMBER_FIELDS = ("id", "first_name", "last_name", "building_id", "flat_id", "phone", "email", "language",
                 "status", "enrolled_by", "created_at", "origin_kiosk", "household", "sms_opt_in",
                 "newsletter_opt_in")
CARD_FIELDS = ("issuer_key_id", "serial", "holder_id", "role", "issued", "expires", "status", "revoked_at")


_UPSERTS: dict[tuple[Any, ...], Any] = {}
_GETS: dict[tuple[Any, ...], Any] = {}


def upsert_row(conn: Connection, table: Table, row: dict[str, Any]) -> None:
    """INSERT ... ON CONFLICT (primary key) DO UPDATE; statements are built once per shape
    (building them is most of the cost of a small write)."""
    key = (conn.dialect.name, table.name, tuple(sorted(row)))
    stmt = _UPSERTS.get(key)
    if stmt is None:
        keys = [c.name for c in table.primary_key.columns]
        base = _insert(conn, table)
        updates = {k: base.excluded[k] for k in row if k not in keys}
        stmt = (base.on_conflict_do_update(index_elements=keys, set_=updates) if updates
                else base.on_conflict_do_nothing(index_elements=keys))
        _UPSERTS[key] = stmt
    conn.execute(stmt, row)


def get_row(conn: Connection, table: Table, **keys: Any) -> dict[str, Any] | None:
    cache_key = (table.name, tuple(sorted(keys)))
    q = _GETS.get(cache_key)
    if q is None:
        q = select(table)
        for k in sorted(keys):
            q = q.where(table.c[k] == bindparam(f"k_{k}"))
        _GETS[cache_key] = q
    row = conn.execute(q, {f"k_{k}": v for k, v in keys.items()}).mappings().first()
    return dict(row) if row is not None else None


def member_data(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in MEMBER_FIELDS}


def card_id(issuer_key_id: str, serial: int) -> str:
    return f"{issuer_key_id}:{serial}"


# -- places ----------------------------------------------------------------------------------
def put_estate(conn: Connection, fw: FeedWriter, row: dict[str, Any]) -> None:
    upsert_row(conn, db.estates, row)
    for b in conn.execute(select(db.buildings.c.id).where(db.buildings.c.estate_id == row["id"])).scalars():
        fw.upsert(building_scope(b), "estate", row["id"], dict(row))


def put_building(conn: Connection, fw: FeedWriter, row: dict[str, Any]) -> None:
    upsert_row(conn, db.buildings, row)
    estate = get_row(conn, db.estates, id=row["estate_id"])
    scope = building_scope(row["id"])
    if estate is not None:
        fw.upsert(scope, "estate", estate["id"], estate)
    fw.upsert(scope, "building", row["id"], dict(row))


def put_entrance(conn: Connection, fw: FeedWriter, row: dict[str, Any]) -> None:
    upsert_row(conn, db.entrances, row)
    fw.upsert(building_scope(row["building_id"]), "entrance", row["id"], dict(row))


def put_flat(conn: Connection, fw: FeedWriter, row: dict[str, Any]) -> None:
    upsert_row(conn, db.flats, row)
    fw.upsert(building_scope(row["building_id"]), "flat", row["id"], dict(row))


# -- members and cards -------------------------------------------------------------------------
def put_member(conn: Connection, fw: FeedWriter, row: dict[str, Any], *, old_building: str | None = None) -> None:
    """Upsert a member; a move of building deletes it (and its cards) from the old scope."""
    upsert_row(conn, db.members, row)
    scope = building_scope(row["building_id"])
    if row["status"] == "left":
        fw.delete(scope, "member", row["id"])
    else:
        fw.upsert(scope, "member", row["id"], member_data(row))
    if old_building and old_building != row["building_id"]:
        fw.delete(building_scope(old_building), "member", row["id"])
        for card in conn.execute(select(db.cards).where(db.cards.c.holder_id == row["id"])).mappings():
            fw.delete(building_scope(old_building), "card", card_id(card["issuer_key_id"], card["serial"]))
            fw.upsert(scope, "card", card_id(card["issuer_key_id"], card["serial"]),
                      {k: card[k] for k in CARD_FIELDS})


def remove_member(conn: Connection, fw: FeedWriter, member_id: str, *, merged_into: str | None = None) -> bool:
    """Erase (or merge away) a member: row and consents gone, cards revoked, kiosks told.

    An erasure, whoever asks (a kiosk or the office), also frees the member's event places
    (the waitlist moves up), deletes their requests and makes their ideas anonymous."""
    row = get_row(conn, db.members, id=member_id)
    if row is None:
        return False
    if merged_into is None:
        from central.community import forget_member  # community builds on this module
        forget_member(conn, fw, member_id)
    scope = building_scope(row["building_id"])
    for card in conn.execute(select(db.cards).where(db.cards.c.holder_id == member_id)).mappings().all():
        put_card(conn, fw, dict(card) | {"status": "revoked", "revoked_at": card["revoked_at"] or _now()},
                 scope=scope)
        fw.delete(scope, "card", card_id(card["issuer_key_id"], card["serial"]))
    if merged_into is None:
        conn.execute(db.consents.delete().where(db.consents.c.member_id == member_id))
    else:
        conn.execute(db.consents.update().where(db.consents.c.member_id == member_id)
                     .values(member_id=merged_into))
    conn.execute(db.merge_queue.delete().where((db.merge_queue.c.member_id == member_id) |
                                               (db.merge_queue.c.duplicate_of == member_id)))
    conn.execute(db.members.delete().where(db.members.c.id == member_id))
    fw.delete(scope, "member", member_id, merged_into=merged_into)
    return True


def put_card(conn: Connection, fw: FeedWriter, row: dict[str, Any], *, scope: str | None) -> None:
    """A card row; revoked cards are also published in the catalog for every kiosk."""
    row = {k: row[k] for k in CARD_FIELDS}
    upsert_row(conn, db.cards, row)
    cid = card_id(row["issuer_key_id"], row["serial"])
    if scope is not None:
        fw.upsert(scope, "card", cid, dict(row))
    if row["status"] == "revoked":
        fw.upsert(CATALOG, "card_revocation", cid, dict(row))


def add_consents(conn: Connection, member_id: str, consents: list[dict[str, Any]], kiosk_id: str) -> None:
    """Consents are an append-only log: a known consent id is left as it is."""
    for c in consents:
        stmt = _insert(conn, db.consents).values(member_id=member_id, kiosk_id=kiosk_id, **c)
        conn.execute(stmt.on_conflict_do_nothing(index_elements=["id"]))


# -- catalogue -------------------------------------------------------------------------------
def put_catalog(conn: Connection, fw: FeedWriter, entity: str, table: Table, row: dict[str, Any]) -> None:
    upsert_row(conn, table, row)
    fw.upsert(CATALOG, entity, row["id"], dict(row))


def delete_catalog(conn: Connection, fw: FeedWriter, entity: str, table: Table, entity_id: str) -> None:
    if entity == "partner":  # offers go with their partner, on the kiosk too (ON DELETE CASCADE)
        for oid in conn.execute(select(db.offers.c.id).where(db.offers.c.partner_id == entity_id)).scalars().all():
            fw.delete(CATALOG, "offer", oid)
        conn.execute(db.offers.delete().where(db.offers.c.partner_id == entity_id))
    conn.execute(table.delete().where(table.c.id == entity_id))
    fw.delete(CATALOG, entity, entity_id)


def put_staff(conn: Connection, fw: FeedWriter, row: dict[str, Any]) -> None:
    upsert_row(conn, db.staff, row)
    fw.upsert(CATALOG, "staff", row["id"], dict(row))


def put_issuer(fw: FeedWriter, key_id: str, public_key: str, device_id: str, revoked: bool) -> None:
    fw.upsert(CATALOG, "card_issuer", key_id,
              {"key_id": key_id, "public_key": public_key, "kiosk_id": device_id, "revoked": revoked})


def _now() -> str:
    from central.feed import now_iso
    return now_iso()
