"""Fixtures: central databases on SQLite and PostgreSQL, a live server, kiosk stores.

They live in tests/central_fixtures.py, shared with the server tests.
"""

from central_fixtures import *  # noqa: F401,F403 - pytest finds fixtures by name here
