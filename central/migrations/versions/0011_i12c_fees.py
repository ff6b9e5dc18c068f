"""Membership fee and volunteer-run workshops: the hosts of an event; each estate's fee policy, cash payments recorded at kiosks (central/fees_tables.py).

Revision ID: i12c_fees
Revises: i12b_exchanges
"""
from alembic import op
import sqlalchemy as sa


revision = 'i12c_fees'
down_revision = 'i12b_exchanges'


def upgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('hosts', sa.JSON(), server_default='[]', nullable=False))
    with op.batch_alter_table('estates') as batch:
        batch.add_column(sa.Column('fee_tenant_cents', sa.Integer(), server_default='0', nullable=False))
        batch.add_column(sa.Column('fee_other_cents', sa.Integer(), server_default='0', nullable=False))
        batch.add_column(sa.Column('fee_blocks_lending', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table('fee_payments',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('paid_on', sa.String(length=10), nullable=False),
    sa.Column('receipt_number', sa.String(length=40), nullable=False),
    sa.Column('staff_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=40), server_default='', nullable=False),
    sa.Column('status', sa.String(length=10), server_default='recorded', nullable=False),
    sa.Column('device_id', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('receipt_number')
    )
    op.create_index(op.f('ix_fee_payments_member_id'), 'fee_payments', ['member_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_fee_payments_member_id'), table_name='fee_payments')
    op.drop_table('fee_payments')
    with op.batch_alter_table('events') as batch:
        batch.drop_column('hosts')
    with op.batch_alter_table('estates') as batch:
        batch.drop_column('fee_blocks_lending')
        batch.drop_column('fee_other_cents')
        batch.drop_column('fee_tenant_cents')
