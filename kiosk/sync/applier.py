"""Applying the server's changes to the kiosk's tables, and pending outbox entries on top.

Runs on the database's owner thread inside one ``db.atomic()`` per page: the rows and
the cursor are committed together, so a crash leaves either both or neither. Every
change is a typed entity (``kiosk/protocol/entities.py``) written through the store
(``repos.replica``); a deleted member goes through the one erasure routine
(``repos.erasure``), as when the member leaves at this kiosk. After a page (or a
snapshot), pending outbox entries whose definition touches one of the page's rows are
re-applied with their own kiosk effect (the same function the service ran), so what a
caretaker just did stays visible until the server's answer arrives. A snapshot
replaces every scoped table: rows not in it are deleted (members erased), which removes
what left the kiosk's buildings. Local-only state survives: staff lock counters, card
issuers (revocations arrive as upserts), sign-ups, ideas and requests of this kiosk.
No Qt, no network, no SQL here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from pydantic import ValidationError

from kiosk.domain.records import OutboxState
from kiosk.protocol import wire
from kiosk.protocol.entities import ENTITIES, MEMBER, ORDER, RANK, building_scope
from kiosk.protocol.registry import REGISTRY
from kiosk.store.repositories import Repositories

CURSOR_KEY = "sync.cursor"
# Replaced by a snapshot, children first when deleting (sign-ups, ideas, requests, call-backs
# and attendance are this kiosk's own history: their parents' cascade or the erasure removes them).
SNAPSHOT_KINDS = tuple(ENTITIES[n] for n in ("lending_suspension", "item_photo", "lending_item", "lending_point",
                                             "member_saving", "partner_logo", "offer", "partner", "announcement",
                                             "event", "staff", "card", "member", "help_contact", "flat", "entrance",
                                             "building", "estate"))


@dataclass
class Applied:
    changes: int = 0
    erased: int = 0          # members erased here: the caller checkpoints the WAL after committing


def in_dependency_order(changes: Iterable[wire.Change]) -> list[wire.Change]:
    """Upserts parents first, then deletes children first (unknown entities last)."""
    changes = list(changes)
    ups = sorted((c for c in changes if c.op == "upsert"), key=lambda c: RANK.get(c.entity, len(ORDER)))
    dels = sorted((c for c in changes if c.op == "delete"), key=lambda c: -RANK.get(c.entity, len(ORDER)))
    return ups + dels


def _stale_member_delete(repos: Repositories, change: wire.Change) -> bool:
    """A member deleted from one scope of this kiosk while it lives in another of them (a
    move between two buildings this kiosk serves): the local row already says where."""
    member = repos.members.get(change.id)
    return member is not None and building_scope(member.building_id) != change.scope


def apply_page(repos: Repositories, changes: Iterable[wire.Change], cursor: str) -> Applied:
    """Caller holds ``db.atomic()``: the changes, the re-applied outbox and the cursor commit together."""
    repos.replica.defer_foreign_keys()
    changes = list(changes)
    # The feed keeps the latest change per scope: a row upserted in one of this kiosk's
    # scopes and deleted from another in the same page lives on.
    live = {(c.entity, c.id) for c in changes if c.op == "upsert"}
    touched: set[str] = set()
    erased: list[str] = []
    n = 0
    for change in in_dependency_order(changes):
        kind = ENTITIES.get(change.entity)
        if kind is None:
            continue  # an entity this version does not know yet: ignore, never fail the page
        touched.add(kind.touch(change.id))
        n += 1
        if change.op == "upsert" and change.data is not None:
            repos.replica.put(kind.decode(change.data))
        elif change.op == "delete" and (change.entity, change.id) not in live:
            if kind is MEMBER:
                if not _stale_member_delete(repos, change):
                    erased.append(change.id)
            else:
                repos.replica.delete(kind.type, change.id)
    gone = repos.erasure.erase_members(erased) if erased else 0
    reapply_pending(repos, touched)
    repos.kv.set(CURSOR_KEY, cursor)
    return Applied(n, gone)


def replace_from_snapshot(repos: Repositories, snap: wire.SnapshotResponse) -> Applied:
    """Caller holds ``db.atomic()``: scoped tables become exactly the snapshot (plus pending work)."""
    repos.replica.defer_foreign_keys()
    wanted: dict[str, set[str]] = {k.name: set() for k in SNAPSHOT_KINDS}
    for item in sorted(snap.items, key=lambda i: RANK.get(i.entity, len(ORDER))):
        kind = ENTITIES.get(item.entity)
        if kind is None:
            continue
        obj = kind.decode(item.data)
        repos.replica.put(obj)
        target = "card" if kind.touch_name == "card" else kind.name
        if target in wanted:
            wanted[target].add(kind.key(obj))
    gone = 0
    for kind in SNAPSHOT_KINDS:
        leaving = repos.replica.keys(kind.type) - wanted[kind.name]
        if kind is MEMBER:
            gone = repos.erasure.erase_members(sorted(leaving)) if leaving else 0
        else:
            for key in leaving:
                repos.replica.delete(kind.type, key)
    reapply_pending(repos, None)
    repos.kv.set(CURSOR_KEY, snap.cursor)
    return Applied(len(snap.items), gone)


def reapply_pending(repos: Repositories, touched: set[str] | None) -> int:
    """Re-apply pending outbox entries (all of them when ``touched`` is None)."""
    n = 0
    for entry in repos.outbox.pending(limit=None):
        definition = REGISTRY.get(entry.mutation)
        if definition is None:
            continue
        try:
            payload = definition.parse(entry.payload)
        except ValidationError:
            continue  # redacted by an erasure, or refused by this version: nothing to show
        if touched is None or set(definition.touches(payload)) & touched:
            definition.kiosk_effect(repos, payload)
            n += 1
    return n


def record_results(repos: Repositories, results: Iterable[wire.MutationResult]) -> int:
    """Caller holds ``db.atomic()``: the server's answers on the outbox; a final refusal
    runs its definition's ``on_rejected`` (a ghost enrollment erased, a sign-up no longer
    pending). Returns how many entries were settled."""
    n = 0
    for r in results:
        settled = repos.outbox.settle(r.seq, r.client_id, _state(r.status), r.model_dump(mode="json"))
        if settled is None:
            continue
        n += 1
        definition = REGISTRY.get(settled[0])
        if r.status is wire.ResultStatus.REJECTED and definition is not None:
            try:
                payload: Any = definition.parse(settled[1])
            except ValidationError:
                continue
            definition.on_rejected(repos, payload, r.code)
    return n


def _state(status: wire.ResultStatus) -> OutboxState:
    return OutboxState(status.value)


def wipe(repos: Repositories) -> None:
    """A revoked kiosk's order: every personal and scoped row goes, and the sync state."""
    repos.replica.wipe()
