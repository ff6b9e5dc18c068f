"""Use case: the announcements shown on the attract screen today. Qt-free.

Reads through an :class:`AnnouncementSource` (the store's ``AnnouncementsRepository``
or a fake): those valid today for this kiosk's buildings (all buildings when the kiosk
serves none in particular). The clock is injected.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Callable, Protocol, Sequence

from kiosk.domain.community import Announcement


class AnnouncementSource(Protocol):
    def current(self, today: date, building_ids: list[str] | None = None) -> list[Announcement]: ...


class Noticeboard:
    def __init__(self, source: AnnouncementSource, buildings: Sequence[str] = (),
                 now: Callable[[], datetime] = datetime.now) -> None:
        self._source = source
        self._buildings = list(buildings)
        self._now = now

    def current(self) -> list[Announcement]:
        return self._source.current(self._now().date(), self._buildings or None)
