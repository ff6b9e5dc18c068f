"""The opening-hours editor: two time ranges per weekday and dated exceptions.

Form fields: ``h<day>_<n>_open`` / ``h<day>_<n>_close`` (day 0 = Monday, n = 1 or 2)
from time pickers, and ``x<i>_date``, ``x<i>_open``, ``x<i>_close``, ``x<i>_closed``
for up to :data:`EXCEPTION_ROWS` exceptions (a holiday, a late opening). The result is
the kiosk's format (``kiosk.domain.partners.WeeklyHours.to_json``) and is checked by
the same rule the kiosk uses (``WeeklyHours.validate``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kiosk.domain.errors import ValidationError
from kiosk.domain.partners import WeeklyHours

EXCEPTION_ROWS = 4
_HHMM = re.compile(r"^(\d{1,2})[:hH](\d{2})$")


def _time(raw: str) -> str:
    m = _HHMM.match(raw.strip())
    if not m or int(m[1]) > 24 or int(m[2]) > 59:
        raise ValueError(f"Heure « {raw[:10]} » : par exemple 09:30.")
    return f"{int(m[1]):02d}:{m[2]}"


def _range(form: dict[str, str], prefix: str, label: str) -> tuple[str, str] | None:
    o, c = (form.get(f"{prefix}_open") or "").strip(), (form.get(f"{prefix}_close") or "").strip()
    if not o and not c:
        return None
    if not o or not c:
        raise ValueError(f"{label} : donnez l'heure d'ouverture et l'heure de fermeture.")
    return _time(o), _time(c)


def parse_hours(form: dict[str, str]) -> dict[str, Any]:
    days: dict[int, list[tuple[str, str]]] = {}
    for d in range(7):
        from central.labels import WEEKDAYS
        ranges = [r for n in (1, 2) if (r := _range(form, f"h{d}_{n}", WEEKDAYS[d])) is not None]
        if ranges:
            days[d] = ranges
    exceptions: dict[str, list[tuple[str, str]]] = {}
    for i in range(EXCEPTION_ROWS):
        raw_day = (form.get(f"x{i}_date") or "").strip()
        if not raw_day:
            continue
        try:
            key = date.fromisoformat(raw_day).isoformat()
        except ValueError:
            raise ValueError("Date d'exception : choisissez une date.") from None
        if form.get(f"x{i}_closed"):
            exceptions[key] = []
        else:
            r = _range(form, f"x{i}", f"Exception du {key}")
            if r is None:
                raise ValueError(f"Exception du {key} : cochez « fermé » ou donnez des heures.")
            exceptions[key] = [r]
    hours = WeeklyHours(days=days, exceptions=exceptions)
    try:
        hours.validate()
    except ValidationError:
        raise ValueError("Horaires invalides.") from None
    return hours.to_json()


def editor_rows(hours: dict[str, Any] | None) -> dict[str, Any]:
    """What the template needs to fill the editor from stored hours."""
    h = WeeklyHours.from_json(hours if isinstance(hours, dict) else {})
    days = {d: list(h.days.get(d, [])) + [("", "")] * (2 - len(h.days.get(d, []))) for d in range(7)}
    ex = sorted(h.exceptions.items())[:EXCEPTION_ROWS]
    rows = [(k, (v[0] if v else ("", "")), not v) for k, v in ex]
    rows += [("", ("", ""), False)] * (EXCEPTION_ROWS - len(rows))
    return {"days": days, "exceptions": rows}


def summary(hours: dict[str, Any] | None) -> list[str]:
    """ "Lundi : 09:00–12:00, 14:00–19:00" lines, as the kiosk shows them."""
    from central.labels import WEEKDAYS, day
    h = WeeklyHours.from_json(hours if isinstance(hours, dict) else {})
    lines = []
    for d in range(7):
        ivs = h.days.get(d, [])
        lines.append(f"{WEEKDAYS[d]} : " + (", ".join(f"{a}–{b}" for a, b in ivs) if ivs else "fermé"))
    for k, v in sorted(h.exceptions.items()):
        lines.append(f"{day(k)} : " + (", ".join(f"{a}–{b}" for a, b in v) if v else "fermé"))
    return lines


def typed_rows(form: dict[str, str]) -> dict[str, Any]:
    """The editor filled with what was typed (a refused form keeps every entry)."""
    days = {d: [((form.get(f"h{d}_{n}_open") or "")[:5], (form.get(f"h{d}_{n}_close") or "")[:5]) for n in (1, 2)]
            for d in range(7)}
    rows = [((form.get(f"x{i}_date") or "")[:10], ((form.get(f"x{i}_open") or "")[:5],
                                                    (form.get(f"x{i}_close") or "")[:5]), bool(form.get(f"x{i}_closed")))
            for i in range(EXCEPTION_ROWS)]
    return {"days": days, "exceptions": rows}
