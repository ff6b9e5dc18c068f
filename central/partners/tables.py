"""Server tables of the partner space, on the same MetaData as ``central.db``.

- ``partner_accounts`` / ``partner_sessions``: a shop's staff log in to ``/partners``
  with an account the office made for one partner; sessions are rows (the cookie holds a
  random id, the table its SHA-256), as for the office admin.
- ``offer_terms``: how a use of an offer is counted (percentage, amount, gift) and its
  per-member limit (``kiosk.domain.savings.OfferTerms``).
- ``redemptions``: one row per use a partner recorded, keyed by the nonce its browser
  made, so an upload sent twice is counted once; refusals are kept too, so a resend gets
  the same answer. Kept for the office's retention period, then aggregated into
  ``savings_stats`` (no member in it) and deleted.
- ``vouchers``: printed at kiosks (the ``issue_voucher`` mutation), used once.
- ``declared_savings``: contracts taken through the club (home insurance...), each with
  the yearly saving the partner declared, kept apart from measured redemptions.
- ``member_savings``: each member's totals per year, partner and kind, which the feed
  carries to the kiosks of the member's building (only totals: never the visits' days).
- ``partner_settings``: the office's settings of this space (the retention period).

Importing this module registers the tables, so ``create_schema`` and Alembic see them.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, Integer, String, Table

from central.db import metadata

partner_accounts = Table(
    "partner_accounts", metadata,
    Column("username", String(80), primary_key=True),
    Column("partner_id", String(64), nullable=False, index=True),
    Column("display_name", String(120), nullable=False, server_default=""),
    Column("password_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("created_at", String(40), nullable=False),
    Column("created_by", String(80), nullable=False, server_default=""))

partner_sessions = Table(
    "partner_sessions", metadata,
    Column("id_hash", String(64), primary_key=True),
    Column("username", String(80), nullable=False, index=True),
    Column("partner_id", String(64), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("last_seen", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False))

offer_terms = Table(
    "offer_terms", metadata,
    Column("offer_id", String(64), primary_key=True),
    Column("kind", String(10), nullable=False),               # percent, amount, gift
    Column("value", Integer, nullable=False),
    Column("limit_period", String(10), nullable=False, server_default="none"),
    Column("limit_count", Integer, nullable=False, server_default="1"))

redemptions = Table(
    "redemptions", metadata,
    Column("nonce", String(64), primary_key=True),
    Column("partner_id", String(64), nullable=False),
    Column("offer_id", String(64), nullable=False),
    Column("member_id", String(64), nullable=True),           # None once the member is erased
    Column("building_id", String(64), nullable=False, server_default=""),
    Column("category", String(20), nullable=False, server_default=""),
    Column("credential", String(10), nullable=False),         # card, voucher
    Column("credential_id", String(80), nullable=False, server_default=""),   # key:serial, or the voucher code
    Column("amount_cents", Integer, nullable=True),
    Column("saving_cents", Integer, nullable=False, server_default="0"),
    Column("at", String(40), nullable=False),                 # when it happened (the phone's clock, bounded)
    Column("day", String(10), nullable=False),                # the club's calendar day of ``at``
    Column("received_at", String(40), nullable=False),
    Column("account", String(80), nullable=False),
    Column("status", String(10), nullable=False),             # accepted, refused
    Column("reason", String(40), nullable=False, server_default=""))
Index("redemptions_partner_day", redemptions.c.partner_id, redemptions.c.day)
Index("redemptions_member_offer", redemptions.c.member_id, redemptions.c.offer_id)
Index("redemptions_received", redemptions.c.received_at)

vouchers = Table(
    "vouchers", metadata,
    Column("id", String(64), primary_key=True),
    Column("code", String(16), nullable=False, unique=True),
    Column("issuer_key_id", String(8), nullable=False),
    Column("member_id", String(64), nullable=False, index=True),
    Column("offer_id", String(64), nullable=False),
    Column("partner_id", String(64), nullable=False),
    Column("issued", String(10), nullable=False),
    Column("expires", String(10), nullable=False),
    Column("status", String(10), nullable=False),
    Column("used_at", String(40), nullable=False, server_default=""),
    Column("device_id", String(64), nullable=False, server_default=""))

declared_savings = Table(
    "declared_savings", metadata,
    Column("id", String(64), primary_key=True),
    Column("member_id", String(64), nullable=False, index=True),
    Column("partner_id", String(64), nullable=False),
    Column("label", String(120), nullable=False),             # "Assurance habitation"
    Column("amount_cents", Integer, nullable=False),          # the year's saving, as the partner declared it
    Column("starts_on", String(10), nullable=False),          # counted in this date's year and month
    Column("building_id", String(64), nullable=False, server_default=""),
    Column("category", String(20), nullable=False, server_default=""),
    Column("declared_by", String(80), nullable=False, server_default=""),
    Column("created_at", String(40), nullable=False))

member_savings = Table(
    "member_savings", metadata,
    Column("member_id", String(64), primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(10), primary_key=True),             # measured, declared
    Column("partner_id", String(64), primary_key=True),
    Column("label", String(200), nullable=False),
    Column("amount_cents", Integer, nullable=False),
    Column("uses", Integer, nullable=False, server_default="0"))

# What the purge keeps of old redemptions and declarations: counts and sums per month,
# partner, offer, building and kind; no member.
savings_stats = Table(
    "savings_stats", metadata,
    Column("month", String(7), primary_key=True),
    Column("partner_id", String(64), primary_key=True),
    Column("offer_id", String(64), primary_key=True),
    Column("building_id", String(64), primary_key=True),
    Column("kind", String(10), primary_key=True),
    Column("category", String(20), nullable=False, server_default=""),
    Column("uses", Integer, nullable=False),
    Column("saving_cents", Integer, nullable=False),
    Column("amount_cents", Integer, nullable=False, server_default="0"))

partner_settings = Table(
    "partner_settings", metadata,
    Column("key", String(40), primary_key=True),
    Column("value", String(200), nullable=False))
