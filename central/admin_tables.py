"""Server tables of the office admin, on the same MetaData as ``central.db``.

- ``admin_accounts``: office staff who log in to ``/admin``, each with a role
  (``reader`` < ``editor`` < ``admin``) and the estates they see (empty: all).
- ``admin_sessions``: one row per logged-in browser. The cookie holds a random id; the
  table holds only its SHA-256, the CSRF token, the expiry and the one-shot banner
  ("flash") of the next page. Server-side, so several app processes share sessions and
  a logout or a password change ends them for real.
- ``login_failures``: failed logins per account name (known or not), for the lockout.
- ``audit_log``: who changed what and when, with the office fields before and after.
- ``archived_events``: an event the office removed from the kiosks; its sign-ups and
  attendance stay in their tables and stay reachable (history, Bilan).
- ``partner_logos``: a partner's logo, re-encoded by the server (never the upload).

Importing this module registers the tables, so ``create_schema`` and Alembic see them.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Index, Integer, LargeBinary, String, Table

from central.db import metadata

ROLES = ("reader", "editor", "admin")

admin_accounts = Table(
    "admin_accounts", metadata,
    Column("username", String(80), primary_key=True),
    Column("display_name", String(120), nullable=False, server_default=""),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(12), nullable=False, server_default="admin"),
    Column("estate_ids", JSON, nullable=False),               # [] = every estate
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("created_at", String(40), nullable=False),
    Column("password_changed_at", String(40), nullable=False, server_default=""))

admin_sessions = Table(
    "admin_sessions", metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("username", String(80), nullable=False, index=True),
    Column("csrf", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("last_seen", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("flash", JSON))

login_failures = Table(
    "login_failures", metadata,
    Column("username", String(80), primary_key=True),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("locked_until", String(40), nullable=False, server_default=""),
    Column("last_failure", String(40), nullable=False, server_default=""))

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("username", String(80), nullable=False),
    Column("action", String(20), nullable=False),             # create, update, delete, merge, erase, ...
    Column("entity", String(30), nullable=False),
    Column("entity_id", String(80), nullable=False),
    Column("summary", String(300), nullable=False, server_default=""),
    Column("before", JSON),
    Column("after", JSON))
Index("audit_log_entity", audit_log.c.entity, audit_log.c.entity_id)
Index("audit_log_at", audit_log.c.at)

archived_events = Table(
    "archived_events", metadata,
    Column("id", String(64), primary_key=True),
    Column("title", String(200), nullable=False),
    Column("place", String(200), nullable=False),
    Column("starts_at", String(40), nullable=False),
    Column("ends_at", String(40), nullable=False),
    Column("capacity", Integer, nullable=False),
    Column("building_ids", JSON, nullable=False),
    Column("archived_at", String(40), nullable=False),
    Column("archived_by", String(80), nullable=False, server_default=""))

partner_logos = Table(
    "partner_logos", metadata,
    Column("partner_id", String(64), primary_key=True),
    Column("mime", String(20), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("updated_at", String(40), nullable=False))
