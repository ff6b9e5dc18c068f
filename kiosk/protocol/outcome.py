"""What the server answers about one mutation: applied, rejected (final), conflict, waitlisted.

A server effect returns an :class:`Outcome` or raises :class:`Rejected` (its writes are
rolled back with the mutation's savepoint). Codes are stable strings the kiosk acts on
and logs; people never see them. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from kiosk.protocol.wire import ResultStatus


@dataclass(frozen=True)
class Outcome:
    status: ResultStatus
    code: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def applied(cls, code: str = "", **data: Any) -> "Outcome":
        return cls(ResultStatus.APPLIED, code, data)

    @classmethod
    def rejected(cls, code: str, **data: Any) -> "Outcome":
        return cls(ResultStatus.REJECTED, code, data)


class Rejected(Exception):
    """A final refusal from inside a server effect."""

    def __init__(self, code: str, **data: Any) -> None:
        super().__init__(code)
        self.code = code
        self.data = data

    def outcome(self) -> Outcome:
        return Outcome.rejected(self.code, **self.data)


T = TypeVar("T")


def found(value: T | None, code: str) -> T:
    """``value``, or a :class:`Rejected` with ``code`` if it is None (what the scope check found
    may be re-read by an effect under a lock; if it went in between, refuse like unknown)."""
    if value is None:
        raise Rejected(code)
    return value
