"""Wire format shared by the kiosk and the central server (pydantic models, no I/O).

Push: the kiosk sends its outbox in order as :class:`PushRequest`; each
:class:`Mutation` names a mutation of the registry (``kiosk/protocol/registry.py``,
one definition per mutation in ``kiosk/protocol/mutations/``) and carries its payload.
The server reads the request as a :class:`PushEnvelope` and validates each entry on its
own: an entry it can never accept is answered ``rejected`` with its code and the ones
after it go on. It answers one :class:`MutationResult` per mutation it looked at.
Pull: pages of :class:`Change` (upsert with ``data``, or delete with the id only and,
for a merge, ``merged_into``) with an opaque cursor; ``data`` is a typed entity of
``kiosk/protocol/entities.py``. Snapshot: every live row of the kiosk's scopes and the
cursor to continue from. Kiosk clocks order nothing here.

Errors: every 4xx/5xx the server sends has the body :class:`ErrorBody`
(``{"code": ..., "message": ...}``); the code is stable, the message is for logs.
Requests are strict: unknown fields are refused, and so is a NUL character in any string
(PostgreSQL cannot store one; nothing a person types contains one).
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from kiosk.protocol.enrollment import NONCE_PATTERN, PROOF_PATTERN

PROTOCOL_VERSION = 1
MAX_MUTATIONS_PER_PUSH = 200
MAX_BODY_BYTES = 1_000_000
PAGE_LIMIT = 500
MAX_SEQ = 2**53                 # sequence numbers and versions stay exact in any JSON reader


def refuse_nul(value: Any) -> Any:
    """``value`` unchanged, or ValueError if a string in it (keys too) holds a NUL."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("NUL characters are not allowed")
    elif isinstance(value, dict):
        for k, v in value.items():
            refuse_nul(k)
            refuse_nul(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            refuse_nul(v)
    return value


class _Strict(BaseModel):
    """Base of every model the server reads: unknown fields and NUL characters refused
    (in every string field, in lists, and inside free-form ``dict`` fields), except in
    the fields named in ``_checked_later``: a mutation's payload is validated by its own
    model, so a bad one is rejected alone instead of refusing the whole push."""

    model_config = ConfigDict(extra="forbid")
    _checked_later: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any, info: ValidationInfo) -> Any:
        if info.field_name in cls._checked_later:
            return value
        return refuse_nul(value)


# -- push ------------------------------------------------------------------------------------
class Mutation(_Strict):
    _checked_later = frozenset({"payload"})          # by the mutation's payload model, on the server

    seq: int = Field(ge=1, le=MAX_SEQ, strict=True)  # strict: not true, not 2.0
    client_id: str = Field(min_length=1, max_length=64)
    mutation: str = Field(min_length=1, max_length=64)
    payload: dict[str, Any]


class PushRequest(_Strict):
    mutations: list[Mutation] = Field(max_length=MAX_MUTATIONS_PER_PUSH)


class MutationHeader(BaseModel):
    """What the server must read of an entry to place it in the device's sequence."""

    seq: int = Field(ge=1, le=MAX_SEQ, strict=True)
    client_id: str = Field(min_length=1, max_length=64)

    @field_validator("client_id")
    @classmethod
    def _no_nul(cls, value: str) -> str:
        return refuse_nul(value)   # it is stored with the answer: PostgreSQL cannot hold a NUL


class PushEnvelope(BaseModel):
    """:class:`PushRequest` as the server first reads it: each entry (a :class:`Mutation`)
    is validated on its own, so one it can never accept ends ``rejected`` (``invalid_mutation``)
    instead of failing the whole request. Only an entry without a usable ``seq`` and
    ``client_id`` fails the request (422). Deliberately not a ``_Strict`` model: a check of
    every string in the body here would refuse the whole push for one bad entry."""

    model_config = ConfigDict(extra="forbid")
    mutations: list[dict[str, Any]] = Field(max_length=MAX_MUTATIONS_PER_PUSH)


class ResultStatus(str, enum.Enum):
    APPLIED = "applied"
    REJECTED = "rejected"        # final: the kiosk drops its local effect
    CONFLICT = "conflict"        # applied, but the office must look (e.g. possible duplicate)
    WAITLISTED = "waitlisted"


class MutationResult(BaseModel):
    seq: int
    client_id: str
    status: ResultStatus
    code: str = ""
    data: dict[str, Any] = Field(default_factory=dict)


class PushResponse(BaseModel):
    results: list[MutationResult]
    stopped: bool = False        # a retryable error stopped the push: retry the rest later
    retry_code: str = ""
    last_seq: int = 0            # highest seq the server has processed for this device


# -- pull and snapshot -----------------------------------------------------------------------
class Change(BaseModel):
    scope: str
    version: int
    entity: str
    id: str
    op: Literal["upsert", "delete"]
    data: dict[str, Any] | None = None
    merged_into: str | None = None


class PullResponse(BaseModel):
    changes: list[Change]
    cursor: str
    more: bool
    scopes: list[str]


class WaitResponse(BaseModel):
    """``GET /v1/sync/wait``: whether the feed has changes after the cursor (then pull)."""
    changed: bool


class SnapshotItem(BaseModel):
    scope: str
    entity: str
    id: str
    data: dict[str, Any]


class SnapshotResponse(BaseModel):
    cursor: str
    scopes: list[str]
    items: list[SnapshotItem]


# -- provisioning ------------------------------------------------------------------------------
class EnrollmentNonce(BaseModel):
    """A single-use challenge for :class:`EnrollDeviceRequest` (kiosk/protocol/enrollment.py)."""

    nonce: str
    expires_in_s: int


class EnrollDeviceRequest(_Strict):
    token: str = Field(min_length=8, max_length=200)
    name: str = Field(default="kiosk", max_length=80)
    public_key: str = Field(pattern=r"^[0-9a-f]{64}$")   # raw Ed25519 public key, hex
    nonce: str = Field(pattern=NONCE_PATTERN)            # from POST /v1/devices/nonce, used once
    proof: str = Field(pattern=PROOF_PATTERN)            # signature of (context, token, nonce, public key)
    client_version: str = Field(default="", max_length=40)
    # The seq of the kiosk's first outbox entry not yet sent under this credential (a store
    # provisioned again keeps its outbox numbering; the server starts counting there).
    first_seq: int = Field(default=1, ge=1, le=2**53)


class EnrollDeviceResponse(BaseModel):
    device_id: str
    secret: str
    building_ids: list[str]
    key_id: str                  # derived by the server from public_key (never sent by the kiosk)


class ErrorBody(BaseModel):
    """The body of every error answer. ``code`` is stable and machine-read (``unauthenticated``,
    ``rate_limited``, ``invalid_request``, ``token_used``...); ``message`` says more, in English,
    for logs and IT staff; never personal data, never the request echoed back."""

    code: str
    message: str = ""
