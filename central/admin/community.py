"""Office admin pages of the community features (under ``/admin/community``): moderate
and answer ideas, follow and answer requests to the landlord, see each event's sign-ups
(server arrival order, waitlist) and attendance, and refill places from the waitlist
after raising a capacity. Events and announcements themselves are edited in the
catalogue pages (``/admin/event``, ``/admin/announcement``); they reach the kiosks
through the catalogue feed. Same login, CSRF and templates as the rest of the admin.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from central.admin.routes import back, checked_form, page, user
from central.community import IDEA_STATUSES, REQUEST_STATUSES
from central.community_office import CommunityOffice

router = APIRouter(prefix="/admin/community", include_in_schema=False)

IDEA_LABELS = {"submitted": "À relire", "published": "Publiée", "rejected": "Non retenue"}
REQUEST_LABELS = {"received": "Reçue", "in_progress": "En cours", "done": "Traitée"}
REQUEST_CATEGORIES = {"common_areas": "Parties communes (réparation)", "reduced_mobility": "Adaptation du logement",
                      "noise": "Bruit", "cleanliness": "Propreté", "other": "Autre"}


def community(request: Request) -> CommunityOffice:
    office = getattr(request.app.state, "community_office", None)
    if office is None:
        office = request.app.state.community_office = CommunityOffice(request.app.state.engine)
    return office


@router.get("/ideas")
def ideas(request: Request, status: str = "submitted", _u: str = Depends(user)) -> HTMLResponse:
    rows = community(request).ideas(status if status in IDEA_STATUSES else None)
    return page(request, "community_ideas.html", rows=rows, status=status, labels=IDEA_LABELS,
                msg=request.query_params.get("msg"))


@router.post("/ideas/{idea_id}")
def idea_save(idea_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    status = form.get("status", "")
    if status not in IDEA_STATUSES:
        return back("/admin/community/ideas", "Statut invalide")
    try:
        community(request).moderate_idea(idea_id, status, form.get("answer"))
    except KeyError:
        raise HTTPException(404, "no such idea") from None
    return back("/admin/community/ideas", "Idée enregistrée : les bornes la verront à leur prochaine synchronisation")


@router.get("/requests")
def requests(request: Request, status: str = "", _u: str = Depends(user)) -> HTMLResponse:
    rows = community(request).requests(status if status in REQUEST_STATUSES else None)
    names = {m["id"]: m for m in request.app.state.office.members(limit=100000)} if rows else {}
    return page(request, "community_requests.html", rows=rows, status=status, labels=REQUEST_LABELS,
                categories=REQUEST_CATEGORIES, names=names, msg=request.query_params.get("msg"))


@router.post("/requests/{request_id}")
def request_save(request_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    status = form.get("status", "")
    if status not in REQUEST_STATUSES:
        return back("/admin/community/requests", "Statut invalide")
    try:
        community(request).answer_request(request_id, status, form.get("answer"))
    except KeyError:
        raise HTTPException(404, "no such request") from None
    return back("/admin/community/requests", "Demande mise à jour")


@router.get("/events")
def events(request: Request, _u: str = Depends(user)) -> HTMLResponse:
    o, c = request.app.state.office, community(request)
    rows = sorted(o.list("event"), key=lambda e: e["starts_at"])
    counts = {}
    for e in rows:
        regs = c.registrations(e["id"])
        counts[e["id"]] = {s: sum(1 for r in regs if r["status"] == s) for s in ("confirmed", "waitlisted")}
        counts[e["id"]]["present"] = c.attendance_count(e["id"])
    return page(request, "community_events.html", rows=rows, counts=counts, msg=request.query_params.get("msg"))


@router.get("/events/{event_id}")
def event_page(event_id: str, request: Request, _u: str = Depends(user)) -> HTMLResponse:
    event = next((e for e in request.app.state.office.list("event") if e["id"] == event_id), None)
    if event is None:
        raise HTTPException(404, "no such event")
    c = community(request)
    return page(request, "community_event.html", event=event, regs=c.registrations(event_id),
                present=c.attendance_count(event_id), msg=request.query_params.get("msg"))


@router.post("/events/{event_id}/refill")
def event_refill(event_id: str, request: Request, _form: dict[str, str] = Depends(checked_form)) -> Response:
    try:
        promoted = community(request).refill(event_id)
    except KeyError:
        raise HTTPException(404, "no such event") from None
    return back(f"/admin/community/events/{event_id}", f"{len(promoted)} personne(s) passée(s) de la liste d'attente")


def mount_community(app: FastAPI) -> None:
    app.include_router(router)
