"""The ledger's rules and the exchanges' moderation, without a store."""

from __future__ import annotations

import pytest

from kiosk.domain.exchanges import ExchangeStatus, exchange_text_problems, transition_problem
from kiosk.domain.timebank import (LimitFlag, TimeTransfer, Confirmation, balances, hours, limit_flag,
                                   reversal_entries, reversal_problem, transfer_entries, transfer_problem)


def test_a_workshop_credits_the_host_and_debits_each_attendee_summing_to_zero() -> None:
    entries = transfer_entries("t1", "host", [("a", 60), ("b", 60), ("c", 90)])
    assert sum(e.minutes for e in entries) == 0
    assert balances(entries) == {"host": 210, "a": -60, "b": -60, "c": -90}
    back = reversal_entries("t2", entries)
    assert balances(entries + back) == {"host": 0, "a": 0, "b": 0, "c": 0}


@pytest.mark.parametrize("provider, shares, code", [
    ("p", [], "timebank.no_receiver"), ("p", [("p", 30)], "timebank.self_transfer"),
    ("p", [("a", 30), ("a", 10)], "timebank.receiver_twice"), ("p", [("a", 0)], "timebank.minutes_invalid"),
    ("p", [("a", 601)], "timebank.minutes_invalid")])
def test_bad_transfers_are_refused_with_their_code(provider: str, shares: list, code: str) -> None:
    assert transfer_problem(provider, shares) == code
    with pytest.raises(ValueError, match=code):
        transfer_entries("t", provider, shares)


def test_a_transfer_is_reversed_once_and_a_reversal_never() -> None:
    t = TimeTransfer("t1", "B1", "p", Confirmation.CARDS)
    assert reversal_problem(t, already_reversed=False) is None
    assert reversal_problem(t, already_reversed=True) == "timebank.already_reversed"
    assert reversal_problem(TimeTransfer("t2", "B1", "p", Confirmation.OFFICE, reverses="t1"), False) == \
        "timebank.reversal_of_reversal"
    assert reversal_problem(None, False) == "timebank.transfer_unknown"


def test_limits_are_flagged_not_refused() -> None:
    assert limit_flag(-601) is LimitFlag.LOW and limit_flag(-600) is None
    assert limit_flag(1201) is LimitFlag.HIGH and limit_flag(1200) is None
    assert hours(90) == "1\u00a0h\u00a030" and hours(-45) == "-45\u00a0min" and hours(120) == "2\u00a0h"


def test_moderation_moves_and_the_public_text_rules() -> None:
    assert transition_problem(ExchangeStatus.PENDING, ExchangeStatus.PUBLISHED) is None
    assert transition_problem(ExchangeStatus.PENDING, ExchangeStatus.REFUSED) == "exchange.reason_needed"
    assert transition_problem(ExchangeStatus.PENDING, ExchangeStatus.REFUSED, "Annonce commerciale") is None
    assert transition_problem(ExchangeStatus.CLOSED, ExchangeStatus.PUBLISHED) == "exchange.transition_invalid"
    assert [p.code for p in exchange_text_problems("Appelez-moi au 06 12 34 56 78 pour le ménage")] == \
        ["community.personal_details"]
    assert exchange_text_problems("Je peux monter vos meubles le samedi") == []
