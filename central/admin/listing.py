"""Lists with a count, paging, sorting and filters, read straight from the tables.

A :class:`ListQuery` is what the URL asks (page, sort column, order, filters); each
list page says which columns may be sorted and filtered, so an unknown column in a URL
falls back to the default instead of reaching SQL. Reads only; writes go through Office.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence
from urllib.parse import urlencode

from sqlalchemy import ColumnElement, Engine, Select, func, select

from central.admin.web import page_number

PER_PAGE = 25


@dataclass
class ListQuery:
    page: int = 1
    sort: str = ""
    desc: bool = False
    filters: dict[str, str] = field(default_factory=dict)
    q: str = ""

    @classmethod
    def from_params(cls, params: Any, *, sorts: Mapping[str, Any], default_sort: str, filters: tuple[str, ...] = (),
                    default_desc: bool = False) -> "ListQuery":
        sort = params.get("sort") if params.get("sort") in sorts else default_sort
        order = params.get("order")
        desc = (order == "desc") if order in ("asc", "desc") else default_desc
        return cls(page=page_number(params.get("page")), sort=sort, desc=desc,
                   filters={k: params.get(k, "") for k in filters if params.get(k)}, q=(params.get("q") or "").strip())

    def url(self, base: str, **changes: Any) -> str:
        args = {"q": self.q, **self.filters, "sort": self.sort, "order": "desc" if self.desc else "asc",
                "page": self.page} | changes
        return base + "?" + urlencode({k: v for k, v in args.items() if v not in ("", None)})

    def sort_url(self, base: str, column: str) -> str:
        desc = not self.desc if column == self.sort else False
        return self.url(base, sort=column, order="desc" if desc else "asc", page=1)

    def aria_sort(self, column: str) -> str:
        if column != self.sort:
            return "none"
        return "descending" if self.desc else "ascending"


@dataclass
class Page:
    rows: list[dict[str, Any]]
    total: int
    query: ListQuery
    per_page: int = PER_PAGE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def first(self) -> int:
        return 0 if not self.total else (self.query.page - 1) * self.per_page + 1

    @property
    def last(self) -> int:
        return min(self.total, self.query.page * self.per_page)


def fetch(engine: Engine, base: Select[Any], query: ListQuery, sorts: Mapping[str, ColumnElement[Any]], *,
          where: Sequence[ColumnElement[Any]] = (), tiebreak: ColumnElement[Any] | None = None,
          per_page: int = PER_PAGE) -> Page:
    q = base.where(*where)
    col = sorts[query.sort]
    order: list[ColumnElement[Any]] = [col.desc() if query.desc else col.asc()]
    if tiebreak is not None:
        order.append(tiebreak)
    with engine.connect().execution_options(readonly=True) as conn, conn.begin():
        total = int(conn.execute(select(func.count()).select_from(q.order_by(None).subquery())).scalar_one())
        query.page = min(query.page, max(1, -(-total // per_page)))
        rows = conn.execute(q.order_by(*order).limit(per_page).offset((query.page - 1) * per_page)).mappings().all()
    return Page([dict(r) for r in rows], total, query, per_page)
