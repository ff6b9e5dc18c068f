"""Office admin pages of the community features (under ``/admin/community``): moderate
and answer ideas, follow and answer requests to the landlord, see each event's sign-ups
(server arrival order, waitlist) and attendance — archived events too — and refill
places from the waitlist after raising a capacity. Events and announcements themselves
are edited in the catalogue pages. Same login, roles, CSRF and templates as the rest.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select

from central import db
from central import labels
from central.admin.listing import ListQuery, fetch
from central.admin.web import AdminError, Ctx, checked_form, current, done, page
from central.admin_tables import archived_events
from central.community import IDEA_STATUSES, REQUEST_STATUSES
from central.community_office import CommunityOffice
from central.community_tables import event_attendance, event_registrations, ideas, landlord_requests

router = APIRouter(prefix="/admin/community", include_in_schema=False)


def community(request: Request) -> CommunityOffice:
    office = getattr(request.app.state, "community_office", None)
    if office is None:
        office = request.app.state.community_office = CommunityOffice(request.app.state.engine)
    return office


def _scope(request: Request, ctx: Ctx, col: Any) -> list[Any]:
    allowed = ctx.building_ids(request)
    return [col.in_(allowed)] if allowed is not None else []


@router.get("/ideas")
def ideas_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    sorts = {"created_at": ideas.c.created_at, "votes": ideas.c.votes}
    lq = ListQuery.from_params(request.query_params, sorts=sorts, default_sort="created_at", default_desc=True,
                               filters=("status",))
    if "status" not in request.query_params:
        lq.filters["status"] = "submitted"
    status = lq.filters.get("status", "")
    where = _scope(request, ctx, ideas.c.building_id)
    if status in IDEA_STATUSES:
        where.append(ideas.c.status == status)
    else:
        status, lq.filters["status"] = "", "all"
    base = select(ideas, db.buildings.c.name.label("building_name")).select_from(
        ideas.outerjoin(db.buildings, db.buildings.c.id == ideas.c.building_id))
    p = fetch(request.app.state.engine, base, lq, sorts, where=where, tiebreak=ideas.c.id)
    return page(request, "community_ideas.html", title="Boîte à idées", p=p, status=status)


@router.post("/ideas/{idea_id}")
def idea_save(idea_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    status = form.get("status", "")
    if status not in IDEA_STATUSES:
        return done(request, "/admin/community/ideas", "Choisissez un statut.", kind="error")
    try:
        community(request).moderate_idea(idea_id, status, form.get("answer"), by=current(request).username)
    except KeyError:
        raise AdminError(404, "Cette idée n'existe plus.") from None
    return done(request, "/admin/community/ideas", "Idée enregistrée : les bornes la verront à leur prochaine "
                                                   "synchronisation.")


@router.get("/requests")
def requests_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    r = landlord_requests.c
    sorts = {"created_at": r.created_at, "status": r.status, "category": r.category}
    lq = ListQuery.from_params(request.query_params, sorts=sorts, default_sort="created_at", default_desc=True,
                               filters=("status", "category"))
    where = _scope(request, ctx, r.building_id)
    if lq.filters.get("status") in REQUEST_STATUSES:
        where.append(r.status == lq.filters["status"])
    if lq.filters.get("category") in labels.REQUEST_CATEGORY:
        where.append(r.category == lq.filters["category"])
    base = (select(landlord_requests, db.members.c.first_name, db.members.c.last_name,
                   db.flats.c.label.label("flat_label"), db.buildings.c.name.label("building_name"))
            .select_from(landlord_requests.outerjoin(db.members, db.members.c.id == r.member_id)
                         .outerjoin(db.flats, db.flats.c.id == r.flat_id)
                         .outerjoin(db.buildings, db.buildings.c.id == r.building_id)))
    p = fetch(request.app.state.engine, base, lq, sorts, where=where, tiebreak=r.id)
    return page(request, "community_requests.html", title="Demandes au bailleur", p=p)


@router.post("/requests/{request_id}")
def request_save(request_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    status = form.get("status", "")
    if status not in REQUEST_STATUSES:
        return done(request, "/admin/community/requests", "Choisissez un statut.", kind="error")
    try:
        community(request).answer_request(request_id, status, form.get("answer"), by=current(request).username)
    except KeyError:
        raise AdminError(404, "Cette demande n'existe plus.") from None
    return done(request, "/admin/community/requests", "Demande mise à jour : l'adhérent verra la réponse dans son "
                                                      "espace.")


def _counts(request: Request, event_ids: list[str]) -> dict[str, dict[str, int]]:
    out = {e: {"confirmed": 0, "waitlisted": 0, "present": 0} for e in event_ids}
    with request.app.state.engine.connect() as conn:
        for eid, status, n in conn.execute(select(event_registrations.c.event_id, event_registrations.c.status,
                                                  func.count()).group_by(event_registrations.c.event_id,
                                                                         event_registrations.c.status)):
            if eid in out and status in out[eid]:
                out[eid][status] = n
        for eid, n in conn.execute(select(event_attendance.c.event_id, func.count())
                                   .group_by(event_attendance.c.event_id)):
            if eid in out:
                out[eid]["present"] = n
    return out


@router.get("/events")
def events(request: Request, _ctx: Ctx = Depends(current)) -> HTMLResponse:
    rows = sorted(request.app.state.office.list("event", limit=100000), key=lambda e: e["starts_at"], reverse=True)
    with request.app.state.engine.connect() as conn:
        archived = [dict(r) for r in conn.execute(select(archived_events)
                                                  .order_by(archived_events.c.starts_at.desc())).mappings()]
    counts = _counts(request, [e["id"] for e in rows + archived])
    return page(request, "community_events.html", title="Inscriptions et présences", rows=rows, archived=archived,
                counts=counts)


def _event(request: Request, event_id: str) -> tuple[dict[str, Any], bool]:
    event = request.app.state.office.get("event", event_id)
    if event is not None:
        return event, False
    with request.app.state.engine.connect() as conn:
        row = conn.execute(select(archived_events).where(archived_events.c.id == event_id)).mappings().first()
    if row is None:
        raise AdminError(404, "Cet événement n'existe pas.")
    return dict(row) | {"taken": None}, True


@router.get("/events/{event_id}")
def event_page(event_id: str, request: Request, _ctx: Ctx = Depends(current)) -> HTMLResponse:
    event, archived = _event(request, event_id)
    c = community(request)
    return page(request, "community_event.html", title=event["title"], event=event, archived=archived,
                regs=c.registrations(event_id), present=c.attendance_count(event_id))


@router.post("/events/{event_id}/refill")
def event_refill(event_id: str, request: Request, _form: dict[str, str] = Depends(checked_form)) -> Response:
    try:
        promoted = community(request).refill(event_id, by=current(request).username)
    except KeyError:
        raise AdminError(404, "Cet événement n'existe plus.") from None
    return done(request, f"/admin/community/events/{event_id}",
                f"{len(promoted)} personne(s) passée(s) de la liste d'attente aux places confirmées.")
