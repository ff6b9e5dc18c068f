"""Words for the codes the membership services raise: field errors, card verdicts,
staff sign-in refusals. Lower layers never hold text for people (STYLE 6); this module
is the one place that maps their stable codes to translated sentences (context
``MembershipMessages``), with named placeholders.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.domain.errors import FieldError



def field_message(err: FieldError) -> str:
    """The sentence shown under a field for a :class:`FieldError`."""
    code = err.code
    if code == "required":
        return QCoreApplication.translate("MembershipMessages", "Ce champ est obligatoire.")
    if code == "too_long":
        return QCoreApplication.translate("MembershipMessages", "Trop long : {max} caractères au plus.").format(
            max=err.params.get("max", 60))
    if code == "name.invalid_characters":
        return QCoreApplication.translate("MembershipMessages", "Lettres, espaces, tirets et apostrophes seulement.")
    if code == "phone.invalid":
        return QCoreApplication.translate("MembershipMessages", "Numéro de téléphone français à 10 chiffres, par exemple 06 12 34 56 78.")
    if code == "email.invalid":
        return QCoreApplication.translate("MembershipMessages", "Adresse e-mail incomplète, par exemple nom@exemple.fr.")
    if code == "language.invalid":
        return QCoreApplication.translate("MembershipMessages", "Choisissez une langue.")
    if code == "notice.required":
        return QCoreApplication.translate("MembershipMessages", "Pour devenir membre, lisez et acceptez l'information ci-dessus.")
    if code == "lookup.four_digits":
        return QCoreApplication.translate("MembershipMessages", "Tapez les 4 derniers chiffres de votre téléphone.")
    if code == "staff.pin_too_short":
        return QCoreApplication.translate("MembershipMessages", "Le code a au moins {min} chiffres.").format(min=err.params.get("min", 6))
    return QCoreApplication.translate("MembershipMessages", "Vérifiez ce champ.")


def verdict_message(verdict: str) -> str:
    """Why a card was refused, in words for the person holding it."""
    if verdict == "expired":
        return QCoreApplication.translate("MembershipMessages", "Cette carte a expiré. Votre gardien vous en donnera une nouvelle.")
    if verdict == "revoked":
        return QCoreApplication.translate("MembershipMessages", "Cette carte n'est plus valable. Voyez votre gardien.")
    if verdict == "not_a_card":
        return QCoreApplication.translate("MembershipMessages", "Ce code n'est pas une carte du club.")
    return QCoreApplication.translate("MembershipMessages", "Cette carte n'est pas reconnue ici. Voyez votre gardien.")


def status_text(status: str) -> str:
    if status == "pending":
        return QCoreApplication.translate("MembershipMessages", "Inscription en attente : votre gardien confirmera votre adresse.")
    if status == "active":
        return QCoreApplication.translate("MembershipMessages", "Membre actif")
    return QCoreApplication.translate("MembershipMessages", "Ancien membre")


def request_category(category: str) -> str:
    names = {
        "common_areas": QCoreApplication.translate("MembershipMessages", "Parties communes"),
        "reduced_mobility": QCoreApplication.translate("MembershipMessages", "Adaptation du logement"),
        "noise": QCoreApplication.translate("MembershipMessages", "Bruit"),
        "cleanliness": QCoreApplication.translate("MembershipMessages", "Propreté"),
    }
    return names.get(category, QCoreApplication.translate("MembershipMessages", "Demande"))


def progress_status(status: str) -> str:
    names = {
        "pending": QCoreApplication.translate("MembershipMessages", "en attente"),
        "confirmed": QCoreApplication.translate("MembershipMessages", "inscrit"),
        "waitlisted": QCoreApplication.translate("MembershipMessages", "liste d'attente"),
        "cancelled": QCoreApplication.translate("MembershipMessages", "annulé"),
        "submitted": QCoreApplication.translate("MembershipMessages", "envoyée"),
        "published": QCoreApplication.translate("MembershipMessages", "publiée"),
        "rejected": QCoreApplication.translate("MembershipMessages", "non retenue"),
        "received": QCoreApplication.translate("MembershipMessages", "reçue"),
        "in_progress": QCoreApplication.translate("MembershipMessages", "en cours"),
        "done": QCoreApplication.translate("MembershipMessages", "traitée"),
    }
    return names.get(status, status)
