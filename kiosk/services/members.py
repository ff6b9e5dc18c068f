"""Membership use cases: enroll (self-service, caretaker, import), duplicates, residence
confirmation, the member space (opened by card or by a safe lookup), contact changes.

Rules:
- The form is validated by :meth:`EnrollmentForm.validate`; flats come from the lists
  of the buildings this kiosk serves.
- Before creating, :meth:`MembersRepository.possible_duplicates` is asked (the rule the
  server also applies: :func:`kiosk.domain.members.duplicate_reason`). A caretaker gets
  the matches (masked) and decides; the public gets :class:`DuplicateFound` with no
  details ("please see your caretaker").
- Self-enrolled members are ``pending`` until a caretaker confirms residence, unless
  ``self_enrolled_active``; caretaker and import enrollments are ``active``.
- Each consent (the notice, SMS, newsletter) is an append-only row with time, form
  version and the notice hash; the member row, consents, card and the outbox entries
  (``enroll_member``, ``issue_card``) are one transaction. Every change is a recorded
  mutation (:class:`kiosk.services.recording.Recorder`): its definition's local effect
  and its outbox entry together.
- The public never sees another member, and contact details are masked.
No Qt here.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable

from kiosk.config import Config
from kiosk.domain.cards import Verdict
from kiosk.domain.errors import DomainError, FieldError, NotFound, ValidationError
from kiosk.domain.members import (EnrolledBy, EnrollmentForm, Member, MemberStatus, mask_phone,
                                  normalize_email, normalize_phone)
from kiosk.domain.places import Building, Entrance, Flat
from kiosk.domain.records import Consent, ConsentPurpose, OutboxEntry
from kiosk.domain.text import fold
from kiosk.protocol.mutations.confirm_residence import ConfirmResidence
from kiosk.protocol.mutations.enroll_member import EnrollMember
from kiosk.protocol.mutations.update_member_contact import UpdateMemberContact
from kiosk.protocol.parts import ConsentIn
from kiosk.services.cards import CardFace, CardService, IssuedCard
from kiosk.services.notice import Notice
from kiosk.services.recording import Recorder
from kiosk.services.staff import StaffService, StaffSession
from kiosk.store.database import Database
from kiosk.store.repositories import Repositories

if TYPE_CHECKING:
    from kiosk.services.privacy import PrivacyService

log = logging.getLogger(__name__)


class DuplicateFound(DomainError):
    """Someone like this is already a member. ``matches`` is empty for the public."""

    code = "member.duplicate"

    def __init__(self, matches: list["MemberSummary"]) -> None:
        self.matches = matches
        super().__init__(f"{self.code} ({len(matches)} shown)")


class CardRefused(DomainError):
    code = "member.card_refused"

    def __init__(self, verdict: Verdict) -> None:
        self.verdict = verdict
        super().__init__(f"{self.code}: {verdict.value}")


@dataclass(frozen=True)
class MemberSummary:
    """What a caretaker sees of a member in lists: contact details masked."""

    id: str
    number: str
    first_name: str
    last_name: str
    flat_label: str
    masked_phone: str
    status: MemberStatus


@dataclass(frozen=True)
class Enrolled:
    member: Member
    card: IssuedCard


@dataclass(frozen=True)
class MemberSpace:
    """The member's own space: first name and status, their lists, masked contact."""

    member_id: str
    number: str
    first_name: str
    status: MemberStatus
    masked_phone: str
    has_email: bool
    sms_opt_in: bool
    newsletter_opt_in: bool
    language: str
    events: list[tuple[str, str, str]] = field(default_factory=list)    # (title, starts_at, status)
    ideas: list[tuple[str, str]] = field(default_factory=list)          # (text, status)
    requests: list[tuple[str, str]] = field(default_factory=list)       # (category, status)
    card_text: str | None = None


@dataclass(frozen=True)
class RefusedChange:
    """An outbox entry the server refused for good (staff mode lists them; no personal data)."""

    seq: int
    mutation: str          # "enroll_member", "register_for_event"...
    code: str              # the server's reason, e.g. "member_unknown"
    created_at: str


@dataclass(frozen=True)
class PlaceChoices:
    """What the form offers: buildings, their entrances and flats (never typed)."""

    buildings: list[Building]
    entrances: dict[str, list[Entrance]]
    flats: dict[str, list[Flat]]          # by entrance id


def _now_iso(now: datetime) -> str:
    return (now if now.tzinfo else now.replace(tzinfo=timezone.utc)).astimezone(timezone.utc).isoformat(
        timespec="seconds")


