"""French words for every code the admin shows, and the formats of dates and numbers.

Codes stay in the database and on the wire; people read these words. A code with no
word here is shown as "(inconnu)" rather than raw, and a test walks the pages for raw
codes. Messages of refusals (``ERRORS``) say what to do, in the office's words.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.domain.members import member_number

PARIS = ZoneInfo("Europe/Paris")

CATEGORY = {"food": "Alimentation", "florist": "Fleuriste", "beauty": "Coiffure et beauté",
            "culture": "Culture et loisirs", "insurance": "Assurance habitation", "artisan": "Artisan",
            "services": "Services"}
MEMBER_STATUS = {"pending": "À confirmer", "active": "Adhérent", "left": "Parti"}
ENROLLED_BY = {"self": "Seul(e) à la borne", "staff": "Par le gardien", "import": "Import",
               "office": "Par le bureau"}
REGISTRATION = {"pending": "En attente", "confirmed": "Confirmée", "waitlisted": "Liste d'attente",
                "cancelled": "Annulée"}
IDEA_STATUS = {"submitted": "À relire", "published": "Publiée", "rejected": "Non retenue"}
IDEA_CATEGORY = {"living": "Cadre de vie", "mutual_aid": "Entraide", "activities": "Activités",
                 "environment": "Environnement", "savings": "Économies", "other": "Autre"}
REQUEST_STATUS = {"received": "Reçue", "in_progress": "En cours", "done": "Traitée"}
REQUEST_CATEGORY = {"common_areas": "Parties communes (réparation)", "reduced_mobility": "Adaptation du logement",
                    "noise": "Bruit", "cleanliness": "Propreté", "other": "Autre"}
STAFF_ROLE = {"caretaker": "Gardien(ne)", "admin": "Responsable"}
ROLE = {"reader": "Lecture seule", "editor": "Rédaction", "admin": "Administration"}
AUDIENCE = {"members": "Adhérents", "all": "Tout le monde"}
PICTOGRAM = {"meeting": "Réunion", "workshop": "Atelier", "tools": "Outils", "outing": "Sortie",
             "culture": "Culture", "food": "Repas", "coffee": "Café", "garden": "Jardin", "savings": "Économies",
             "insurance": "Assurance"}
MERGE_REASON = {"same_flat_and_name": "Même logement et même nom", "same_phone": "Même téléphone"}
CONSENT_PURPOSE = {"membership": "Notice d'information acceptée", "sms": "SMS", "newsletter": "Lettre d'information"}
CARD_STATUS = {"active": "Valide", "revoked": "Révoquée"}
CARD_ROLE = {"member": "Adhérent", "staff": "Badge du personnel"}
RELATION = {"": "", "conjoint": "Conjoint(e)", "enfant": "Enfant", "parent": "Parent", "autre": "Autre"}
LANGUAGE = {"fr": "Français", "en": "Anglais", "ar": "Arabe"}
CONTACT_ROLE = {"caretaker": "Gardien(ne)", "office": "Agence, bureau"}
CALLBACK_STATUS = {"to_call": "À rappeler", "called": "Rappelé(e)", "no_answer": "Pas de réponse"}
CALLBACK_REASON = {"membership": "Adhésion, carte", "home": "Logement, réparation",
                   "activities": "Rencontres et activités", "other": "Autre chose"}
DEVICE_STATE = {False: "En service", True: "Révoquée"}
ACTION = {"create": "Création", "update": "Modification", "delete": "Suppression", "merge": "Fusion",
          "dismiss": "Pas un doublon", "erase": "Effacement", "pin": "Nouveau PIN", "token": "Jeton de borne",
          "revoke": "Révocation", "password": "Mot de passe", "import": "Import", "moderate": "Modération",
          "answer": "Réponse", "refill": "Liste d'attente", "logo": "Logo"}
ENTITY = {"partner": "Partenaire", "offer": "Offre", "event": "Événement", "announcement": "Annonce",
          "staff": "Personnel", "member": "Adhérent", "estate": "Résidence", "building": "Bâtiment",
          "entrance": "Entrée", "flat": "Logement", "device": "Borne", "account": "Compte", "idea": "Idée",
          "request": "Demande", "help_contact": "Contact d'aide", "callback": "Rappel"}
WEEKDAYS = ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")

ERRORS = {
    "partner_unknown": "Ce partenaire n'existe plus : choisissez-en un autre.",
    "unknown_flat": "Ce logement n'est pas dans le bâtiment choisi : choisissez un logement de ce bâtiment.",
    "member_unknown": "Cette fiche n'existe plus (effacée ou fusionnée).",
    "same_member": "Une fiche ne peut pas être fusionnée avec elle-même.",
    "staff_unknown": "Cette personne n'est plus dans le personnel.",
    "capacity_below_confirmed": "Le nombre de places ne peut pas être inférieur aux {confirmed} inscriptions "
                                "confirmées. Annulez des inscriptions d'abord, ou gardez au moins {confirmed} places.",
    "unknown_building": "Ce bâtiment n'existe pas.",
    "device_unknown": "Cette borne n'existe pas.",
    "password_too_short": "Le mot de passe doit faire au moins 10 caractères.",
    "password_too_long": "Le mot de passe doit faire au plus 200 caractères.",
    "password_is_username": "Le mot de passe ne peut pas être l'identifiant.",
    "password_required": "Donnez un mot de passe au nouveau compte.",
    "username_invalid": "Identifiant : de 1 à 80 caractères, sans espace.",
    "role_invalid": "Choisissez un rôle.",
    "account_unknown": "Ce compte n'existe pas.",
    "bad_credentials": "Identifiant ou mot de passe incorrect.",
    "event_unknown": "Cet événement n'existe plus.",
}


def error(code: str, **params: object) -> str:
    text = ERRORS.get(code, "L'opération n'a pas pu être faite. Réessayez ou prévenez l'équipe informatique.")
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


def word(table: dict[Any, str], code: object) -> str:
    return table.get(code, "(inconnu)")


def when(value: str | None) -> str:
    """ISO time (any offset, or naive local) → "2 déc. 2026 à 15:28", Paris time."""
    if not value:
        return ""
    try:
        dt = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if dt.tzinfo is not None:
        dt = dt.astimezone(PARIS)
    return f"{dt.day} {MONTHS[dt.month - 1]} {dt.year} à {dt:%H:%M}"


def day(value: str | date | None) -> str:
    if not value:
        return ""
    try:
        d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def number(value: float | int | None, digits: int = 0) -> str:
    """French number: thin space thousands, decimal comma."""
    if value is None:
        return ""
    text = f"{value:,.{digits}f}".replace(",", "\u202f").replace(".", ",")
    return text


def phone(e164: str | None) -> str:
    """ "+33612345678" → "06 12 34 56 78" (the office reads French numbers)."""
    if not e164:
        return ""
    import phonenumbers
    try:
        return phonenumbers.format_number(phonenumbers.parse(e164, "FR"), phonenumbers.PhoneNumberFormat.NATIONAL)
    except phonenumbers.NumberParseException:
        return e164


def member_no(member_id: str) -> str:
    try:
        return member_number(member_id)
    except ValueError:
        return "—"

FIELD = {"first_name": "Prénom", "last_name": "Nom", "building_id": "Bâtiment", "flat_id": "Logement",
         "status": "Statut", "name": "Nom", "category": "Catégorie", "address": "Adresse", "lat": "Latitude",
         "lon": "Longitude", "phone": "Téléphone", "website": "Site web", "description": "Description",
         "hours": "Horaires", "active": "Actif", "partner_id": "Partenaire", "text": "Texte",
         "conditions": "Conditions", "valid_from": "Du", "valid_until": "Au", "title": "Titre", "place": "Lieu",
         "starts_at": "Début", "ends_at": "Fin", "capacity": "Places", "audience": "Public",
         "building_ids": "Bâtiments", "pictogram": "Pictogramme", "body": "Texte", "display_name": "Nom affiché",
         "role": "Rôle", "estate_ids": "Résidences", "estate_id": "Résidence", "city": "Ville", "label": "Libellé",
         "entrance_id": "Entrée", "revoked": "Révoquée", "wipe": "Effacement", "answer": "Réponse",
         "position": "Ordre"}
