"""The central database: SQLAlchemy Core tables and the engine for SQLite or PostgreSQL.

Without ``DATABASE_URL`` the server keeps a SQLite file in the platform data dir. On
SQLite every write transaction starts with ``BEGIN IMMEDIATE`` (writers serialise, no
lock upgrade deadlocks) and reads with a plain ``BEGIN``; on PostgreSQL the feed
counters are locked with ``SELECT ... FOR UPDATE``. The schema is created by Alembic
(``central migrate``); tests may call :func:`create_schema` directly.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import (DDL, false, JSON, BigInteger, Boolean, Column, Engine, Float, ForeignKey, Index,
                        Integer, LargeBinary, MetaData, String, Table, Text, create_engine, event)
from sqlalchemy import Connection

metadata = MetaData()

estates = Table("estates", metadata,
                Column("id", String(64), primary_key=True),
                Column("name", String(200), nullable=False),
                Column("city", String(200), nullable=False, server_default=""),
                Column("fee_tenant_cents", Integer, nullable=False, server_default="0"),
                Column("fee_other_cents", Integer, nullable=False, server_default="0"),
                Column("fee_blocks_lending", Boolean, nullable=False, server_default=false()))

buildings = Table("buildings", metadata,
                  Column("id", String(64), primary_key=True),
                  Column("estate_id", String(64), ForeignKey("estates.id"), nullable=False),
                  Column("name", String(200), nullable=False),
                  Column("address", String(300), nullable=False, server_default=""),
                  Column("lat", Float, nullable=False, server_default="0"),
                  Column("lon", Float, nullable=False, server_default="0"))

entrances = Table("entrances", metadata,
                  Column("id", String(64), primary_key=True),
                  Column("building_id", String(64), ForeignKey("buildings.id"), nullable=False),
                  Column("name", String(200), nullable=False))

flats = Table("flats", metadata,
              Column("id", String(64), primary_key=True),
              Column("entrance_id", String(64), ForeignKey("entrances.id"), nullable=False),
              Column("building_id", String(64), ForeignKey("buildings.id"), nullable=False, index=True),
              Column("label", String(200), nullable=False))

members = Table("members", metadata,
                Column("id", String(64), primary_key=True),
                Column("first_name", String(60), nullable=False),
                Column("last_name", String(60), nullable=False),
                Column("folded_name", String(130), nullable=False),
                Column("building_id", String(64), nullable=False, index=True),
                Column("flat_id", String(64), nullable=False, index=True),
                Column("phone", String(20), nullable=False, server_default="", index=True),
                Column("email", String(254), nullable=False, server_default=""),
                Column("language", String(8), nullable=False, server_default="fr"),
                Column("status", String(10), nullable=False),
                Column("enrolled_by", String(10), nullable=False),
                Column("created_at", String(40), nullable=False, server_default=""),
                Column("origin_kiosk", String(64), nullable=False, server_default=""),
                Column("household", JSON, nullable=False),
                Column("sms_opt_in", Boolean, nullable=False, server_default="0"),
                Column("newsletter_opt_in", Boolean, nullable=False, server_default="0"))

consents = Table("consents", metadata,
                 Column("id", String(64), primary_key=True),
                 Column("member_id", String(64), nullable=False, index=True),
                 Column("purpose", String(20), nullable=False),
                 Column("granted", Boolean, nullable=False),
                 Column("at", String(40), nullable=False),
                 Column("form_version", String(40), nullable=False),
                 Column("notice_hash", String(128), nullable=False),
                 Column("kiosk_id", String(64), nullable=False, server_default=""))

merge_queue = Table("merge_queue", metadata,
                    Column("id", Integer, primary_key=True, autoincrement=True),
                    Column("member_id", String(64), nullable=False),
                    Column("duplicate_of", String(64), nullable=False),
                    Column("reason", String(40), nullable=False),
                    Column("state", String(12), nullable=False, server_default="open"),
                    Column("created_at", String(40), nullable=False))

cards = Table("cards", metadata,
              Column("issuer_key_id", String(8), primary_key=True),
              Column("serial", BigInteger, primary_key=True, autoincrement=False),
              Column("holder_id", String(64), nullable=False, index=True),
              Column("role", String(10), nullable=False),
              Column("issued", String(10), nullable=False),
              Column("expires", String(10), nullable=False),
              Column("status", String(10), nullable=False),
              Column("revoked_at", String(40), nullable=False, server_default=""))

partners = Table("partners", metadata,
                 Column("id", String(64), primary_key=True),
                 Column("name", String(200), nullable=False),
                 Column("category", String(20), nullable=False),
                 Column("address", String(300), nullable=False, server_default=""),
                 Column("lat", Float, nullable=False, server_default="0"),
                 Column("lon", Float, nullable=False, server_default="0"),
                 Column("phone", String(20), nullable=False, server_default=""),
                 Column("website", String(300), nullable=False, server_default=""),
                 Column("description", Text, nullable=False, server_default=""),
                 Column("hours", JSON, nullable=False),
                 Column("active", Boolean, nullable=False, server_default="1"))

offers = Table("offers", metadata,
               Column("id", String(64), primary_key=True),
               Column("partner_id", String(64), ForeignKey("partners.id", ondelete="CASCADE"), nullable=False),
               Column("text", String(300), nullable=False),
               Column("conditions", String(500), nullable=False, server_default=""),
               Column("valid_from", String(10)),
               Column("valid_until", String(10)))

events = Table("events", metadata,
               Column("id", String(64), primary_key=True),
               Column("title", String(200), nullable=False),
               Column("description", Text, nullable=False, server_default=""),
               Column("place", String(200), nullable=False),
               Column("starts_at", String(40), nullable=False),
               Column("ends_at", String(40), nullable=False),
               Column("capacity", Integer, nullable=False),
               Column("audience", String(10), nullable=False, server_default="members"),
               Column("building_ids", JSON, nullable=False),
               Column("pictogram", String(40), nullable=False, server_default="meeting"),
               Column("taken", Integer, nullable=False, server_default="0"),
               Column("hosts", JSON, nullable=False, server_default="[]"))   # [{member_id, first_name}]

announcements = Table("announcements", metadata,
                      Column("id", String(64), primary_key=True),
                      Column("title", String(200), nullable=False),
                      Column("body", Text, nullable=False),
                      Column("valid_from", String(10), nullable=False),
                      Column("valid_until", String(10), nullable=False),
                      Column("building_ids", JSON, nullable=False))

staff = Table("staff", metadata,
              Column("id", String(64), primary_key=True),
              Column("display_name", String(120), nullable=False),
              Column("role", String(12), nullable=False),
              Column("pin_hash", String(200), nullable=False),
              Column("active", Boolean, nullable=False, server_default="1"))

devices = Table("devices", metadata,
                Column("id", String(64), primary_key=True),
                Column("name", String(80), nullable=False),
                Column("secret_hash", String(64), nullable=False),
                Column("building_ids", JSON, nullable=False),
                Column("scope_epoch", Integer, nullable=False, server_default="1"),
                Column("public_key", String(64), nullable=False),
                # Unique: one card-signing key per device, ever (a key id derives from its key).
                Column("key_id", String(8), nullable=False, index=True, unique=True),
                Column("revoked", Boolean, nullable=False, server_default="0"),
                Column("wipe", Boolean, nullable=False, server_default="0"),
                Column("created_at", String(40), nullable=False),
                Column("last_seen", String(40), nullable=False, server_default=""),
                Column("client_version", String(40), nullable=False, server_default=""),
                Column("pending_count", Integer, nullable=False, server_default="0"),
                Column("last_seq", BigInteger, nullable=False, server_default="0"))

enrollment_tokens = Table("enrollment_tokens", metadata,
                          Column("token_hash", String(64), primary_key=True),
                          Column("building_id", String(64), nullable=False),
                          Column("created_at", String(40), nullable=False),
                          Column("expires_at", String(40), nullable=False),
                          Column("used_at", String(40), nullable=False, server_default=""),
                          Column("device_id", String(64), nullable=False, server_default=""))

# Single-use challenges of device enrollment (proof of possession of the card key): in
# the database, not in process memory, so any app process behind a load balancer can
# take the answer to a nonce another one handed out.
enrollment_nonces = Table("enrollment_nonces", metadata,
                          Column("nonce", String(64), primary_key=True),
                          Column("expires_at", String(40), nullable=False, index=True))

processed_mutations = Table("processed_mutations", metadata,
                            Column("device_id", String(64), primary_key=True),
                            Column("seq", BigInteger, primary_key=True, autoincrement=False),
                            Column("client_id", String(64), nullable=False),
                            Column("mutation", String(64), nullable=False),
                            Column("result", JSON, nullable=False),
                            Column("at", String(40), nullable=False))

# One row per scope ("catalog", "bldg:<id>"): the last version given out and the
# tombstone horizon (cursors below it get 410 Gone).
scope_counters = Table("scope_counters", metadata,
                       Column("scope", String(80), primary_key=True),
                       Column("version", BigInteger, nullable=False),
                       Column("horizon", BigInteger, nullable=False, server_default="0"))

# The feed: the latest change of each (scope, entity, id), with the row's data inline.
# Upserts hold the current data; deletes hold none (ids only), or merged_into.
feed = Table("feed", metadata,
             Column("scope", String(80), primary_key=True),
             Column("entity", String(30), primary_key=True),
             Column("entity_id", String(80), primary_key=True),
             Column("version", BigInteger, nullable=False),
             Column("op", String(6), nullable=False),
             Column("data", JSON),
             Column("merged_into", String(64)),
             Column("at", String(40), nullable=False))
Index("feed_scope_version", feed.c.scope, feed.c.version, unique=True)

# Office admin accounts, their sessions, the audit log...: central/admin_tables.py.


def default_database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        return url
    folder = Path(platformdirs.user_data_dir("club-kiosk-central", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'central.db'}"


# The latest health report of each kiosk (kiosk/protocol/health.py), judged by
# central/fleet_health.py on the fleet page; ``level`` is the last judgement an alert
# was based on.
device_health = Table("device_health", metadata,
                      Column("device_id", String(64), primary_key=True),
                      Column("report", JSON, nullable=False),
                      Column("received_at", String(40), nullable=False))

# IT's screenshot of a kiosk's attract screen (central/screenshots.py): one row a kiosk,
# the pending request (``request_id``, "" when none) and the latest picture received.
device_screenshots = Table("device_screenshots", metadata,
                           Column("device_id", String(64), primary_key=True),
                           Column("request_id", String(64), nullable=False, server_default=""),
                           Column("requested_at", String(40), nullable=False, server_default=""),
                           Column("requested_by", String(200), nullable=False, server_default=""),
                           Column("mime", String(20), nullable=False, server_default=""),
                           Column("image", LargeBinary),
                           Column("width", Integer, nullable=False, server_default="0"),
                           Column("height", Integer, nullable=False, server_default="0"),
                           Column("taken_at", String(40), nullable=False, server_default=""))


# Token buckets shared by every server process (central/limits.py, SharedRateLimiter):
# one row a key, refilled from the wall clock (``stamp``, seconds since the epoch). On
# PostgreSQL the table is UNLOGGED: no WAL, so a request's bucket commit does not wait
# for a disk flush (1.2 ms -> see docs/performance-sync.md); a crash of PostgreSQL
# empties it, which only refills every bucket.
rate_buckets = Table("rate_buckets", metadata,
                     Column("key", String(200), primary_key=True),
                     Column("tokens", Float, nullable=False),
                     Column("stamp", Float, nullable=False, index=True),
                     Column("allowed", Boolean, nullable=False))
UNLOGGED_BUCKETS = DDL("ALTER TABLE rate_buckets SET UNLOGGED")  # type: ignore[no-untyped-call]
event.listen(rate_buckets, "after_create", UNLOGGED_BUCKETS.execute_if(dialect="postgresql"))


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
            cur = dbapi_conn.cursor()
            if ":memory:" not in url:
                cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA synchronous = NORMAL")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            readonly = conn.get_execution_options().get("readonly", False)
            conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")
        return engine
    # No pre-ping (it costs a round trip per checkout); stale connections are recycled and a
    # dropped one fails its request once, which the kiosk retries.
    return create_engine(url, pool_size=10, max_overflow=20, pool_recycle=300)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def create_schema(engine: Engine) -> None:
    """Tests and `seed-demo` on a fresh file: the same tables the Alembic migration makes."""
    metadata.create_all(engine)
