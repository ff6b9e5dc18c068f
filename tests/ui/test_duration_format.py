"""Time credits and hosted hours read "1 h 30" in French, "1 h 30 min" in English and in
Arabic words, each one isolate so an Arabic line never reorders it to "30 h 1"."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang, minutes, text", [
    ("fr", 90, "1\u00a0h\u00a030"), ("fr", 65, "1\u00a0h\u00a005"), ("fr", 120, "2\u00a0h"), ("fr", 45, "45\u00a0min"),
    ("en", 90, "1 h 30 min"), ("en", 120, "2 h"), ("en", 45, "45 min"),
    ("ar", 90, "1 ساعة و30 دقيقة"), ("ar", 120, "2 ساعة"), ("ar", 45, "45 دقيقة"), ("ar", -45, "\u221245 دقيقة"),
])
def test_durations_are_written_for_the_language(qapp, lang, minutes, text) -> None:  # noqa: ANN001
    from kiosk.ui import formatting
    from kiosk.ui.i18n import LanguageSwitcher
    switcher = LanguageSwitcher(qapp)
    switcher.set_language(lang)
    try:
        out = formatting.duration(minutes)
        assert out.startswith("\u2068") and out.endswith("\u2069")
        assert out[1:-1].replace("\u00a0", " ") == text.replace("\u00a0", " ")
    finally:
        switcher.set_language("fr")
