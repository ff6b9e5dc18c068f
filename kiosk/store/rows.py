"""Turning frozen dataclasses into rows and back, so repositories stay short.

Enums are stored as their value, booleans as 0/1, tuples/lists/dicts as JSON, dates as
ISO text. ``from_row`` uses the dataclass's type hints to convert back. No Qt here.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import typing
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")


def to_value(v: Any) -> Any:
    if isinstance(v, enum.Enum):
        return v.value
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, date):
        return v.isoformat()
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return json.dumps(dataclasses.asdict(v), ensure_ascii=False)
    if isinstance(v, (list, tuple)):
        return json.dumps([dataclasses.asdict(x) if dataclasses.is_dataclass(x) and not isinstance(x, type) else x
                           for x in v],
                          ensure_ascii=False)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    if hasattr(v, "to_json"):
        return json.dumps(v.to_json(), ensure_ascii=False)
    return v


def to_row(obj: Any, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    return {f.name: to_value(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.name not in exclude}


def _convert(tp: Any, raw: Any) -> Any:
    if raw is None:
        return None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], raw) if inner else raw
    if isinstance(tp, type):
        if issubclass(tp, enum.Enum):
            return tp(raw)
        if tp is bool:
            return bool(raw)
        if tp is date:
            return date.fromisoformat(raw) if raw else None
        if hasattr(tp, "from_json"):
            return tp.from_json(json.loads(raw) if isinstance(raw, str) else raw)
        if tp is dict:
            return json.loads(raw) if isinstance(raw, str) else raw
    if origin in (tuple, list):
        data = json.loads(raw) if isinstance(raw, str) else raw
        item = args[0] if args else Any
        items = [item(**x) if dataclasses.is_dataclass(item) and isinstance(x, dict) else x for x in data]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        return json.loads(raw) if isinstance(raw, str) else raw
    return raw


@functools.lru_cache(maxsize=None)
def _hints(cls: Any) -> dict[str, Any]:
    """Resolved field types of a dataclass (resolving them per row was most of the cost of a read)."""
    return typing.get_type_hints(cls)


def from_row(cls: type[T], row: Any) -> T:
    hints = _hints(typing.cast(Any, cls))
    keys = row.keys()
    values = {f.name: _convert(hints[f.name], row[f.name]) for f in dataclasses.fields(cls) if f.name in keys}
    return cls(**values)


def insert_sql(table: str, row: dict[str, Any], *, upsert_key: tuple[str, ...] = ()) -> tuple[str, list[Any]]:
    cols = tuple(row)
    return _insert_statement(table, cols, upsert_key), [row[c] for c in cols]


@functools.lru_cache(maxsize=512)
def _insert_statement(table: str, cols: tuple[str, ...], upsert_key: tuple[str, ...]) -> str:
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
    if upsert_key:
        updates = [c for c in cols if c not in upsert_key]
        sql += f" ON CONFLICT ({', '.join(upsert_key)}) DO " + (
            "UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in updates) if updates else "NOTHING")
    return sql
