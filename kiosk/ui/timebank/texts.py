"""Words of the time desk (context ``TimeDeskMessages``): the ledger's refusal codes
(``kiosk/domain/timebank.py`` decides them, on the kiosk and the server alike) and the
limit flags, in the caretaker's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("TimeDeskMessages", text)


def refusal(exc: BaseException) -> str:
    code = getattr(exc, "code", "")
    if exc.__class__.__name__ == "CardRefused":
        code = "card_refused"
    return {
        "timebank.no_receiver": _t("Ajoutez au moins une personne qui a reçu le service."),
        "timebank.too_many_receivers": _t("Pas plus de 40 personnes dans un même échange."),
        "timebank.self_transfer": _t("La même personne ne peut pas donner et recevoir le temps."),
        "timebank.receiver_twice": _t("Cette personne est déjà dans la liste."),
        "timebank.minutes_invalid": _t("Choisissez une durée entre 15 minutes et 10 heures par personne."),
        "timebank.already_reversed": _t("Cet échange a déjà été annulé : on ne l'annule pas deux fois."),
        "timebank.reversal_of_reversal": _t("Une annulation ne s'annule pas."),
        "timebank.transfer_unknown": _t("Échange introuvable sur cette borne."),
        "timebank.member_unknown": _t("Membre inconnu sur cette borne."),
        "timebank.reason_required": _t("Écrivez la raison de l'annulation."),
        "card_refused": _t("Carte non reconnue : cherchez le membre par son nom."),
        "not_found": _t("Membre inconnu sur cette borne."),
    }.get(code, _t("Cela n'a pas pu être fait ({code}) : appelez le bureau.").format(code=code or "?"))


def flag(key: str) -> str:
    return {"low": _t("plus de 10 heures dues : signalé au bureau"),
            "high": _t("plus de 20 heures d'avance : signalé au bureau")}.get(key, "")
