"""A member's erasure on the server, whoever asks (a kiosk's ``erase_member``, the office).

The community side first (places freed and the waitlist moved up, sign-ups and requests
deleted, ideas made anonymous: ``central.community.forget_member``; call-back requests
deleted: ``central.help_office.forget_member_callbacks``; loans, waivers:
``central.lending.forget_member``), then the member's
own rows (consents, merge-queue entries, cards revoked, the row itself:
``central.records.delete_member``); every kiosk in scope is told through the feed. A
merge (``merged_into``) keeps the community rows and moves the consents and the
call-back requests to the kept record, and the conciergerie's rows (time entries, loans,
waivers, fee payments, exchanges: ``central.merge_moves``). Kept apart so that ``records`` and
``community`` do not import each other.
"""

from __future__ import annotations

from sqlalchemy import Connection

from central import db
from central.community import forget_member
from central.feed import FeedWriter
from central.help_office import forget_member_callbacks
from central.lending import forget_member as forget_member_loans
from central.merge_moves import move_member_rows
from central.partners import ledger
from central.records import delete_member, get_row


def remove_member(conn: Connection, fw: FeedWriter, member_id: str, *, merged_into: str | None = None) -> bool:
    """Erase (or merge away) a member; False if there is no such member."""
    if get_row(conn, db.members, id=member_id) is None:
        return False
    if merged_into is None:
        forget_member(conn, fw, member_id)
        forget_member_loans(conn, fw, member_id)
        ledger.forget_member(conn, fw, member_id)   # savings folded into the anonymous statistics
        from central.conciergerie import forget_member_exchanges
        forget_member_exchanges(conn, fw, member_id)
    else:
        ledger.merge_member(conn, fw, member_id, merged_into)
        move_member_rows(conn, fw, member_id, merged_into)
    forget_member_callbacks(conn, fw, member_id, merged_into=merged_into)
    return delete_member(conn, fw, member_id, merged_into=merged_into)
