"""The Alembic migrations build exactly the schema the code declares (no drift)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from central.cli import migrate
from central.db import make_engine, metadata
from central.testing import temporary_database


def test_alembic_schema_matches_the_tables_in_code(backend, tmp_path):  # noqa: ANN001
    import central.admin_tables  # noqa: F401  (their tables join the same metadata)
    import central.community_tables  # noqa: F401
    import central.help_tables  # noqa: F401
    import central.lending_tables  # noqa: F401
    with temporary_database(backend, tmp_path) as url:
        migrate(url)
        engine = make_engine(url)
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        engine.dispose()
    assert diff == [], diff
