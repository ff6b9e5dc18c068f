"""What a search box of the member list finds: name (any order, accents ignored), phone
(however typed), flat (label or id), or the member number printed on the card.

``"Lefèvre Marie"`` finds Marie Lefèvre: every typed word must be in the folded name or
the flat's label. ``"06 12 34 56 78"`` and ``"+33612345678"`` find the same phone. A
member number (``ABCD-EFGH``) is the first 40 bits of the id, so it becomes an id prefix.
"""

from __future__ import annotations

import re
import uuid

from sqlalchemy import ColumnElement, and_, false, or_

from central import db
from kiosk.domain.members import _CROCKFORD
from kiosk.domain.text import fold

_NUMBER = re.compile(r"^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$")


def id_prefix(number: str) -> str | None:
    """ "ABCD-EFGH" → the first 10 hex digits of the ids that carry it, as in a UUID."""
    text = number.replace("-", "").upper().replace("O", "0").replace("I", "1").replace("L", "1")
    if len(text) != 8 or any(c not in _CROCKFORD for c in text):
        return None
    n = 0
    for c in text:
        n = (n << 5) | _CROCKFORD.index(c)
    hexed = f"{n:010x}"
    return f"{hexed[:8]}-{hexed[8:]}"


def phone_digits(text: str) -> str | None:
    digits = re.sub(r"\D", "", text)
    if len(digits) < 6 or len(digits) > 15 or re.search(r"[A-Za-z]", text):
        return None
    if digits.startswith("33"):
        digits = digits[2:]
    return digits.lstrip("0")


def conditions(text: str) -> list[ColumnElement[bool]]:
    text = text.strip()
    if not text:
        return []
    m, f = db.members.c, db.flats.c
    ways: list[ColumnElement[bool]] = []
    if _NUMBER.match(text) and (prefix := id_prefix(text)) is not None:
        ways.append(m.id.like(prefix + "%"))
    try:
        ways.append(m.id == str(uuid.UUID(text)))
    except ValueError:
        if re.fullmatch(r"[0-9a-fA-F]{8}(-[0-9a-fA-F-]*)?", text):
            ways.append(m.id.like(text.lower() + "%"))
    digits = phone_digits(text)
    if digits:
        ways.append(and_(m.phone != "", m.phone.contains(digits)))
    words = fold(text).split()
    if words:
        ways.append(and_(*[or_(m.folded_name.contains(w), f.label.ilike(f"%{w}%"), m.flat_id.ilike(f"%{w}%"))
                           for w in words[:6]]))
    return [or_(*ways) if ways else false()]
