"""The audit log: who changed what and when, written in the same transaction as the change.

Office use cases call :func:`record` with the open connection, so a change and its audit
row commit together (or not at all). ``before``/``after`` hold the office fields of the
record (never a PIN or password hash, never a member's contact details). Erasing a member
also blanks the names their audit rows held, so the log keeps the fact, not the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select, update

from central.admin_tables import audit_log
from central.feed import now_iso

SECRET_FIELDS = {"pin_hash", "password_hash", "secret_hash"}


def _clean(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {k: v for k, v in row.items() if k not in SECRET_FIELDS}


def changed_fields(before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[str]:
    before, after = before or {}, after or {}
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def record(conn: Connection, by: str, action: str, entity: str, entity_id: str, *,
           before: dict[str, Any] | None = None, after: dict[str, Any] | None = None, summary: str = "") -> None:
    before, after = _clean(before), _clean(after)
    if action == "update" and before is not None and after is not None:
        keys = changed_fields(before, after)
        if not keys:
            return  # nothing changed: nothing to log
        before = {k: before.get(k) for k in keys}
        after = {k: after.get(k) for k in keys}
    conn.execute(audit_log.insert().values(at=now_iso(), username=by or "system", action=action, entity=entity,
                                           entity_id=str(entity_id), summary=summary[:300], before=before,
                                           after=after))


def forget_member(conn: Connection, member_id: str) -> None:
    """Erasure: the member's audit rows keep what was done and when, not their names."""
    conn.execute(update(audit_log).where((audit_log.c.entity == "member") & (audit_log.c.entity_id == member_id))
                 .values(before=None, after=None, summary="(adhérent effacé)"))


@dataclass(frozen=True)
class AuditQuery:
    entity: str = ""
    entity_id: str = ""
    username: str = ""
    action: str = ""
    page: int = 1
    per_page: int = 50


def search(engine: Engine, q: AuditQuery) -> tuple[list[dict[str, Any]], int]:
    cond = []
    for col, value in ((audit_log.c.entity, q.entity), (audit_log.c.entity_id, q.entity_id),
                       (audit_log.c.username, q.username), (audit_log.c.action, q.action)):
        if value:
            cond.append(col == value)
    base = select(audit_log).where(*cond)
    with engine.connect().execution_options(readonly=True) as conn, conn.begin():
        total = int(conn.execute(select(func.count()).select_from(base.subquery())).scalar_one())
        rows = conn.execute(base.order_by(audit_log.c.id.desc()).limit(q.per_page)
                            .offset((q.page - 1) * q.per_page)).mappings().all()
    return [dict(r) for r in rows], total
