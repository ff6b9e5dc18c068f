"""IT's screenshot of a kiosk's attract screen: the pending request and the latest picture (central/screenshots.py).

Revision ID: s25_shot
Revises: i12c_fees
"""
from alembic import op
import sqlalchemy as sa


revision = 's25_shot'
down_revision = 'i12c_fees'


def upgrade() -> None:
    op.create_table('device_screenshots',
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('request_id', sa.String(length=64), server_default='', nullable=False),
    sa.Column('requested_at', sa.String(length=40), server_default='', nullable=False),
    sa.Column('requested_by', sa.String(length=200), server_default='', nullable=False),
    sa.Column('mime', sa.String(length=20), server_default='', nullable=False),
    sa.Column('image', sa.LargeBinary(), nullable=True),
    sa.Column('width', sa.Integer(), server_default='0', nullable=False),
    sa.Column('height', sa.Integer(), server_default='0', nullable=False),
    sa.Column('taken_at', sa.String(length=40), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('device_id')
    )


def downgrade() -> None:
    op.drop_table('device_screenshots')
