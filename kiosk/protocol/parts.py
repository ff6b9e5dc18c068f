"""Pieces the mutation payloads share: the base model, checked field types, consents.

Field types carry the rules of :mod:`kiosk.domain` (a name is what
:func:`~kiosk.domain.members.name_problem` accepts, a text what
:func:`~kiosk.domain.community.text_problems` accepts), so a payload the kiosk builds
and the payload the server parses are checked by the same code. A refused value raises
``ValueError`` with the domain's code. Pure Python (pydantic).
"""

from __future__ import annotations

from typing import Annotated, Callable, Literal

from pydantic import AfterValidator, Field

from kiosk.domain.community import clean_text, text_problems
from kiosk.domain.members import (LANGUAGES, NAME_MAX, HouseholdMember, name_problem, normalize_email,
                                  normalize_phone)
from kiosk.domain.records import Consent, ConsentPurpose
from kiosk.protocol.wire import _Strict


class Payload(_Strict):
    """Base of every mutation's payload; the mutation is named after the class."""


def _name(value: str) -> str:
    value = value.strip()
    problem = name_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _text(required: bool) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = clean_text(value)
        problems = text_problems(value, required=required)
        if problems:
            raise ValueError(problems[0].code)
        return value
    return check


def _phone(value: str) -> str:
    if value and normalize_phone(value) != value:   # raises ValueError("phone.invalid") too
        raise ValueError("phone.not_e164")
    return value


def _email(value: str) -> str:
    if value and normalize_email(value) != value:
        raise ValueError("email.not_normalized")
    return value


def _language(value: str) -> str:
    if value not in LANGUAGES:
        raise ValueError("language.invalid")
    return value


Id = Annotated[str, Field(min_length=1, max_length=64)]
Stamp = Annotated[str, Field(max_length=40)]            # an ISO 8601 time from a kiosk clock: shown, never ordered by
Name = Annotated[str, Field(min_length=1, max_length=NAME_MAX + 20), AfterValidator(_name)]
Phone = Annotated[str, Field(max_length=20), AfterValidator(_phone)]       # E.164 or empty
Email = Annotated[str, Field(max_length=254), AfterValidator(_email)]
Language = Annotated[str, Field(max_length=8), AfterValidator(_language)]
IdeaText = Annotated[str, Field(max_length=2000), AfterValidator(_text(required=True))]
ExchangeText = Annotated[str, Field(max_length=2000), AfterValidator(_text(required=True))]   # a public post
RequestText = Annotated[str, Field(max_length=2000), AfterValidator(_text(required=False))]
KeyId = Annotated[str, Field(pattern=r"^[0-9a-f]{8}$")]
Serial = Annotated[int, Field(ge=1, le=2**32 - 1)]


class HouseholdPerson(_Strict):
    first_name: Name
    relation: str = Field(default="", max_length=40)

    def domain(self) -> HouseholdMember:
        return HouseholdMember(self.first_name, self.relation)


class ConsentIn(_Strict):
    """One consent row as the kiosk recorded it (the server records the sending device as
    its kiosk, whatever ``kiosk_id`` says)."""

    id: Id
    purpose: Literal["membership", "sms", "newsletter"]
    granted: bool
    at: Stamp
    form_version: str = Field(max_length=40)
    notice_hash: str = Field(max_length=128)
    kiosk_id: str = Field(default="", max_length=64)

    @classmethod
    def of(cls, c: Consent) -> "ConsentIn":
        return cls(id=c.id, purpose=c.purpose.value, granted=c.granted, at=c.at, form_version=c.form_version,
                   notice_hash=c.notice_hash, kiosk_id=c.kiosk_id)

    def consent(self, member_id: str, kiosk_id: str | None = None) -> Consent:
        return Consent(self.id, member_id, ConsentPurpose(self.purpose), self.granted, self.at, self.form_version,
                       self.notice_hash, self.kiosk_id if kiosk_id is None else kiosk_id)
