"""The latest health report of each kiosk (fleet page; central/fleet_health.py).

Revision ID: i16_health
Revises: i16_rate_buckets
"""
from alembic import op
import sqlalchemy as sa


revision = 'i16_health'
down_revision = 'i16_rate_buckets'


def upgrade() -> None:
    op.create_table('device_health',
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.Column('received_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('device_id')
    )


def downgrade() -> None:
    op.drop_table('device_health')
