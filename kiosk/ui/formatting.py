"""Numbers, distances, durations, times and days written for the current language.

Uses the default :class:`QLocale` (set by :class:`~kiosk.ui.i18n.LanguageSwitcher`),
so "1,2 km" in French, "1.2 km" in English. Words go through ``translate`` with named
placeholders (STYLE 6). Prices use the locale's currency format in euros.
"""

from __future__ import annotations

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


def price(euros: float) -> str:
    return QLocale().toCurrencyString(euros, "€")
