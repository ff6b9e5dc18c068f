"""Server tables of neighbours' exchanges and the time ledger, on ``central.db``'s MetaData.

- ``exchanges``: posts (offer / request) with their moderation state, to the author's
  building; ``exchange_contacts``: "mettez-moi en relation" requests, to the author's.
- ``time_transfers`` and ``time_entries``: the ledger (the authority). A transfer's
  entries sum to zero; ``reverses`` is unique, so a transfer is reversed at most once
  even when two kiosks reverse it offline. Balances are sums over ``time_entries``.

Importing this module registers the tables, so ``create_schema`` and Alembic see them.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table

from central.db import metadata

exchanges = Table(
    "exchanges", metadata,
    Column("id", String(64), primary_key=True),
    Column("member_id", String(64), nullable=False, index=True),
    Column("building_id", String(64), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("category", String(20), nullable=False),
    Column("text", String(2000), nullable=False),
    Column("status", String(10), nullable=False, server_default="pending"),
    Column("reason", String(300), nullable=False, server_default=""),
    Column("created_at", String(40), nullable=False),
    Column("moderated_by", String(80), nullable=False, server_default=""),
    Column("device_id", String(64), nullable=False, server_default=""))
Index("exchanges_status", exchanges.c.status, exchanges.c.created_at)

exchange_contacts = Table(
    "exchange_contacts", metadata,
    Column("id", String(64), primary_key=True),
    Column("exchange_id", String(64), ForeignKey("exchanges.id"), nullable=False, index=True),
    Column("from_member_id", String(64), nullable=False),
    Column("to_member_id", String(64), nullable=False, index=True),
    Column("building_id", String(64), nullable=False),
    Column("status", String(10), nullable=False, server_default="open"),
    Column("created_at", String(40), nullable=False))

time_transfers = Table(
    "time_transfers", metadata,
    Column("id", String(64), primary_key=True),
    Column("building_id", String(64), nullable=False),
    Column("provider_id", String(64), nullable=False),
    Column("confirmed_by", String(10), nullable=False),
    Column("staff_id", String(80), nullable=False, server_default=""),
    Column("reverses", String(64), unique=True),            # NULL for an original transfer
    Column("note", String(2000), nullable=False, server_default=""),
    Column("created_at", String(40), nullable=False),
    Column("device_id", String(64), nullable=False, server_default=""))

time_entries = Table(
    "time_entries", metadata,
    Column("transfer_id", String(64), ForeignKey("time_transfers.id"), primary_key=True),
    Column("member_id", String(64), primary_key=True),
    Column("minutes", Integer, nullable=False))
Index("time_entries_member", time_entries.c.member_id)
