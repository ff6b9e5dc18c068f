"""Rate-limit buckets shared by several server processes (central/limits.py,
SharedRateLimiter; ``central serve --workers N``).

Revision ID: i16_rate_buckets
Revises: i15_partners
"""
from alembic import op
import sqlalchemy as sa


revision = 'i16_rate_buckets'
down_revision = 'i15_partners'


def upgrade() -> None:
    op.create_table('rate_buckets',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('tokens', sa.Float(), nullable=False),
    sa.Column('stamp', sa.Float(), nullable=False),
    sa.Column('allowed', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_index(op.f('ix_rate_buckets_stamp'), 'rate_buckets', ['stamp'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE rate_buckets SET UNLOGGED")  # no WAL: see central/db.py


def downgrade() -> None:
    op.drop_index(op.f('ix_rate_buckets_stamp'), table_name='rate_buckets')
    op.drop_table('rate_buckets')
