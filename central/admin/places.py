"""Places pages: estates, buildings, entrances and flats, and the CSV roster import.

Buildings are chosen by name everywhere (pickers), never typed as ids. An account that
sees only some estates sees only their places. Writes go through Office (feed + audit).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select

from central import db, roster_import
from central.admin.forms import parse_decimal
from central.admin.listing import ListQuery, fetch
from central.admin.web import AdminError, Ctx, checked_form, current, done, page
from central.office import Office

router = APIRouter(prefix="/admin/places", include_in_schema=False)
KINDS = {"estate": "une résidence", "building": "un bâtiment", "entrance": "une entrée", "flat": "un logement"}
FIELDS = {"estate": ("name", "city"), "building": ("estate_id", "name", "address", "lat", "lon"),
          "entrance": ("building_id", "name"), "flat": ("entrance_id", "label")}


def office(request: Request) -> Office:
    return request.app.state.office


def _estates(request: Request, ctx: Ctx) -> list[dict[str, Any]]:
    b = db.buildings.c
    nb = select(func.count()).select_from(db.buildings).where(b.estate_id == db.estates.c.id).scalar_subquery()
    q = select(db.estates, nb.label("buildings")).order_by(db.estates.c.name)
    if not ctx.account.all_estates:
        q = q.where(db.estates.c.id.in_(ctx.account.estate_ids))
    with request.app.state.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


@router.get("")
def places(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    b, m, f = db.buildings.c, db.members.c, db.flats.c
    flats = select(func.count()).select_from(db.flats).where(f.building_id == b.id).scalar_subquery()
    members = (select(func.count()).select_from(db.members).where((m.building_id == b.id) & (m.status != "left"))
               .scalar_subquery())
    sorts = {"name": b.name, "estate": db.estates.c.name, "flats": flats, "members": members}
    lq = ListQuery.from_params(request.query_params, sorts=sorts, default_sort="estate")
    base = (select(db.buildings, db.estates.c.name.label("estate_name"), flats.label("flats"),
                   members.label("members"))
            .select_from(db.buildings.join(db.estates, db.estates.c.id == b.estate_id)))
    where: list[Any] = [b.estate_id.in_(ctx.account.estate_ids)] if not ctx.account.all_estates else []
    if lq.q:
        where.append(b.name.ilike(f"%{lq.q}%") | b.address.ilike(f"%{lq.q}%"))
    p = fetch(request.app.state.engine, base, lq, sorts, where=where, tiebreak=b.name)
    columns = [("estate", "Résidence", True, ""), ("name", "Bâtiment", True, ""), ("address", "Adresse", False, ""),
               ("flats", "Logements", True, "num"), ("members", "Adhérents", True, "num")]
    rows = [{"cells": {"estate": (r["estate_name"], f"/admin/places/estate/edit?id={r['estate_id']}"),
                       "name": (r["name"], f"/admin/places/buildings/{r['id']}"), "address": (r["address"], ""),
                       "flats": (str(r["flats"]), ""), "members": (str(r["members"]),
                                                                   f"/admin/members?building_id={r['id']}")},
             "actions": []} for r in p.rows]
    return page(request, "places.html", title="Lieux", estates=_estates(request, ctx), p=p, base="/admin/places",
                columns=columns, rows=rows, has_actions=False)


@router.get("/buildings/{building_id}")
def building_page(building_id: str, request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    if not ctx.sees_building(request, building_id):
        raise AdminError(404, "Ce bâtiment n'existe pas.")
    building = office(request).get("building", building_id)
    if building is None:
        raise AdminError(404, "Ce bâtiment n'existe pas.")
    f = db.flats.c
    sorts = {"label": f.label, "entrance": db.entrances.c.name}
    lq = ListQuery.from_params(request.query_params, sorts=sorts, default_sort="entrance")
    members = (select(func.count()).select_from(db.members)
               .where((db.members.c.flat_id == f.id) & (db.members.c.status != "left")).scalar_subquery())
    base = (select(db.flats, db.entrances.c.name.label("entrance_name"), members.label("members"))
            .select_from(db.flats.join(db.entrances, db.entrances.c.id == f.entrance_id)))
    p = fetch(request.app.state.engine, base, lq, sorts, where=[f.building_id == building_id], tiebreak=f.label,
              per_page=50)
    columns = [("entrance", "Entrée", True, ""), ("label", "Logement", True, ""), ("members", "Adhérents", False, "num")]
    rows = [{"cells": {"entrance": (r["entrance_name"], f"/admin/places/entrance/edit?id={r['entrance_id']}"),
                       "label": (r["label"], f"/admin/places/flat/edit?id={r['id']}"),
                       "members": (str(r["members"]), "")}, "actions": []} for r in p.rows]
    with request.app.state.engine.connect() as conn:
        entrances = [dict(r) for r in conn.execute(select(db.entrances).where(
            db.entrances.c.building_id == building_id).order_by(db.entrances.c.name)).mappings()]
    return page(request, "building.html", title=building["name"], building=building, entrances=entrances, p=p,
                base=f"/admin/places/buildings/{building_id}", columns=columns, rows=rows, has_actions=False)


def _parents(request: Request, ctx: Ctx, kind: str) -> list[tuple[str, str]]:
    with request.app.state.engine.connect() as conn:
        if kind == "building":
            return [(e["id"], e["name"]) for e in _estates(request, ctx)]
        if kind == "entrance":
            q = select(db.buildings.c.id, db.buildings.c.name).order_by(db.buildings.c.name)
            return [(r.id, r.name) for r in conn.execute(q) if ctx.sees_building(request, r.id)]
        if kind == "flat":
            q = (select(db.entrances.c.id, db.entrances.c.name, db.entrances.c.building_id,
                        db.buildings.c.name.label("bname"))
                 .select_from(db.entrances.join(db.buildings, db.buildings.c.id == db.entrances.c.building_id))
                 .order_by(db.buildings.c.name, db.entrances.c.name))
            return [(r.id, f"{r.bname} — {r.name}") for r in conn.execute(q) if ctx.sees_building(request, r.building_id)]
    return []


def _form(request: Request, ctx: Ctx, kind: str, row: dict[str, Any], status: int = 200,
          errors: dict[str, str] | None = None) -> HTMLResponse:
    title = ("Modifier " if row.get("id") and not errors else "Ajouter ") + KINDS[kind]
    return page(request, "place_form.html", status, title=title, kind=kind, row=row, errors=errors or {},
                parents=_parents(request, ctx, kind), is_new=not row.get("_existing"))


@router.get("/{kind}/edit")
def place_form(kind: str, request: Request, id: str = "", ctx: Ctx = Depends(current)) -> HTMLResponse:
    if kind not in KINDS:
        raise AdminError(404, "Cette page n'existe pas.")
    if not id:
        return _form(request, ctx, kind, {})
    row = office(request).get(kind, id)
    if row is None or not _visible(request, ctx, kind, row):
        raise AdminError(404, "Ce lieu n'existe pas.")
    return _form(request, ctx, kind, row | {"_existing": True})


def _visible(request: Request, ctx: Ctx, kind: str, row: dict[str, Any]) -> bool:
    if kind == "estate":
        return ctx.account.all_estates or row["id"] in ctx.account.estate_ids
    if kind == "building":
        return ctx.account.all_estates or row["estate_id"] in ctx.account.estate_ids
    return ctx.sees_building(request, row["building_id"])


@router.post("/{kind}/edit")
def place_save(kind: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    if kind not in KINDS:
        raise AdminError(404, "Cette page n'existe pas.")
    ctx = current(request)
    o = office(request)
    existing = o.get(kind, form.get("id", "")) if form.get("id") else None
    row: dict[str, Any] = dict(existing or {})
    errors: dict[str, str] = {}
    new_id = (form.get("new_id") or "").strip()
    if existing is None:
        if not new_id or len(new_id) > 64 or any(c.isspace() for c in new_id):
            errors["new_id"] = "Un code court, sans espace (64 caractères au plus), par exemple PCH-FRA-B3."
        elif o.get(kind, new_id) is not None:
            errors["new_id"] = "Ce code est déjà pris."
        row["id"] = new_id
    for k in FIELDS[kind]:
        raw = (form.get(k) or "").strip()
        if k in ("lat", "lon"):
            try:
                row[k] = parse_decimal(raw) if raw else 0.0
            except ValueError:
                errors[k] = "Un nombre, par exemple 48,936."
            continue
        if k in ("name", "label") and not raw:
            errors[k] = "À remplir."
        if len(raw) > 200:
            errors[k] = "200 caractères au plus."
        row[k] = raw
    parents = {p for p, _ in _parents(request, ctx, kind)}
    parent_key = {"building": "estate_id", "entrance": "building_id", "flat": "entrance_id"}.get(kind)
    if parent_key and row.get(parent_key) not in parents:
        errors[parent_key] = "Choisissez dans la liste."
    if kind == "flat" and not errors:
        entrance = o.get("entrance", row["entrance_id"])
        assert entrance is not None  # checked just above: it is one of the account's entrances
        row["building_id"] = entrance["building_id"]
    if existing is not None and not _visible(request, ctx, kind, existing):
        raise AdminError(404, "Ce lieu n'existe pas.")
    if errors:
        return _form(request, ctx, kind, row | ({"_existing": True} if existing else {}), 400, errors)
    o.put_place(kind, {k: v for k, v in row.items() if not k.startswith("_")}, by=ctx.username)
    return done(request, "/admin/places", "Enregistré. Les bornes du bâtiment l'auront à leur prochaine "
                                          "synchronisation.")


@router.get("/import")
def import_page(request: Request, _ctx: Ctx = Depends(current)) -> HTMLResponse:
    return page(request, "import.html", title="Importer un fichier de logements", plan=None, text="")


@router.post("/import")
async def import_do(request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    upload = request.state.form.get("file")
    text = form.get("csv", "")
    if upload is not None and hasattr(upload, "read"):
        raw = await upload.read()
        if raw:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252", errors="replace")  # a spreadsheet saved as "CSV (Windows)"
    plan = roster_import.plan(request.app.state.engine, text)
    if form.get("action") != "apply" or plan.errors:
        return page(request, "import.html", 400 if plan.errors else 200, title="Importer un fichier de logements",
                    plan=plan, text=text)
    counts = roster_import.apply(office(request), plan, by=ctx.username)
    return done(request, "/admin/places", f"Import fait : {counts['estate']} résidence(s), {counts['building']} "
                                          f"bâtiment(s), {counts['entrance']} entrée(s), {counts['flat']} logement(s).")
