"""What every repository shares: the database and small query helpers.

Each public method runs its SQL through ``db.run`` so it is safe from any thread (it
marshals to the owner thread) and composes inside a caller's ``db.atomic()`` when the
caller is already on that thread. No Qt here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, TypeVar

from kiosk.store.database import Connection, Database
from kiosk.store.rows import from_row, insert_sql, to_row

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T")
D = TypeVar("D", bound="DataclassInstance")
Params = tuple[Any, ...] | list[Any]  # what sqlite3 binds to the ? placeholders


class Repository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _run(self, fn: Callable[[Connection], T]) -> T:
        return self.db.run(fn)

    def _all(self, cls: type[D], sql: str, params: Params = ()) -> list[D]:
        return self._run(lambda c: [from_row(cls, r) for r in c.execute(sql, params)])

    def _one(self, cls: type[D], sql: str, params: Params = ()) -> D | None:
        def go(c: Connection) -> D | None:
            row = c.execute(sql, params).fetchone()
            return from_row(cls, row) if row is not None else None
        return self._run(go)

    def _insert(self, table: str, obj: Any, *, upsert_key: tuple[str, ...] = (),
                exclude: tuple[str, ...] = (), extra: dict[str, Any] | None = None) -> None:
        row = to_row(obj, exclude=exclude) | (extra or {})
        sql, params = insert_sql(table, row, upsert_key=upsert_key)
        self._run(lambda c: c.execute(sql, params))

    def _insert_if_absent(self, table: str, obj: Any, key: tuple[str, ...],
                          extra: dict[str, Any] | None = None) -> bool:
        """Insert unless a row with the same ``key`` exists; True if a row was added."""
        row = to_row(obj) | (extra or {})
        sql, params = insert_sql(table, row)
        sql += f" ON CONFLICT ({', '.join(key)}) DO NOTHING"
        return self._run(lambda c: c.execute(sql, params).rowcount > 0)

    def _scalar(self, sql: str, params: Params = ()) -> Any:
        return self._run(lambda c: (c.execute(sql, params).fetchone() or [None])[0])

    def _exec(self, sql: str, params: Params = ()) -> int:
        return self._run(lambda c: c.execute(sql, params).rowcount)