class MembershipService:
    def __init__(self, db: Database, repos: Repositories, cards: CardService, staff: StaffService,
                 config: Config, *, now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.db = db
        self.repos = repos
        self.recorder = Recorder(db, repos)
        self.cards = cards
        self.staff = staff
        self.config = config
        self._now = now

    @property
    def kiosk_id(self) -> str:
        return self.config.kiosk_id or "local"

    # -- lists --------------------------------------------------------------------------------
    def place_choices(self) -> PlaceChoices:
        buildings = self.repos.places.buildings(list(self.config.buildings) or None)
        entrances = {b.id: self.repos.places.entrances(b.id) for b in buildings}
        flats = {e.id: self.repos.places.flats(e.id) for ents in entrances.values() for e in ents}
        return PlaceChoices(buildings, entrances, flats)

    def _flats_of_building(self) -> dict[str, set[str]]:
        return self.repos.places.flats_by_building(list(self.config.buildings) or None)

    def summary(self, m: Member) -> MemberSummary:
        flat = self.repos.places.flat(m.flat_id)
        return MemberSummary(m.id, m.number, m.first_name, m.last_name, flat.label if flat else m.flat_id,
                             mask_phone(m.phone), m.status)

    # -- enrollment ---------------------------------------------------------------------------
    def check_duplicates(self, form: EnrollmentForm, session: StaffSession | None = None) -> list[MemberSummary]:
        """Possible duplicates of a form; raises DuplicateFound without details for the public."""
        phone = ""
        try:
            phone = normalize_phone(form.phone)
        except ValueError:
            pass
        found = self.repos.members.possible_duplicates(form.flat_id, form.first_name, form.last_name, phone)
        if found and session is None:
            raise DuplicateFound([])
        return [self.summary(m) for m in found]

    def enroll(self, form: EnrollmentForm, notice: Notice, *, session: StaffSession | None = None,
               enrolled_by: EnrolledBy | None = None, confirmed_distinct: bool = False) -> Enrolled:
        """Create a member with consents and a card. Raises ValidationError or DuplicateFound."""
        if session is not None:
            self.staff.require(session)
        by = enrolled_by or (EnrolledBy.STAFF if session is not None else EnrolledBy.SELF)
        clean = form.validate(flats_of_building=self._flats_of_building())
        found = self.repos.members.possible_duplicates(clean.flat_id, clean.first_name, clean.last_name, clean.phone)
        if found and not (confirmed_distinct and (session is not None or by is EnrolledBy.IMPORT)):
            raise DuplicateFound([self.summary(m) for m in found] if session is not None else [])
        if by is EnrolledBy.SELF and not self.config.self_enrolled_active:
            status = MemberStatus.PENDING
        else:
            status = MemberStatus.ACTIVE
        now = _now_iso(self._now())
        member = Member(str(uuid.uuid4()), clean.first_name, clean.last_name, clean.building_id, clean.flat_id,
                        clean.phone, clean.email, clean.language, status, by, now, self.kiosk_id,
                        tuple(clean.household), clean.sms_opt_in, clean.newsletter_opt_in)
        consents = [self._consent(member.id, purpose, granted, now, notice)
                    for purpose, granted in ((ConsentPurpose.MEMBERSHIP, True),
                                             (ConsentPurpose.SMS, clean.sms_opt_in),
                                             (ConsentPurpose.NEWSLETTER, clean.newsletter_opt_in))]

        payload = EnrollMember.of(member, [ConsentIn.of(c) for c in consents])

        def go(_c) -> Enrolled:
            with self.db.atomic():
                self.recorder.record(payload)
                card = self.cards.issue(member.id)
                if by is EnrolledBy.IMPORT:
                    self.repos.audit.append("cli-import", "import", member.id, f"serial {card.serial}")
                elif session is not None:
                    self.staff.audit(session, "enroll", member.id, f"serial {card.serial}")
                return Enrolled(member, card)
        enrolled = self.db.run(go)
        log.info("member %s enrolled (%s, %s)", member.number, by.value, status.value)
        return enrolled

    def _consent(self, member_id: str, purpose: ConsentPurpose, granted: bool, at: str, notice: Notice) -> Consent:
        return Consent(str(uuid.uuid4()), member_id, purpose, granted, at, notice.version, notice.hash,
                       self.kiosk_id)

    # -- caretaker actions ----------------------------------------------------------------------
    def confirm_residence(self, member_id: str, session: StaffSession) -> Member:
        self.staff.require(session)
        member = self._get(member_id)

        def go(_c) -> None:
            with self.db.atomic():
                self.recorder.record(ConfirmResidence(member_id=member_id))
                self.staff.audit(session, "confirm_residence", member_id)
        self.db.run(go)
        return self._get(member.id)

    def reissue_card(self, member_id: str, session: StaffSession) -> IssuedCard:
        self.staff.require(session)
        self._get(member_id)

        def go(_c) -> IssuedCard:
            with self.db.atomic():
                card = self.cards.reissue(member_id)
                self.staff.audit(session, "reissue_card", member_id, f"serial {card.serial}")
                return card
        return self.db.run(go)

    def card_for_staff(self, member_id: str, session: StaffSession) -> str | None:
        """The current card text of a member (to show or print again)."""
        self.staff.require(session)
        self.staff.audit(session, "show_card", member_id)
        return self.cards.current_card_text(member_id)

    def pending(self, session: StaffSession) -> list[MemberSummary]:
        self.staff.require(session)
        return [self.summary(m) for m in self.repos.members.pending()]

    def refused_changes(self, session: StaffSession, limit: int = 20) -> tuple[int, list[RefusedChange]]:
        """How many changes the server refused for good, and the latest ones (staff mode)."""
        self.staff.require(session)
        return self.repos.outbox.rejected_count(), [_refused(e) for e in self.repos.outbox.rejected(limit)]

    def search(self, text: str, session: StaffSession) -> list[MemberSummary]:
        self.staff.require(session)
        self.staff.audit(session, "search")
        return [self.summary(m) for m in self.repos.members.search(text) if m.status is not MemberStatus.LEFT]

    # -- the member space -------------------------------------------------------------------------
    def open_by_card(self, text: str) -> MemberSpace:
        if not text.strip().upper().startswith("CK1:") and parse_typed_card_number(text) is not None:
            return self.open_by_typed_number(text)
        result = self.cards.verify_card(text)
        if not result.ok:
            raise CardRefused(result.verdict)
        holder = self.cards.holder_of(result)
        member = self.repos.members.get(holder) if holder else None
        if member is None or member.status is MemberStatus.LEFT:
            raise CardRefused(Verdict.REVOKED if member is not None else Verdict.UNKNOWN_ISSUER)
        return self.space(member.id)

    def open_by_typed_number(self, text: str) -> MemberSpace:
        """The number printed on a card ("7M2Q-9XDA-12"): member number and card serial.

        Opens the space only if that member holds an active (not revoked, not expired)
        card with that serial, so a lost card's number stops working once reissued."""
        parsed = parse_typed_card_number(text)
        if parsed is None:
            raise CardRefused(Verdict.NOT_A_CARD)
        number, serial = parsed
        today = self._now().date().isoformat()
        for card in self.repos.cards.with_serial(serial):
            if card.role != "member" or card.status.value != "active" or card.expires < today:
                continue
            member = self.repos.members.get(card.holder_id)
            if member is not None and member.number == number and member.status is not MemberStatus.LEFT:
                return self.space(member.id)
        raise CardRefused(Verdict.NOT_A_CARD)

    def lookup(self, first_name: str, flat_id: str, phone_last4: str) -> MemberSpace:
        """Exactly one member of that flat with that first name and phone ending; else NotFound."""
        errors = []
        if not first_name.strip():
            errors.append(FieldError("first_name", "required"))
        if not flat_id:
            errors.append(FieldError("flat_id", "required"))
        digits = "".join(ch for ch in phone_last4 if ch.isdigit())
        if len(digits) != 4:
            errors.append(FieldError("phone_last4", "lookup.four_digits"))
        if errors:
            raise ValidationError(errors)
        wanted = fold(first_name)
        matches = [m for m in self.repos.members.in_flat(flat_id)
                   if fold(m.first_name) == wanted and m.phone.endswith(digits)]
        if len(matches) != 1:
            raise NotFound("lookup.no_single_match")
        return self.space(matches[0].id)

    def space(self, member_id: str) -> MemberSpace:
        m = self._get(member_id)
        events = []
        for reg in self.repos.events.registrations_of(member_id):
            ev = self.repos.events.get(reg.event_id)
            if ev is not None:
                events.append((ev.title, ev.starts_at, reg.status.value))
        ideas = [(i.text, i.status.value) for i in self.repos.ideas.of_member(member_id)]
        requests = [(r.category.value, r.status.value) for r in self.repos.requests.of_member(member_id)]
        return MemberSpace(m.id, m.number, m.first_name, m.status, mask_phone(m.phone), bool(m.email),
                           m.sms_opt_in, m.newsletter_opt_in, m.language, events, ideas, requests,
                           self.cards.current_card_text(m.id))

    def update_contact(self, member_id: str, notice: Notice, *, phone: str | None = None,
                       email: str | None = None, sms_opt_in: bool | None = None,
                       newsletter_opt_in: bool | None = None, session: StaffSession | None = None) -> MemberSpace:
        """Change the phone, e-mail and/or opt-ins; each opt-in change is a new consent row
        (an empty e-mail removes it)."""
        if session is not None:
            self.staff.require(session)
        member = self._get(member_id)
        clean_phone = clean_email = None
        if phone is not None:
            try:
                clean_phone = normalize_phone(phone)
            except ValueError:
                raise ValidationError([FieldError("phone", "phone.invalid" if phone.strip() else "required")]) from None
        if email is not None:
            try:
                clean_email = normalize_email(email) if email.strip() else ""
            except ValueError:
                raise ValidationError([FieldError("email", "email.invalid")]) from None
        now = _now_iso(self._now())
        consents = []
        if sms_opt_in is not None and sms_opt_in != member.sms_opt_in:
            consents.append(self._consent(member_id, ConsentPurpose.SMS, sms_opt_in, now, notice))
        if newsletter_opt_in is not None and newsletter_opt_in != member.newsletter_opt_in:
            consents.append(self._consent(member_id, ConsentPurpose.NEWSLETTER, newsletter_opt_in, now, notice))
        if clean_phone == member.phone:
            clean_phone = None
        if clean_email == member.email:
            clean_email = None
        if clean_phone is None and clean_email is None and not consents:
            return self.space(member_id)

        changed = {c.purpose for c in consents}
        payload = UpdateMemberContact(
            member_id=member_id, phone=clean_phone, email=clean_email,
            sms_opt_in=sms_opt_in if ConsentPurpose.SMS in changed else None,
            newsletter_opt_in=newsletter_opt_in if ConsentPurpose.NEWSLETTER in changed else None,
            consents=[ConsentIn.of(c) for c in consents])

        def go(_c) -> None:
            with self.db.atomic():
                self.recorder.record(payload)
                self.staff.audit(session, "update_contact", member_id,
                                 ",".join(["phone"] * (clean_phone is not None) + ["email"] * (clean_email is not None)
                                          + [c.purpose.value for c in consents]))
        self.db.run(go)
        return self.space(member_id)

    def card_face(self, member_id: str, card_text: str | None = None) -> CardFace:
        """The printable face of a member's current card (or of ``card_text``)."""
        m = self._get(member_id)
        text = card_text or self.cards.current_card_text(member_id)
        if text is None:
            raise NotFound("card.none")
        claims = self.cards.verify_card(text).claims
        building = self.repos.places.building(m.building_id)
        # The number printed on the card is the member's number and the card's serial: a
        # tenant without a working camera types it, and a reissued card's old number stops.
        number = typed_card_number(m.number, claims.serial) if claims else m.number
        return CardFace(self.config.club_name, m.first_name, number, building.name if building else "",
                        claims.expires.isoformat() if claims else "", text)

    def _get(self, member_id: str) -> Member:
        m = self.repos.members.get(member_id)
        if m is None:
            raise NotFound("member.not_found")
        return m


_CROCKFORD_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def typed_card_number(member_number: str, serial: int) -> str:
    return f"{member_number}-{serial}"


def parse_typed_card_number(text: str) -> tuple[str, int] | None:
    """("7M2Q-9XDA", 12) from "7m2q 9xda-12" (spaces, case and look-alike letters forgiven)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum() or ch == "-").translate(_CROCKFORD_ALIASES)
    head, sep, serial = cleaned.rpartition("-")
    compact = head.replace("-", "")
    if not sep or not serial.isdigit() or len(compact) != 8:
        return None
    return f"{compact[:4]}-{compact[4:]}", int(serial)


def _refused(e: OutboxEntry) -> RefusedChange:
    code = str((e.result or {}).get("code") or "")
    return RefusedChange(e.seq, e.mutation, code, e.created_at)


@dataclass
class Membership:
    """The membership services together (the app puts this on ``Services.membership``)."""

    cards: CardService
    staff: StaffService
    members: MembershipService
    privacy: "PrivacyService"


def build_membership(store, config: Config, *, now: Callable[[], datetime] | None = None) -> Membership:
    """Compose the services on an open :class:`kiosk.store.opening.Store`."""
    from kiosk.services.cards import signer_for
    from kiosk.services.privacy import PrivacyService
    now = now or (lambda: datetime.now(timezone.utc))
    cards = CardService(store.db, store.repos, signer_for(store), validity_days=config.card_validity_days,
                        today=lambda: now().date())
    staff = StaffService(store.db, store.repos, cards, idle_timeout_s=config.staff_idle_timeout_s, now=now)
    members = MembershipService(store.db, store.repos, cards, staff, config, now=now)
    return Membership(cards, staff, members, PrivacyService(store.db, store.repos, cards, staff, config, now=now))
