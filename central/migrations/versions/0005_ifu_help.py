"""Help screen: each building's help contacts (from the office) and the call-back
requests from the kiosks (tables of central/help_tables.py).

Revision ID: ifu_help
Revises: i14_admin
"""
from alembic import op
import sqlalchemy as sa


revision = 'ifu_help'
down_revision = 'i14_admin'


def upgrade() -> None:
    op.create_table('help_contacts',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('building_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=12), server_default='caretaker', nullable=False),
    sa.Column('hours', sa.String(length=200), server_default='', nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['building_id'], ['buildings.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_help_contacts_building_id'), 'help_contacts', ['building_id'], unique=False)
    op.create_table('callback_requests',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('building_id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=True),
    sa.Column('phone', sa.String(length=20), server_default='', nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('language', sa.String(length=8), server_default='fr', nullable=False),
    sa.Column('status', sa.String(length=12), server_default='to_call', nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), server_default='', nullable=False),
    sa.Column('updated_by', sa.String(length=80), server_default='', nullable=False),
    sa.Column('device_id', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('callback_requests_member', 'callback_requests', ['member_id'], unique=False)
    op.create_index('callback_requests_status', 'callback_requests', ['status', 'created_at'], unique=False)


def downgrade() -> None:
    op.drop_index('callback_requests_status', table_name='callback_requests')
    op.drop_index('callback_requests_member', table_name='callback_requests')
    op.drop_table('callback_requests')
    op.drop_index(op.f('ix_help_contacts_building_id'), table_name='help_contacts')
    op.drop_table('help_contacts')
