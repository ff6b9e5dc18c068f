"""Office admin pages of tool lending (``/admin/lending``): lending points and the
buildings they serve, items (with a photo checked and re-encoded like partner logos),
printable QR labels, loans filtered by point and state, the overdue list, waiting
lists, suspensions and the loans' CSV export.

Writes go through :class:`central.lending_office.LendingOffice` (one transaction with
its feed rows, audited), so kiosks see them on their next pull. Roles and CSRF are the
admin's usual ones (``central/admin/web.py``): reading needs "reader", writing "editor".
"""

from __future__ import annotations

from datetime import date
from typing import Any

import segno
from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from central import db
from central.admin.fees_pages import parse_euros
from central.admin.logos import LogoError, kiosk_rendition, reencode
from central.admin.web import AdminError, Ctx, checked_form, current, done, page
from central.lending_office import LendingError, LendingOffice
from central.limits import size_fr
from central.lending_tables import lending_suspensions
from kiosk.domain.fees import euros
from kiosk.domain.lending import ITEM_PHOTO_MAX_BYTES, ITEM_PHOTO_SIDE, Condition, ItemCategory, label_text
from kiosk.domain.members import member_number

router = APIRouter(prefix="/admin/lending", include_in_schema=False)

# Under the upload routes' request limit (ServerSettings.max_upload_bytes, central/admin/web.py
# UPLOAD_ROUTES) so a phone photo reaches this form: the office gets this page again, filled
# in, with the photo's size; the form's script says the same before sending.
PHOTO_MAX = 900_000
PHOTO_TOO_BIG = ("La photo est trop lourde ({size}) : 900 Ko au plus. Réduisez-la (taille « moyenne » sur un "
                 "téléphone) et choisissez-la de nouveau ; le reste du formulaire est gardé.")

CATEGORY = {"tools": "Bricolage", "garden": "Jardinage", "cleaning": "Ménage", "kitchen": "Cuisine",
            "sewing": "Couture", "leisure": "Loisirs et jeux", "mobility": "Transport (diable, chariot)"}
# The kiosk's pictogram of each category (kiosk.domain.lending.PICTOGRAMS), named in words:
# the admin's Chromium has no emoji font to be relied on.
PICTO = {"tools": "perceuse", "garden": "plante", "cleaning": "seau et balai", "kitchen": "casserole",
         "sewing": "fil et aiguille", "leisure": "dés", "mobility": "diable"}
CONDITION = {"ok": "Bon état", "to_repair": "À réparer"}
STATE = {"reserved": "Réservé (liste d'attente)", "out": "Prêté", "overdue": "En retard", "returned": "Rendu",
         "cancelled": "Annulé"}
ERRORS = {"name_required": ("name", "Donnez un nom (120 caractères au plus)."),
          "bad_category": ("category", "Choisissez une catégorie."),
          "bad_deposit_cents": ("deposit_cents", "Dépôt : de 0 à 1 000,00 €."),
          "bad_loan_days": ("loan_days", "Durée du prêt : de 1 à 60 jours."),
          "bad_hold_days": ("hold_days", "Immobilisation après retour : de 0 à 30 jours."),
          "bad_manual_url": ("manual_url", "L'adresse de la notice doit commencer par https:// ou http://."),
          "point_unknown": ("point_id", "Choisissez un point de prêt."),
          "bad_buildings": ("building_ids", "Cochez au moins un bâtiment desservi.")}
assert set(CATEGORY) == {c.value for c in ItemCategory} and set(CONDITION) == {c.value for c in Condition}


def office(request: Request) -> LendingOffice:
    return LendingOffice(request.app.state.engine)


def _buildings(request: Request, ctx: Ctx) -> list[dict[str, Any]]:
    with request.app.state.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(
            select(db.buildings.c.id, db.buildings.c.name, db.estates.c.name.label("estate_name"))
            .join(db.estates, db.estates.c.id == db.buildings.c.estate_id)
            .order_by(db.estates.c.name, db.buildings.c.name)).mappings()]
    return [r for r in rows if ctx.sees_building(request, r["id"])]


def _points(request: Request, ctx: Ctx) -> list[dict[str, Any]]:
    allowed = ctx.building_ids(request)
    rows = office(request).points()
    return rows if allowed is None else [p for p in rows if set(p["building_ids"]) & allowed]


