"""Office admin: accounts with roles and estates, server-side sessions, login lockout,
audit log, archived events, partner logos (tables of central/admin_tables.py). The old
``admins`` rows become administrators who see every estate.

Revision ID: i14_admin
Revises: i11b_enrollment_proof
"""
from alembic import op
import sqlalchemy as sa


revision = 'i14_admin'
down_revision = 'i11b_enrollment_proof'


def upgrade() -> None:
    accounts = op.create_table('admin_accounts',
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('display_name', sa.String(length=120), server_default='', nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=12), server_default='admin', nullable=False),
    sa.Column('estate_ids', sa.JSON(), nullable=False),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('password_changed_at', sa.String(length=40), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('username')
    )
    old = sa.table('admins', sa.column('username'), sa.column('password_hash'), sa.column('created_at'))
    rows = [dict(r._mapping) for r in op.get_bind().execute(sa.select(old))]
    if rows:
        op.bulk_insert(accounts, [r | {'display_name': r['username'], 'role': 'admin', 'estate_ids': [],
                                       'active': True, 'password_changed_at': ''} for r in rows])
    op.drop_table('admins')
    op.create_table('admin_sessions',
    sa.Column('id_hash', sa.String(length=64), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('csrf', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.Column('last_seen', sa.String(length=40), nullable=False),
    sa.Column('expires_at', sa.String(length=40), nullable=False),
    sa.Column('flash', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id_hash')
    )
    op.create_index(op.f('ix_admin_sessions_username'), 'admin_sessions', ['username'], unique=False)
    op.create_table('login_failures',
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('failures', sa.Integer(), server_default='0', nullable=False),
    sa.Column('locked_until', sa.String(length=40), server_default='', nullable=False),
    sa.Column('last_failure', sa.String(length=40), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('username')
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.String(length=40), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.String(length=80), nullable=False),
    sa.Column('summary', sa.String(length=300), server_default='', nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('audit_log_at', 'audit_log', ['at'], unique=False)
    op.create_index('audit_log_entity', 'audit_log', ['entity', 'entity_id'], unique=False)
    op.create_table('archived_events',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('starts_at', sa.String(length=40), nullable=False),
    sa.Column('ends_at', sa.String(length=40), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('building_ids', sa.JSON(), nullable=False),
    sa.Column('archived_at', sa.String(length=40), nullable=False),
    sa.Column('archived_by', sa.String(length=80), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('partner_logos',
    sa.Column('partner_id', sa.String(length=64), nullable=False),
    sa.Column('mime', sa.String(length=20), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('partner_id')
    )


def downgrade() -> None:
    op.drop_table('partner_logos')
    op.drop_table('archived_events')
    op.drop_index('audit_log_entity', table_name='audit_log')
    op.drop_index('audit_log_at', table_name='audit_log')
    op.drop_table('audit_log')
    op.drop_table('login_failures')
    op.drop_index(op.f('ix_admin_sessions_username'), table_name='admin_sessions')
    op.drop_table('admin_sessions')
    op.create_table('admins',
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('username')
    )
    op.drop_table('admin_accounts')
