"""Members, their households and the checks on what they type.

A member is a tenant who joined the club, attached to one flat. Ids are UUIDs made by
the kiosk that enrolled them (offline); the member number shown on the card is derived
from the id (Crockford base32 of its first 40 bits) so kiosks never need to agree on a
counter. Phones are French numbers stored in E.164. Pure Python.
"""

from __future__ import annotations

import enum
import re
import unicodedata
import uuid
from dataclasses import dataclass, field

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from kiosk.domain.errors import FieldError, ValidationError
from kiosk.domain.text import capitalise_name, fold

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
NAME_MAX = 60
LANGUAGES = ("fr", "en", "ar")
# Digits, markup and symbols are typing mistakes in a person's name ("Louis XIV" is letters).
_NAME_BAD = re.compile(r"[0-9@<>{}\[\]\\/|#$%^*=+~_]")


class MemberStatus(str, enum.Enum):
    PENDING = "pending"    # self-enrolled, residence not yet confirmed by a caretaker
    ACTIVE = "active"
    LEFT = "left"          # left the club; personal data already erased


class EnrolledBy(str, enum.Enum):
    SELF = "self"
    STAFF = "staff"
    IMPORT = "import"
    OFFICE = "office"


def member_number(member_id: str | uuid.UUID) -> str:
    n = int.from_bytes(uuid.UUID(str(member_id)).bytes[:5], "big")
    chars = "".join(_CROCKFORD[(n >> shift) & 31] for shift in range(35, -1, -5))
    return f"{chars[:4]}-{chars[4:]}"


def normalize_phone(text: str) -> str:
    """A French phone number in E.164 (``+33612345678``), or ValueError."""
    try:
        number = phonenumbers.parse(text, "FR")
    except phonenumbers.NumberParseException:
        raise ValueError("phone.invalid") from None
    if not phonenumbers.is_valid_number(number) or phonenumbers.region_code_for_number(number) not in (
            "FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF"):
        raise ValueError("phone.invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    """``+33612345678`` → ``06 •• •• •• 78``: enough for its owner to recognise it."""
    if not e164:
        return ""
    try:
        national = phonenumbers.format_number(phonenumbers.parse(e164, "FR"),
                                              phonenumbers.PhoneNumberFormat.NATIONAL)
    except phonenumbers.NumberParseException:
        return "•• •• •• •• ••"
    groups = national.split()
    if len(groups) < 3:
        return "•" * max(0, len(national) - 2) + national[-2:]
    return " ".join([groups[0]] + ["••"] * (len(groups) - 2) + [groups[-1]])


def normalize_email(text: str) -> str:
    try:
        return validate_email(text.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValueError("email.invalid") from None


def name_problem(value: str) -> str | None:
    """Why a first or last name is refused (kiosk form, server, office), or None.

    One rule for every side: required once stripped, at most :data:`NAME_MAX`
    characters, no digits, symbols or control characters."""
    v = value.strip()
    if not v:
        return "required"
    if len(v) > NAME_MAX:
        return "too_long"
    if _NAME_BAD.search(v) or any(unicodedata.category(c) == "Cc" for c in v):
        return "name.invalid_characters"
    return None


def name_error(field_name: str, value: str) -> FieldError | None:
    """:func:`name_problem` as the error of a form field (the kiosk's forms, the office's admin)."""
    problem = name_problem(value)
    if problem is None:
        return None
    return FieldError(field_name, problem, {"max": NAME_MAX} if problem == "too_long" else {})


def folded_name(first_name: str, last_name: str) -> str:
    """The name as duplicate checks and the office's search compare it (case, accents folded)."""
    return fold(f"{first_name} {last_name}")


class DuplicateReason(str, enum.Enum):
    SAME_FLAT_AND_NAME = "same_flat_and_name"
    SAME_FLAT_SIMILAR_NAME = "same_flat_similar_name"   # same last name, first names alike
    SAME_PHONE = "same_phone"


def duplicate_reason(first_name: str, last_name: str, flat_id: str, phone: str,
                     other: "Member") -> DuplicateReason | None:
    """Why ``other`` may be the same person as the one being enrolled, or None.

    The kiosk (before creating, to ask the caretaker) and the server (to fill the
    office's merge queue) both call this. Members who left are never duplicates."""
    if other.status is MemberStatus.LEFT:
        return None
    if other.flat_id == flat_id:
        if other.folded_name == folded_name(first_name, last_name):
            return DuplicateReason.SAME_FLAT_AND_NAME
        if fold(other.last_name) == fold(last_name) and fold(other.first_name)[:3] == fold(first_name)[:3]:
            return DuplicateReason.SAME_FLAT_SIMILAR_NAME
    if phone and other.phone == phone:
        return DuplicateReason.SAME_PHONE
    return None


@dataclass(frozen=True)
class HouseholdMember:
    first_name: str
    relation: str = ""   # "conjoint", "enfant"... free choice from a list in the UI


@dataclass(frozen=True)
class Member:
    id: str
    first_name: str
    last_name: str
    building_id: str
    flat_id: str
    phone: str                       # E.164
    email: str = ""
    language: str = "fr"
    status: MemberStatus = MemberStatus.ACTIVE
    enrolled_by: EnrolledBy = EnrolledBy.STAFF
    created_at: str = ""             # ISO 8601 UTC
    origin_kiosk: str = ""
    household: tuple[HouseholdMember, ...] = ()
    sms_opt_in: bool = False
    newsletter_opt_in: bool = False

    @property
    def number(self) -> str:
        return member_number(self.id)

    @property
    def folded_name(self) -> str:
        return folded_name(self.first_name, self.last_name)


@dataclass
class EnrollmentForm:
    """What a tenant or a caretaker fills in; ``validate()`` returns clean values."""

    first_name: str = ""
    last_name: str = ""
    building_id: str = ""
    flat_id: str = ""
    phone: str = ""
    email: str = ""
    language: str = "fr"
    household: list[HouseholdMember] = field(default_factory=list)
    sms_opt_in: bool = False
    newsletter_opt_in: bool = False
    notice_accepted: bool = False

    def validate(self, *, flats_of_building: dict[str, set[str]]) -> "EnrollmentForm":
        errors: list[FieldError] = []
        for name in ("first_name", "last_name"):
            err = name_error(name, getattr(self, name))
            if err:
                errors.append(err)
        if self.building_id not in flats_of_building:
            errors.append(FieldError("building_id", "required"))
        elif self.flat_id not in flats_of_building[self.building_id]:
            errors.append(FieldError("flat_id", "required"))
        phone = email = ""
        try:
            phone = normalize_phone(self.phone)
        except ValueError:
            errors.append(FieldError("phone", "phone.invalid" if self.phone.strip() else "required"))
        if self.email.strip():
            try:
                email = normalize_email(self.email)
            except ValueError:
                errors.append(FieldError("email", "email.invalid"))
        if self.language not in LANGUAGES:
            errors.append(FieldError("language", "language.invalid"))
        for i, person in enumerate(self.household):
            err = name_error(f"household.{i}", person.first_name)
            if err:
                errors.append(err)
        if not self.notice_accepted:
            errors.append(FieldError("notice_accepted", "notice.required"))
        if errors:
            raise ValidationError(errors)
        return EnrollmentForm(capitalise_name(self.first_name), capitalise_name(self.last_name), self.building_id,
                              self.flat_id, phone, email, self.language,
                              [HouseholdMember(capitalise_name(h.first_name), h.relation) for h in self.household],
                              self.sms_opt_in, self.newsletter_opt_in, True)
