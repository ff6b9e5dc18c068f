"""Field specs of the admin's catalogue forms, and turning posted text into rows.

One spec per entity drives the list page, the form and the parsing, so adding a field
is one line. :func:`parse_form` collects **every** bad field at once in
:class:`FormErrors` (field → French message), so the form is shown again with each
message beside its field and what was typed kept. Nothing here writes.

Accepted input, as office staff type it: decimal comma or point ("48,936"), dates from
the browser's date picker (``AAAA-MM-JJ``) or typed ``JJ/MM/AAAA``, times from the
date-time picker or typed ``15/12/2026 14h00``; an end before its start is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from central import labels
from central.admin.hours import parse_hours
from kiosk.domain.partners import Category

TEXT_MAX = 2000


class FormErrors(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"   # text, textarea, number, decimal, date, datetime, bool, select, buildings, hours
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""
    max_len: int = 300


def _pairs(table: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(table.items())


SPECS: dict[str, tuple[str, list[Field]]] = {
    "partner": ("Partenaires", [
        Field("name", "Nom", required=True, max_len=200),
        Field("category", "Catégorie", "select", True, tuple((c.value, labels.CATEGORY[c.value]) for c in Category)),
        Field("address", "Adresse", help="Numéro, rue, code postal et ville"),
        Field("lat", "Latitude", "decimal", help="Par exemple 48,936 : ou « Prendre la position » ci-dessous"),
        Field("lon", "Longitude", "decimal", help="Par exemple 2,357"),
        Field("phone", "Téléphone", max_len=20), Field("website", "Site web", help="Commence par https://"),
        Field("description", "Description", "textarea", max_len=TEXT_MAX),
        Field("hours", "Horaires d'ouverture", "hours"),
        Field("active", "Visible sur les bornes", "bool"),
    ]),
    "offer": ("Offres", [
        Field("partner_id", "Partenaire", "select", True),
        Field("text", "Offre", required=True, help="Ce que voit l'adhérent, par exemple « -10 % sur présentation "
                                                   "de la carte »"),
        Field("conditions", "Conditions", max_len=500),
        Field("valid_from", "Valable du", "date"), Field("valid_until", "Valable jusqu'au (inclus)", "date"),
    ]),
    "event": ("Événements", [
        Field("title", "Titre", required=True, max_len=200), Field("description", "Description", "textarea",
                                                                    max_len=TEXT_MAX),
        Field("place", "Lieu", required=True, max_len=200),
        Field("starts_at", "Début", "datetime", True), Field("ends_at", "Fin", "datetime", True),
        Field("capacity", "Places", "number", True, help="Pas moins que les inscriptions déjà confirmées"),
        Field("audience", "Public", "select", True, _pairs(labels.AUDIENCE)),
        Field("building_ids", "Bâtiments", "buildings", help="Aucun coché : tous les bâtiments"),
        Field("pictogram", "Pictogramme", "select", True, _pairs(labels.PICTOGRAM)),
        Field("hosts", "Animé par (adhérents bénévoles)", "hosts",
              help="Numéros d'adhérent des animateurs (sur leur carte), séparés par des virgules, "
                   "par exemple ABCD-EFGH. Les bornes n'affichent que leur prénom.", max_len=300),
    ]),
    "announcement": ("Annonces", [
        Field("title", "Titre", required=True, max_len=200), Field("body", "Texte", "textarea", True, max_len=TEXT_MAX),
        Field("valid_from", "Affichée du", "date", True), Field("valid_until", "au (inclus)", "date", True),
        Field("building_ids", "Bâtiments", "buildings", help="Aucun coché : tous les bâtiments"),
    ]),
}

DEFAULTS: dict[str, dict[str, Any]] = {
    "partner": {"hours": {}, "lat": 0.0, "lon": 0.0, "active": True},
    "event": {"taken": 0, "pictogram": "meeting"},
}

_DATE_FR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_DT_FR = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s*(?:à\s*)?(\d{1,2})\s*[h:H]\s*(\d{2})?$")


def parse_decimal(raw: str) -> float:
    """ "48,936" or "48.936" (spaces ignored) → 48.936; ValueError otherwise."""
    text = raw.replace("\u202f", "").replace(" ", "").replace(",", ".")
    if not re.fullmatch(r"[-+]?\d+(\.\d+)?", text):
        raise ValueError(raw)
    return float(text)


def parse_date(raw: str) -> date:
    m = _DATE_FR.match(raw)
    if m:
        return date(int(m[3]), int(m[2]), int(m[1]))
    return date.fromisoformat(raw)


def parse_datetime(raw: str) -> str:
    """Local wall-clock time as the kiosk stores it: ``AAAA-MM-JJTHH:MM``."""
    m = _DT_FR.match(raw)
    if m:
        dt = datetime(int(m[3]), int(m[2]), int(m[1]), int(m[4]), int(m[5] or 0))
    else:
        dt = datetime.fromisoformat(raw)
        if dt.tzinfo is not None:
            raise ValueError(raw)
    return dt.strftime("%Y-%m-%dT%H:%M")


def parse_form(entity: str, form: dict[str, str], existing: dict[str, Any] | None = None, *,
               known_buildings: frozenset[str] | set[str] = frozenset(),
               choices: dict[str, set[str]] | None = None) -> dict[str, Any]:
    _, fields = SPECS[entity]
    row: dict[str, Any] = dict(DEFAULTS.get(entity, {})) | dict(existing or {})
    errors: dict[str, str] = {}
    for f in fields:
        raw = (form.get(f.name) or "").strip()
        if f.kind in ("text", "textarea", "select") and len(raw) > f.max_len:
            errors[f.name] = f"Au plus {f.max_len} caractères (vous en avez {len(raw)})."
            continue
        if f.required and not raw and f.kind not in ("bool", "buildings", "hours"):
            errors[f.name] = "À remplir."
            continue
        try:
            row[f.name] = _parse_value(f, raw, form, known_buildings, (choices or {}).get(f.name))
        except ValueError as exc:
            errors[f.name] = str(exc)
    _cross_checks(entity, row, errors)
    if errors:
        raise FormErrors(errors)
    return row


def _parse_value(f: Field, raw: str, form: dict[str, str], known_buildings: frozenset[str] | set[str],
                 allowed: set[str] | None) -> Any:
    if f.kind == "bool":
        return raw in ("on", "1", "true")
    if f.kind == "number":
        if not re.fullmatch(r"\d{1,6}", raw):
            raise ValueError("Un nombre entier, 0 ou plus.")
        return int(raw)
    if f.kind == "decimal":
        if not raw:
            return 0.0
        try:
            return parse_decimal(raw)
        except ValueError:
            raise ValueError("Un nombre, par exemple 48,936.") from None
    if f.kind == "date":
        if not raw:
            return None
        try:
            return parse_date(raw).isoformat()
        except ValueError:
            raise ValueError("Une date, par exemple 15/12/2026.") from None
    if f.kind == "datetime":
        try:
            return parse_datetime(raw)
        except ValueError:
            raise ValueError("Une date et une heure, par exemple 15/12/2026 14h00.") from None
    if f.kind == "buildings":
        chosen = [b for b in form.get("building_ids[]", "").split(",") if b]
        unknown = [b for b in chosen if b not in known_buildings]
        if unknown:
            raise ValueError("Bâtiment inconnu : rechargez la page.")
        return sorted(set(chosen))
    if f.kind == "hours":
        return parse_hours(form)
    if f.kind == "hosts":
        return host_numbers(raw)
    if f.kind == "select":
        valid = allowed if allowed is not None else {k for k, _ in f.choices}
        if raw not in valid:
            raise ValueError("Choisissez dans la liste.")
        return raw
    return raw


def host_numbers(raw: str) -> list[str]:
    """ "abcd-efgh, WXYZ-1234" → ["ABCD-EFGH", "WXYZ-1234"] (the office resolves them to members)."""
    if len(raw) > 300:
        raise ValueError("Au plus 300 caractères.")
    out: list[str] = []
    for part in re.split(r"[,;\s]+", raw):
        if not part:
            continue
        text = part.upper()
        if not re.fullmatch(r"[0-9A-Z]{4}-?[0-9A-Z]{4}", text):
            raise ValueError(f"« {part} » n'est pas un numéro d'adhérent (par exemple ABCD-EFGH).")
        number = text if "-" in text else f"{text[:4]}-{text[4:]}"
        if number not in out:
            out.append(number)
    return out


def _cross_checks(entity: str, row: dict[str, Any], errors: dict[str, str]) -> None:
    if entity == "partner":
        if row.get("website") and not str(row["website"]).startswith(("http://", "https://")):
            errors.setdefault("website", "L'adresse doit commencer par https://")
        if "lat" not in errors and not -90 <= float(row.get("lat") or 0) <= 90:
            errors["lat"] = "Entre -90 et 90."
        if "lon" not in errors and not -180 <= float(row.get("lon") or 0) <= 180:
            errors["lon"] = "Entre -180 et 180."
    if entity == "event" and not {"starts_at", "ends_at"} & set(errors):
        if row["ends_at"] <= row["starts_at"]:
            errors["ends_at"] = "La fin doit venir après le début."
    if entity in ("offer", "announcement") and not {"valid_from", "valid_until"} & set(errors):
        if row.get("valid_from") and row.get("valid_until") and row["valid_until"] < row["valid_from"]:
            errors["valid_until"] = "La fin de validité doit venir après son début."
