"""Server tables of the community features, on the same MetaData as ``central.db``.

Registrations keep the server's arrival order in ``arrival`` (an autoincrement key
given under the event's row lock), which is the waitlist order. Attendance and votes
have a composite primary key, so a person is counted once per event and votes once
per idea whatever the number of kiosks that recorded it. Importing this module
registers the tables, so ``create_schema`` and Alembic see them.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Text, Table

from central.db import metadata

event_registrations = Table(
    "event_registrations", metadata,
    Column("arrival", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("event_id", String(64), nullable=False),
    Column("member_id", String(64), nullable=False),
    Column("status", String(12), nullable=False),          # confirmed, waitlisted, cancelled
    Column("created_at", String(40), nullable=False),       # server time of arrival
    Column("origin_building", String(64), nullable=False, server_default=""),
    Column("device_id", String(64), nullable=False, server_default=""),
    Column("checked_in_at", String(40), nullable=False, server_default=""))
Index("event_registrations_event", event_registrations.c.event_id, event_registrations.c.status)
Index("event_registrations_member", event_registrations.c.member_id)

event_attendance = Table(
    "event_attendance", metadata,
    Column("event_id", String(64), primary_key=True),
    Column("member_id", String(64), primary_key=True),
    Column("checked_in_at", String(40), nullable=False),
    Column("device_id", String(64), nullable=False, server_default=""),
    Column("staff_id", String(64), nullable=False, server_default=""))

ideas = Table(
    "ideas", metadata,
    Column("id", String(64), primary_key=True),
    Column("category", String(40), nullable=False),
    Column("text", Text, nullable=False),
    Column("status", String(12), nullable=False),          # submitted, published, rejected
    Column("member_id", String(64)),                        # NULL: anonymous
    Column("answer", Text, nullable=False, server_default=""),
    Column("votes", Integer, nullable=False, server_default="0"),
    Column("created_at", String(40), nullable=False),
    Column("building_id", String(64), nullable=False, server_default=""),
    Column("device_id", String(64), nullable=False, server_default=""))
Index("ideas_status", ideas.c.status)

idea_votes = Table(
    "idea_votes", metadata,
    Column("idea_id", String(64), primary_key=True),
    Column("member_id", String(64), primary_key=True),
    Column("at", String(40), nullable=False))

landlord_requests = Table(
    "landlord_requests", metadata,
    Column("id", String(64), primary_key=True),
    Column("member_id", String(64), nullable=False),
    Column("flat_id", String(64), nullable=False),
    Column("building_id", String(64), nullable=False),
    Column("category", String(40), nullable=False),
    Column("text", Text, nullable=False, server_default=""),
    Column("status", String(12), nullable=False),          # received, in_progress, done
    Column("answer", Text, nullable=False, server_default=""),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False, server_default=""))
Index("landlord_requests_member", landlord_requests.c.member_id)
Index("landlord_requests_status", landlord_requests.c.status)
