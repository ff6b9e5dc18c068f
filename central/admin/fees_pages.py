"""The office's membership fee page: each estate's policy, payments with their receipt
numbers, who is due, CSV export.

The rules are ``kiosk/domain/fees.py`` (the kiosks apply the same ones). Reading needs
"reader"; changing a policy needs "admin" (``ROLE_RULES``). An estate's account sees its
own estates, buildings and members only. Every member counts as a tenant here (members
are enrolled with a flat of the club); the "other" amount is for the kiosk's desk.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from central import db
from central.admin.web import AdminError, Ctx, checked_form, current, done, page
from central.fees_tables import fee_payments
from kiosk.domain import fees
from kiosk.domain.fees import FeePolicy, MemberKind, Payment, PaymentStatus, StandingKind
from kiosk.domain.members import member_number
from kiosk.domain.places import Estate

router = APIRouter(prefix="/admin/fees", include_in_schema=False)


def parse_euros(raw: str) -> int:
    """ "1", "1,00", "1.5", "5 €" → integer cents; ValueError otherwise."""
    text = raw.replace("€", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
    m = re.fullmatch(r"(\d{1,4})(?:\.(\d{1,2}))?", text)
    if not m:
        raise ValueError(raw)
    return int(m[1]) * 100 + int((m[2] or "0").ljust(2, "0"))


def _estates(request: Request, ctx: Ctx) -> list[dict[str, Any]]:
    with request.app.state.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(db.estates).order_by(db.estates.c.name)).mappings()]
    if ctx.account.all_estates:
        return rows
    return [r for r in rows if r["id"] in set(ctx.account.estate_ids)]


def _policy(row: dict[str, Any]) -> FeePolicy:
    return fees.policy_of(Estate(row["id"], row["name"], row["city"], int(row["fee_tenant_cents"]),
                                 int(row["fee_other_cents"]), bool(row["fee_blocks_lending"])))


def _data(request: Request, ctx: Ctx, today: date) -> dict[str, Any]:
    estates = _estates(request, ctx)
    policies = {e["id"]: _policy(e) for e in estates}
    with request.app.state.engine.connect() as conn:
        buildings = {r.id: r.estate_id for r in conn.execute(select(db.buildings.c.id, db.buildings.c.estate_id))
                     if r.estate_id in policies}
        members = {r["id"]: dict(r) for r in conn.execute(
            select(db.members.c.id, db.members.c.first_name, db.members.c.last_name, db.members.c.building_id,
                   db.members.c.status)).mappings() if r["building_id"] in buildings}
        pays = [dict(r) for r in conn.execute(select(fee_payments).order_by(
            fee_payments.c.paid_on.desc(), fee_payments.c.receipt_number.desc())).mappings()
            if r["member_id"] in members]
    by_member: dict[str, list[Payment]] = {}
    for p in pays:
        by_member.setdefault(p["member_id"], []).append(Payment(
            p["id"], p["member_id"], p["months"], p["amount_cents"], p["paid_on"], p["receipt_number"],
            p["staff_id"], p["created_at"], PaymentStatus(p["status"])))
    due = []
    for mid, m in sorted(members.items(), key=lambda kv: (kv[1]["last_name"], kv[1]["first_name"])):
        if m["status"] == "left":
            continue
        policy = policies[buildings[m["building_id"]]]
        standing = fees.fee_standing(fees.paid_until(by_member.get(mid, [])), today, policy, MemberKind.TENANT)
        if standing.kind is StandingKind.DUE:
            due.append({"number": member_number(mid), "name": f"{m['first_name']} {m['last_name']}",
                        "since": standing.since})
    for p in pays:
        m = members[p["member_id"]]
        p["name"] = f"{m['first_name']} {m['last_name']}"
        p["number"] = member_number(p["member_id"])
    return {"estates": [e | {"policy": policies[e["id"]]} for e in estates], "payments": pays, "due": due}


@router.get("")
def fees_page(request: Request, ctx: Ctx = Depends(current)) -> HTMLResponse:
    data = _data(request, ctx, date.today())
    return page(request, "fees.html", title="Cotisations", euros=fees.euros, errors={}, typed={}, **data)


@router.post("/{estate_id}/policy")
def fees_policy(estate_id: str, request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    estate = next((e for e in _estates(request, ctx) if e["id"] == estate_id), None)
    if estate is None:
        raise AdminError(404, "Cette résidence n'existe pas (ou votre compte ne la voit pas).")
    errors: dict[str, str] = {}
    amounts: dict[str, int] = {}
    for field in ("fee_tenant_cents", "fee_other_cents"):
        try:
            amounts[field] = parse_euros(form.get(field, "0").strip() or "0")
        except ValueError:
            errors[field] = "Un montant en euros, par exemple 1,00."
    policy = FeePolicy({MemberKind.TENANT: amounts.get("fee_tenant_cents", 0),
                        MemberKind.OTHER: amounts.get("fee_other_cents", 0)})
    for code in policy.problems():      # the shared rule (negative amounts cannot be typed here)
        errors["fee_tenant_cents" if code.endswith(":tenant") else "fee_other_cents"] = (
            "Au plus 100,00 € par mois." if "too_high" in code else "Un montant positif.")
    if errors:
        data = _data(request, ctx, date.today())
        return page(request, "fees.html", 400, title="Cotisations", euros=fees.euros, errors={estate_id: errors},
                    typed={estate_id: form}, **data)
    row = {k: estate[k] for k in ("id", "name", "city")} | amounts | {
        "fee_blocks_lending": form.get("fee_blocks_lending") == "on"}
    request.app.state.office.put_place("estate", row, by=ctx.username)     # audited, sent in the feed
    return done(request, "/admin/fees", f"Cotisation de « {estate['name']} » enregistrée. Les bornes l'auront à "
                                        "leur prochaine synchronisation.")


@router.get("/payments.csv")
def payments_csv(request: Request, ctx: Ctx = Depends(current)) -> Response:
    data = _data(request, ctx, date.today())
    out = io.StringIO()
    w = csv.writer(out, delimiter=";")
    w.writerow(["Reçu", "Date", "Adhérent", "Numéro d'adhérent", "Mois", "Montant (€)", "État"])
    for p in data["payments"]:
        w.writerow([p["receipt_number"], p["paid_on"], p["name"], p["number"], p["months"],
                    f"{p['amount_cents'] // 100},{p['amount_cents'] % 100:02d}",
                    "refusé" if p["status"] == "refused" else "enregistré"])
    return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="cotisations.csv"',
                             "Cache-Control": "no-store"})
