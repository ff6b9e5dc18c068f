"""Kiosk pages: the fleet (last contact, version, pending outbox), installation tokens,
the buildings a kiosk serves (a picker, by name), and revoking with or without a wipe
after a confirmation page. The new token is shown once, from the server-side session
(it never travels in a cookie or a URL).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from datetime import datetime, timezone

from pydantic import ValidationError
from sqlalchemy import select

from central import db, screenshots
from central.admin.catalog import buildings_with_estates
from central.fleet_health import LEVEL_WORDS, PART_WORDS, Health, Level, assess
from kiosk.protocol.health import HealthReport
from central.admin.web import AdminError, Ctx, checked_form, current, done, page
from central.devices import EnrollmentRefused
from central.office import Office
from kiosk.protocol.screenshot import WAIT_S

router = APIRouter(prefix="/admin/kiosks", include_in_schema=False)


def office(request: Request) -> Office:
    return request.app.state.office


def _visible_devices(request: Request, ctx: Ctx) -> list[dict[str, Any]]:
    rows = sorted(office(request).list("device", limit=100000), key=lambda d: d["name"].casefold())
    return [d for d in rows if any(ctx.sees_building(request, b) for b in d["building_ids"])]


def _device(request: Request, ctx: Ctx, device_id: str) -> dict[str, Any]:
    d = next((x for x in _visible_devices(request, ctx) if x["id"] == device_id), None)
    if d is None:
        raise AdminError(404, "Cette borne n'existe pas.")
    return d


def health_of(request: Request, device_ids: list[str]) -> dict[str, tuple[Health, dict[str, Any] | None]]:
    """Each kiosk's judgement (central/fleet_health.py) and its last report, as of now."""
    with request.app.state.engine.connect() as conn:
        rows = {r.device_id: r for r in conn.execute(
            select(db.device_health).where(db.device_health.c.device_id.in_(device_ids)))}
    now = datetime.now(timezone.utc)
    out: dict[str, tuple[Health, dict[str, Any] | None]] = {}
    for device_id in device_ids:
        row = rows.get(device_id)
        report = None
        if row is not None:
            try:
                report = HealthReport.model_validate(row.report)
            except ValidationError:  # a report of an older model: judged as never sent
                report = None
        received = datetime.fromisoformat(row.received_at) if row is not None else None
        out[device_id] = (assess(report, received, now), row.report if row is not None else None)
    return out


