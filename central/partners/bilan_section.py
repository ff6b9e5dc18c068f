"""The Bilan's savings sections: uses of offers and members' savings, measured and declared apart.

Four tables over the period (``central/bilan.py`` lists them in its ``SECTIONS``): per
partner, per category, per building (a count under 5 hidden, as everywhere in the
Bilan) and per month with a chart. *Measured*: uses of offers recorded by partners
(accepted ones), and the saving each one made; *declared*: contracts taken through the
club and the yearly saving their partner declared, counted in the month the contract
starts. Rows purged after the retention period are in ``savings_stats`` and counted the
same way, so the figures do not change when the purge runs. :func:`savings_rows` is the
one query; the sections only group it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import String, and_, cast, func, literal, select, union_all

from central import db
from central.bilan import HIDDEN, MIN_COUNT, Chart, Scope, Section, month_label, months, small
from central.labels import CATEGORY
from central.partners.redemptions import month_of
from central.partners.tables import declared_savings, redemptions, savings_stats


@dataclass(frozen=True)
class Row:
    month: str
    partner_id: str
    category: str
    building_id: str
    kind: str               # measured | declared
    uses: int
    cents: int


def savings_rows(s: Scope) -> list[Row]:
    """Every use and declaration of the period in scope, grouped by month, partner, building, kind."""
    r, d, st = redemptions.c, declared_savings.c, savings_stats.c
    first, last = s.start.isoformat(), s.end.isoformat()
    live = (select(month_of(r.day).label("month"), r.partner_id, r.category, r.building_id,
                   literal("measured").label("kind"), func.count().label("uses"),
                   func.sum(r.saving_cents).label("cents"))
            .where(r.status == "accepted", r.day >= first, r.day <= last, s.in_scope(r.building_id))
            .group_by(month_of(r.day), r.partner_id, r.category, r.building_id))
    declared = (select(month_of(d.starts_on), d.partner_id, d.category, d.building_id,
                       literal("declared"), func.count(), func.sum(d.amount_cents))
                .where(d.starts_on >= first, d.starts_on <= last, s.in_scope(d.building_id))
                .group_by(month_of(d.starts_on), d.partner_id, d.category, d.building_id))
    old = (select(st.month, st.partner_id, st.category, st.building_id, cast(st.kind, String), func.sum(st.uses),
                  func.sum(st.saving_cents))
           .where(and_(st.month >= first[:7], st.month <= last[:7]), s.in_scope(st.building_id))
           .group_by(st.month, st.partner_id, st.category, st.building_id, st.kind))
    rows = s.conn.execute(union_all(live, declared, old)).all()
    return [Row(str(m), str(p), str(c or ""), str(b or ""), str(k), int(u or 0), int(x or 0)) for m, p, c, b, k, u, x
            in rows]


def _euros(cents: int) -> str:
    whole, rest = divmod(int(cents), 100)
    return f"{whole:,}".replace(",", "\u202f") + (f",{rest:02d}" if rest else "") + "\u00a0€"


def _totals(rows: list[Row], key: Callable[[Row], str]) -> dict[str, list[int]]:
    """key → [uses measured, cents measured, contracts declared, cents declared]."""
    out: dict[str, list[int]] = {}
    for x in rows:
        t = out.setdefault(key(x), [0, 0, 0, 0])
        i = 0 if x.kind == "measured" else 2
        t[i] += x.uses
        t[i + 1] += x.cents
    return out


DEFINITION = ("Mesurées : passages enregistrés par les partenaires avec leur téléphone (carte ou bon vérifiés, "
              "acceptés par le club) et l'économie de chacun (la remise sur le montant de l'achat, ou la valeur "
              "de l'avantage fixée par le bureau). Déclarées : contrats pris grâce au club (assurance habitation…) "
              "et l'économie de l'année déclarée par le partenaire, comptée au mois où le contrat commence. "
              "Les deux ne sont jamais additionnées sans être nommées.")
COLUMNS = ["Passages", "Économies mesurées", "Contrats", "Économies déclarées"]


def _cells(t: list[int]) -> list[Any]:
    return [t[0], _euros(t[1]), t[2], _euros(t[3])]


def _partner_names(s: Scope) -> dict[str, str]:
    return {str(k): str(v) for k, v in s.conn.execute(select(db.partners.c.id, db.partners.c.name))}


def by_partner(s: Scope) -> Section:
    rows = savings_rows(s)
    names = _partner_names(s)
    totals = _totals(rows, lambda x: x.partner_id)
    cats = {x.partner_id: x.category for x in rows}
    table = [[names.get(p, "(partenaire retiré)"), CATEGORY.get(cats.get(p, ""), cats.get(p, "")), *_cells(t)]
             for p, t in sorted(totals.items(), key=lambda kv: -(kv[1][1] + kv[1][3]))]
    table.append(["Total", "", *_cells([sum(t[i] for t in totals.values()) for i in range(4)])])
    return Section("savings_partners", "Économies des adhérents, par partenaire", DEFINITION,
                   ["Partenaire", "Catégorie", *COLUMNS], table)


def by_category(s: Scope) -> Section:
    totals = _totals(savings_rows(s), lambda x: x.category)
    table = [[CATEGORY.get(c, c or "—"), *_cells(t)] for c, t in sorted(totals.items())]
    return Section("savings_categories", "Économies des adhérents, par catégorie de partenaire", DEFINITION,
                   ["Catégorie", *COLUMNS], table)


def by_building(s: Scope) -> Section:
    totals = _totals(savings_rows(s), lambda x: x.building_id)
    table = []
    for b in s.buildings():
        t = totals.get(b["id"], [0, 0, 0, 0])
        hidden = 0 < t[0] < MIN_COUNT or 0 < t[2] < MIN_COUNT
        table.append([b["estate"], b["name"], small(t[0]), HIDDEN if hidden else _euros(t[1]), small(t[2]),
                      HIDDEN if hidden else _euros(t[3])])
    return Section("savings_buildings", "Économies des adhérents, par bâtiment", DEFINITION + " Par bâtiment, un "
                   f"nombre inférieur à {MIN_COUNT} et ses montants sont masqués (« {HIDDEN} »).",
                   ["Résidence", "Bâtiment", *COLUMNS], table)


def by_month(s: Scope) -> Section:
    totals = _totals(savings_rows(s), lambda x: x.month)
    keys = months(s.start, s.end)
    table = [[month_label(k), *_cells(totals.get(k, [0, 0, 0, 0]))] for k in keys]
    chart = Chart("Économies des adhérents par mois (€)", [month_label(k) for k in keys],
                  [("Mesurées", [totals.get(k, [0, 0, 0, 0])[1] / 100 for k in keys]),
                   ("Déclarées", [totals.get(k, [0, 0, 0, 0])[3] / 100 for k in keys])], "€")
    return Section("savings_months", "Économies des adhérents, par mois", DEFINITION, ["Mois", *COLUMNS], table,
                   chart)


def headline(sections: dict[str, Section]) -> list[tuple[str, str]]:
    total = sections["savings_partners"].rows[-1]
    return [("Passages chez les partenaires", str(total[2])), ("Économies mesurées", str(total[3])),
            ("Économies déclarées", str(total[5]))]


SECTIONS: list[Callable[[Scope], Section]] = [by_partner, by_category, by_building, by_month]
