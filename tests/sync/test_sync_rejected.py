"""Hole 6 (part of hole 5): an outbox entry the server can never accept ends ``rejected``
with its code, the entries after it go on, and staff see it. Before, one such entry made
the whole push fail (a 422 from the server, or the kiosk's own validation, or a 500 on
PostgreSQL for a NUL character) and the kiosk retried the same push forever.

The bad entries are what an older kiosk version could have queued: a mutation this
protocol does not know under a name longer than any it has, and an idea whose text holds
a NUL character. Real server on 127.0.0.1 (SQLite and PostgreSQL), real services.
"""

from __future__ import annotations

import uuid


from central.demo import building_id, flat_id
from sync_helpers import members

B1 = building_id(1)



def test_an_entry_the_server_can_never_accept_does_not_block_the_ones_after_it(kiosk, office):  # noqa: ANN001
    k1 = kiosk("k1", B1)
    outbox = k1.store.repos.outbox
    first = k1.enroll(B1, flat_id(1, 1), first="Amina", last="Benali")        # seqs 1-2
    outbox.append("share_the_tool_with_the_neighbour_of_the_third_floor_left_side_please", {"tool": "drill"})
    outbox.append("submit_idea", {"id": str(uuid.uuid4()), "category": "living",
                                  "text": "Des bancs\x00 dans la cour", "member_id": first})
    later = k1.enroll(B1, flat_id(1, 2), first="Jean", last="Dupont")        # seqs 5-6
    report = k1.sync()
    assert report.results == {"applied": 4, "rejected": 2}, report
    assert {first, later} <= {m["id"] for m in office.members()} and later in members(k1.store)
    assert outbox.pending_count() == 0
    count, refused = k1.membership.members.refused_changes(k1.session)
    assert count == 2
    assert [(r.seq, r.code) for r in refused] == [(4, "invalid_payload"), (3, "invalid_mutation")]
    # the next cycles are clean: nothing is sent again, nothing waits
    assert k1.sync().pushed == 0


def test_a_value_the_database_refuses_is_a_final_refusal_not_a_retry(kiosk, office, backend):  # noqa: ANN001
    """A consent's form version with a NUL character: PostgreSQL refuses the value itself
    (SQLite stores it). Either way the push goes on with the next entry. (Once the wire
    models refuse NUL in every string, the server refuses it earlier, as invalid_payload.)"""
    k1 = kiosk("k1", B1)
    mid = str(uuid.uuid4())
    k1.store.repos.outbox.append("enroll_member", {
        "id": mid, "first_name": "Awa", "last_name": "Diallo", "building_id": B1, "flat_id": flat_id(1, 3),
        "consents": [{"id": str(uuid.uuid4()), "purpose": "membership", "granted": True, "at": "2026-01-05T10:00",
                      "form_version": "2026\x00-01", "notice_hash": "ab12"}]})
    later = k1.enroll(B1, flat_id(1, 2), first="Jean", last="Dupont")
    report = k1.sync()
    assert later in {m["id"] for m in office.members()} and k1.store.repos.outbox.pending_count() == 0
    first = k1.store.repos.outbox.get(1)
    if backend == "postgres":
        assert first.state.value == "rejected" and first.result["code"] in ("invalid_data", "invalid_payload")
        assert mid not in {m["id"] for m in office.members()}   # the savepoint took the member back out
    else:
        assert first.state.value in ("applied", "rejected"), first
    assert report.results.get("applied", 0) >= 2
