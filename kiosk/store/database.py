"""The one SQLCipher connection, owned by one thread, with transactions and migrations.

Every query runs on the owner thread (a single-thread executor): ``db.run(fn)`` calls
``fn(conn)`` there and waits (inline when already on it), ``db.submit(fn)`` returns a
Future (the UI's task bridge uses it). ``atomic()`` opens ``BEGIN IMMEDIATE`` and nests
with savepoints. Pragmas: raw 256-bit key (no KDF cost), WAL, ``synchronous=FULL`` (a
committed row survives a pulled plug), ``foreign_keys``, ``secure_delete`` (erased data
is overwritten, not left in free pages). ``cipher_memory_security`` is a setting, off by
default: ON makes every SQLite allocation an mlock/munlock and wipe, which measured 7 to
30 times slower here (docs/performance.md) and, once on, stays on for the process.
Migrations are numbered ``NNNN_name.sql`` files, each applied in one transaction
together with its row in ``schema_migrations``. No Qt here.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import logging
import re
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, TypeVar

import sqlcipher3

from kiosk.store.errors import DatabaseDamagedError, StoreError

T = TypeVar("T")
log = logging.getLogger(__name__)
_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

if TYPE_CHECKING:
    # sqlcipher3 ships no type hints; it is a fork of the standard sqlite3 module with the
    # same API, so the type checker reads it through sqlite3's.
    from sqlite3 import Connection as Connection, DatabaseError as DatabaseError, IntegrityError as IntegrityError
else:
    Connection = sqlcipher3.Connection
    DatabaseError = sqlcipher3.DatabaseError
    IntegrityError = sqlcipher3.IntegrityError


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every migration shipped with the package, in order."""
    found = []
    for entry in importlib.resources.files("kiosk.store.migrations").iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(found) + 1)):
        raise StoreError(f"migrations are not numbered 1..n without gaps: {numbers}")
    return found


class Database:
    """An open encrypted database. Create with :meth:`open`; close when done."""

    def __init__(self, path: Path, key: bytes, memory_security: bool = False) -> None:
        self.path = Path(path)
        self._key = key
        self._memory_security = memory_security
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-db")
        self._owner: int | None = None
        self._conn: Connection | None = None
        self._depth = 0
        self._closed = False

    # -- opening ---------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, key: bytes, *, migrate: bool = True, memory_security: bool = False) -> "Database":
        if len(key) != 32:
            raise StoreError("the database key must be 32 bytes")
        db = cls(path, key, memory_security)
        try:
            db._executor.submit(db._connect).result()
            if migrate:
                db.run(db._migrate)
        except BaseException:
            db.close()
            raise
        return db

    def _connect(self) -> None:
        self._owner = threading.get_ident()
        conn = sqlcipher3.connect(str(self.path), isolation_level=None, check_same_thread=True,
                                  timeout=10)
        try:
            conn.execute(f"PRAGMA key = \"x'{self._key.hex()}'\"")
            conn.execute(f"PRAGMA cipher_memory_security = {'ON' if self._memory_security else 'OFF'}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # decrypts page 1
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.row_factory = sqlcipher3.Row
            conn.execute("PRAGMA secure_delete = ON")
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise DatabaseDamagedError(f"cannot read {self.path}: {exc}") from None
        self._conn = conn

    # -- running on the owner thread -------------------------------------------------------
    @property
    def conn(self) -> Connection:
        if threading.get_ident() != self._owner or self._conn is None:
            raise RuntimeError("the database connection is used off its owner thread (use db.run)")
        return self._conn

    def on_owner_thread(self) -> bool:
        return threading.get_ident() == self._owner

    def run(self, fn: Callable[[Connection], T]) -> T:
        if self.on_owner_thread():
            return fn(self.conn)
        return self.submit(fn).result()

    def submit(self, fn: Callable[[Connection], T]) -> "Future[T]":
        if self._closed:
            raise StoreError("the database is closed")
        return self._executor.submit(lambda: fn(self.conn))

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Connection]:
        """A transaction (outermost) or a savepoint (nested). Owner thread only."""
        conn = self.conn
        depth = self._depth
        name = f"sp{depth}"
        conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield conn
        except BaseException:
            self._depth -= 1
            if depth == 0:
                conn.execute("ROLLBACK")
            else:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
            raise
        else:
            self._depth -= 1
            conn.execute("COMMIT" if depth == 0 else f"RELEASE {name}")

    # -- schema ------------------------------------------------------------------------
    def _migrate(self, conn: Connection) -> list[int]:
        conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                     "id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        done = {row[0] for row in conn.execute("SELECT id FROM schema_migrations")}
        applied = []
        for number, name, sql in migrations():
            if number in done:
                continue
            stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
            script = (f"BEGIN IMMEDIATE;\n{sql}\n;INSERT INTO schema_migrations (id, name, applied_at) "
                      f"VALUES ({number}, '{name}', '{stamp}');\nCOMMIT;")
            try:
                conn.executescript(script)
            except sqlcipher3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise StoreError(f"migration {number:04d}_{name} failed: {exc}") from None
            log.info("applied migration %04d_%s", number, name)
            applied.append(number)
        return applied

    def applied_migrations(self) -> list[int]:
        return self.run(lambda c: [r[0] for r in c.execute("SELECT id FROM schema_migrations ORDER BY id")])

    # -- checks ------------------------------------------------------------------------
    def integrity_problems(self) -> list[str]:
        """Rows of ``PRAGMA integrity_check`` and ``cipher_integrity_check`` that are not 'ok'."""
        def check(c: Connection) -> list[str]:
            problems = [r[0] for r in c.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [str(r[0]) for r in c.execute("PRAGMA cipher_integrity_check")]
            return problems
        return self.run(check)

    def checkpoint(self) -> None:
        """Fold the WAL into the main file and truncate it (after an erasure, say)."""
        self.run(lambda c: c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall())

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True

        def _close() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
        try:
            self._executor.submit(_close).result()
        finally:
            self._executor.shutdown(wait=True)

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
