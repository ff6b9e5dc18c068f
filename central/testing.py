"""Test support: throw-away databases (SQLite file or a fresh PostgreSQL schema) and a
live server on 127.0.0.1 (uvicorn in a thread on a free port).

Used by ``tests/server``, ``tests/sync`` and ``bench/sync.py``. PostgreSQL comes from
``DATABASE_URL`` or ``postgresql+psycopg://postgres@127.0.0.1:5432/test``; each database
is a new schema (``search_path``) dropped afterwards, so runs never see each other.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import uuid
from pathlib import Path
from typing import Iterator

import uvicorn
from fastapi import FastAPI
from sqlalchemy import create_engine, text

from central.settings import ServerSettings

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
# Rate limits off: tests make many requests from one address on purpose.
TEST_SETTINGS = ServerSettings(device_rate_per_s=0, public_rate_per_s=0,
                               auth_failure_rate_per_s=0)


def postgres_base_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgresql") else DEFAULT_PG


def postgres_unreachable_reason() -> str | None:
    """None if PostgreSQL answers, else why not."""
    try:
        engine = create_engine(postgres_base_url(), connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as exc:  # any driver error means "not reachable" here
        return f"PostgreSQL at {postgres_base_url()} is unreachable: {type(exc).__name__}: {str(exc)[:200]}"


@contextlib.contextmanager
def temporary_database(backend: str, folder: Path) -> Iterator[str]:
    """A database URL that exists only inside the ``with`` block."""
    if backend == "sqlite":
        yield f"sqlite:///{Path(folder) / f'central-{uuid.uuid4().hex[:8]}.db'}"
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    base = postgres_base_url()
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The app served by uvicorn on 127.0.0.1 in a background thread."""

    def __init__(self, app: FastAPI, port: int = 0) -> None:
        self.app = app
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # A kiosk's GET /v1/sync/wait may be open at stop: cut it after 1 s, not 25.
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off",
                                timeout_graceful_shutdown=1)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="central-test-server", daemon=True)

    def start(self) -> "LiveServer":
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self.app.state.engine.dispose()
