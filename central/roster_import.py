"""Bulk import of the landlord's roster: estates, buildings, entrances and flats from CSV.

One line per flat: ``residence;ville;batiment;adresse;entree;logement`` (``;`` or ``,``,
UTF-8 with or without BOM, a header line). Existing places are matched by name within
their parent (accents and case ignored), so importing the same file twice adds nothing;
new ones get ids made from their names. :func:`plan` checks every line and says what
would be created, :func:`apply` writes it through Office (feed and audit).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from central import db
from kiosk.domain.text import fold

COLUMNS = ("residence", "ville", "batiment", "adresse", "entree", "logement")
MAX_LINES = 20_000


@dataclass
class Plan:
    new: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {k: [] for k in
                                                                           ("estate", "building", "entrance", "flat")})
    errors: list[str] = field(default_factory=list)
    lines: int = 0

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.new.items()}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:40] or "x"


def parse(text: str) -> tuple[list[dict[str, str]], list[str]]:
    text = text.lstrip("\ufeff")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows, errors = [], []
    header = [fold(h).replace("é", "e") for h in next(reader, [])]
    if [h.strip() for h in header] != list(COLUMNS):
        return [], [f"Ligne 1 : les colonnes doivent être {';'.join(COLUMNS)}."]
    for n, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if n > MAX_LINES:
            errors.append(f"Plus de {MAX_LINES} lignes : coupez le fichier.")
            break
        if len(cells) != len(COLUMNS):
            errors.append(f"Ligne {n} : {len(cells)} colonnes au lieu de {len(COLUMNS)}.")
            continue
        row = {k: v.strip() for k, v in zip(COLUMNS, cells)}
        missing = [k for k in ("residence", "batiment", "entree", "logement") if not row[k]]
        if missing:
            errors.append(f"Ligne {n} : à remplir : {', '.join(missing)}.")
            continue
        if any(len(v) > 200 for v in row.values()):
            errors.append(f"Ligne {n} : un champ dépasse 200 caractères.")
            continue
        rows.append(row)
    return rows, errors


def plan(engine: Any, text: str) -> Plan:
    rows, errors = parse(text)
    p = Plan(errors=errors, lines=len(rows))
    with engine.connect() as conn:
        estates = {fold(r.name): r.id for r in conn.execute(select(db.estates.c.id, db.estates.c.name))}
        buildings = {(r.estate_id, fold(r.name)): r.id for r in
                     conn.execute(select(db.buildings.c.id, db.buildings.c.estate_id, db.buildings.c.name))}
        entrances = {(r.building_id, fold(r.name)): r.id for r in
                     conn.execute(select(db.entrances.c.id, db.entrances.c.building_id, db.entrances.c.name))}
        flats = {(r.entrance_id, fold(r.label)) for r in
                 conn.execute(select(db.flats.c.entrance_id, db.flats.c.label))}
        ids = set(estates.values()) | set(buildings.values()) | set(entrances.values())
        ids |= set(conn.execute(select(db.flats.c.id)).scalars())

    def new_id(base: str) -> str:
        candidate, n = base, 2
        while candidate in ids:
            candidate, n = f"{base}-{n}", n + 1
        ids.add(candidate)
        return candidate

    for r in rows:
        ekey = fold(r["residence"])
        if ekey not in estates:
            estates[ekey] = new_id(_slug(r["residence"]))
            p.new["estate"].append({"id": estates[ekey], "name": r["residence"], "city": r["ville"]})
        eid = estates[ekey]
        bkey = (eid, fold(r["batiment"]))
        if bkey not in buildings:
            buildings[bkey] = new_id(f"{eid}-{_slug(r['batiment'])}")
            p.new["building"].append({"id": buildings[bkey], "estate_id": eid, "name": r["batiment"],
                                      "address": r["adresse"], "lat": 0.0, "lon": 0.0})
        bid = buildings[bkey]
        nkey = (bid, fold(r["entree"]))
        if nkey not in entrances:
            entrances[nkey] = new_id(f"{bid}-{_slug(r['entree'])}")
            p.new["entrance"].append({"id": entrances[nkey], "building_id": bid, "name": r["entree"]})
        nid = entrances[nkey]
        if (nid, fold(r["logement"])) in flats:
            continue
        flats.add((nid, fold(r["logement"])))
        p.new["flat"].append({"id": new_id(f"{nid}-{_slug(r['logement'])}"), "entrance_id": nid, "building_id": bid,
                              "label": r["logement"]})
    return p


def apply(office: Any, p: Plan, *, by: str) -> dict[str, int]:
    """Write a plan without errors: one transaction, feed and one audit row per kind."""
    from central import audit, records
    put = {"estate": records.put_estate, "building": records.put_building, "entrance": records.put_entrance,
           "flat": records.put_flat}
    with office.tx() as (conn, fw):
        for kind in ("estate", "building", "entrance", "flat"):
            for row in p.new[kind]:
                put[kind](conn, fw, row)
        c = p.counts()
        audit.record(conn, by, "import", "estate", "roster", summary=(
            f"import CSV : {c['estate']} résidence(s), {c['building']} bâtiment(s), {c['entrance']} entrée(s), "
            f"{c['flat']} logement(s)"))
    return p.counts()
