"""Use cases of the kiosk (Qt-free), and the :class:`Services` container the UI receives.

``app.py`` composes one ``Services`` from the store and the config; UI jobs get it as
their argument (``Op(self, lambda s: s.directory.search(q))``). Other features add their
own field here (default ``None`` so tests may leave them out).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from kiosk.services.directory import DirectoryService
from kiosk.services.noticeboard import Noticeboard


@dataclass
class Services:
    directory: DirectoryService | None = None
    noticeboard: Noticeboard | None = None
    community: Any = None  # kiosk.services.community.CommunityService
    now: Callable[[], datetime] = datetime.now
    store: Any = None  # the open Store, for the app to close at exit; screens never use it
