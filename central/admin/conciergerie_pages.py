"""Office admin pages of neighbours' exchanges and time credits (``/admin/conciergerie``):
moderate posts (publish, or refuse with a reason the author sees), the time ledger
(each member's balance as the sum of their entries, flagged limits, the transfers with
a reversal by the office) and the ledger's CSV export. Same login, roles, CSRF and
templates as the rest; an account limited to some estates sees their buildings only.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from central.admin.web import AdminError, Ctx, checked_form, current, done, page
from central.conciergerie_office import ConciergerieOffice, OfficeRefusal
from kiosk.domain.timebank import hours

router = APIRouter(prefix="/admin/conciergerie", include_in_schema=False)

REFUSALS = {"exchange.reason_needed": "Donnez la raison du refus : l'auteur la verra dans son espace.",
            "exchange.transition_invalid": "Cette annonce ne peut pas passer à cet état.",
            "exchange.reason_too_long": "La raison est trop longue (300 caractères au plus).",
            "timebank.already_reversed": "Ce transfert a déjà été annulé.",
            "timebank.reversal_of_reversal": "Une annulation ne s'annule pas.",
            "timebank.transfer_unknown": "Ce transfert n'existe pas."}
STATUS = {"pending": "À relire", "published": "Publiée", "refused": "Refusée", "closed": "Retirée"}


def desk(request: Request) -> ConciergerieOffice:
    return ConciergerieOffice(request.app.state.engine)


def _visible(request: Request, ctx: Ctx, rows: list[dict[str, Any]], key: str = "building_id") -> list[dict[str, Any]]:
    allowed = ctx.building_ids(request)
    return rows if allowed is None else [r for r in rows if r.get(key) in allowed]


@router.get("/exchanges")
def exchanges_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    status = request.query_params.get("status", "pending")
    rows = _visible(request, ctx, desk(request).exchanges(status if status in STATUS else None))
    return page(request, "conciergerie_exchanges.html", title="Échanges entre voisins", rows=rows, status=status,
                statuses=STATUS)


@router.post("/exchanges/{exchange_id}")
def exchange_save(exchange_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    try:
        desk(request).moderate_exchange(exchange_id, form.get("status", ""), form.get("reason", ""),
                                        by=current(request).username)
    except KeyError:
        raise AdminError(404, "Cette annonce n'existe plus.") from None
    except OfficeRefusal as exc:
        return done(request, "/admin/conciergerie/exchanges", REFUSALS.get(exc.code, exc.code), kind="error")
    return done(request, "/admin/conciergerie/exchanges", "Annonce enregistrée : les bornes la verront à leur "
                                                          "prochaine synchronisation.")


@router.get("/ledger")
def ledger_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    d = desk(request)
    balances = _visible(request, ctx, d.balances())
    transfers = _visible(request, ctx, d.transfers())
    return page(request, "conciergerie_ledger.html", title="Banque de temps", balances=balances,
                flagged=[b for b in balances if b["flag"]], transfers=transfers, hours=hours)


@router.post("/ledger/{transfer_id}/reverse")
def reverse(transfer_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    try:
        desk(request).reverse(transfer_id, by=current(request).username, note=form.get("note", ""))
    except OfficeRefusal as exc:
        return done(request, "/admin/conciergerie/ledger", REFUSALS.get(exc.code, exc.code), kind="error")
    return done(request, "/admin/conciergerie/ledger", "Transfert annulé par un transfert inverse.")


@router.get("/ledger.csv")
def ledger_csv(request: Request, ctx: Ctx = Depends(current)) -> Response:
    if ctx.building_ids(request) is not None:
        raise AdminError(403, "L'export complet est réservé aux comptes de tous les ensembles.")
    return Response(desk(request).ledger_csv(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="banque-de-temps.csv"'})
