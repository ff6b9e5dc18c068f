"""Words of tool lending: each refusal's message, dates, the server's codes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from kiosk.ui import formatting


def _tr(text: str) -> str:
    return QCoreApplication.translate("Lending", text)


def day(iso: str) -> str:
    """"mardi 17 mars 2026" from an ISO date ("" stays "")."""
    if not iso:
        return ""
    try:
        return formatting.isolate(formatting.long_date(date.fromisoformat(iso[:10])))
    except ValueError:
        return iso


def refusal_title(exc: BaseException) -> str:
    code = str(getattr(exc, "code", "") or "")
    titles = {
        "lending.fee_due": _tr("Cotisation à régler"),
        "lending.loan_overdue": _tr("Un prêt est en retard"),
        "lending.member_suspended": _tr("Prêts suspendus pour ce membre"),
        "lending.waiver_missing": _tr("Décharge à signer"),
        "lending.item_on_hold": _tr("Objet indisponible"),
        "lending.item_out": _tr("Objet déjà prêté"),
        "lending.scan_card_first": _tr("Scannez d'abord la carte du membre"),
        "lending.item_unknown": _tr("Étiquette inconnue ici"),
        "lending.already_reserved": _tr("Déjà réservé"),
    }
    if code in titles:
        return titles[code]
    if code.startswith("card") or exc.__class__.__name__ == "CardRefused":
        return _tr("Carte refusée")
    return _tr("Action impossible")


def refusal_detail(exc: BaseException) -> str:
    code = str(getattr(exc, "code", "") or "")
    data = getattr(exc, "data", {}) or {}
    if code == "lending.fee_due":
        return _tr("La cotisation n'est pas à jour : les prêts reprennent dès qu'elle est réglée.")
    if code == "lending.loan_overdue":
        return _tr("Il faut d'abord rapporter l'objet en retard.")
    if code == "lending.member_suspended":
        return _tr("Le bureau a suspendu les prêts de ce membre. Voir avec le bureau.")
    if code == "lending.waiver_missing":
        return _tr("Cet objet demande une décharge signée : le membre la signe à la borne, dans « Mon espace ».")
    if code == "lending.item_on_hold":
        until = data.get("until") or ""
        if until:
            return _tr("En entretien jusqu'au {date}.").format(date=day(until))
        return _tr("En réparation ou retiré du prêt.")
    if code == "lending.item_out":
        due = data.get("due_on") or ""
        return _tr("Il doit revenir le {date}. Le membre peut le réserver.").format(date=day(due)) if due \
            else _tr("Il est chez un autre membre.")
    if code == "lending.scan_card_first":
        return _tr("Cet objet n'est pas sorti : scannez la carte de l'emprunteur, puis l'étiquette.")
    if code == "lending.item_unknown":
        return _tr("Cet objet n'appartient pas à un point de prêt de cette borne.")
    return ""


def server_refusal(code: str) -> str:
    code = code.split(":")[0]
    if code == "item_out":
        return _tr("déjà prêté par une autre borne : à récupérer")
    if code == "member_suspended":
        return _tr("membre suspendu par le bureau")
    return _tr("refusé : {code}").format(code=code)
