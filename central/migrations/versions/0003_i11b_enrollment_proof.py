"""Enrollment with proof of possession: single-use server nonces, one device per card key.

A kiosk enrolls by signing (token, nonce, public key) with its card-signing key; the
nonce comes from ``enrollment_nonces`` (any app process can check one another issued).
``devices.key_id`` becomes unique: a key already registered is refused.

Revision ID: i11b_enrollment_proof
Revises: 0002_community
"""
from alembic import op
import sqlalchemy as sa


revision = 'i11b_enrollment_proof'
down_revision = '0002_community'


def upgrade() -> None:
    op.create_table('enrollment_nonces',
    sa.Column('nonce', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('nonce')
    )
    with op.batch_alter_table('enrollment_nonces', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrollment_nonces_expires_at'), ['expires_at'], unique=False)
    # Two devices sharing a key can only come from the substitution this closes: such a
    # database must be cleaned by hand first (docs/troubleshooting.md), the index says so.
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_devices_key_id'))
        batch_op.create_index(batch_op.f('ix_devices_key_id'), ['key_id'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_devices_key_id'))
        batch_op.create_index(batch_op.f('ix_devices_key_id'), ['key_id'], unique=False)
    with op.batch_alter_table('enrollment_nonces', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrollment_nonces_expires_at'))
    op.drop_table('enrollment_nonces')
