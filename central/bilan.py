"""The "Bilan": figures for the landlord and the funders, over a period.

Each section is one function of :data:`SECTIONS` that returns a :class:`Section` (a
title, the definition of its figures in plain words, a table and an optional chart).
Tool lending, service exchanges and savings are added the same way, one function each,
when those features record their data. Privacy: a count under :data:`MIN_COUNT` in a
per-building row is hidden ("< 5"), so that nobody can be singled out; totals over an
estate or the whole scope are shown when they reach it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from statistics import median
from typing import Any, Callable

from sqlalchemy import Connection, Engine, and_, func, or_, select, true, union_all

from central import db
from central.admin_tables import archived_events, audit_log
from central.community_tables import event_attendance, event_registrations, idea_votes, ideas, landlord_requests
from central.labels import CATEGORY, IDEA_STATUS, REQUEST_STATUS

MIN_COUNT = 5
ACTIVE_DAYS = 90
HIDDEN = "< 5"


@dataclass(frozen=True)
class Chart:
    title: str
    labels: list[str]
    series: list[tuple[str, list[float]]]
    unit: str = ""


@dataclass
class Section:
    key: str
    title: str
    definition: str
    columns: list[str]
    rows: list[list[Any]]
    chart: Chart | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Bilan:
    start: date
    end: date
    scope: str
    generated_at: str
    headline: list[tuple[str, str]]
    sections: list[Section]


@dataclass(frozen=True)
class Scope:
    conn: Connection
    start: date
    end: date
    building_ids: set[str] | None  # None: every building

    @property
    def end_iso(self) -> str:  # the period's end, inclusive, as an ISO bound
        return (self.end + timedelta(days=1)).isoformat()

    def buildings(self) -> list[dict[str, Any]]:
        q = (select(db.buildings.c.id, db.buildings.c.name, db.estates.c.id.label("estate_id"),
                    db.estates.c.name.label("estate"))
             .select_from(db.buildings.join(db.estates, db.estates.c.id == db.buildings.c.estate_id))
             .order_by(db.estates.c.name, db.buildings.c.name))
        rows = [dict(r) for r in self.conn.execute(q).mappings()]
        return [r for r in rows if self.building_ids is None or r["id"] in self.building_ids]

    def in_scope(self, col: Any) -> Any:
        return col.in_(self.building_ids) if self.building_ids is not None else true()


def counts(conn: Connection, q: Any) -> dict[str, int]:
    """A (key, count) query as a dict."""
    return {str(k): int(v) for k, v in conn.execute(q)}


def small(n: int) -> Any:
    """A per-building count, or "< 5" when it could single someone out (0 is shown)."""
    return HIDDEN if 0 < n < MIN_COUNT else n


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %".replace(".", ",") if whole else "—"


def months(start: date, end: date) -> list[str]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


MONTHS_FR = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


def _day(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTHS_FR[int(m) - 1]} {y}"


def month_label(key: str) -> str:
    y, m = key.split("-")
    return f"{MONTHS_FR[int(m) - 1]} {y}"


# -- sections ---------------------------------------------------------------------------------------
def _members_in_club(s: Scope) -> Any:
    m = db.members.c
    return and_(m.status != "left", m.created_at < s.end_iso, s.in_scope(m.building_id))


def members_by_building(s: Scope) -> Section:
    m, f = db.members.c, db.flats.c
    members: dict[str, int] = counts(s.conn, select(m.building_id, func.count()).where(_members_in_club(s))
                                                  .group_by(m.building_id))
    homes: dict[str, int] = counts(s.conn, select(m.building_id, func.count(func.distinct(m.flat_id)))
                                                .where(_members_in_club(s)).group_by(m.building_id))
    flats: dict[str, int] = counts(s.conn, select(f.building_id, func.count())
                                                .group_by(f.building_id))
    rows: list[list[Any]] = []
    estates: dict[str, list[int]] = {}

    def row(estate: str, name: str, d: int, h: int, n: int) -> list[Any]:
        hidden = 0 < h < MIN_COUNT or 0 < n < MIN_COUNT
        return [estate, name, d, small(h), small(n), HIDDEN if hidden else pct(h, d)]

    for b in s.buildings():
        d, h, n = flats.get(b["id"], 0), homes.get(b["id"], 0), members.get(b["id"], 0)
        rows.append(row(b["estate"], b["name"], d, h, n))
        e = estates.setdefault(b["estate"], [0, 0, 0])
        e[0], e[1], e[2] = e[0] + d, e[1] + h, e[2] + n
    per_building = list(rows)
    for name, (d, h, n) in estates.items():
        rows.append(row(name, "Toute la résidence", d, h, n))
    shown = [r for r in per_building if isinstance(r[3], int)]
    chart = Chart("Logements adhérents pour 100 logements, par bâtiment", [r[1] for r in shown],
                  [("Logements adhérents pour 100", [round(100 * r[3] / r[2], 1) if r[2] else 0 for r in shown])])
    return Section("members_by_building", "Adhérents par bâtiment et par résidence",
                   "Adhérents : personnes inscrites au club à la fin de la période (statut « adhérent » ou « à "
                   "confirmer », pas les départs). Logements adhérents : logements où vit au moins un adhérent. "
                   "Part : logements adhérents pour 100 logements. Un nombre inférieur à "
                   f"{MIN_COUNT} est masqué (« {HIDDEN} ») pour que personne ne puisse être reconnu.",
                   ["Résidence", "Bâtiment", "Logements", "Logements adhérents", "Adhérents", "Part des logements"],
                   rows, chart)


def _activity(s: Scope) -> Any:
    """(member_id, at) of everything a member does that the server records."""
    m = db.members.c
    return union_all(
        select(m.id.label("member_id"), m.created_at.label("at")),
        select(event_registrations.c.member_id, event_registrations.c.created_at),
        select(event_attendance.c.member_id, event_attendance.c.checked_in_at),
        select(idea_votes.c.member_id, idea_votes.c.at),
        select(ideas.c.member_id, ideas.c.created_at).where(ideas.c.member_id.is_not(None)),
        select(landlord_requests.c.member_id, landlord_requests.c.created_at)).subquery()


def active_members(s: Scope) -> Section:
    since = (s.end - timedelta(days=ACTIVE_DAYS - 1)).isoformat()
    act = _activity(s)
    m = db.members.c
    q = (select(m.building_id, func.count(func.distinct(m.id)))
         .select_from(db.members.join(act, act.c.member_id == m.id))
         .where(_members_in_club(s), act.c.at >= since, act.c.at < s.end_iso).group_by(m.building_id))
    active: dict[str, int] = counts(s.conn, q)
    rows = [[b["estate"], b["name"], small(active.get(b["id"], 0))] for b in s.buildings()]
    total = sum(active.values())
    rows.append(["Total", "", total if total == 0 or total >= MIN_COUNT else HIDDEN])
    return Section("active_members", f"Adhérents actifs (vus dans les {ACTIVE_DAYS} derniers jours)",
                   f"Adhérent actif : a fait au moins une chose enregistrée par le club pendant les {ACTIVE_DAYS} "
                   "jours qui finissent la période : s'inscrire au club, s'inscrire à un événement, y être pointé, "
                   "déposer ou soutenir une idée, faire une demande. Les passages de carte à la borne ne sont pas "
                   "envoyés au serveur et ne comptent pas.", ["Résidence", "Bâtiment", "Adhérents actifs"], rows)


def new_members(s: Scope) -> Section:
    m = db.members.c
    keys = months(s.start, s.end)
    per: dict[str, int] = {}
    for at in s.conn.execute(select(m.created_at).where(
            m.created_at >= s.start.isoformat(), m.created_at < s.end_iso, s.in_scope(m.building_id))).scalars():
        per[at[:7]] = per.get(at[:7], 0) + 1
    rows = [[month_label(k), per.get(k, 0)] for k in keys]
    chart = Chart("Nouveaux adhérents par mois", [month_label(k) for k in keys],
                  [("Nouveaux adhérents", [per.get(k, 0) for k in keys])])
    return Section("new_members", "Nouveaux adhérents par mois",
                   "Personnes inscrites au club dans le mois (à la borne, par le gardien ou par le bureau), "
                   "qu'elles soient restées ou non.", ["Mois", "Nouveaux adhérents"], rows, chart)


def partners_offers(s: Scope) -> Section:
    p, o = db.partners.c, db.offers.c
    end = s.end.isoformat()
    by_cat: dict[str, int] = counts(s.conn, select(p.category, func.count()).where(p.active.is_(True))
                                                 .group_by(p.category))
    live: dict[str, int] = counts(s.conn, select(p.category, func.count()).select_from(db.offers.join(
        db.partners, db.partners.c.id == o.partner_id)).where(
        p.active.is_(True), or_(o.valid_from.is_(None), o.valid_from <= end),
        or_(o.valid_until.is_(None), o.valid_until >= end)).group_by(p.category))
    rows = [[CATEGORY.get(c, c), by_cat.get(c, 0), live.get(c, 0)] for c in CATEGORY if by_cat.get(c) or live.get(c)]
    rows.append(["Total", sum(by_cat.values()), sum(live.values())])
    return Section("partners_offers", "Partenaires et offres en cours",
                   "Partenaires visibles sur les bornes à la date de fin de la période, et offres valables ce "
                   "jour-là (début et fin de validité compris).", ["Catégorie", "Partenaires", "Offres en cours"],
                   rows)


def events_attendance(s: Scope) -> Section:
    e, a = db.events.c, archived_events.c
    evs = [dict(r) for r in s.conn.execute(union_all(
        select(e.id, e.title, e.starts_at, e.capacity, e.building_ids),
        select(a.id, a.title, a.starts_at, a.capacity, a.building_ids)).subquery().select()).mappings()]
    evs = [x for x in evs if s.start.isoformat() <= x["starts_at"][:10] <= s.end.isoformat()
           and (s.building_ids is None or not x["building_ids"] or set(x["building_ids"]) & s.building_ids)]
    evs.sort(key=lambda x: x["starts_at"])
    reg, att = event_registrations, event_attendance
    reg_q = select(reg.c.event_id, func.count()).where(reg.c.status == "confirmed")
    came_q = select(att.c.event_id, func.count())
    if s.building_ids is not None:  # an estate's account counts its own members only (events may be shared)
        reg_q = reg_q.select_from(reg.join(db.members, db.members.c.id == reg.c.member_id)).where(
            s.in_scope(db.members.c.building_id))
        came_q = came_q.select_from(att.join(db.members, db.members.c.id == att.c.member_id)).where(
            s.in_scope(db.members.c.building_id))
    regs: dict[str, int] = counts(s.conn, reg_q.group_by(reg.c.event_id))
    came: dict[str, int] = counts(s.conn, came_q.group_by(att.c.event_id))
    rows, per_month = [], {k: [0, 0] for k in months(s.start, s.end)}
    for x in evs:
        signed, present = regs.get(x["id"], 0), came.get(x["id"], 0)
        rows.append([_day(x["starts_at"][:10]), x["title"], x["capacity"], signed, present,
                     pct(present, signed) if signed else "—"])
        pm = per_month.setdefault(x["starts_at"][:7], [0, 0])
        pm[0], pm[1] = pm[0] + signed, pm[1] + present
    keys = sorted(per_month)
    chart = Chart("Inscriptions et présences par mois", [month_label(k) for k in keys],
                  [("Inscriptions confirmées", [per_month[k][0] for k in keys]),
                   ("Présences", [per_month[k][1] for k in keys])])
    return Section("events", "Événements : inscriptions et présences",
                   "Événements qui commencent dans la période, archivés compris. Inscriptions : places confirmées "
                   "(pas la liste d'attente ni les annulations). Présences : personnes pointées à l'entrée, "
                   "inscrites ou non. Taux : présences pour 100 inscriptions. Pour un compte limité à certaines "
                   "résidences, seuls leurs adhérents sont comptés.",
                   ["Date", "Événement", "Places", "Inscriptions", "Présences", "Taux de présence"], rows, chart)


def _first_answer(s: Scope, entity: str) -> dict[str, str]:
    q = (select(audit_log.c.entity_id, func.min(audit_log.c.at)).where(
        audit_log.c.entity == entity, audit_log.c.action == "update").group_by(audit_log.c.entity_id))
    return dict(s.conn.execute(q).all())


def _days(a: str, b: str) -> float:
    return (datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds() / 86400


def ideas_requests(s: Scope) -> Section:
    rows = []
    for title, table, statuses, entity in (("Idées", ideas, IDEA_STATUS, "idea"),
                                           ("Demandes", landlord_requests, REQUEST_STATUS, "request")):
        t = table.c
        found = [dict(r) for r in s.conn.execute(select(t.id, t.status, t.created_at).where(
            t.created_at >= s.start.isoformat(), t.created_at < s.end_iso, s.in_scope(t.building_id))).mappings()]
        answered = _first_answer(s, entity)
        waits = [_days(x["created_at"], answered[x["id"]]) for x in found if x["id"] in answered]
        wait = f"{median(waits):.1f} j".replace(".", ",") if waits else "—"
        for key, word in statuses.items():
            rows.append([title, word, sum(1 for x in found if x["status"] == key), ""])
        rows.append([title, "Total", len(found), wait])
    return Section("ideas_requests", "Idées et demandes au bailleur",
                   "Idées déposées et demandes faites dans la période, selon leur statut aujourd'hui. Délai de "
                   "réponse : médiane, en jours, entre le dépôt et la première décision ou réponse du bureau "
                   "(journal des modifications).", ["Type", "Statut", "Nombre", "Délai de réponse (médiane)"], rows)


SECTIONS: list[Callable[[Scope], Section]] = [members_by_building, active_members, new_members, partners_offers,
                                              events_attendance, ideas_requests]
NOT_YET = ("Prêts d'outils et échanges de services entre voisins : "
           "ces chiffres s'ajouteront ici quand le club les enregistrera.")
# Lines of the headline that features add with their sections (the partner space: savings).
EXTRA_HEADLINES: list[Callable[[dict[str, Section]], list[tuple[str, str]]]] = []


def build(engine: Engine, start: date, end: date, building_ids: set[str] | None = None,
          scope_label: str = "Toutes les résidences") -> Bilan:
    with engine.connect().execution_options(readonly=True) as conn, conn.begin():
        s = Scope(conn, start, end, building_ids)
        sections = [f(s) for f in SECTIONS]
        total = int(conn.execute(select(func.count()).select_from(db.members).where(_members_in_club(s)))
                    .scalar_one())
    by = {x.key: x for x in sections}
    headline = [("Adhérents", str(small(total))),
                ("Adhérents actifs (90 jours)", str(by["active_members"].rows[-1][2])),
                ("Nouveaux adhérents sur la période", str(sum(r[1] for r in by["new_members"].rows))),
                ("Partenaires", str(by["partners_offers"].rows[-1][1])),
                ("Offres en cours", str(by["partners_offers"].rows[-1][2])),
                ("Événements", str(len(by["events"].rows))),
                ("Présences aux événements", str(sum(r[4] for r in by["events"].rows)))]
    headline += [line for extra in EXTRA_HEADLINES for line in extra(by)]
    return Bilan(start, end, scope_label, datetime.now(timezone.utc).isoformat(timespec="seconds"), headline,
                 sections)


def default_period(today: date | None = None) -> tuple[date, date]:
    today = today or date.today()
    y, m = today.year, today.month - 11
    if m <= 0:
        y, m = y - 1, m + 12
    return date(y, m, 1), today
