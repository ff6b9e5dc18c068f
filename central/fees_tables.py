"""Server table of the membership fee, on the same MetaData as ``central.db``.

- ``fee_payments``: cash payments staff recorded at kiosks (the ``record_fee_payment``
  mutation), each once; ``receipt_number`` is unique across kiosks (device short id and
  a per-device counter), ``device_id`` is the kiosk that sent it.

Importing this module registers the table, so ``create_schema`` and Alembic see it.
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table

from central.db import metadata

fee_payments = Table(
    "fee_payments", metadata,
    Column("id", String(64), primary_key=True),
    Column("member_id", String(64), nullable=False, index=True),
    Column("months", Integer, nullable=False),
    Column("amount_cents", Integer, nullable=False),
    Column("paid_on", String(10), nullable=False),
    Column("receipt_number", String(40), nullable=False, unique=True),
    Column("staff_id", String(64), nullable=False),
    Column("created_at", String(40), nullable=False, server_default=""),
    Column("status", String(10), nullable=False, server_default="recorded"),
    Column("device_id", String(64), nullable=False, server_default=""))
