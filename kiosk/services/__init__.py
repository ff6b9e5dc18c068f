"""Use cases of the kiosk (Qt-free), and the :class:`Services` container the UI receives.

``app.py`` composes one ``Services`` from the store and the config; UI jobs get it as
their argument (``Op(self, lambda s: s.directory.search(q))``). Other features add their
own field here (default ``None`` so tests may leave them out). The store itself is not
here: jobs reach data only through the use cases (the app keeps the store to close it).
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from kiosk.services.directory import DirectoryService
from kiosk.services.noticeboard import Noticeboard


@dataclass
class Services:
    directory: DirectoryService | None = None
    noticeboard: Noticeboard | None = None
    membership: Any = None  # kiosk.services.members.Membership
    community: Any = None  # kiosk.services.community.CommunityService
    help: Any = None  # kiosk.services.help.HelpService
    savings: Any = None  # kiosk.services.savings.SavingsService
    lending: Any = None  # kiosk.services.lending.LendingService
    conciergerie: Any = None  # kiosk.services.conciergerie.ConciergerieService
    fees: Any = None  # kiosk.services.fees.FeesService
    now: Callable[[], datetime] = datetime.now


class Deferred:
    """A service built on first use (any attribute), once, thread-safely.

    Heavy features (their imports: pydantic, sync wire format...) then cost nothing
    before the attract screen is painted; the window resolves them in the background
    right after (:func:`resolve_deferred`), before anyone can tap.
    """

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._obj: Any = None

    def resolve(self) -> Any:
        with self._lock:
            if self._obj is None:
                self._obj = self._build()
            return self._obj

    def __getattr__(self, name: str) -> Any:
        return getattr(self.resolve(), name)


def resolve_deferred(services: Services) -> None:
    """Build every :class:`Deferred` service now (call off the GUI thread)."""
    for f in dataclasses.fields(services):
        value = getattr(services, f.name)
        if isinstance(value, Deferred):
            value.resolve()
