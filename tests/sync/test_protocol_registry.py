"""The registry of mutations, without a server: every module of kiosk/protocol/mutations
is registered, names come from the payload models, each definition is complete and its
examples are valid payloads, and the erasure redaction keeps ids and drops the rest."""

from __future__ import annotations

import pkgutil

import kiosk.protocol.mutations as package
from kiosk.protocol.definition import Definition, World
from kiosk.protocol.registry import REGISTRY, redact_for_erasure

WORLD = World(building_id="B1", flat_id="B1-F1", member_id="m-1", event_id="ev-1", registration_id="r-1",
              idea_id="i-1", card=("0a0b0c0d", 7), staff_id="gardien-1", open_event_id="ev-all",
              own_key_id="0a0b0c0d", offer=("offer-1", "partner-1"), item_id="item-1", loan_id="loan-1",
              reservation_id="loan-2", neighbour_id="m-2", exchange_id="x-1", transfer_id="t-1")


def test_every_module_of_the_mutations_folder_is_registered_under_its_models_name() -> None:
    modules = {m.name for m in pkgutil.iter_modules(package.__path__)}
    assert modules == set(REGISTRY), "a definition module is not listed in kiosk/protocol/mutations/__init__.py"
    for name, definition in REGISTRY.items():
        assert definition.name == name and definition.model.__module__.endswith(f".{name}")


def test_a_definition_without_a_part_cannot_be_made() -> None:
    class Incomplete(Definition):  # type: ignore[type-arg]
        model = REGISTRY["vote_idea"].model

        def scope(self, p):  # noqa: ANN001, ANN201
            return []
    try:
        Incomplete()  # type: ignore[abstract]
    except TypeError as exc:
        assert "kiosk_effect" in str(exc) and "server_effect" in str(exc) and "examples" in str(exc)
    else:
        raise AssertionError("a definition without its effects was accepted")


def test_every_example_is_a_valid_payload_that_names_what_it_touches() -> None:
    for name, definition in REGISTRY.items():
        for example in definition.examples(WORLD):
            again = definition.parse(example.model_dump(mode="json"))   # what the server parses
            assert again == example, name
            assert list(definition.touches(example)), f"{name} touches no row: a pull never re-applies it"
            assert list(definition.scope(example)), f"{name}: its scope rule names nothing"


def test_erasure_redaction_drops_personal_fields_of_that_member_only() -> None:
    enroll = {"id": "m-1", "first_name": "Awa", "last_name": "Diallo", "building_id": "B1", "flat_id": "F1",
              "phone": "+33612345678", "email": "a@example.org", "household": [{"first_name": "Ali"}],
              "consents": [{"id": "c"}], "status": "active"}
    redacted = redact_for_erasure("enroll_member", enroll, {"m-1"})
    assert redacted == {"id": "m-1", "building_id": "B1", "flat_id": "F1", "status": "active"}
    assert redact_for_erasure("enroll_member", enroll, {"m-2"}) is None          # another member's entry
    assert redact_for_erasure("update_member_contact", {"member_id": "m-1", "email": "x@example.org"},
                              {"m-1"}) == {"member_id": "m-1"}
    assert redact_for_erasure("vote_idea", {"idea_id": "i", "member_id": "m-1"}, {"m-1"}) is None  # ids only
    assert redact_for_erasure("launch_rockets", {"member_id": "m-1", "phone": "x"}, {"m-1"}) is None
