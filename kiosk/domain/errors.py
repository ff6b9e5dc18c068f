"""Typed errors of the domain. Lower layers raise them; the UI maps codes to words.

A :class:`ValidationError` carries one :class:`FieldError` per bad field, each with a
stable ``code`` (e.g. ``"phone.invalid"``) that the UI translates and shows next to the
field, and named ``params`` for the message placeholders. No text for people here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldError:
    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)  # the attribute `field` shadows the function


class DomainError(Exception):
    """Base of every error a use case can raise on purpose."""

    code = "domain.error"


class ValidationError(DomainError):
    code = "validation"

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__(", ".join(f"{e.field}: {e.code}" for e in self.errors))

    def codes(self) -> dict[str, str]:
        return {e.field: e.code for e in self.errors}


class NotFound(DomainError):
    code = "not_found"
