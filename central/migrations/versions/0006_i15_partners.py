"""Partner space: partner accounts and sessions, offer terms, redemptions (idempotent on
their nonce), vouchers, declared savings, members' yearly totals, the anonymous
statistics the retention purge keeps, and the office's settings of the space
(tables of central/partners/tables.py).

Revision ID: i15_partners
Revises: ifu_help
"""
from alembic import op
import sqlalchemy as sa


revision = 'i15_partners'
down_revision = 'ifu_help'


def upgrade() -> None:
    op.create_table('declared_savings',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('partner_id', sa.String(length=64), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.String(length=10), nullable=False),
    sa.Column('building_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('category', sa.String(length=20), server_default='', nullable=False),
    sa.Column('declared_by', sa.String(length=80), server_default='', nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_declared_savings_member_id'), 'declared_savings', ['member_id'], unique=False)
    op.create_table('member_savings',
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('partner_id', sa.String(length=64), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('uses', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('member_id', 'year', 'kind', 'partner_id')
    )
    op.create_table('offer_terms',
    sa.Column('offer_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('limit_period', sa.String(length=10), server_default='none', nullable=False),
    sa.Column('limit_count', sa.Integer(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('offer_id')
    )
    op.create_table('partner_accounts',
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('partner_id', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=120), server_default='', nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('created_by', sa.String(length=80), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('username')
    )
    op.create_index(op.f('ix_partner_accounts_partner_id'), 'partner_accounts', ['partner_id'], unique=False)
    op.create_table('partner_sessions',
    sa.Column('id_hash', sa.String(length=64), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('partner_id', sa.String(length=64), nullable=False),
    sa.Column('csrf', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('last_seen', sa.String(length=40), nullable=False),
    sa.Column('expires_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id_hash')
    )
    op.create_index(op.f('ix_partner_sessions_username'), 'partner_sessions', ['username'], unique=False)
    op.create_table('partner_settings',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('redemptions',
    sa.Column('nonce', sa.String(length=64), nullable=False),
    sa.Column('partner_id', sa.String(length=64), nullable=False),
    sa.Column('offer_id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=True),
    sa.Column('building_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('category', sa.String(length=20), server_default='', nullable=False),
    sa.Column('credential', sa.String(length=10), nullable=False),
    sa.Column('credential_id', sa.String(length=80), server_default='', nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=True),
    sa.Column('saving_cents', sa.Integer(), server_default='0', nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('received_at', sa.String(length=40), nullable=False),
    sa.Column('account', sa.String(length=80), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=40), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('nonce')
    )
    op.create_index('redemptions_member_offer', 'redemptions', ['member_id', 'offer_id'], unique=False)
    op.create_index('redemptions_partner_day', 'redemptions', ['partner_id', 'day'], unique=False)
    op.create_index('redemptions_received', 'redemptions', ['received_at'], unique=False)
    op.create_table('savings_stats',
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('partner_id', sa.String(length=64), nullable=False),
    sa.Column('offer_id', sa.String(length=64), nullable=False),
    sa.Column('building_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('category', sa.String(length=20), server_default='', nullable=False),
    sa.Column('uses', sa.Integer(), nullable=False),
    sa.Column('saving_cents', sa.Integer(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('month', 'partner_id', 'offer_id', 'building_id', 'kind')
    )
    op.create_table('vouchers',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('issuer_key_id', sa.String(length=8), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('offer_id', sa.String(length=64), nullable=False),
    sa.Column('partner_id', sa.String(length=64), nullable=False),
    sa.Column('issued', sa.String(length=10), nullable=False),
    sa.Column('expires', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('used_at', sa.String(length=40), server_default='', nullable=False),
    sa.Column('device_id', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_index(op.f('ix_vouchers_member_id'), 'vouchers', ['member_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_vouchers_member_id'), table_name='vouchers')
    op.drop_table('vouchers')
    op.drop_table('savings_stats')
    op.drop_index('redemptions_received', table_name='redemptions')
    op.drop_index('redemptions_partner_day', table_name='redemptions')
    op.drop_index('redemptions_member_offer', table_name='redemptions')
    op.drop_table('redemptions')
    op.drop_table('partner_settings')
    op.drop_index(op.f('ix_partner_sessions_username'), table_name='partner_sessions')
    op.drop_table('partner_sessions')
    op.drop_index(op.f('ix_partner_accounts_partner_id'), table_name='partner_accounts')
    op.drop_table('partner_accounts')
    op.drop_table('offer_terms')
    op.drop_table('member_savings')
    op.drop_index(op.f('ix_declared_savings_member_id'), table_name='declared_savings')
    op.drop_table('declared_savings')
