"""Every mutation a kiosk can make, one definition per module (see ``definition.py``).

To add one: write its module here and list it below (a test fails for a module in this
folder that is not listed).
"""

from __future__ import annotations

from typing import Any

from kiosk.protocol.definition import Definition
from kiosk.protocol.mutations import (cancel_registration, check_in, confirm_residence, enroll_member, erase_member,
                                      issue_card, issue_voucher, register_for_event, revoke_card, submit_idea,
                                      submit_request, update_member_contact, vote_idea)
from kiosk.protocol.mutations import cancel_reservation, lend_item, reserve_item, return_item, sign_waiver
from kiosk.protocol.mutations import (close_exchange, post_exchange, record_time_transfer, request_contact,
                                      reverse_time_transfer)
from kiosk.protocol.mutations import record_fee_payment, request_callback

DEFINITIONS: tuple[Definition[Any], ...] = (
    enroll_member.DEFINITION, update_member_contact.DEFINITION, erase_member.DEFINITION, issue_card.DEFINITION,
    revoke_card.DEFINITION, confirm_residence.DEFINITION, register_for_event.DEFINITION,
    cancel_registration.DEFINITION, check_in.DEFINITION, submit_idea.DEFINITION, vote_idea.DEFINITION,
    submit_request.DEFINITION, issue_voucher.DEFINITION,
    lend_item.DEFINITION, return_item.DEFINITION, reserve_item.DEFINITION, cancel_reservation.DEFINITION,
    sign_waiver.DEFINITION,
    post_exchange.DEFINITION, close_exchange.DEFINITION, request_contact.DEFINITION,
    record_time_transfer.DEFINITION, reverse_time_transfer.DEFINITION,
    request_callback.DEFINITION, record_fee_payment.DEFINITION,
)