@router.get("")
def kiosks(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    buildings = buildings_with_estates(request, ctx)
    names = {b["id"]: b["name"] for b in buildings}
    estate_of = {b["id"]: b["estate_name"] for b in buildings}
    estates = sorted(set(estate_of.values()))
    estate = request.query_params.get("estate", "")
    rows = _visible_devices(request, ctx)
    if estate in estates:
        rows = [d for d in rows if any(estate_of.get(b) == estate for b in d["building_ids"])]
    health = health_of(request, [d["id"] for d in rows])
    rows.sort(key=lambda d: (-health[d["id"]][0].level, d["name"].casefold()))  # the worst first
    counts = {LEVEL_WORDS[lv]: sum(1 for h, _ in health.values() if h.level == lv) for lv in Level}
    return page(request, "kiosks.html", title="Bornes", rows=rows, buildings=buildings, names=names,
                health=health, level_words=LEVEL_WORDS, estates=estates, estate=estate, counts=counts)


@router.post("/token")
def kiosk_token(request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    building = form.get("building_id", "")
    if not ctx.sees_building(request, building):
        return done(request, "/admin/kiosks", "Choisissez un bâtiment de la liste.", kind="error")
    try:
        token = office(request).create_enrollment_token(building, by=ctx.username)
    except EnrollmentRefused:
        return done(request, "/admin/kiosks", "Ce bâtiment n'existe pas.", kind="error")
    return done(request, "/admin/kiosks", "Jeton d'installation (usage unique, valable 24 h) : notez-le "
                                          "maintenant, il ne sera plus affiché.", token=token)


@router.get("/{device_id}")
def kiosk_page(device_id: str, request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    d = _device(request, ctx, device_id)
    health, report = health_of(request, [device_id])[device_id]
    return page(request, "kiosk.html", title=f"Borne « {d['name']} »", d=d,
                buildings=buildings_with_estates(request, ctx), health=health, report=report,
                level_words=LEVEL_WORDS, part_words=PART_WORDS,
                shot=screenshots.state_of(request.app.state.engine, device_id), wait_min=WAIT_S // 60)


@router.post("/{device_id}/screenshot")
def kiosk_screenshot_ask(device_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    """IT asks for a picture of the attract screen; it comes with the kiosk's next
    heartbeat (within a minute or two), once the attract screen shows."""
    ctx = current(request)
    _device(request, ctx, device_id)
    screenshots.ask(request.app.state.engine, device_id, by=ctx.username)
    return done(request, f"/admin/kiosks/{device_id}",
                "Capture demandée : la borne l'enverra à son prochain contact, dès que son écran d'accueil "
                "sera affiché (jamais un écran avec des données personnelles).")


@router.get("/{device_id}/screenshot.jpg")
def kiosk_screenshot_image(device_id: str, request: Request, ctx: Ctx = Depends(current)) -> Response:
    _device(request, ctx, device_id)
    image = screenshots.image_of(request.app.state.engine, device_id)
    if image is None:
        raise AdminError(404, "Cette borne n'a pas encore envoyé de capture.")
    mime, data = image
    return Response(data, media_type=mime, headers={"Cache-Control": "private, no-store"})


@router.post("/{device_id}/buildings")
def kiosk_buildings(device_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    """A kiosk now serves other buildings: its next pull gets 410 and a fresh snapshot."""
    ctx = current(request)
    device = _device(request, ctx, device_id)
    wanted = [b for b in form.get("building_ids[]", "").split(",") if b]
    mine = {b["id"] for b in buildings_with_estates(request, ctx)}
    if not wanted or not set(wanted) <= mine:
        return done(request, f"/admin/kiosks/{device_id}", "Cochez au moins un bâtiment de la liste.", kind="error")
    others = set(device["building_ids"]) - mine  # another estate's buildings stay as they were
    office(request).set_device_buildings(device_id, sorted(set(wanted) | others), by=ctx.username)
    return done(request, f"/admin/kiosks/{device_id}", "Bâtiments changés : la borne rechargera ses données à sa "
                                                       "prochaine synchronisation.")


@router.get("/{device_id}/revoke")
def revoke_confirm(device_id: str, request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    d = _device(request, ctx, device_id)
    wipe = request.query_params.get("wipe") == "yes"
    items = ["La borne ne pourra plus se synchroniser ; il faudra un nouveau jeton pour la réinstaller.",
             "Les cartes qu'elle a émises restent valables ; sa clé n'émettra plus de nouvelles cartes reconnues.",
             f"Ce qu'elle n'a pas encore envoyé ({d['pending_count']} opération(s) en attente au dernier contact) "
             + ("sera perdu : elle effacera toutes ses données à son prochain contact." if wipe else
                "reste sur la borne, qui garde ses données.")]
    return page(request, "confirm.html", title=f"Révoquer la borne « {d['name']} »"
                                               + (" et effacer ses données ?" if wipe else " ?"),
                action=f"/admin/kiosks/{device_id}/revoke", items=items,
                button="Révoquer et effacer ses données" if wipe else "Révoquer la borne", back="/admin/kiosks",
                extra={"wipe": "on" if wipe else ""})


@router.post("/{device_id}/revoke")
def kiosk_revoke(device_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    _device(request, ctx, device_id)
    if form.get("confirmed") != "yes":
        raise AdminError(400, "Confirmez la révocation depuis sa page de confirmation.")
    office(request).revoke_device(device_id, wipe=form.get("wipe") == "on", by=ctx.username)
    return done(request, "/admin/kiosks", "Borne révoquée.")
