"""``enroll_member``: a household enrolled at a kiosk (by a caretaker, self-service or an import).

Scope: the building and the flat must be the device's. The member id is new (made by
the kiosk): one already taken anywhere is ``member_exists``. The server files possible
duplicates (the shared rule :func:`kiosk.domain.members.duplicate_reason`) in the
office's merge queue and answers ``conflict``: the member is created all the same.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kiosk.domain.members import EnrolledBy, Member, MemberStatus, duplicate_reason
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.entities import MEMBER
from kiosk.protocol.outcome import Outcome, Rejected
from kiosk.protocol.parts import ConsentIn, Email, HouseholdPerson, Id, Language, Name, Payload, Phone, Stamp
from kiosk.protocol.ports import KioskRepos, Sender, Server
from kiosk.protocol.scope import Ref
from kiosk.protocol.wire import ResultStatus


_BY: dict[EnrolledBy, Literal["self", "staff", "import", "office"]] = {
    EnrolledBy.SELF: "self", EnrolledBy.STAFF: "staff", EnrolledBy.IMPORT: "import", EnrolledBy.OFFICE: "office"}


class EnrollMember(Payload):
    """The :class:`~kiosk.domain.members.Member` fields plus the consents given on the form."""

    id: Id
    first_name: Name
    last_name: Name
    building_id: Id
    flat_id: Id
    phone: Phone = ""
    email: Email = ""
    language: Language = "fr"
    status: Literal["pending", "active"] = "active"
    enrolled_by: Literal["self", "staff", "import", "office"] = "staff"
    created_at: Stamp = ""
    origin_kiosk: str = Field(default="", max_length=64)   # the server records the sending device instead
    household: list[HouseholdPerson] = Field(default_factory=list, max_length=20)
    sms_opt_in: bool = False
    newsletter_opt_in: bool = False
    consents: list[ConsentIn] = Field(default_factory=list, max_length=10)

    @classmethod
    def of(cls, m: Member, consents: list[ConsentIn]) -> "EnrollMember":
        return cls(id=m.id, first_name=m.first_name, last_name=m.last_name, building_id=m.building_id,
                   flat_id=m.flat_id, phone=m.phone, email=m.email, language=m.language,
                   status="pending" if m.status is MemberStatus.PENDING else "active",
                   enrolled_by=_BY[m.enrolled_by], created_at=m.created_at, origin_kiosk=m.origin_kiosk,
                   household=[HouseholdPerson(first_name=h.first_name, relation=h.relation) for h in m.household],
                   sms_opt_in=m.sms_opt_in, newsletter_opt_in=m.newsletter_opt_in, consents=consents)

    def member(self, *, origin_kiosk: str | None = None, created_at: str | None = None) -> Member:
        return Member(self.id, self.first_name, self.last_name, self.building_id, self.flat_id, self.phone,
                      self.email, self.language, MemberStatus(self.status), EnrolledBy(self.enrolled_by),
                      self.created_at if created_at is None else created_at,
                      self.origin_kiosk if origin_kiosk is None else origin_kiosk,
                      tuple(h.domain() for h in self.household), self.sms_opt_in, self.newsletter_opt_in)


class EnrollMemberDefinition(Definition[EnrollMember]):
    model = EnrollMember
    personal = frozenset({"first_name", "last_name", "phone", "email", "household", "consents"})

    def scope(self, p: EnrollMember) -> list[Ref]:
        return [Ref.building(p.building_id), Ref.flat(p.flat_id)]

    def touches(self, p: EnrollMember) -> list[str]:
        return [MEMBER.touch(p.id)]

    def about_members(self, p: EnrollMember) -> set[str]:
        return {p.id}

    def kiosk_effect(self, kiosk: KioskRepos, p: EnrollMember) -> None:
        kiosk.members.add_if_absent(p.member())
        for c in p.consents:
            kiosk.consents.add_if_absent(c.consent(p.id))

    def on_rejected(self, kiosk: KioskRepos, p: EnrollMember, code: str) -> None:
        if code != "member_exists":   # refused for good: the member will never come from the server
            kiosk.erasure.erase_members([p.id])

    def server_effect(self, server: Server, sender: Sender, p: EnrollMember) -> Outcome:
        flat = server.flats.get(p.flat_id)
        if flat is None or flat.building_id != p.building_id:
            raise Rejected("unknown_flat")
        if server.members.exists(p.id):
            raise Rejected("member_exists")
        similar = [(m, reason) for m in server.members.similar(p.flat_id, p.phone)
                   if (reason := duplicate_reason(p.first_name, p.last_name, p.flat_id, p.phone, m)) is not None]
        member = p.member(origin_kiosk=sender.id, created_at=p.created_at or server.now())
        server.members.put(member)
        server.members.add_consents(p.id, [c.consent(p.id, kiosk_id=sender.id) for c in p.consents])
        if not similar:
            return Outcome.applied()
        for other, reason in similar:
            server.members.flag_duplicate(p.id, other.id, reason.value)
        return Outcome(ResultStatus.CONFLICT, "possible_duplicate", {"duplicate_of": [m.id for m, _ in similar]})

    def examples(self, world: World) -> list[EnrollMember]:
        return [EnrollMember(id=world.new_id(), first_name="Awa", last_name="Diallo", building_id=world.building_id,
                             flat_id=world.flat_id, phone="", enrolled_by="staff")]


DEFINITION = EnrollMemberDefinition()
