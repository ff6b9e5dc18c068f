"""Field specs of the admin's catalogue forms, and turning posted text into rows.

One spec per entity drives the list page, the form and the parsing, so adding a field
is one line. Parsing raises :class:`FormError` with the field name; nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kiosk.domain.partners import Category


class FormError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"          # text, textarea, number, float, date, bool, select, list
    required: bool = False
    choices: tuple[str, ...] = ()


SPECS: dict[str, tuple[str, list[Field]]] = {
    "partner": ("Partenaires", [
        Field("name", "Nom", required=True),
        Field("category", "Catégorie", "select", True, tuple(c.value for c in Category)),
        Field("address", "Adresse"),
        Field("lat", "Latitude", "float"), Field("lon", "Longitude", "float"),
        Field("phone", "Téléphone"), Field("website", "Site web"),
        Field("description", "Description", "textarea"),
        Field("active", "Actif", "bool"),
    ]),
    "offer": ("Offres", [
        Field("partner_id", "Partenaire", "select", True),
        Field("text", "Offre", required=True), Field("conditions", "Conditions"),
        Field("valid_from", "Valable du", "date"), Field("valid_until", "Valable jusqu'au", "date"),
    ]),
    "event": ("Événements", [
        Field("title", "Titre", required=True), Field("description", "Description", "textarea"),
        Field("place", "Lieu", required=True),
        Field("starts_at", "Début (AAAA-MM-JJTHH:MM)", required=True),
        Field("ends_at", "Fin (AAAA-MM-JJTHH:MM)", required=True),
        Field("capacity", "Places", "number", True),
        Field("audience", "Public", "select", True, ("members", "all")),
        Field("building_ids", "Bâtiments (vide : tous)", "list"),
        Field("pictogram", "Pictogramme"),
    ]),
    "announcement": ("Annonces", [
        Field("title", "Titre", required=True), Field("body", "Texte", "textarea", True),
        Field("valid_from", "Du", "date", True), Field("valid_until", "Au", "date", True),
        Field("building_ids", "Bâtiments (vide : tous)", "list"),
    ]),
}

DEFAULTS: dict[str, dict[str, Any]] = {
    "partner": {"hours": {}, "lat": 0.0, "lon": 0.0, "active": True},
    "event": {"taken": 0, "pictogram": "meeting"},
}


def parse_form(entity: str, form: dict[str, str], existing: dict[str, Any] | None = None) -> dict[str, Any]:
    _, fields = SPECS[entity]
    row: dict[str, Any] = dict(DEFAULTS.get(entity, {})) | dict(existing or {})
    for f in fields:
        raw = (form.get(f.name) or "").strip()
        if f.required and not raw and f.kind != "bool":
            raise FormError(f.name, "required")
        if f.kind == "bool":
            row[f.name] = raw in ("on", "1", "true")
        elif f.kind == "number":
            try:
                row[f.name] = int(raw or 0)
            except ValueError:
                raise FormError(f.name, "a whole number") from None
            if row[f.name] < 0:
                raise FormError(f.name, "0 or more")
        elif f.kind == "float":
            try:
                row[f.name] = float(raw or 0)
            except ValueError:
                raise FormError(f.name, "a number") from None
        elif f.kind == "date":
            if raw:
                try:
                    date.fromisoformat(raw)
                except ValueError:
                    raise FormError(f.name, "a date YYYY-MM-DD") from None
            row[f.name] = raw or None
        elif f.kind == "list":
            row[f.name] = [x.strip() for x in raw.split(",") if x.strip()]
        elif f.kind == "select" and f.choices and raw not in f.choices:
            raise FormError(f.name, "not a valid choice")
        else:
            if len(raw) > 2000:
                raise FormError(f.name, "too long")
            row[f.name] = raw
    if entity == "partner" and row.get("website") and not str(row["website"]).startswith(("http://", "https://")):
        raise FormError("website", "must start with https://")
    return row
