"""Volunteer-run workshops for the office: each member host, the workshops they ran
(ended) and their hours, from the events' hosts (``kiosk.domain.community.hosted_hours``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from central import db
from central.admin.web import Ctx, current, page
from kiosk.domain.community import Event, EventHost, hosted_hours
from kiosk.domain.members import member_number

router = APIRouter(prefix="/admin/workshops", include_in_schema=False)


@router.get("")
def workshops_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    seen = ctx.building_ids(request)
    with request.app.state.engine.connect() as conn:
        events = [Event(r.id, r.title, "", r.place, r.starts_at, r.ends_at, r.capacity,
                        hosts=tuple(EventHost(h["member_id"], h["first_name"]) for h in r.hosts or []))
                  for r in conn.execute(select(db.events.c.id, db.events.c.title, db.events.c.place,
                                               db.events.c.starts_at, db.events.c.ends_at, db.events.c.capacity,
                                               db.events.c.hosts))]
        host_ids = {h.member_id for e in events for h in e.hosts}
        members = {r.id: r for r in conn.execute(select(db.members.c.id, db.members.c.first_name,
                                                        db.members.c.last_name, db.members.c.building_id)
                                                 .where(db.members.c.id.in_(host_ids)))} if host_ids else {}
    now = datetime.now().isoformat(timespec="minutes")
    rows: list[dict[str, Any]] = []
    for mid, m in sorted(members.items(), key=lambda kv: (kv[1].last_name, kv[1].first_name)):
        if seen is not None and m.building_id not in seen:
            continue
        done = hosted_hours(events, mid, now)
        coming = sum(1 for e in events if any(h.member_id == mid for h in e.hosts) and e.ends_at > now)
        rows.append({"name": f"{m.first_name} {m.last_name}", "number": member_number(mid),
                     "workshops": done.workshops, "hours": done.hours_text, "coming": coming})
    return page(request, "workshops.html", title="Ateliers animés par des adhérents", rows=rows)
