"""Alembic migrations of the central database (``central migrate``)."""
