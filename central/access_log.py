"""No personal data in the server's access log: paths are logged without their query.

uvicorn's access log prints ``"GET /admin/members?q=Lefèvre HTTP/1.1" 200``: the search
term (a name, a phone) would land in the log files. :func:`install` adds a filter to the
``uvicorn.access`` logger that cuts each request path at ``?``. Idempotent.
"""

from __future__ import annotations

import logging


class StripQuery(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = args[:2] + (args[2].split("?", 1)[0] + "?…",) + args[3:]
        return True


def install() -> None:
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, StripQuery) for f in logger.filters):
        logger.addFilter(StripQuery())
