"""The server's side of a kiosk's mutation: find its definition, validate, check scope, apply.

:func:`apply_mutation` is the one place a pushed mutation goes through, in this order:
the definition by name (``kiosk/protocol/registry.py``; unknown → ``unknown_mutation``),
the payload validated by its model (``invalid_payload``), the definition's scope rule
checked against the device's buildings from its credential (an id unknown or out of
scope gets the same answer: ``kiosk/protocol/scope.py``), and only then the server
effect, over :class:`central.server_store.ServerStore`. A final refusal raises
:class:`Rejected`; the caller (``central/sync_api.py``) rolls back the mutation's
savepoint and records the refusal as its result. Adding a mutation changes nothing
here (docs/architecture.md, "How to add a mutation").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection

from central.feed import FeedWriter
from central.server_store import ServerStore
from kiosk.protocol.outcome import Outcome, Rejected
from kiosk.protocol.registry import REGISTRY
from kiosk.protocol.scope import check_scope

__all__ = ["Device", "Outcome", "Rejected", "apply_mutation", "validation_errors"]


@dataclass(frozen=True)
class Device:
    id: str
    building_ids: list[str]
    key_id: str
    epoch: int


def validation_errors(exc: ValidationError, limit: int = 10) -> list[dict[str, str]]:
    """Where and why a payload was refused, without echoing its values (they may be personal)."""
    return [{"field": ".".join(str(p) for p in e["loc"]), "type": e["type"], "msg": e["msg"][:200]}
            for e in exc.errors(include_url=False, include_input=False, include_context=False)[:limit]]


def apply_mutation(conn: Connection, fw: FeedWriter, device: Device, name: str, payload: Any) -> Outcome:
    """Validate, check scope, apply; raises :class:`Rejected` for a final refusal."""
    definition = REGISTRY.get(name)
    if definition is None:
        raise Rejected("unknown_mutation")
    try:
        p = definition.parse(payload)
    except ValidationError as exc:
        raise Rejected("invalid_payload", errors=validation_errors(exc)) from None
    server = ServerStore(conn, fw, device)
    refusal = check_scope(definition.scope(p), device, server)
    if refusal is not None:
        return refusal
    return definition.server_effect(server, device, p)
