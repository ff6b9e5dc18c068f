"""Words of the community screens for the codes the services use: sign-up statuses,
idea and request categories, refusals, event dates and pictograms (context
``CommunityMessages``). Lower layers hold no text for people (STYLE 6).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from kiosk.domain.errors import DomainError, FieldError, ValidationError
from kiosk.ui import formatting

PICTOGRAMS = {"meeting": "events", "workshop": "artisan", "tools": "artisan", "outing": "walk",
              "culture": "culture", "food": "food", "coffee": "events", "garden": "florist", "savings": "deals",
              "insurance": "insurance"}
# Older or demo category keys, shown with the words of the current ones.
IDEA_ALIASES = {"cadre_de_vie": "living", "entraide": "mutual_aid"}


def _t(text: str) -> str:
    return QCoreApplication.translate("CommunityMessages", text)


def pictogram(name: str) -> str:
    return PICTOGRAMS.get(name, "events")


def registration_status(status: str, position: int | None = None) -> str:
    if status == "pending":
        return _t("En attente de confirmation")
    if status == "confirmed":
        return _t("Inscription confirmée")
    if status == "waitlisted":
        if position:
            return _t("Liste d'attente : place n° {position}").format(position=position)
        return _t("Liste d'attente")
    return _t("Inscription annulée")


def idea_category(key: str) -> str:
    key = IDEA_ALIASES.get(key, key)
    return {"living": _t("Cadre de vie"), "mutual_aid": _t("Entraide"), "activities": _t("Activités"), "environment": _t("Environnement"),
            "savings": _t("Économies"), "other": _t("Autre")}.get(key, _t("Autre"))


def request_category(key: str) -> str:
    return {"common_areas": _t("Réparation des parties communes"),
            "reduced_mobility": _t("Adapter mon logement (mobilité réduite)"),
            "noise": _t("Bruit"), "cleanliness": _t("Propreté"), "other": _t("Autre demande")}.get(key, _t("Autre demande"))


def request_status(status: str) -> str:
    return {"received": _t("Reçue"), "in_progress": _t("En cours"), "done": _t("Traitée")}.get(status, _t("Reçue"))


def idea_status(status: str) -> str:
    return {"submitted": _t("Envoyée, en attente de relecture"), "published": _t("Publiée"),
            "rejected": _t("Non retenue")}.get(status, _t("Envoyée, en attente de relecture"))


def when(starts_at: str, ends_at: str) -> str:
    """"mardi 3 mars 2026, 17:00 – 19:00" in the current language."""
    try:
        start, end = datetime.fromisoformat(starts_at), datetime.fromisoformat(ends_at)
    except ValueError:
        return starts_at
    return _t("{day}, {start} – {end}").format(day=formatting.long_date(start), start=formatting.short_time(start),
                                                end=formatting.short_time(end))


def places(left: int, capacity: int) -> str:
    if left <= 0:
        return _t("Complet : inscription sur liste d'attente")
    return _t("{left} places libres sur {capacity}").format(left=left, capacity=capacity)


def field_error(err: FieldError) -> str:
    if err.code == "community.personal_details":
        return _t("Pas de numéro de téléphone ni d'adresse e-mail ici : ce texte peut être affiché.")
    if err.code == "community.text_too_short":
        return _t("Écrivez au moins {min} lettres.").format(min=err.params.get("min", 3))
    if err.code == "community.text_too_long":
        return _t("Trop long : {max} caractères au plus.").format(max=err.params.get("max", 500))
    if err.code == "community.category_required":
        return _t("Choisissez un thème.")
    return _t("Vérifiez ce champ.")


def refusal(exc: BaseException) -> str:
    """A sentence for an error raised by a community job."""
    if isinstance(exc, ValidationError):
        return " ".join(field_error(e) for e in exc.errors)
    code = getattr(exc, "code", "")
    if code == "community.already_registered":
        return _t("Vous êtes déjà inscrit(e) à cet événement.")
    if code == "community.event_closed":
        return _t("Cet événement est terminé.")
    if code == "card.refused" or type(exc).__name__ == "CardRefused":
        return _t("Cette carte n'est pas reconnue ici. Voyez votre gardien.")
    if code == "not_found" or type(exc).__name__ == "NotFound":
        return _t("Nous ne vous avons pas trouvé. Vérifiez et réessayez, ou voyez votre gardien.")
    if type(exc).__name__ == "SessionExpired":
        return _t("La session du personnel est terminée : reconnectez-vous.")
    if isinstance(exc, DomainError):
        return _t("Ce n'est pas possible pour le moment. Voyez votre gardien.")
    return _t("Un problème est survenu. Réessayez ou voyez votre gardien.")
