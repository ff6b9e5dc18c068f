"""Words of the exchanges and time-credit screens (context ``ConciergerieMessages``):
categories, kinds, statuses and refusals, from the codes the services use."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.domain.errors import ValidationError


def _t(text: str) -> str:
    return QCoreApplication.translate("ConciergerieMessages", text)


def category(key: str) -> str:
    return {"diy": _t("Petit bricolage"), "childcare": _t("Garde d'enfants"), "cleaning": _t("Ménage"),
            "sewing": _t("Couture"), "computing": _t("Informatique"), "paperwork": _t("Aide administrative"),
            "cooking": _t("Cuisine"), "homework": _t("Soutien scolaire"), "gardening": _t("Jardinage"),
            "other": _t("Autre")}.get(key, _t("Autre"))


def kind(key: str) -> str:
    return _t("Je propose") if key == "offer" else _t("Je cherche")


def status(key: str) -> str:
    return {"pending": _t("En attente de relecture par le bureau"), "published": _t("Affichée"),
            "refused": _t("Non retenue"), "closed": _t("Retirée")}.get(key, "")


def refusal(exc: BaseException) -> str:
    code = getattr(exc, "code", "")
    if isinstance(exc, ValidationError) and exc.errors:
        code = exc.errors[0].code
    return {"exchange.closed": _t("Cette annonce n'est plus affichée."),
            "exchange.own_post": _t("C'est votre propre annonce."),
            "exchange.already_asked": _t("Vous avez déjà demandé à être mis en relation pour cette annonce."),
            "community.personal_details": _t("Pas de numéro de téléphone ni d'adresse e-mail dans le texte : "
                                             "il est affiché dans le hall."),
            "community.text_too_short": _t("Le texte est trop court."),
            "timebank.self_transfer": _t("Les deux cartes sont celles de la même personne."),
            "timebank.minutes_invalid": _t("Choisissez une durée entre 15 minutes et 10 heures."),
            "timebank.already_reversed": _t("Cet échange a déjà été annulé."),
            }.get(code, _t("Cela n'a pas pu être fait. Demandez au gardien."))
