"""Both themes: every text/background pair the style sheet draws reaches WCAG AA 4.5:1."""

from __future__ import annotations

import pytest

from kiosk.ui.theme import (CALM, CONTRAST, PAIRS, THEMES, TOUCH_MIN, contrast_ratio, font_px,
                            relative_luminance, style_sheet)


def test_wcag_formula_on_known_values() -> None:
    assert relative_luminance("#FFFFFF") == pytest.approx(1.0)
    assert relative_luminance("#000000") == pytest.approx(0.0)
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))
@pytest.mark.parametrize("fg, bg", PAIRS, ids=[f"{f}-on-{b}" for f, b in PAIRS])
def test_every_text_pair_reaches_4_5(theme, fg: str, bg: str) -> None:
    ratio = contrast_ratio(theme[fg], theme[bg])
    assert ratio >= 4.5, f"{theme.name}: {fg} {theme[fg]} on {bg} {theme[bg]} is {ratio:.2f}:1"


def test_high_contrast_theme_is_at_least_7_to_1_for_body_text() -> None:
    assert contrast_ratio(CONTRAST["text"], CONTRAST["bg"]) >= 7
    assert contrast_ratio(CONTRAST["on_primary"], CONTRAST["primary"]) >= 7


def test_every_colour_the_style_sheet_uses_is_declared() -> None:
    qss = style_sheet(CALM)
    for key in ("bg", "text", "primary", "on_primary", "accent", "open", "closed"):
        assert CALM[key] in qss


def test_large_text_scales_fonts_and_touch_targets_stay() -> None:
    assert font_px("body", True) > font_px("body", False)
    assert f"min-height: {TOUCH_MIN}px" in style_sheet(CALM, True)
    assert TOUCH_MIN >= 90


def test_placeholder_text_uses_the_muted_colour(qtbot, window) -> None:
    from PySide6.QtGui import QPalette
    screen = window.open("directory")
    colour = screen.search.palette().color(QPalette.ColorRole.PlaceholderText).name().upper()
    assert colour == CALM["muted"].upper()
    window.set_appearance(theme="contrast")
    colour = screen.search.palette().color(QPalette.ColorRole.PlaceholderText).name().upper()
    assert colour == CONTRAST["muted"].upper()
