"""Admin accounts (administrators only) and the audit log (every role can read it).

An account has a role and the estates it sees; changing its role, its estates or its
password, or disabling it, ends its open sessions at once (server-side sessions).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from central import audit
from central.accounts import AccountError
from central import labels
from central.admin.listing import Page, ListQuery
from central.admin.web import AdminError, Ctx, accounts, checked_form, current, done, page, page_number, sessions

router = APIRouter(prefix="/admin", include_in_schema=False)


def _estates(request: Request) -> list[dict[str, Any]]:
    return sorted(request.app.state.office.list("estate", limit=10000), key=lambda e: e["name"])


@router.get("/accounts")
def accounts_list(request: Request, _ctx: Ctx = Depends(current)) -> HTMLResponse:
    return page(request, "accounts.html", title="Comptes du bureau", rows=accounts(request).all(),
                estates=_estates(request), errors={}, typed={})


@router.get("/accounts/{username}")
def account_edit(username: str, request: Request, _ctx: Ctx = Depends(current)) -> HTMLResponse:
    acct = accounts(request).get(username)
    if acct is None:
        raise AdminError(404, "Ce compte n'existe pas.")
    return page(request, "account_edit.html", title=f"Compte « {username} »", a=acct, estates=_estates(request),
                errors={})


@router.post("/accounts")
def account_save(request: Request, form: dict[str, str] = Depends(checked_form)) -> Response:
    ctx = current(request)
    username = form.get("username", "").strip()
    existing = accounts(request).get(username) if form.get("existing") == "yes" else None
    estate_ids = [e for e in form.get("estate_ids[]", "").split(",") if e]
    known = {e["id"] for e in _estates(request)}
    password = form.get("password") or None
    errors: dict[str, str] = {}
    if not set(estate_ids) <= known:
        errors["estate_ids"] = "Résidence inconnue : rechargez la page."
    if existing is None and form.get("existing") != "yes" and accounts(request).get(username) is not None:
        errors["username"] = "Cet identifiant est déjà pris."
    if existing is not None and existing.username == ctx.username and form.get("role") != "admin":
        errors["role"] = "Vous ne pouvez pas retirer votre propre rôle d'administration."
    if not errors:
        try:
            accounts(request).save(username, role=form.get("role", ""), estate_ids=estate_ids,
                                   display_name=form.get("display_name", ""), password=password,
                                   active=form.get("active", "on") == "on", by=ctx.username)
        except AccountError as exc:
            errors[{"username_invalid": "username", "role_invalid": "role"}.get(exc.code, "password")] = \
                labels.error(exc.code)
    if errors:
        typed = {k: form.get(k, "") for k in ("username", "display_name", "role")} | {"estate_ids": estate_ids}
        if existing is not None:
            return page(request, "account_edit.html", 400, title=f"Compte « {username} »", a=existing,
                        estates=_estates(request), errors=errors)
        return page(request, "accounts.html", 400, title="Comptes du bureau", rows=accounts(request).all(),
                    estates=_estates(request), errors=errors, typed=typed)
    if existing is not None and username != ctx.username:
        sessions(request).revoke_all(username)  # new rights, password or a disabled account: log in again
    return done(request, "/admin/accounts", f"Compte « {username} » enregistré."
                + (" Ses sessions ouvertes ont été fermées." if existing is not None else ""))


@router.get("/audit")
def audit_page(request: Request, _ctx: Ctx = Depends(current)) -> HTMLResponse:
    params = request.query_params
    q = audit.AuditQuery(entity=params.get("entity", "") if params.get("entity") in labels.ENTITY else "",
                         entity_id=params.get("entity_id", ""), username=params.get("username", ""),
                         action=params.get("action", "") if params.get("action") in labels.ACTION else "",
                         page=page_number(params.get("page")))
    rows, total = audit.search(request.app.state.engine, q)
    lq = ListQuery(page=q.page, sort="at", desc=True,
                   filters={k: v for k, v in (("entity", q.entity), ("entity_id", q.entity_id),
                                              ("username", q.username), ("action", q.action)) if v})
    return page(request, "audit.html", title="Journal des modifications", rows=rows,
                p=Page(rows, total, lq, q.per_page), q=q, users=[a.username for a in accounts(request).all()],
                words=_value_words(request))


def _value_words(request: Request) -> Any:
    """Turns an audited value into words: names for building and flat ids, French for codes."""
    from sqlalchemy import select

    from central import db
    with request.app.state.engine.connect() as conn:
        names = {r.id: r.name for r in conn.execute(select(db.buildings.c.id, db.buildings.c.name))}
        names |= {r.id: r.name for r in conn.execute(select(db.estates.c.id, db.estates.c.name))}
        flats = {r.id: r.label for r in conn.execute(select(db.flats.c.id, db.flats.c.label))}
        partners = {r.id: r.name for r in conn.execute(select(db.partners.c.id, db.partners.c.name))}
    tables = {"status": {**labels.MEMBER_STATUS, **labels.IDEA_STATUS, **labels.REQUEST_STATUS,
                         **labels.CALLBACK_STATUS},
              "category": {**labels.CATEGORY, **labels.REQUEST_CATEGORY, **labels.IDEA_CATEGORY},
              "role": {**labels.ROLE, **labels.STAFF_ROLE, **labels.CONTACT_ROLE}, "audience": labels.AUDIENCE,
              "pictogram": labels.PICTOGRAM}

    def words(key: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return "Oui" if value else "Non"
        if key in ("building_id", "estate_id"):
            return names.get(value, "(supprimé)")
        if key == "flat_id":
            return flats.get(value, "(supprimé)")
        if key == "partner_id":
            return partners.get(value, "(supprimé)")
        if key in ("building_ids", "estate_ids"):
            return ", ".join(names.get(v, "(supprimé)") for v in value) or "Tous"
        if key in tables:
            return tables[key].get(value, "(inconnu)")
        if key in ("starts_at", "ends_at"):
            return labels.when(value)
        if key in ("valid_from", "valid_until"):
            return labels.day(value)
        if isinstance(value, (dict, list)):
            return "(modifié)"
        return str(value)
    return words
