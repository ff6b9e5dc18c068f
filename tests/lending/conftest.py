"""Fixtures of the lending tests: the shared central fixtures (SQLite and PostgreSQL, the
live server, real encrypted kiosk stores) and a lending point with items at the office."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from central_fixtures import *  # noqa: F401,F403,E402 - pytest finds fixtures by name here
