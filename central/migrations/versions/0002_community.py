"""Community: event registrations (server arrival order), attendance, ideas and votes,
requests to the landlord (tables of central/community_tables.py).

Revision ID: 0002_community
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_community'
down_revision = '0001'


def upgrade() -> None:
    op.create_table('event_registrations',
    sa.Column('arrival', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('origin_building', sa.String(length=64), server_default='', nullable=False),
    sa.Column('device_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('checked_in_at', sa.String(length=40), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('arrival'),
    sa.UniqueConstraint('id')
    )
    op.create_index('event_registrations_event', 'event_registrations', ['event_id', 'status'])
    op.create_index('event_registrations_member', 'event_registrations', ['member_id'])
    op.create_table('event_attendance',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('checked_in_at', sa.String(length=40), nullable=False),
    sa.Column('device_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('staff_id', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('event_id', 'member_id')
    )
    op.create_table('ideas',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=True),
    sa.Column('answer', sa.Text(), server_default='', nullable=False),
    sa.Column('votes', sa.Integer(), server_default='0', nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('building_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('device_id', sa.String(length=64), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ideas_status', 'ideas', ['status'])
    op.create_table('idea_votes',
    sa.Column('idea_id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('idea_id', 'member_id')
    )
    op.create_table('landlord_requests',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=64), nullable=False),
    sa.Column('flat_id', sa.String(length=64), nullable=False),
    sa.Column('building_id', sa.String(length=64), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('text', sa.Text(), server_default='', nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('answer', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('updated_at', sa.String(length=40), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('landlord_requests_member', 'landlord_requests', ['member_id'])
    op.create_index('landlord_requests_status', 'landlord_requests', ['status'])


def downgrade() -> None:
    op.drop_index('landlord_requests_status', table_name='landlord_requests')
    op.drop_index('landlord_requests_member', table_name='landlord_requests')
    op.drop_table('landlord_requests')
    op.drop_table('idea_votes')
    op.drop_index('ideas_status', table_name='ideas')
    op.drop_table('ideas')
    op.drop_table('event_attendance')
    op.drop_index('event_registrations_member', table_name='event_registrations')
    op.drop_index('event_registrations_event', table_name='event_registrations')
    op.drop_table('event_registrations')
