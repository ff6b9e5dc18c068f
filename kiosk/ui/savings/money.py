"""Amounts of money as the current language writes them: "37 €", "2,40 €", "€37" (euro cents in)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def money(cents: int) -> str:
    whole = cents % 100 == 0
    return QLocale().toCurrencyString(cents / 100, "€", 0 if whole else 2)
