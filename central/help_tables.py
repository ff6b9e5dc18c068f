"""Server tables of the help screen, on the same MetaData as ``central.db``.

- ``help_contacts``: who helps the tenants of a building (the caretaker, the agency),
  edited by the office and carried to the building's kiosks (``bldg:<id>`` scope).
- ``callback_requests``: "Je voudrais qu'on me rappelle" from a kiosk, the office's
  "Rappels à faire". ``member_id`` names an identified member (their number is on
  their record; ``phone`` may hold another), else ``phone`` is the only contact.
  A member's requests go with their erasure (``central/erasure.py``).

Importing this module registers the tables, so ``create_schema`` and Alembic see them.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table

from central.db import metadata

help_contacts = Table(
    "help_contacts", metadata,
    Column("id", String(64), primary_key=True),
    Column("building_id", String(64), ForeignKey("buildings.id"), nullable=False, index=True),
    Column("name", String(120), nullable=False),
    Column("role", String(12), nullable=False, server_default="caretaker"),
    Column("hours", String(200), nullable=False, server_default=""),
    Column("phone", String(20), nullable=False),                 # E.164, a work number
    Column("position", Integer, nullable=False, server_default="0"))

callback_requests = Table(
    "callback_requests", metadata,
    Column("id", String(64), primary_key=True),
    Column("building_id", String(64), nullable=False),
    Column("member_id", String(64)),                             # NULL: not identified
    Column("phone", String(20), nullable=False, server_default=""),
    Column("reason", String(20), nullable=False),
    Column("language", String(8), nullable=False, server_default="fr"),
    Column("status", String(12), nullable=False, server_default="to_call"),
    Column("created_at", String(40), nullable=False),            # server time of arrival
    Column("updated_at", String(40), nullable=False, server_default=""),
    Column("updated_by", String(80), nullable=False, server_default=""),
    Column("device_id", String(64), nullable=False, server_default=""))
Index("callback_requests_status", callback_requests.c.status, callback_requests.c.created_at)
Index("callback_requests_member", callback_requests.c.member_id)
