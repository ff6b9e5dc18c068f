"""Words of the fee desk (context ``FeeMessages``): the refusals' codes, from the kiosk's
form and from the server (``kiosk/domain/fees.py`` decides both), in the caretaker's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("FeeMessages", text)


def refusal(code: str) -> str:
    return {
        "fee_amount_too_high": _t("montant plus élevé que la cotisation du club"),
        "fee_amount_invalid": _t("montant impossible (zéro ou négatif)"),
        "fee_not_charged": _t("ce club ne demande pas de cotisation"),
        "fee_months_invalid": _t("de 1 à 12 mois seulement"),
        "fee_receipt_taken": _t("numéro de reçu déjà donné par une autre borne : appelez le bureau"),
        "fee_payment_exists": _t("paiement déjà enregistré"),
        "member_left": _t("ce membre a quitté le club"),
        "member_unknown": _t("membre inconnu du serveur"),
        "fees.member_unknown": _t("membre introuvable sur cette borne"),
        "card_refused": _t("carte non reconnue : cherchez le membre par son nom"),
    }.get(code, _t("refusé ({code}) : appelez le bureau").format(code=code))
