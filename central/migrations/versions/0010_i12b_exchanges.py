"""Neighbours' exchanges (posts, contact requests) and the time ledger (transfers and
their entries; a transfer reversed at most once: ``reverses`` unique), tables of
central/conciergerie_tables.py.

Revision ID: i12b_exchanges
Revises: i12a_lending
"""
from alembic import op
import sqlalchemy as sa


revision = 'i12b_exchanges'
down_revision = 'i12a_lending'


def upgrade() -> None:
    op.create_table('exchanges',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('building_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('text', sa.String(length=2000), nullable=False),
    sa.Column('status', sa.String(length=10), server_default='pending', nullable=False),
    sa.Column('reason', sa.String(length=300), server_default='', nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('moderated_by', sa.String(length=80), server_default='', nullable=False),
    sa.Column('device_id', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_exchanges_member_id'), 'exchanges', ['member_id'], unique=False)
    op.create_index('exchanges_status', 'exchanges', ['status', 'created_at'], unique=False)
    op.create_table('exchange_contacts',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('exchange_id', sa.String(length=64), nullable=False),
    sa.Column('from_member_id', sa.String(length=64), nullable=False),
    sa.Column('to_member_id', sa.String(length=64), nullable=False),
    sa.Column('building_id', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=10), server_default='open', nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['exchange_id'], ['exchanges.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_exchange_contacts_exchange_id'), 'exchange_contacts', ['exchange_id'], unique=False)
    op.create_index(op.f('ix_exchange_contacts_to_member_id'), 'exchange_contacts', ['to_member_id'], unique=False)
    op.create_table('time_transfers',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('building_id', sa.String(length=64), nullable=False),
    sa.Column('provider_id', sa.String(length=64), nullable=False),
    sa.Column('confirmed_by', sa.String(length=10), nullable=False),
    sa.Column('staff_id', sa.String(length=80), server_default='', nullable=False),
    sa.Column('reverses', sa.String(length=64), nullable=True),
    sa.Column('note', sa.String(length=2000), server_default='', nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('device_id', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('reverses')
    )
    op.create_table('time_entries',
    sa.Column('transfer_id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['transfer_id'], ['time_transfers.id'], ),
    sa.PrimaryKeyConstraint('transfer_id', 'member_id')
    )
    op.create_index('time_entries_member', 'time_entries', ['member_id'], unique=False)


def downgrade() -> None:
    op.drop_index('time_entries_member', table_name='time_entries')
    op.drop_table('time_entries')
    op.drop_table('time_transfers')
    op.drop_index(op.f('ix_exchange_contacts_to_member_id'), table_name='exchange_contacts')
    op.drop_index(op.f('ix_exchange_contacts_exchange_id'), table_name='exchange_contacts')
    op.drop_table('exchange_contacts')
    op.drop_index('exchanges_status', table_name='exchanges')
    op.drop_index(op.f('ix_exchanges_member_id'), table_name='exchanges')
    op.drop_table('exchanges')
