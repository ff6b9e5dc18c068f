"""Partner categories as people read them: a translated label and a pictogram."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CATEGORY_ICONS = {
    "food": "food", "florist": "florist", "beauty": "beauty", "culture": "culture",
    "insurance": "insurance", "artisan": "artisan", "services": "services",
}


def category_label(category: str) -> str:
    c = getattr(category, "value", category)
    if c == "food":
        return QCoreApplication.translate("Categories", "Alimentation")
    if c == "florist":
        return QCoreApplication.translate("Categories", "Fleuristes")
    if c == "beauty":
        return QCoreApplication.translate("Categories", "Coiffure et beauté")
    if c == "culture":
        return QCoreApplication.translate("Categories", "Culture et loisirs")
    if c == "insurance":
        return QCoreApplication.translate("Categories", "Assurance habitation")
    if c == "artisan":
        return QCoreApplication.translate("Categories", "Artisans")
    if c == "services":
        return QCoreApplication.translate("Categories", "Services")
    return QCoreApplication.translate("Categories", "Tous les bons plans")


def category_icon(category: str | None) -> str:
    c = getattr(category, "value", category)
    return CATEGORY_ICONS.get(c or "", "all")
