"""Server tables of tool lending, on the same MetaData as ``central.db``.

Loans keep the server's arrival order in ``arrival`` (an autoincrement key given under
the item's row lock): the waiting list of an item is its reservations in that order.
``loan_reminders`` has one row per (loan, kind): a reminder is sent once. Importing this
module registers the tables, so ``create_schema`` and Alembic see them.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, Integer, LargeBinary, String, Table, Text

from central.db import metadata

lending_points = Table(
    "lending_points", metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("place", String(300), nullable=False, server_default=""),
    Column("building_ids", Text, nullable=False, server_default="[]"))     # JSON list

lending_items = Table(
    "lending_items", metadata,
    Column("id", String(64), primary_key=True),
    Column("point_id", String(64), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("category", String(20), nullable=False),
    Column("deposit_cents", Integer, nullable=False, server_default="0"),
    Column("loan_days", Integer, nullable=False, server_default="7"),
    Column("needs_waiver", Boolean, nullable=False, server_default="0"),
    Column("hold_days", Integer, nullable=False, server_default="0"),
    Column("condition", String(12), nullable=False, server_default="ok"),
    Column("condition_note", Text, nullable=False, server_default=""),
    Column("safety_notes", Text, nullable=False, server_default=""),
    Column("manual_url", String(500), nullable=False, server_default=""),
    Column("photo", String(64), nullable=False, server_default=""),
    Column("on_hold_until", String(10), nullable=False, server_default=""),
    Column("active", Boolean, nullable=False, server_default="1"))

item_photos = Table(
    "item_photos", metadata,
    Column("item_id", String(64), primary_key=True),
    Column("mime", String(20), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("digest", String(16), nullable=False))

loans = Table(
    "loans", metadata,
    Column("arrival", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("item_id", String(64), nullable=False),
    Column("member_id", String(64), nullable=False),
    Column("status", String(12), nullable=False),          # reserved, out, returned, cancelled
    Column("created_at", String(40), nullable=False, server_default=""),
    Column("lent_at", String(40), nullable=False, server_default=""),
    Column("due_on", String(10), nullable=False, server_default=""),
    Column("returned_at", String(40), nullable=False, server_default=""),
    Column("return_condition", String(12), nullable=False, server_default=""),
    Column("return_note", Text, nullable=False, server_default=""),
    Column("staff_id", String(64), nullable=False, server_default=""),
    Column("device_id", String(64), nullable=False, server_default=""))
Index("loans_item", loans.c.item_id, loans.c.status)
Index("loans_member", loans.c.member_id)

waivers = Table(
    "waivers", metadata,
    Column("id", String(64), primary_key=True),
    Column("member_id", String(64), nullable=False, index=True),
    Column("at", String(40), nullable=False),
    Column("text_version", String(40), nullable=False),
    Column("text_sha256", String(64), nullable=False),
    Column("signature", Text, nullable=False, server_default=""),
    Column("kiosk_id", String(64), nullable=False, server_default=""),
    Column("device_id", String(64), nullable=False, server_default=""))

lending_suspensions = Table(
    "lending_suspensions", metadata,
    Column("member_id", String(64), primary_key=True),
    Column("until", String(10), nullable=False, server_default=""),
    Column("reason", String(300), nullable=False, server_default=""))

loan_reminders = Table(
    "loan_reminders", metadata,
    Column("loan_id", String(64), primary_key=True),
    Column("kind", String(12), primary_key=True),           # day_before, overdue
    Column("sent_at", String(40), nullable=False),
    Column("channel", String(10), nullable=False, server_default=""))