def _point(request: Request, ctx: Ctx, point_id: str) -> dict[str, Any]:
    p = next((p for p in _points(request, ctx) if p["id"] == point_id), None)
    if p is None:
        raise AdminError(404, "Ce point de prêt n'existe pas (ou votre compte ne le voit pas).")
    return p


def _items(request: Request, ctx: Ctx, point_id: str | None = None) -> list[dict[str, Any]]:
    points = {p["id"]: p for p in _points(request, ctx)}
    return [i | {"point_name": points[i["point_id"]]["name"]} for i in office(request).items(point_id)
            if i["point_id"] in points]


def _item(request: Request, ctx: Ctx, item_id: str) -> dict[str, Any]:
    i = next((i for i in _items(request, ctx) if i["id"] == item_id), None)
    if i is None:
        raise AdminError(404, "Cet objet n'existe pas (ou votre compte ne le voit pas).")
    return i


WORDS: dict[str, Any] = {"category": CATEGORY, "picto": PICTO, "condition": CONDITION, "words_state": STATE, "euros": euros}


# -- home: points and items ------------------------------------------------------------------------
@router.get("")
def lending_home(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    point = request.query_params.get("point", "")
    points = _points(request, ctx)
    names = {b["id"]: b["name"] for b in _buildings(request, ctx)}
    items = _items(request, ctx, point or None)
    return page(request, "lending_home.html", title="Prêt d'outils", points=points, items=items, point=point,
                building_names=names, **WORDS)


# -- points ------------------------------------------------------------------------------------------
def _point_form(request: Request, ctx: Ctx, row: dict[str, Any], errors: dict[str, str] | None = None,
                status: int = 200) -> HTMLResponse:
    return page(request, "lending_point_form.html", status, title=("Modifier" if row.get("id") else "Nouveau")
                + " point de prêt", row=row, errors=errors or {}, all_buildings=_buildings(request, ctx))


@router.get("/points/new")
def point_new(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    return _point_form(request, ctx, {"building_ids": []})


@router.get("/points/{point_id}")
def point_edit(point_id: str, request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    return _point_form(request, ctx, _point(request, ctx, point_id))


@router.post("/points")
def point_save(request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    if form.get("id"):
        _point(request, ctx, form["id"])
    visible = {b["id"] for b in _buildings(request, ctx)}
    chosen = [b for b in form.get("building_ids[]", "").split(",") if b]
    row: dict[str, Any] = {"id": form.get("id", ""), "name": form.get("name", "")[:200], "place": form.get("place", "")[:300],
           "building_ids": chosen}
    errors: dict[str, str] = {}
    if not " ".join(str(row["name"]).split()):
        errors["name"] = ERRORS["name_required"][1]
    if not chosen or set(chosen) - visible:
        errors["building_ids"] = ERRORS["bad_buildings"][1]
    if not errors:
        try:
            office(request).put_point(row, by=ctx.username)
        except LendingError as exc:
            field, text = ERRORS.get(exc.code, ("name", "Le point de prêt n'a pas pu être enregistré."))
            errors[field] = text
    if errors:
        return _point_form(request, ctx, row, errors, 400)
    return done(request, "/admin/lending", f"Point de prêt « {' '.join(row['name'].split())} » enregistré. Les "
                                           "bornes l'auront à leur prochaine synchronisation.")


# -- items -------------------------------------------------------------------------------------------
def _item_form(request: Request, ctx: Ctx, row: dict[str, Any], errors: dict[str, str] | None = None,
               status: int = 200) -> HTMLResponse:
    return page(request, "lending_item_form.html", status, title=("Modifier" if row.get("id") else "Nouvel")
                + " objet", row=row, errors=errors or {}, points=_points(request, ctx), photo_max=PHOTO_MAX,
                photo_too_big=PHOTO_TOO_BIG, **WORDS)


@router.get("/items/new")
def item_new(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    return _item_form(request, ctx, {"point_id": request.query_params.get("point", ""), "category": "tools",
                                     "condition": "ok", "deposit": "0,00", "loan_days": "7", "hold_days": "0"})


@router.get("/items/{item_id}")
def item_edit(item_id: str, request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    item = _item(request, ctx, item_id)
    cents = int(item["deposit_cents"])
    return _item_form(request, ctx, item | {"deposit": f"{cents // 100},{cents % 100:02d}"})


def _photo_upload(request: Request) -> tuple[bytes, int] | None:
    """The chosen photo's first ``PHOTO_MAX + 1`` bytes and its whole size, or None."""
    upload = request.state.form.get("photo")
    if upload is None or not hasattr(upload, "file") or not upload.filename:
        return None
    size = upload.size if upload.size is not None else upload.file.seek(0, 2)
    upload.file.seek(0)
    return bytes(upload.file.read(PHOTO_MAX + 1)), size


@router.post("/items")
async def item_save(request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    before = _item(request, ctx, form["id"]) if form.get("id") else None
    typed = dict(form)
    errors: dict[str, str] = {}
    if not " ".join(form.get("name", "").split()) or len(" ".join(form.get("name", "").split())) > 120:
        errors["name"] = ERRORS["name_required"][1]
    if form.get("point_id") not in {p["id"] for p in _points(request, ctx)}:
        errors["point_id"] = ERRORS["point_unknown"][1]
    try:
        deposit = parse_euros(form.get("deposit", "0").strip() or "0")
    except ValueError:
        deposit = 0
        errors["deposit"] = "Dépôt : un montant positif en euros, par exemple 20,00."
    numbers: dict[str, int] = {}
    for key, text in (("loan_days", "Durée du prêt : un nombre de jours, de 1 à 60."),
                      ("hold_days", "Immobilisation après retour : un nombre de jours, de 0 à 30.")):
        try:
            numbers[key] = int(form.get(key, "").strip())
        except ValueError:
            errors[key] = text
    png: bytes | None = None
    chosen = _photo_upload(request)
    if chosen is not None and chosen[1] > PHOTO_MAX:
        errors["photo"] = PHOTO_TOO_BIG.format(size=size_fr(chosen[1]))
    elif chosen is not None:
        try:
            png, _, _ = reencode(chosen[0])
        except LogoError as exc:
            errors["photo"] = exc.message
    row: dict[str, Any] = {"point_id": form.get("point_id", ""), "name": form.get("name", ""), "category": form.get("category", ""),
           "deposit_cents": deposit, "needs_waiver": form.get("needs_waiver") == "on",
           "condition": form.get("condition", "ok"), "condition_note": form.get("condition_note", "")[:500],
           "safety_notes": form.get("safety_notes", "")[:2000], "manual_url": form.get("manual_url", "").strip(),
           "on_hold_until": form.get("on_hold_until", "").strip(), "active": form.get("active", "on") == "on"} | numbers
    if row["on_hold_until"]:
        try:
            date.fromisoformat(row["on_hold_until"])
        except ValueError:
            errors["on_hold_until"] = "Une date, par exemple 2026-12-24."
    if not errors:
        from central.lending_office import _item_values
        try:
            _item_values(row)          # the same checks put_item makes, before anything is written
        except LendingError as exc:
            field, text = ERRORS.get(exc.code, ("name", "L'objet n'a pas pu être enregistré."))
            errors["deposit" if field == "deposit_cents" else field] = text
    if errors:
        return _item_form(request, ctx, typed | {"photo": (before or {}).get("photo", "")}, errors, 400)
    lo = office(request)
    item_id = lo.put_item(row | ({"id": form["id"]} if before else {}), by=ctx.username)
    if png is not None:
        mime, small = kiosk_rendition(png, ITEM_PHOTO_SIDE, ITEM_PHOTO_MAX_BYTES)
        lo.set_photo(item_id, mime, small, by=ctx.username)
    return done(request, "/admin/lending", f"Objet « {' '.join(row['name'].split())} » enregistré. Les bornes "
                                           "l'auront à leur prochaine synchronisation.")


@router.get("/items/{item_id}/photo")
def item_photo(item_id: str, request: Request, ctx: Ctx = Depends(current)) -> Response:
    _item(request, ctx, item_id)
    found = office(request).photo(item_id)
    if found is None:
        raise AdminError(404, "Pas de photo.")
    return Response(found[1], media_type=found[0], headers={"Cache-Control": "no-store",
                                                            "X-Content-Type-Options": "nosniff"})


@router.post("/items/{item_id}/repaired")
def item_repaired(item_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:  # noqa: ARG001
    ctx = current(request)
    item = _item(request, ctx, item_id)
    office(request).repaired(item_id, by=ctx.username)
    return done(request, "/admin/lending", f"« {item['name']} » est réparé : de nouveau prêtable.")


# -- labels ------------------------------------------------------------------------------------------
def qr_svg(text: str) -> str:
    """A data: URI of the label's QR (the kiosk's desk reads it, see kiosk.domain.lending.label_text)."""
    return str(segno.make(text, error="m", micro=False).svg_data_uri(scale=4, border=3, dark="#000", light="#fff"))


@router.get("/labels")
def labels_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    wanted = [i for i in request.query_params.getlist("item") if i][:200]
    items = _items(request, ctx, request.query_params.get("point") or None)
    if wanted:
        items = [i for i in items if i["id"] in set(wanted)]
    labels = [{"name": i["name"], "point": i["point_name"], "qr": qr_svg(label_text(i["id"]))} for i in items]
    return page(request, "lending_labels.html", title="Étiquettes des objets", labels=labels)


# -- loans, overdue, waiting lists ----------------------------------------------------------------------
def _loans(request: Request, ctx: Ctx, state: str | None, point: str | None) -> list[dict[str, Any]]:
    items = {i["id"]: i for i in _items(request, ctx)}
    rows = [r | {"point_name": items[r["item_id"]]["point_name"]} for r in office(request).loans(state)
            if r["item_id"] in items and (not point or r["point_id"] == point)]
    for r in rows:
        r["member"] = f"{r['first_name'] or ''} {r['last_name'] or ''}".strip() or "(effacé)"
        r["number"] = member_number(r["member_id"]) if r["first_name"] is not None else "—"
    return rows


@router.get("/loans")
def loans_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    state = request.query_params.get("state", "current")
    point = request.query_params.get("point", "")
    if state == "current":
        rows = [r for r in _loans(request, ctx, None, point) if r["status"] in ("out", "reserved")]
    else:
        rows = _loans(request, ctx, state if state in STATE else None, point)
    return page(request, "lending_loans.html", title="Prêts en cours" if state == "current" else "Prêts",
                rows=rows, state=state, point=point, points=_points(request, ctx), **WORDS)


@router.get("/overdue")
def overdue_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    rows = _loans(request, ctx, "overdue", request.query_params.get("point") or None)
    return page(request, "lending_overdue.html", title="Prêts en retard", rows=rows, today=date.today(), **WORDS)


@router.get("/waiting")
def waiting_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    lists: dict[str, dict[str, Any]] = {}
    for r in reversed(_loans(request, ctx, "reserved", None)):     # arrival order
        entry = lists.setdefault(r["item_id"], {"item": r["item_name"], "point": r["point_name"], "rows": []})
        entry["rows"].append(r)
    return page(request, "lending_waiting.html", title="Listes d'attente",
                lists=sorted(lists.values(), key=lambda e: e["item"]), **WORDS)


@router.get("/loans.csv")
def loans_csv(request: Request, ctx: Ctx = Depends(current)) -> Response:
    if ctx.building_ids(request) is not None:
        raise AdminError(403, "L'export complet est réservé aux comptes de tous les ensembles.")
    state = request.query_params.get("state", "")
    return Response("\ufeff" + office(request).csv(state if state in STATE else None),
                    media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="prets.csv"', "Cache-Control": "no-store"})


# -- suspensions -----------------------------------------------------------------------------------------
def _members(request: Request, ctx: Ctx) -> list[dict[str, Any]]:
    with request.app.state.engine.connect() as conn:
        rows = conn.execute(select(db.members.c.id, db.members.c.first_name, db.members.c.last_name,
                                   db.members.c.building_id)).mappings().all()
    return [dict(r) | {"number": member_number(r["id"])} for r in rows if ctx.sees_building(request, r["building_id"])]


def _suspensions(request: Request, ctx: Ctx) -> list[dict[str, Any]]:
    members = {m["id"]: m for m in _members(request, ctx)}
    with request.app.state.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(lending_suspensions)).mappings()]
    return sorted((r | {"member": members[r["member_id"]]} for r in rows if r["member_id"] in members),
                  key=lambda r: (r["member"]["last_name"], r["member"]["first_name"]))


def _suspensions_page(request: Request, ctx: Ctx, errors: dict[str, str] | None = None,
                      typed: dict[str, str] | None = None, status: int = 200) -> HTMLResponse:
    return page(request, "lending_suspensions.html", status, title="Suspensions de prêt",
                rows=_suspensions(request, ctx), errors=errors or {}, typed=typed or {})


@router.get("/suspensions")
def suspensions_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    return _suspensions_page(request, ctx)


def _until_error(until: str) -> str | None:
    if not until:
        return None
    try:
        return "Cette date est passée." if date.fromisoformat(until) < date.today() else None
    except ValueError:
        return "Une date, par exemple 2026-12-24 (ou rien : jusqu'à nouvel ordre)."


def _suspended(request: Request, member: dict[str, Any], back: str) -> Response:
    return done(request, back, f"{member['first_name']} {member['last_name']} ne peut plus emprunter. Les bornes "
                               "le sauront à leur prochaine synchronisation.")


@router.post("/suspensions")
def suspend(request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    """By the number on the card. Numbers are 40 bits of the id: when two members share one,
    nobody is picked; the page lists them, each with its own button and a link to its record."""
    ctx = current(request)
    errors: dict[str, str] = {}
    number = form.get("number", "").strip().upper()
    found = [m for m in _members(request, ctx) if m["number"] == number]
    member = found[0] if len(found) == 1 else None
    if not found:
        errors["number"] = "Aucun adhérent de vos bâtiments n'a ce numéro (il est sur sa carte)."
    elif member is None:
        errors["number"] = (f"{len(found)} adhérents ont ce numéro : choisissez le bon dans la liste ci-dessous "
                            "(nom, bâtiment, logement).")
    until = form.get("until", "").strip()
    if (problem := _until_error(until)) is not None:
        errors["until"] = problem
    if errors or member is None:
        return page(request, "lending_suspensions.html", 400, title="Suspensions de prêt",
                    rows=_suspensions(request, ctx), errors=errors, typed=form,
                    matches=_with_places(request, found) if len(found) > 1 else [])
    office(request).suspend(member["id"], until, form.get("reason", "")[:300], by=ctx.username)
    return _suspended(request, member, "/admin/lending/suspensions")


def _with_places(request: Request, members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The members with their building's name and flat's label, to tell them apart."""
    with request.app.state.engine.connect() as conn:
        rows = {r["id"]: r for r in conn.execute(
            select(db.members.c.id, db.buildings.c.name.label("building_name"), db.flats.c.label.label("flat_label"))
            .select_from(db.members.outerjoin(db.buildings, db.buildings.c.id == db.members.c.building_id)
                         .outerjoin(db.flats, db.flats.c.id == db.members.c.flat_id))
            .where(db.members.c.id.in_([m["id"] for m in members]))).mappings()}
    return [m | {"building_name": rows[m["id"]]["building_name"] or "", "flat_label": rows[m["id"]]["flat_label"] or ""}
            for m in sorted(members, key=lambda m: (m["last_name"], m["first_name"])) if m["id"] in rows]


@router.post("/members/{member_id}/suspend")
def suspend_member(member_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    """From the member's record (or the list of members sharing a number): no ambiguity."""
    from central.admin.people import member_in_scope, member_page_with
    ctx = current(request)
    member = member_in_scope(request, ctx, member_id)           # 404 outside the account's buildings
    until = form.get("until", "").strip()
    problem = _until_error(until)
    if problem is not None:
        return member_page_with(request, ctx, member, 400, suspend_errors={"until": problem}, suspend_typed=form)
    office(request).suspend(member_id, until, form.get("reason", "")[:300], by=ctx.username)
    return _suspended(request, member, f"/admin/members/{member_id}")


@router.post("/suspensions/{member_id}/lift")
def lift(member_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    if member_id not in {r["member_id"] for r in _suspensions(request, ctx)}:
        raise AdminError(404, "Cette suspension n'existe plus.")
    office(request).lift_suspension(member_id, by=ctx.username)
    back = f"/admin/members/{member_id}" if form.get("back") == "member" else "/admin/lending/suspensions"
    return done(request, back, "Suspension levée : l'adhérent peut de nouveau emprunter.")
