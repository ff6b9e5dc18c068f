"""Wire format shared by the kiosk and the central server (pydantic models, no I/O).

Push: the kiosk sends its outbox in order as :class:`PushRequest`; each
:class:`Mutation` names an operation in :data:`MUTATION_PAYLOADS` and carries its
payload. The server answers one :class:`MutationResult` per mutation it looked at.
Pull: pages of :class:`Change` (upsert with ``data``, or delete with the id only and,
for a merge, ``merged_into``) with an opaque cursor. Snapshot: every live row of the
kiosk's scopes and the cursor to continue from. Kiosk clocks order nothing here.

Errors: every 4xx/5xx the server sends has the body :class:`ErrorBody`
(``{"code": ..., "message": ...}``); the code is stable, the message is for logs.
Requests are strict: unknown fields are refused, and so is a NUL character in any string
(PostgreSQL cannot store one; nothing a person types contains one).

Adding a mutation: define its payload model, add it to ``MUTATION_PAYLOADS``, write the
server handler (``central/mutations.py``) and the kiosk re-apply rule
(``kiosk/sync/applier.py``).
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

_Id = Field(min_length=1, max_length=64)
_Short = Field(default="", max_length=200)


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


# -- payloads of the mutations ---------------------------------------------------------------
class HouseholdPerson(_Strict):
    first_name: str = Field(min_length=1, max_length=60)
    relation: str = Field(default="", max_length=40)


class ConsentIn(_Strict):
    id: str = _Id
    purpose: Literal["membership", "sms", "newsletter"]
    granted: bool
    at: str = Field(max_length=40)
    form_version: str = Field(max_length=40)
    notice_hash: str = Field(max_length=128)


class EnrollMember(_Strict):
    """The :class:`kiosk.domain.members.Member` fields plus the consents given on the form."""

    id: str = _Id
    first_name: str = Field(min_length=1, max_length=60)
    last_name: str = Field(min_length=1, max_length=60)
    building_id: str = _Id
    flat_id: str = _Id
    phone: str = Field(default="", max_length=20)
    email: str = Field(default="", max_length=254)
    language: str = Field(default="fr", max_length=8)
    status: Literal["pending", "active"] = "active"
    enrolled_by: Literal["self", "staff", "import", "office"] = "staff"
    created_at: str = Field(default="", max_length=40)
    household: list[HouseholdPerson] = Field(default_factory=list, max_length=20)
    sms_opt_in: bool = False
    newsletter_opt_in: bool = False
    consents: list[ConsentIn] = Field(default_factory=list, max_length=10)


class UpdateMemberContact(_Strict):
    """Kiosk-owned fields only; ``None`` leaves a field as it is."""

    member_id: str = _Id
    phone: str | None = Field(default=None, max_length=20)
    email: str | None = Field(default=None, max_length=254)
    language: str | None = Field(default=None, max_length=8)
    sms_opt_in: bool | None = None
    newsletter_opt_in: bool | None = None
    consents: list[ConsentIn] = Field(default_factory=list, max_length=10)


class EraseMember(_Strict):
    member_id: str = _Id
    reason: str = Field(default="request", max_length=40)


class CardIn(_Strict):
    issuer_key_id: str = Field(pattern=r"^[0-9a-f]{8}$")
    serial: int = Field(ge=1, le=2**32 - 1)
    holder_id: str = _Id
    role: Literal["member", "staff"] = "member"
    issued: str = Field(max_length=10)
    expires: str = Field(max_length=10)


class IssueCard(CardIn):
    pass


class RevokeCard(_Strict):
    issuer_key_id: str = Field(pattern=r"^[0-9a-f]{8}$")
    serial: int = Field(ge=1, le=2**32 - 1)


class ConfirmResidence(_Strict):
    member_id: str = _Id


# -- community (events, check-in, ideas, requests: central/community.py) -----------------
IDEA_CATEGORIES = ("living", "activities", "environment", "savings", "other")
REQUEST_CATEGORIES = ("common_areas", "reduced_mobility", "noise", "cleanliness", "other")


class RegisterForEvent(_Strict):
    """A sign-up made at a kiosk; the server answers confirmed (applied) or waitlisted."""

    id: str = _Id                       # the registration's id, made by the kiosk
    event_id: str = _Id
    member_id: str = _Id
    created_at: str = Field(default="", max_length=40)   # kiosk clock: shown, never ordered by


class CancelRegistration(_Strict):
    id: str = _Id
    member_id: str = _Id


class CheckIn(_Strict):
    event_id: str = _Id
    member_id: str = _Id
    checked_in_at: str = Field(default="", max_length=40)
    staff_id: str = Field(default="", max_length=64)


class SubmitIdea(_Strict):
    id: str = _Id
    category: Literal["living", "activities", "environment", "savings", "other"]
    text: str = Field(min_length=3, max_length=500)
    member_id: str | None = Field(default=None, max_length=64)   # None: anonymous
    building_id: str = Field(default="", max_length=64)
    created_at: str = Field(default="", max_length=40)


class VoteIdea(_Strict):
    idea_id: str = _Id
    member_id: str = _Id


class SubmitRequest(_Strict):
    id: str = _Id
    member_id: str = _Id
    flat_id: str = Field(default="", max_length=64)   # the server uses the member's flat as it knows it
    category: Literal["common_areas", "reduced_mobility", "noise", "cleanliness", "other"]
    text: str = Field(default="", max_length=500)
    created_at: str = Field(default="", max_length=40)


MUTATION_PAYLOADS: dict[str, type[BaseModel]] = {
    "enroll_member": EnrollMember,
    "update_member_contact": UpdateMemberContact,
    "erase_member": EraseMember,
    "issue_card": IssueCard,
    "revoke_card": RevokeCard,
    "confirm_residence": ConfirmResidence,
    "register_for_event": RegisterForEvent,
    "cancel_registration": CancelRegistration,
    "check_in": CheckIn,
    "submit_idea": SubmitIdea,
    "vote_idea": VoteIdea,
    "submit_request": SubmitRequest,
}


# -- push ------------------------------------------------------------------------------------
class Mutation(_Strict):
    _checked_later = frozenset({"payload"})          # by the mutation's payload model, on the server

    seq: int = Field(ge=1, le=MAX_SEQ, strict=True)  # strict: not true, not 2.0
    client_id: str = Field(min_length=1, max_length=64)
    mutation: str = Field(min_length=1, max_length=64)
    payload: dict[str, Any]


class PushRequest(_Strict):
    mutations: list[Mutation] = Field(max_length=MAX_MUTATIONS_PER_PUSH)


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
