"""Migrations run once, in order, each in one transaction with its record."""

from __future__ import annotations

import pytest

from kiosk.store import database as database_module
from kiosk.store.errors import StoreError
from kiosk.store.opening import open_store


def test_migrations_run_once_and_survive_a_restart(config):
    s = open_store(config)
    first = s.db.applied_migrations()
    assert first == [n for n, _, _ in database_module.migrations()]
    s.close()
    s = open_store(config)
    assert s.db.applied_migrations() == first
    rows = s.db.run(lambda c: c.execute("SELECT count(*) FROM schema_migrations").fetchone()[0])
    assert rows == len(first)
    s.close()


def test_a_failing_migration_leaves_nothing_behind(config, monkeypatch):
    open_store(config).close()
    shipped = database_module.migrations()
    bad = (len(shipped) + 1, "broken", "CREATE TABLE half_done (x INTEGER);\nINSERT INTO nowhere VALUES (1);")
    monkeypatch.setattr(database_module, "migrations", lambda: shipped + [bad])
    with pytest.raises(StoreError, match="broken"):
        open_store(config)
    monkeypatch.setattr(database_module, "migrations", lambda: shipped)
    s = open_store(config)
    tables = s.db.run(lambda c: [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")])
    assert "half_done" not in tables
    assert bad[0] not in s.db.applied_migrations()
    s.close()


def test_atomic_nests_with_savepoints(store):
    def work(c):
        with store.db.atomic():
            c.execute("INSERT INTO estates (id, name, city) VALUES ('a', 'A', 'x')")
            with pytest.raises(ValueError):
                with store.db.atomic():
                    c.execute("INSERT INTO estates (id, name, city) VALUES ('b', 'B', 'x')")
                    raise ValueError
        with pytest.raises(ValueError):
            with store.db.atomic():
                c.execute("INSERT INTO estates (id, name, city) VALUES ('c', 'C', 'x')")
                raise ValueError
        return [r[0] for r in c.execute("SELECT id FROM estates ORDER BY id")]
    assert store.db.run(work) == ["a"]
