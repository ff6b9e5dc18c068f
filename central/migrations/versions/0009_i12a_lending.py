"""Tool lending: lending points, items and their pictures, loans (with the server's
arrival order), waivers, lending suspensions and the reminders sent
(tables of central/lending_tables.py).

Revision ID: i12a_lending
Revises: i16_health
"""
from alembic import op
import sqlalchemy as sa


revision = 'i12a_lending'
down_revision = 'i16_health'


def upgrade() -> None:
    op.create_table('lending_points',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=300), server_default='', nullable=False),
    sa.Column('building_ids', sa.Text(), server_default='[]', nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('lending_items',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('point_id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('deposit_cents', sa.Integer(), server_default='0', nullable=False),
    sa.Column('loan_days', sa.Integer(), server_default='7', nullable=False),
    sa.Column('needs_waiver', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('hold_days', sa.Integer(), server_default='0', nullable=False),
    sa.Column('condition', sa.String(length=12), server_default='ok', nullable=False),
    sa.Column('condition_note', sa.Text(), server_default='', nullable=False),
    sa.Column('safety_notes', sa.Text(), server_default='', nullable=False),
    sa.Column('manual_url', sa.String(length=500), server_default='', nullable=False),
    sa.Column('photo', sa.String(length=64), server_default='', nullable=False),
    sa.Column('on_hold_until', sa.String(length=10), server_default='', nullable=False),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_lending_items_point_id'), 'lending_items', ['point_id'], unique=False)
    op.create_table('item_photos',
    sa.Column('item_id', sa.String(length=64), nullable=False),
    sa.Column('mime', sa.String(length=20), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('digest', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('item_id')
    )
    op.create_table('loans',
    sa.Column('arrival', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('item_id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.String(length=40), server_default='', nullable=False),
    sa.Column('lent_at', sa.String(length=40), server_default='', nullable=False),
    sa.Column('due_on', sa.String(length=10), server_default='', nullable=False),
    sa.Column('returned_at', sa.String(length=40), server_default='', nullable=False),
    sa.Column('return_condition', sa.String(length=12), server_default='', nullable=False),
    sa.Column('return_note', sa.Text(), server_default='', nullable=False),
    sa.Column('staff_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('device_id', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('arrival'),
    sa.UniqueConstraint('id')
    )
    op.create_index('loans_item', 'loans', ['item_id', 'status'], unique=False)
    op.create_index('loans_member', 'loans', ['member_id'], unique=False)
    op.create_table('waivers',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('text_version', sa.String(length=40), nullable=False),
    sa.Column('text_sha256', sa.String(length=64), nullable=False),
    sa.Column('signature', sa.Text(), server_default='', nullable=False),
    sa.Column('kiosk_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('device_id', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_waivers_member_id'), 'waivers', ['member_id'], unique=False)
    op.create_table('lending_suspensions',
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('until', sa.String(length=10), server_default='', nullable=False),
    sa.Column('reason', sa.String(length=300), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('member_id')
    )
    op.create_table('loan_reminders',
    sa.Column('loan_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('sent_at', sa.String(length=40), nullable=False),
    sa.Column('channel', sa.String(length=10), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('loan_id', 'kind')
    )


def downgrade() -> None:
    op.drop_table('loan_reminders')
    op.drop_table('lending_suspensions')
    op.drop_index(op.f('ix_waivers_member_id'), table_name='waivers')
    op.drop_table('waivers')
    op.drop_index('loans_member', table_name='loans')
    op.drop_index('loans_item', table_name='loans')
    op.drop_table('loans')
    op.drop_table('item_photos')
    op.drop_index(op.f('ix_lending_items_point_id'), table_name='lending_items')
    op.drop_table('lending_items')
    op.drop_table('lending_points')
