"""The home page: what needs the office's attention, and a few counts (scoped to the
account's estates where the figure belongs to buildings)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import Request
from sqlalchemy import ColumnElement, Select, func, or_, select

from central import db
from central.admin.web import Ctx
from central.community_tables import ideas, landlord_requests
from central.help_tables import callback_requests


def figures(request: Request, ctx: Ctx) -> list[dict[str, Any]]:
    allowed = ctx.building_ids(request)
    today = date.today().isoformat()

    def scoped(q: Select[Any], col: ColumnElement[Any]) -> Select[Any]:
        return q.where(col.in_(allowed)) if allowed is not None else q

    m, o = db.members.c, db.offers.c
    with request.app.state.engine.connect() as conn:
        def n(q: Select[Any]) -> int:
            return int(conn.execute(q).scalar_one())
        members = n(scoped(select(func.count()).select_from(db.members).where(m.status != "left"), m.building_id))
        pending = n(scoped(select(func.count()).select_from(db.members).where(m.status == "pending"), m.building_id))
        partners = n(select(func.count()).select_from(db.partners).where(db.partners.c.active.is_(True)))
        offers = n(select(func.count()).select_from(db.offers).where(
            or_(o.valid_from.is_(None), o.valid_from <= today), or_(o.valid_until.is_(None), o.valid_until >= today)))
        events = n(select(func.count()).select_from(db.events).where(db.events.c.ends_at >= today))
        dups = n(select(func.count()).select_from(db.merge_queue).where(db.merge_queue.c.state == "open"))
        to_read = n(scoped(select(func.count()).select_from(ideas).where(ideas.c.status == "submitted"),
                           ideas.c.building_id))
        open_reqs = n(scoped(select(func.count()).select_from(landlord_requests)
                             .where(landlord_requests.c.status != "done"), landlord_requests.c.building_id))
        to_call = n(scoped(select(func.count()).select_from(callback_requests)
                           .where(callback_requests.c.status == "to_call"), callback_requests.c.building_id))
    return [
        {"label": "Adhérents", "value": members, "href": "/admin/members"},
        {"label": "À confirmer (résidence)", "value": pending, "href": "/admin/members?status=pending"},
        {"label": "Doublons à examiner", "value": dups, "href": "/admin/merges"},
        {"label": "Idées à relire", "value": to_read, "href": "/admin/community/ideas"},
        {"label": "Demandes en cours", "value": open_reqs, "href": "/admin/community/requests"},
        {"label": "Rappels à faire", "value": to_call, "href": "/admin/callbacks"},
        {"label": "Partenaires visibles", "value": partners, "href": "/admin/partner?active=yes"},
        {"label": "Offres en cours", "value": offers, "href": "/admin/offer?state=live"},
        {"label": "Événements à venir", "value": events, "href": "/admin/event?when=upcoming"},
    ]
