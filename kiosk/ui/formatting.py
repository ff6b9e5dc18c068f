"""Numbers, distances, durations, times and days written for the current language.

Uses the default :class:`QLocale` (set by :class:`~kiosk.ui.i18n.LanguageSwitcher`),
so "1,2 km" in French, "1.2 km" in English. Words go through ``translate`` with named
placeholders (STYLE 6). Prices use the locale's currency format in euros.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime



def distance(metres: float) -> str:
    loc = QLocale()
    if metres < 950:
        rounded = max(10, int(round(metres / 10.0) * 10))
        return QCoreApplication.translate("Formatting", "{metres} m").format(metres=loc.toString(rounded))
    return QCoreApplication.translate("Formatting", "{km} km").format(km=loc.toString(metres / 1000.0, "f", 1))


def walking_minutes(minutes: int) -> str:
    return QCoreApplication.translate("Formatting", "{minutes} min à pied").format(minutes=QLocale().toString(int(minutes)))


def duration(minutes: int) -> str:
    """A time in hours and minutes for the current language: ``90`` → "1 h 30" (fr),
    "1 h 30 min" (en), "1 ساعة و30 دقيقة" (ar); ``45`` → "45 min"; ``-45`` → "−45 min".

    Digits through the locale; the whole is one isolate, so it keeps its order inside a
    sentence of the other direction (an Arabic line never reads "30 h 1").
    """
    loc = QLocale()
    h, m = divmod(abs(int(minutes)), 60)
    tr = QCoreApplication.translate
    if not h:
        text = tr("Formatting", "{m} min").format(m=loc.toString(m))
    elif not m:
        text = tr("Formatting", "{h} h").format(h=loc.toString(h))
    else:
        # {mm}: two digits ("1 h 05" in French); {m}: as said ("1 ساعة و5 دقائق")
        text = tr("Formatting", "{h} h {mm}").format(h=loc.toString(h), m=loc.toString(m),
                                                      mm=loc.toString(m).rjust(2, loc.toString(0)))
    return isolate(("\u2212" if minutes < 0 else "") + text)


def clock_time(hhmm: str) -> str:
    h, m = (int(x) for x in hhmm.split(":"))
    if h == 24:
        h = 0
    return QLocale().toString(QTime(h, m), QLocale.FormatType.ShortFormat)


def day_name(weekday: int) -> str:
    """0 = Monday, in the current language."""
    return QLocale().standaloneDayName(weekday + 1, QLocale.FormatType.LongFormat).capitalize()


def long_date(d: date | datetime) -> str:
    qd = QDate(d.year, d.month, d.day)
    return QLocale().toString(qd, QLocale.FormatType.LongFormat)


def short_time(dt: datetime) -> str:
    return QLocale().toString(QTime(dt.hour, dt.minute), QLocale.FormatType.ShortFormat)


_PLACE = re.compile(r"^(?:Escalier (?P<entrance>[\w-]+)(?:, |$))?(?:(?P<ground>rez-de-chaussée)|(?P<floor>\d+)(?:er|e|ème)? étage)?"
                    r"(?:, )?(?:porte (?P<door>[\w-]+))?$")


def place(text: str) -> str:
    """A flat or entrance as the office writes it ("Escalier A, 1e étage, porte 101") in the
    current language ("Staircase A, floor 1, door 101"; in French "1er étage"). Text of
    another shape is returned as it is, isolated so it keeps its direction in Arabic
    (defect 8: the labels stayed French and zigzagged). The office's feed should one day
    carry floor and door as numbers; until then this reads the landlords' usual form."""
    m = _PLACE.match(text.strip())
    if not m or not any(m.groupdict().values()):
        return isolate(text)
    parts = []
    if m["entrance"]:
        parts.append(QCoreApplication.translate("Formatting", "Escalier {entrance}").format(entrance=m["entrance"]))
    if m["ground"]:
        parts.append(QCoreApplication.translate("Formatting", "rez-de-chaussée"))
    elif m["floor"]:
        n = int(m["floor"])
        if n == 1:
            parts.append(QCoreApplication.translate("Formatting", "1er étage"))
        else:
            parts.append(QCoreApplication.translate("Formatting", "{floor}e étage").format(floor=n))
    if m["door"]:
        parts.append(QCoreApplication.translate("Formatting", "porte {door}").format(door=m["door"]))
    return QCoreApplication.translate("Formatting", ", ").join(parts)


def isolate(text: str) -> str:
    """``text`` in a Unicode first-strong isolate: a French name inside an Arabic line keeps
    its own direction and does not reorder the words around it."""
    return f"\u2068{text}\u2069" if text else text


def price(euros: float) -> str:
    return QLocale().toCurrencyString(euros, "€")
