"""The Bilan pages: figures with their definitions, SVG charts, a period picker, a CSV
per table and the PDF report. Scoped to the account's estates."""

from __future__ import annotations

import csv
import io
from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from central import bilan
from central.admin.web import AdminError, Ctx, current, page
from central.charts import svg

router = APIRouter(prefix="/admin/bilan", include_in_schema=False)


def _period(request: Request) -> tuple[date, date]:
    start, end = bilan.default_period()
    try:
        if request.query_params.get("start"):
            start = date.fromisoformat(request.query_params["start"])
        if request.query_params.get("end"):
            end = date.fromisoformat(request.query_params["end"])
    except ValueError:
        raise AdminError(400, "Choisissez les dates avec le calendrier (début et fin de la période).") from None
    if end < start or (end - start).days > 3660:
        raise AdminError(400, "La fin de la période doit venir après son début (dix ans au plus).")
    return start, end


def _build(request: Request, ctx: Ctx) -> bilan.Bilan:
    start, end = _period(request)
    label = "Toutes les résidences" if ctx.account.all_estates else "Résidences : " + ", ".join(
        e["name"] for e in request.app.state.office.list("estate", limit=1000) if e["id"] in ctx.account.estate_ids)
    return bilan.build(request.app.state.engine, start, end, ctx.building_ids(request), label)


@router.get("")
def bilan_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    b = _build(request, ctx)
    charts = {s.key: svg(s.chart, f"chart-{s.key}") for s in b.sections if s.chart is not None}
    query = f"start={b.start.isoformat()}&end={b.end.isoformat()}"
    return page(request, "bilan.html", title="Bilan", b=b, charts=charts, query=query, not_yet=bilan.NOT_YET)


@router.get("/{key}.csv")
def bilan_csv(key: str, request: Request, ctx: Ctx = Depends(current)) -> Response:
    b = _build(request, ctx)
    section = next((s for s in b.sections if s.key == key), None)
    if section is None:
        raise AdminError(404, "Ce tableau n'existe pas.")
    out = io.StringIO()
    w = csv.writer(out, delimiter=";")
    w.writerow(section.columns)
    w.writerows(section.rows)
    name = f"bilan-{key}-{b.start.isoformat()}-{b.end.isoformat()}.csv"
    return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})


@router.get(".pdf")
def bilan_pdf(request: Request, ctx: Ctx = Depends(current)) -> Response:
    from central.bilan_pdf import render
    b = _build(request, ctx)
    name = f"bilan-{b.start.isoformat()}-{b.end.isoformat()}.pdf"
    return Response(render(b, bilan.NOT_YET), media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})
