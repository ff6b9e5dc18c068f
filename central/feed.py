"""The change feed: per-scope versions under a row lock, latest change per row, cursors.

Every write that a kiosk must see goes through a :class:`FeedWriter` inside the writing
transaction, as a typed entity of ``kiosk/protocol/entities.py`` (its data is the
entity's JSON, the same the kiosk's applier decodes). ``flush()`` (called just before commit) locks the counters of the touched
scopes in sorted order (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN
IMMEDIATE`` already serialises writers), takes the next versions and writes the feed
rows. Because the lock is held until commit, version N+1 cannot be given out before the
transaction holding N commits, so a reader never sees a later version before an earlier
one. Each (scope, entity, id) keeps only its latest change; deletes keep the id (and
``merged_into``) until the tombstone purge, which raises the scope's horizon.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from central.db import feed, scope_counters
from central.feed_signal import mark_changed
from kiosk.protocol.wire import MAX_SEQ
from kiosk.protocol.entities import CATALOG, EntityKind, building_scope

__all__ = ["CATALOG", "FeedWriter", "building_scope", "now_iso", "scopes_of", "lock_counter", "counters", "Cursor",
           "BadCursor", "read_page", "purge_tombstones"]


def scopes_of(building_ids: list[str]) -> list[str]:
    return [CATALOG] + sorted(building_scope(b) for b in building_ids)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _insert(conn: Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    return (postgresql.insert(table) if conn.dialect.name == "postgresql" else sqlite.insert(table))


@dataclass
class FeedWriter:
    """Collects the feed changes of one transaction; ``flush()`` writes them."""

    conn: Connection
    pending: dict[tuple[str, str, str], tuple[str, Any, str | None]] = field(default_factory=dict)

    def put(self, scope: str, kind: EntityKind[Any], obj: Any) -> None:
        """An upsert of a typed entity (``kiosk/protocol/entities.py``), its data encoded now."""
        self.pending[(scope, kind.name, kind.key(obj))] = ("upsert", kind.encode(obj), None)

    def delete(self, scope: str, kind: EntityKind[Any], entity_id: str, merged_into: str | None = None) -> None:
        self.pending[(scope, kind.name, entity_id)] = ("delete", None, merged_into)

    def flush(self) -> dict[str, int]:
        """Write the collected changes; returns the last version per touched scope."""
        by_scope: dict[str, list[tuple[str, str, tuple[str, Any, str | None]]]] = {}
        for (scope, entity, eid), change in self.pending.items():
            by_scope.setdefault(scope, []).append((entity, eid, change))
        self.pending.clear()
        last: dict[str, int] = {}
        at = now_iso()
        for scope in sorted(by_scope):  # fixed lock order: no deadlock between writers
            changes = by_scope[scope]
            version = lock_counter(self.conn, scope)
            new_version = version + len(changes)
            self.conn.execute(update(scope_counters).where(scope_counters.c.scope == scope)
                              .values(version=new_version))
            rows = []
            for i, (entity, eid, (op, data, merged)) in enumerate(changes, start=1):
                rows.append({"scope": scope, "entity": entity, "entity_id": eid, "version": version + i,
                             "op": op, "data": data, "merged_into": merged, "at": at})
            stmt = _insert(self.conn, feed)
            stmt = stmt.on_conflict_do_update(
                index_elements=["scope", "entity", "entity_id"],
                set_={"version": stmt.excluded.version, "op": stmt.excluded.op, "data": stmt.excluded.data,
                      "merged_into": stmt.excluded.merged_into, "at": stmt.excluded.at})
            # Every new version is above all existing ones, so the unique (scope, version)
            # index never sees a clash, even transiently.
            self.conn.execute(stmt, rows)
            last[scope] = new_version
        if last:
            mark_changed(self.conn)  # waiting kiosks are woken once this commits (central/feed_signal.py)
        return last


def lock_counter(conn: Connection, scope: str) -> int:
    """The scope's current version, its counter row locked until the transaction ends."""
    ins = _insert(conn, scope_counters).values(scope=scope, version=0, horizon=0)
    conn.execute(ins.on_conflict_do_nothing(index_elements=["scope"]))
    q = select(scope_counters.c.version).where(scope_counters.c.scope == scope)
    if conn.dialect.name == "postgresql":
        q = q.with_for_update()
    return int(conn.execute(q).scalar_one())


