"""Use case "Bons plans près d'ici": which partners, how far on foot, open now or not.

Qt-free. Reads partners and offers through a :class:`PartnerSource` (the store's
partner repository, adapted in ``app.py``), computes walking distance from the kiosk
(haversine × detour factor, :mod:`kiosk.domain.geo`), open/closed from the weekly hours
with their exceptions (:meth:`WeeklyHours.is_open_at`), hides expired and future offers,
and matches searches with accents and case folded (``"epicerie"`` finds ``"Épicerie"``).
The clock is injected (``now``) so tests pin the time. At kiosk scale (tens, at most a
few thousand partners) filtering in Python after one query is well under a millisecond
per partner; the query itself runs on the store's thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable, Iterable, Mapping, Protocol, Sequence

from kiosk.domain.geo import walk
from kiosk.domain.partners import Category, Offer, Partner, PartnerLogo
from kiosk.domain.text import fold

CATEGORY_ORDER: tuple[Category, ...] = (
    Category.FOOD, Category.FLORIST, Category.BEAUTY, Category.CULTURE,
    Category.INSURANCE, Category.ARTISAN, Category.SERVICES,
)


class PartnerSource(Protocol):
    """Where partners and offers come from: the store's ``PartnersRepository``, or a fake."""

    def active(self, category: str | None = None) -> Sequence[Partner]: ...
    def current_offers(self, today: date) -> Mapping[str, Sequence[Offer]]: ...
    def logos(self, partner_ids: list[str]) -> Mapping[str, PartnerLogo]: ...


@dataclass(frozen=True)
class Origin:
    """Where the kiosk stands, and how people walk from it."""

    lat: float
    lon: float
    walking_speed_kmh: float = 4.0
    detour_factor: float = 1.3


@dataclass(frozen=True)
class PartnerEntry:
    """One line of the list (and the head of the detail screen)."""

    partner: Partner
    offers: tuple[Offer, ...]       # current offers only, the first is the headline
    metres: float
    minutes: int
    open_now: bool

    @property
    def headline(self) -> str:
        return self.offers[0].text if self.offers else ""


@dataclass(frozen=True)
class CategoryCount:
    category: Category
    count: int


class DirectoryService:
    def __init__(self, source: PartnerSource, origin: Origin,
                 now: Callable[[], datetime] = datetime.now) -> None:
        self._source = source
        self._origin = origin
        self._now = now

    @property
    def origin(self) -> Origin:
        return self._origin

    def _entries(self, when: datetime, category: Category | None = None) -> list[PartnerEntry]:
        today = when.date()
        # The repository already leaves out expired offers; checking again keeps fakes honest.
        by_partner = {pid: [o for o in offers if o.is_current(today)]
                      for pid, offers in self._source.current_offers(today).items()}
        o = self._origin
        entries = []
        for p in self._source.active(category.value if category else None):
            if not p.active:
                continue
            w = walk(o.lat, o.lon, p.lat, p.lon, detour_factor=o.detour_factor, speed_kmh=o.walking_speed_kmh)
            entries.append(PartnerEntry(p, tuple(by_partner.get(p.id, ())), w.metres, w.minutes,
                                        p.hours.is_open_at(when)))
        entries.sort(key=lambda e: (e.metres, fold(e.partner.name)))
        return entries

    def search(self, query: str = "", category: Category | str | None = None,
               open_now: bool = False, with_offer_only: bool = False) -> list[PartnerEntry]:
        """Partners nearest first. ``query`` matches name, address, offer and category words."""
        when = self._now()
        cat = Category(category) if category else None
        words = fold(query).split()
        result = []
        for e in self._entries(when, cat):
            if cat is not None and e.partner.category != cat:
                continue
            if open_now and not e.open_now:
                continue
            if with_offer_only and not e.offers:
                continue
            if words and not all(w in _haystack(e) for w in words):
                continue
            result.append(e)
        return result

    def categories(self) -> list[CategoryCount]:
        """Every category in display order, with how many active partners it has."""
        counts = {c: 0 for c in CATEGORY_ORDER}
        for p in self._source.active(None):
            if p.active:
                counts[p.category] = counts.get(p.category, 0) + 1
        return [CategoryCount(c, n) for c, n in counts.items()]

    def logos(self, partner_ids: Sequence[str]) -> Mapping[str, PartnerLogo]:
        """The logos of these partners that have one (small images: the screens decode them)."""
        return self._source.logos(list(partner_ids))

    def partner(self, partner_id: str) -> PartnerEntry | None:
        for e in self._entries(self._now()):
            if e.partner.id == partner_id:
                return e
        return None


def _haystack(e: PartnerEntry) -> str:
    parts: Iterable[str] = (e.partner.name, e.partner.address, e.partner.description,
                            *(o.text for o in e.offers), _CATEGORY_WORDS.get(e.partner.category, ""))
    return fold(" ".join(parts))


# French words a tenant may type for a category ("boulangerie" is in partner names).
_CATEGORY_WORDS: dict[Category, str] = {
    Category.FOOD: "alimentation nourriture courses",
    Category.FLORIST: "fleuriste fleurs",
    Category.BEAUTY: "coiffure coiffeur beaute",
    Category.CULTURE: "culture loisirs cinema",
    Category.INSURANCE: "assurance habitation",
    Category.ARTISAN: "artisan plombier electricien serrurier",
    Category.SERVICES: "services",
}
