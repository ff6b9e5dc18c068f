"""Applying the server's changes to the kiosk's tables, and pending outbox entries on top.

Runs on the database's owner thread inside one ``db.atomic()`` per page: the rows and
the cursor are committed together, so a crash leaves either both or neither. After a
page (or a snapshot), pending outbox entries touching the same rows are applied again
so what a caretaker just did stays visible until the server's answer arrives. A
snapshot replaces every scoped table: rows not in it are deleted (which removes members
who left the kiosk's buildings). Local-only state survives: staff lock counters, card
issuers (revocations arrive as upserts), registrations of events still listed.
No Qt, no network here.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from kiosk.domain.text import fold
from kiosk.store.database import Connection
from kiosk.protocol import wire

CURSOR_KEY = "sync.cursor"

# entity → (table, primary key columns, columns)
TABLES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "estate": ("estates", ("id",), ("id", "name", "city")),
    "building": ("buildings", ("id",), ("id", "estate_id", "name", "address", "lat", "lon")),
    "entrance": ("entrances", ("id",), ("id", "building_id", "name")),
    "flat": ("flats", ("id",), ("id", "entrance_id", "building_id", "label")),
    "member": ("members", ("id",), ("id", "first_name", "last_name", "folded_name", "building_id", "flat_id",
                                    "phone", "email", "language", "status", "enrolled_by", "created_at",
                                    "origin_kiosk", "household", "sms_opt_in", "newsletter_opt_in")),
    "card": ("cards", ("issuer_key_id", "serial"), ("issuer_key_id", "serial", "holder_id", "role", "issued",
                                                    "expires", "status", "revoked_at")),
    "card_revocation": ("cards", ("issuer_key_id", "serial"), ("issuer_key_id", "serial", "holder_id", "role",
                                                               "issued", "expires", "status", "revoked_at")),
    "card_issuer": ("card_issuers", ("key_id",), ("key_id", "public_key", "kiosk_id", "revoked")),
    "partner": ("partners", ("id",), ("id", "name", "category", "address", "lat", "lon", "phone", "website",
                                      "description", "hours", "active")),
    "offer": ("offers", ("id",), ("id", "partner_id", "text", "conditions", "valid_from", "valid_until")),
    "event": ("events", ("id",), ("id", "title", "description", "place", "starts_at", "ends_at", "capacity",
                                  "audience", "building_ids", "pictogram", "taken")),
    "announcement": ("announcements", ("id",), ("id", "title", "body", "valid_from", "valid_until",
                                                "building_ids")),
    "staff": ("staff", ("id",), ("id", "display_name", "role", "pin_hash", "active")),
    # community (central/community.py): the server's decisions on sign-ups, attendance, ideas, requests
    "registration": ("registrations", ("id",), ("id", "event_id", "member_id", "status", "created_at",
                                                "waitlist_position", "checked_in_at")),
    "attendance": ("attendance", ("event_id", "member_id"), ("event_id", "member_id", "checked_in_at")),
    "idea": ("ideas", ("id",), ("id", "category", "text", "status", "member_id", "answer", "votes", "created_at",
                                "building_id")),
    "idea_vote": ("idea_votes", ("idea_id", "member_id"), ("idea_id", "member_id")),
    "request": ("requests", ("id",), ("id", "member_id", "flat_id", "category", "text", "status", "answer",
                                      "created_at")),
}
# A row whose parent this kiosk does not hold is skipped (its foreign key would fail the page).
_PARENT = {"registration": ("events", "event_id"), "idea_vote": ("ideas", "idea_id")}
# Tables a snapshot replaces, parents last when deleting (children first).
SNAPSHOT_ORDER = ("offers", "partners", "announcements", "events", "staff", "cards", "members", "flats",
                  "entrances", "buildings", "estates")
WIPE_TABLES = ("attendance", "registrations", "idea_votes", "ideas", "requests", "consents", "outbox") + SNAPSHOT_ORDER + (
    "card_issuers",)


def _value(v: Any) -> Any:
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


def _row(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    _, _, cols = TABLES[entity]
    data = dict(data)
    if entity == "member":
        data["folded_name"] = fold(f"{data['first_name']} {data['last_name']}")
    return {c: _value(data.get(c)) for c in cols if c in data}


def upsert(conn: Connection, entity: str, data: dict[str, Any]) -> None:
    table, keys, _ = TABLES[entity]
    row = _row(entity, data)
    cols = list(row)
    updates = [c for c in cols if c not in keys]
    if entity == "staff":  # a new PIN clears the lock; otherwise the local lock state stays
        conn.execute("UPDATE staff SET failed_attempts = 0, lock_count = 0, locked_until = '' "
                     "WHERE id = ? AND pin_hash != ?", (row["id"], row["pin_hash"]))
    if entity in _PARENT:
        parent, col = _PARENT[entity]
        if conn.execute(f"SELECT 1 FROM {parent} WHERE id = ?", (row[col],)).fetchone() is None:
            return
    sql = (f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)}) "
           f"ON CONFLICT ({', '.join(keys)}) DO " + ("UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in updates)
                                                    if updates else "NOTHING"))
    conn.execute(sql, [row[c] for c in cols])


def delete(conn: Connection, entity: str, entity_id: str) -> None:
    table, keys, _ = TABLES[entity]
    if entity in ("attendance", "idea_vote"):  # composite keys: "<first>:<second>"
        first, _, second = entity_id.partition(":")
        conn.execute(f"DELETE FROM {table} WHERE {keys[0]} = ? AND {keys[1]} = ?", (first, second))
        return
    if entity in ("card", "card_revocation"):
        key_id, _, serial = entity_id.partition(":")
        conn.execute("DELETE FROM cards WHERE issuer_key_id = ? AND serial = ?", (key_id, int(serial or 0)))
        return
    conn.execute(f"DELETE FROM {table} WHERE {keys[0]} = ?", (entity_id,))
    if entity == "member":
        conn.execute("DELETE FROM consents WHERE member_id = ?", (entity_id,))


def apply_change(conn: Connection, change: wire.Change) -> None:
    if change.entity not in TABLES:
        return  # an entity this version does not know yet: ignore, never fail the page
    if change.op == "upsert" and change.data is not None:
        upsert(conn, change.entity, change.data)
    elif change.op == "delete":
        delete(conn, change.entity, change.id)


def _touched_key(entity: str, entity_id: str) -> str:
    return f"{'card' if entity == 'card_revocation' else entity}:{entity_id}"


def _keys_of(mutation: str, payload: dict[str, Any]) -> set[str]:
    if mutation == "enroll_member":
        return {f"member:{payload.get('id')}"}
    if mutation in ("update_member_contact", "erase_member", "confirm_residence"):
        return {f"member:{payload.get('member_id')}"}
    if mutation in ("issue_card", "revoke_card"):
        return {f"card:{payload.get('issuer_key_id')}:{payload.get('serial')}"}
    if mutation in COMMUNITY_KEYS:
        return {COMMUNITY_KEYS[mutation](payload)}
    return set()


# Community mutations: the key of the row each one touches, and its local effect (pending
# until the server answers; the server's rows from the feed then replace it).
COMMUNITY_KEYS = {
    "register_for_event": lambda p: f"registration:{p.get('id')}",
    "cancel_registration": lambda p: f"registration:{p.get('id')}",
    "check_in": lambda p: f"attendance:{p.get('event_id')}:{p.get('member_id')}",
    "submit_idea": lambda p: f"idea:{p.get('id')}",
    "vote_idea": lambda p: f"idea:{p.get('idea_id')}",
    "submit_request": lambda p: f"request:{p.get('id')}",
}


def reapply_community(conn: Connection, mutation: str, p: dict[str, Any]) -> None:
    if mutation == "register_for_event":
        if conn.execute("SELECT 1 FROM events WHERE id = ?", (p["event_id"],)).fetchone() is not None:
            conn.execute("INSERT OR IGNORE INTO registrations (id, event_id, member_id, status, created_at) "
                         "VALUES (?, ?, ?, 'pending', ?)", (p["id"], p["event_id"], p["member_id"],
                                                             p.get("created_at") or ""))
    elif mutation == "cancel_registration":
        conn.execute("UPDATE registrations SET status = 'cancelled', waitlist_position = NULL WHERE id = ?",
                     (p["id"],))
    elif mutation == "check_in":
        conn.execute("INSERT OR IGNORE INTO attendance (event_id, member_id, checked_in_at) VALUES (?, ?, ?)",
                     (p["event_id"], p["member_id"], p.get("checked_in_at") or ""))
    elif mutation == "submit_idea":
        conn.execute("INSERT OR IGNORE INTO ideas (id, category, text, status, member_id, created_at, building_id) "
                     "VALUES (?, ?, ?, 'submitted', ?, ?, ?)", (p["id"], p["category"], p["text"],
                                                               p.get("member_id"), p.get("created_at") or "",
                                                               p.get("building_id") or ""))
    elif mutation == "vote_idea":
        if conn.execute("SELECT 1 FROM ideas WHERE id = ?", (p["idea_id"],)).fetchone() is not None:
            if conn.execute("INSERT OR IGNORE INTO idea_votes (idea_id, member_id) VALUES (?, ?)",
                            (p["idea_id"], p["member_id"])).rowcount:
                conn.execute("UPDATE ideas SET votes = votes + 1 WHERE id = ?", (p["idea_id"],))
    elif mutation == "submit_request":
        conn.execute("INSERT OR IGNORE INTO requests (id, member_id, flat_id, category, text, status, created_at) "
                     "VALUES (?, ?, ?, ?, ?, 'received', ?)", (p["id"], p["member_id"], p.get("flat_id") or "",
                                                              p["category"], p.get("text") or "",
                                                              p.get("created_at") or ""))


def reapply(conn: Connection, mutation: str, payload: dict[str, Any]) -> None:
    """The local effect of a pending mutation, again (idempotent)."""
    if mutation == "enroll_member":
        member = wire.EnrollMember.model_validate(payload).model_dump(exclude={"consents"})
        exists = conn.execute("SELECT 1 FROM members WHERE id = ?", (member["id"],)).fetchone()
        if exists is None:
            upsert(conn, "member", member)
    elif mutation == "update_member_contact":
        sets = {k: _value(v) for k, v in payload.items()
                if k in ("phone", "email", "language", "sms_opt_in", "newsletter_opt_in") and v is not None}
        if sets:
            conn.execute(f"UPDATE members SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                         [*sets.values(), payload["member_id"]])
    elif mutation == "erase_member":
        delete(conn, "member", payload["member_id"])
    elif mutation == "confirm_residence":
        conn.execute("UPDATE members SET status = 'active' WHERE id = ? AND status = 'pending'",
                     (payload["member_id"],))
    elif mutation == "issue_card":
        upsert(conn, "card", payload | {"status": "active", "revoked_at": ""})
    elif mutation in COMMUNITY_KEYS:
        reapply_community(conn, mutation, payload)
    elif mutation == "revoke_card":
        conn.execute("UPDATE cards SET status = 'revoked' WHERE issuer_key_id = ? AND serial = ?",
                     (payload["issuer_key_id"], payload["serial"]))


def reapply_pending(conn: Connection, touched: set[str] | None) -> int:
    """Re-apply pending outbox entries (all of them when ``touched`` is None)."""
    n = 0
    for row in conn.execute("SELECT mutation, payload FROM outbox WHERE state = 'pending' ORDER BY seq").fetchall():
        payload = json.loads(row[1])
        if touched is None or _keys_of(row[0], payload) & touched:
            reapply(conn, row[0], payload)
            n += 1
    return n


def set_kv(conn: Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 (key, value))


# Parents before children for upserts (the feed keeps only the latest version of a row,
# so a renamed building can come after its flats); children before parents for deletes.
_RANK = {e: i for i, e in enumerate(("estate", "building", "entrance", "flat", "member", "card", "card_issuer",
                                     "card_revocation", "partner", "offer", "event", "announcement", "staff",
                                     "registration", "attendance", "idea", "idea_vote", "request"))}


def in_dependency_order(changes: Iterable[wire.Change]) -> list[wire.Change]:
    changes = list(changes)
    ups = sorted((c for c in changes if c.op == "upsert"), key=lambda c: _RANK.get(c.entity, 99))
    dels = sorted((c for c in changes if c.op == "delete"), key=lambda c: -_RANK.get(c.entity, 99))
    return ups + dels


def apply_page(conn: Connection, changes: Iterable[wire.Change], cursor: str) -> int:
    """Caller holds ``db.atomic()``: the changes, the re-applied outbox and the cursor commit together."""
    conn.execute("PRAGMA defer_foreign_keys = ON")  # checked at commit, once the page is whole
    touched: set[str] = set()
    n = 0
    for change in in_dependency_order(changes):
        apply_change(conn, change)
        touched.add(_touched_key(change.entity, change.id))
        n += 1
    if touched:
        reapply_pending(conn, touched)
    set_kv(conn, CURSOR_KEY, cursor)
    return n


def replace_from_snapshot(conn: Connection, snap: wire.SnapshotResponse) -> int:
    """Caller holds ``db.atomic()``: scoped tables become exactly the snapshot (plus pending work)."""
    conn.execute("PRAGMA defer_foreign_keys = ON")
    keep: dict[str, set[tuple[Any, ...]]] = {t: set() for t in SNAPSHOT_ORDER}
    for item in sorted(snap.items, key=lambda i: _RANK.get(i.entity, 99)):
        if item.entity not in TABLES:
            continue
        upsert(conn, item.entity, item.data)
        table, keys, _ = TABLES[item.entity]
        if table in keep:
            keep[table].add(tuple(str(item.data[k]) for k in keys))
    for table in SNAPSHOT_ORDER:
        key_cols = next(k for t, k, _ in TABLES.values() if t == table)
        expr = " || ':' || ".join(f"CAST({k} AS TEXT)" for k in key_cols)
        present = conn.execute(f"SELECT {expr} FROM {table}").fetchall()
        wanted = {":".join(k) for k in keep[table]}
        gone = [r[0] for r in present if r[0] not in wanted]
        for key in gone:
            if len(key_cols) == 1:
                conn.execute(f"DELETE FROM {table} WHERE {key_cols[0]} = ?", (key,))
            else:
                a, _, b = key.partition(":")
                conn.execute(f"DELETE FROM {table} WHERE {key_cols[0]} = ? AND {key_cols[1]} = ?", (a, int(b)))
        if table == "members" and gone:
            conn.execute("DELETE FROM consents WHERE member_id NOT IN (SELECT id FROM members)")
    reapply_pending(conn, None)
    set_kv(conn, CURSOR_KEY, snap.cursor)
    return len(snap.items)


def wipe(conn: Connection) -> None:
    """A revoked kiosk's order: every personal and scoped row goes, and the sync state."""
    for table in WIPE_TABLES:
        conn.execute(f"DELETE FROM {table}")
    conn.execute("DELETE FROM kv WHERE key LIKE 'sync.%'")
    conn.execute("INSERT INTO members_fts(members_fts) VALUES ('optimize')")