_COUNTERS = select(scope_counters.c.scope, scope_counters.c.version, scope_counters.c.horizon).where(
    scope_counters.c.scope.in_(bindparam("scopes", expanding=True)))


def counters(conn: Connection, scopes: list[str]) -> dict[str, tuple[int, int]]:
    """scope → (version, horizon); scopes never written are (0, 0)."""
    rows = conn.execute(_COUNTERS, {"scopes": scopes}).all()
    found = {r.scope: (int(r.version), int(r.horizon)) for r in rows}
    return {s: found.get(s, (0, 0)) for s in scopes}


# -- cursors -------------------------------------------------------------------------------
class BadCursor(ValueError):
    pass


def _count(value: object) -> int:
    """A version or epoch from a cursor: a JSON integer within 0..wire.MAX_SEQ (not a
    float, not 1e400, not a bool), or BadCursor."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SEQ:
        raise BadCursor("malformed cursor")
    return value


@dataclass(frozen=True)
class Cursor:
    device_id: str
    epoch: int
    versions: dict[str, int]

    def encode(self) -> str:
        raw = json.dumps({"d": self.device_id, "e": self.epoch, "s": self.versions},
                         separators=(",", ":"), sort_keys=True).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> "Cursor":
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            data = json.loads(raw)
            versions = {str(k): _count(v) for k, v in data["s"].items()}
            if not isinstance(data["d"], str) or len(versions) > 1000:
                raise BadCursor("malformed cursor")
            return cls(data["d"], _count(data["e"]), versions)
        except (binascii.Error, ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, RecursionError):
            raise BadCursor("malformed cursor") from None


_PAGE = (select(feed).where(and_(feed.c.scope == bindparam("scope"), feed.c.version > bindparam("after")))
         .order_by(feed.c.version).limit(bindparam("room")))


def read_page(conn: Connection, versions: dict[str, int], limit: int) -> tuple[list[dict[str, Any]], dict[str, int], bool]:
    """Changes after ``versions`` in scope order (catalog first), at most ``limit``."""
    out: list[dict[str, Any]] = []
    new_versions = dict(versions)
    more = False
    for scope in sorted(versions, key=lambda s: (s != CATALOG, s)):
        room = limit - len(out)
        if room <= 0:
            more = True
            break
        rows = conn.execute(_PAGE, {"scope": scope, "after": versions[scope], "room": room}).mappings().all()
        for r in rows:
            out.append(dict(r))
            new_versions[scope] = int(r["version"])
        if len(rows) == room:
            more = True
            break
    return out, new_versions, more


def purge_tombstones(conn: Connection, older_than: timedelta) -> int:
    """Drop deletes older than ``older_than``; cursors before them will get 410 Gone."""
    cutoff = (datetime.now(timezone.utc) - older_than).isoformat(timespec="microseconds")
    gone = conn.execute(select(feed.c.scope, func.max(feed.c.version).label("v"), func.count().label("n"))
                        .where(and_(feed.c.op == "delete", feed.c.at <= cutoff))
                        .group_by(feed.c.scope)).all()
    total = 0
    for row in gone:
        lock_counter(conn, row.scope)
        conn.execute(feed.delete().where(and_(feed.c.scope == row.scope, feed.c.op == "delete",
                                              feed.c.version <= row.v)))
        conn.execute(update(scope_counters).where(and_(scope_counters.c.scope == row.scope,
                                                       scope_counters.c.horizon < row.v))
                     .values(horizon=row.v))
        total += int(row.n)
    return total
