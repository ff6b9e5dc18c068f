"""Writing rows that kiosks see: the table write and its feed change, together.

Each ``put_*`` upserts one row and records the matching feed change on a
:class:`FeedWriter`, as the typed entity of ``kiosk/protocol/entities.py`` decoded from
the row (so the kiosk gets every field of the entity, whatever the caller wrote, and
no list of columns is kept here); the caller's transaction commits both. Which scope a
row belongs to is decided here: places, members and their cards in ``bldg:<id>``;
partners (and their logos), offers, events, announcements, staff, card issuers and
revoked cards in ``catalog``. Field ownership (office: building, flat, status, names; kiosk: contact
details and opt-ins) is enforced by the callers that build the rows. This module knows
nothing of the community tables (``central/community.py`` builds on it; a member's
erasure, which touches both, is ``central/erasure.py``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, bindparam, select

from central import db
from central.feed import CATALOG, FeedWriter, _insert, building_scope, now_iso
from kiosk.domain.members import Member, folded_name
from kiosk.domain.records import CardIssuer
from kiosk.protocol.entities import (BUILDING, CARD, CARD_ISSUER, CARD_REVOCATION, ENTITIES, ENTRANCE, ESTATE, FLAT,
                                     MEMBER, PARTNER_LOGO, STAFF, card_key)

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


def member_row(member: Member) -> dict[str, Any]:
    """The ``members`` row of a member entity (the stored folded name included)."""
    return MEMBER.encode(member) | {"folded_name": member.folded_name}


# -- places ----------------------------------------------------------------------------------
def put_estate(conn: Connection, fw: FeedWriter, row: dict[str, Any]) -> None:
    upsert_row(conn, db.estates, row)
    estate = ESTATE.decode(row)
    for b in conn.execute(select(db.buildings.c.id).where(db.buildings.c.estate_id == row["id"])).scalars():
        fw.put(building_scope(b), ESTATE, estate)


def put_building(conn: Connection, fw: FeedWriter, row: dict[str, Any]) -> None:
    upsert_row(conn, db.buildings, row)
    estate = get_row(conn, db.estates, id=row["estate_id"])
    scope = building_scope(row["id"])
    if estate is not None:
        fw.put(scope, ESTATE, ESTATE.decode(estate))
    fw.put(scope, BUILDING, BUILDING.decode(row))


def put_entrance(conn: Connection, fw: FeedWriter, row: dict[str, Any]) -> None:
    upsert_row(conn, db.entrances, row)
    fw.put(building_scope(row["building_id"]), ENTRANCE, ENTRANCE.decode(row))


def put_flat(conn: Connection, fw: FeedWriter, row: dict[str, Any]) -> None:
    upsert_row(conn, db.flats, row)
    fw.put(building_scope(row["building_id"]), FLAT, FLAT.decode(row))


# -- members and cards -------------------------------------------------------------------------
def put_member(conn: Connection, fw: FeedWriter, row: dict[str, Any], *, old_building: str | None = None) -> None:
    """Upsert a member row; a move of building deletes it (and its cards) from the old scope."""
    row = row | {"folded_name": folded_name(row["first_name"], row["last_name"])}
    upsert_row(conn, db.members, row)
    member = MEMBER.decode(row)
    scope = building_scope(member.building_id)
    if row["status"] == "left":
        fw.delete(scope, MEMBER, member.id)
    else:
        fw.put(scope, MEMBER, member)
    if old_building and old_building != member.building_id:
        fw.delete(building_scope(old_building), MEMBER, member.id)
        for card in conn.execute(select(db.cards).where(db.cards.c.holder_id == member.id)).mappings():
            entity = CARD.decode(card)
            fw.delete(building_scope(old_building), CARD, CARD.key(entity))
            fw.put(scope, CARD, entity)


def delete_member(conn: Connection, fw: FeedWriter, member_id: str, *, merged_into: str | None = None) -> bool:
    """The member's own rows gone (consents, merge queue entries; or moved to the kept record
    on a merge), cards revoked, kiosks told. The community side is the caller's
    (``central.erasure.remove_member``)."""
    row = get_row(conn, db.members, id=member_id)
    if row is None:
        return False
    scope = building_scope(row["building_id"])
    for card in conn.execute(select(db.cards).where(db.cards.c.holder_id == member_id)).mappings().all():
        put_card(conn, fw, dict(card) | {"status": "revoked", "revoked_at": card["revoked_at"] or now_iso()},
                 scope=scope)
        fw.delete(scope, CARD, card_key(card["issuer_key_id"], card["serial"]))
    if merged_into is None:
        conn.execute(db.consents.delete().where(db.consents.c.member_id == member_id))
    else:
        conn.execute(db.consents.update().where(db.consents.c.member_id == member_id)
                     .values(member_id=merged_into))
    conn.execute(db.merge_queue.delete().where((db.merge_queue.c.member_id == member_id) |
                                               (db.merge_queue.c.duplicate_of == member_id)))
    conn.execute(db.members.delete().where(db.members.c.id == member_id))
    fw.delete(scope, MEMBER, member_id, merged_into=merged_into)
    return True


def put_card(conn: Connection, fw: FeedWriter, row: dict[str, Any], *, scope: str | None) -> None:
    """A card row; revoked cards are also published in the catalog for every kiosk."""
    card = CARD.decode(row)
    upsert_row(conn, db.cards, CARD.encode(card))
    if scope is not None:
        fw.put(scope, CARD, card)
    if card.status.value == "revoked":
        fw.put(CATALOG, CARD_REVOCATION, card)


def add_consents(conn: Connection, member_id: str, consents: list[dict[str, Any]], kiosk_id: str) -> None:
    """Consents are an append-only log: a known consent id is left as it is."""
    for c in consents:
        stmt = _insert(conn, db.consents).values(**(c | {"member_id": member_id, "kiosk_id": kiosk_id}))
        conn.execute(stmt.on_conflict_do_nothing(index_elements=["id"]))


# -- catalogue -------------------------------------------------------------------------------
def put_catalog(conn: Connection, fw: FeedWriter, entity: str, table: Table, row: dict[str, Any]) -> None:
    """An office row of the catalogue; kiosks get it whole (read back with the table's defaults)."""
    upsert_row(conn, table, row)
    kind = ENTITIES[entity]
    fw.put(CATALOG, kind, kind.decode(get_row(conn, table, id=row["id"]) or row))


def delete_catalog(conn: Connection, fw: FeedWriter, entity: str, table: Table, entity_id: str) -> None:
    if entity == "partner":  # offers and the logo go with their partner, on the kiosk too (ON DELETE CASCADE)
        for oid in conn.execute(select(db.offers.c.id).where(db.offers.c.partner_id == entity_id)).scalars().all():
            fw.delete(CATALOG, ENTITIES["offer"], oid)
        fw.delete(CATALOG, PARTNER_LOGO, entity_id)
        conn.execute(db.offers.delete().where(db.offers.c.partner_id == entity_id))
    conn.execute(table.delete().where(table.c.id == entity_id))
    fw.delete(CATALOG, ENTITIES[entity], entity_id)


def put_staff(conn: Connection, fw: FeedWriter, row: dict[str, Any]) -> None:
    upsert_row(conn, db.staff, row)
    fw.put(CATALOG, STAFF, STAFF.decode(row))


def put_issuer(fw: FeedWriter, key_id: str, public_key: str, device_id: str, revoked: bool) -> None:
    fw.put(CATALOG, CARD_ISSUER, CardIssuer(key_id, public_key, device_id, revoked))
