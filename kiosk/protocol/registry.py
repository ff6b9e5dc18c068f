"""The registry: mutation name → its definition, a plain dict built from the definitions.

The server dispatches on it (``central/mutations.py``), the kiosk's applier re-applies
through it, and the erasure routine asks it which outbox entries name a member and
which of their fields are personal. Pure Python.
"""

from __future__ import annotations

from typing import Any, Mapping

from pydantic import ValidationError

from kiosk.protocol.definition import Definition
from kiosk.protocol.mutations import DEFINITIONS
from kiosk.protocol.parts import Payload

REGISTRY: dict[str, Definition[Any]] = {d.name: d for d in DEFINITIONS}
_BY_MODEL: dict[type[Payload], Definition[Any]] = {d.model: d for d in DEFINITIONS}
if len(REGISTRY) != len(DEFINITIONS) or len(_BY_MODEL) != len(DEFINITIONS):
    raise RuntimeError("two mutation definitions share a name or a payload model")


def definition_of(payload: Payload) -> Definition[Any]:
    """The definition of a payload object (services record payloads, not names)."""
    return _BY_MODEL[type(payload)]


def redact_for_erasure(mutation: str, payload: Mapping[str, Any], member_ids: set[str]) -> dict[str, Any] | None:
    """The outbox payload without the personal fields of the erased members, or None when
    the entry is not about them (or holds nothing personal).

    A redacted entry keeps its sequence number (the server needs them gap-free) and its
    ids; a pending enrollment so redacted is refused by the server (``invalid_payload``),
    which is what should happen to a member erased before they ever reached it."""
    d = REGISTRY.get(mutation)
    if d is None or not d.personal & payload.keys():
        return None
    named = {v for v in payload.values() if isinstance(v, str)} & member_ids   # ids are top-level fields
    if not named:
        return None
    try:
        if not d.about_members(d.parse(payload)) & named:
            return None
    except ValidationError:   # from an older version: it names the member, that is enough
        pass
    return {k: v for k, v in payload.items() if k not in d.personal}
