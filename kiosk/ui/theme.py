"""Colours, sizes and the QSS style sheet of the kiosk; the WCAG contrast check.

Two themes: "calm" (warm paper background, deep teal actions) and "contrast" (black,
white and yellow). Each declares the text/background pairs it uses (``PAIRS``) so a test
proves every pair reaches 4.5:1 (WCAG 2 relative luminance). The large-text switch
scales every font size; touch targets never go under :data:`TOUCH_MIN` pixels.
Widgets pick their look with the dynamic property ``role`` ("action", "tile", "key"...)
and never hard-code colours, so switching theme is one ``setStyleSheet``.
"""

from __future__ import annotations

from dataclasses import dataclass

TOUCH_MIN = 90          # px, smallest side of anything a finger must hit
BASE_FONT_PX = 26       # body text at normal size
LARGE_TEXT_SCALE = 1.3
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans Arabic", "Noto Naskh Arabic"]


@dataclass(frozen=True)
class Theme:
    name: str
    colors: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.colors[key]


CALM = Theme("calm", {
    "bg": "#F4F1EA", "surface": "#FFFFFF", "text": "#1B2A2C", "muted": "#4B5659",
    "primary": "#0E5A61", "on_primary": "#FFFFFF", "primary_pressed": "#0A4247",
    "secondary": "#E3EEEF", "on_secondary": "#0B464C",
    "accent": "#8A3A10", "open": "#1D6631", "closed": "#A0221A",
    "header": "#0E5A61", "on_header": "#FFFFFF",
    "key": "#E4DFD4", "on_key": "#1B2A2C", "key_special": "#C9C2B3",
    "border": "#9C9588", "focus": "#C25E00", "overlay": "#0E5A61", "on_overlay": "#FFFFFF",
    "badge_open": "#DDF0E1", "badge_closed": "#F8E0DD",
})

CONTRAST = Theme("contrast", {
    "bg": "#000000", "surface": "#000000", "text": "#FFFFFF", "muted": "#E6E6E6",
    "primary": "#FFD400", "on_primary": "#000000", "primary_pressed": "#FFFFFF",
    "secondary": "#000000", "on_secondary": "#FFD400",
    "accent": "#FFD400", "open": "#8CFF8C", "closed": "#FF9C9C",
    "header": "#000000", "on_header": "#FFD400",
    "key": "#1A1A1A", "on_key": "#FFFFFF", "key_special": "#333333",
    "border": "#FFFFFF", "focus": "#00E5FF", "overlay": "#000000", "on_overlay": "#FFFFFF",
    "badge_open": "#000000", "badge_closed": "#000000",
})

THEMES = {t.name: t for t in (CALM, CONTRAST)}

# (text colour, background colour) pairs the style sheet actually draws.
PAIRS: list[tuple[str, str]] = [
    ("text", "bg"), ("text", "surface"), ("muted", "bg"), ("muted", "surface"),
    ("on_primary", "primary"), ("on_primary", "primary_pressed"),
    ("on_secondary", "secondary"), ("accent", "surface"), ("accent", "bg"),
    ("open", "badge_open"), ("closed", "badge_closed"), ("open", "surface"), ("closed", "surface"),
    ("on_header", "header"), ("on_key", "key"), ("on_key", "key_special"),
    ("on_overlay", "overlay"), ("overlay", "on_overlay"), ("text", "secondary"),
]


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of ``#RRGGBB``."""
    h = hex_colour.lstrip("#")
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(fg: str, bg: str) -> float:
    a, b = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def font_px(size: str, large: bool) -> int:
    # "small" is the least any text gets: 24 px is read from 1–2 m (22 px was not).
    base = {"small": 24, "body": BASE_FONT_PX, "button": 30, "tile": 38, "title": 40, "hero": 56, "key": 34}[size]
    return round(base * (LARGE_TEXT_SCALE if large else 1.0))


def style_sheet(theme: Theme, large_text: bool = False) -> str:
    """The whole application's QSS for ``theme``."""
    c = theme.colors
    f = lambda s: font_px(s, large_text)  # noqa: E731
    border_w = 3 if theme is CONTRAST else 2
    return f"""
* {{ font-size: {f('body')}px; color: {c['text']}; }}
QWidget#KioskRoot, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{ background: {c['bg']}; }}
QLabel {{ background: transparent; }}
QLabel[role="hero"] {{ font-size: {f('hero')}px; font-weight: bold; color: {c['text']}; }}
QLabel[role="title"] {{ font-size: {f('title')}px; font-weight: bold; }}
QLabel[role="muted"] {{ color: {c['muted']}; font-size: {f('small')}px; }}
QLabel[role="fact"] {{ color: {c['text']}; font-size: {f('body')}px; font-weight: bold; }}
QLabel[role="offer"] {{ color: {c['accent']}; font-weight: bold; font-size: {f('button')}px; }}
QLabel[role="open"] {{ color: {c['open']}; background: {c['badge_open']}; font-weight: bold;
    border-radius: 8px; padding: 4px 12px; }}
QLabel[role="closed"] {{ color: {c['closed']}; background: {c['badge_closed']}; font-weight: bold;
    border-radius: 8px; padding: 4px 12px; }}
QFrame[role="card"] {{ background: {c['surface']}; border: {border_w}px solid {c['border']}; border-radius: 18px; }}
QFrame[role="header"] {{ background: {c['header']}; }}
QFrame[role="header"] QLabel {{ color: {c['on_header']}; font-size: {f('title')}px; font-weight: bold; }}
QFrame[role="header"] QLabel[role="status"] {{ font-size: {f('small')}px; font-weight: normal; }}
QPushButton {{ min-height: {TOUCH_MIN}px; min-width: {TOUCH_MIN}px; font-size: {f('button')}px;
    border-radius: 16px; padding: 8px 20px; background: {c['secondary']}; color: {c['on_secondary']};
    border: {border_w}px solid {c['border']}; }}
QPushButton:pressed {{ background: {c['primary_pressed']}; color: {c['on_primary']}; }}
QPushButton:focus {{ border: 4px solid {c['focus']}; }}
QPushButton[role="action"] {{ background: {c['primary']}; color: {c['on_primary']}; font-weight: bold;
    font-size: {f('button')}px; border: {border_w}px solid {c['primary']}; border-radius: 22px; }}
QPushButton[role="action"]:pressed {{ background: {c['primary_pressed']}; }}
QPushButton[role="action"] QLabel {{ color: {c['on_primary']}; font-size: {f('tile')}px; font-weight: bold; }}
QPushButton[role="tile"] QLabel {{ color: {c['text']}; font-size: {f('tile')}px; font-weight: bold; }}
QPushButton[role="tile"] QLabel[role="body"] {{ font-size: {f('body')}px; font-weight: normal; }}
QPushButton[role="tile"] QLabel[role="title"] {{ font-size: {f('title')}px; }}
QPushButton[role="tile"] QLabel[role="muted"] {{ color: {c['muted']}; font-size: {f('body')}px; font-weight: normal; }}
QPushButton[role="row"] QLabel[role="fact"], QPushButton[role="tile"] QLabel[role="fact"] {{ color: {c['text']}; font-size: {f('body')}px; font-weight: bold; }}
QPushButton[role="tile"] {{ background: {c['surface']}; color: {c['text']}; font-weight: bold;
    border: {border_w}px solid {c['border']}; border-radius: 22px; }}
QPushButton[role="tile"]:pressed, QPushButton[role="row"]:pressed {{ background: {c['secondary']}; color: {c['on_secondary']}; }}
QPushButton[role="row"] {{ background: {c['surface']}; border: {border_w}px solid {c['border']}; border-radius: 18px;
    text-align: left; padding: 0; }}
QPushButton[role="nav"] {{ background: {c['header']}; color: {c['on_header']}; border: {border_w}px solid {c['on_header']};
    font-weight: bold; }}
QPushButton[role="toggle"]:checked, QPushButton[role="lang"]:checked {{ background: {c['primary']}; color: {c['on_primary']};
    border-color: {c['primary']}; }}
QPushButton[role="key"] {{ background: {c['key']}; color: {c['on_key']}; font-size: {f('key')}px;
    border-radius: 12px; padding: 0; min-width: 60px; border: 1px solid {c['border']}; }}
QPushButton[role="key"][special="true"] {{ background: {c['key_special']}; font-size: {f('body')}px; }}
QPushButton[role="key"]:checked {{ background: {c['primary']}; color: {c['on_primary']}; }}
QPushButton[role="key"]:pressed {{ background: {c['primary']}; color: {c['on_primary']}; }}
QFrame[role="keyboard"] {{ background: {c['bg']}; border-top: {border_w + 1}px solid {c['border']}; }}
QLineEdit, QTextEdit, QPlainTextEdit {{ min-height: {TOUCH_MIN}px; font-size: {f('button')}px; background: {c['surface']};
    color: {c['text']}; border: {border_w + 1}px solid {c['border']}; border-radius: 14px; padding: 0 16px;
    placeholder-text-color: {c['muted']}; }}
QLineEdit:focus, QTextEdit:focus {{ border: 4px solid {c['focus']}; }}
QWidget[role="overlay"] {{ background: rgba(0, 0, 0, 170); }}
QFrame[role="overlay_card"] {{ background: {c['overlay']}; border-radius: 28px; border: 3px solid {c['on_overlay']}; }}
QFrame[role="overlay_card"] QLabel {{ color: {c['on_overlay']}; }}
QPushButton[role="overlay_button"] {{ background: {c['on_overlay']}; color: {c['overlay']}; font-weight: bold;
    font-size: {f('title')}px; border: 3px solid {c['on_overlay']}; border-radius: 22px; }}
QPushButton[role="overlay_button"]:pressed {{ background: {c['secondary']}; color: {c['on_secondary']}; }}
QFrame[role="accessbar"] {{ background: {c['surface']}; border-top: {border_w + 1}px solid {c['border']}; }}
QFrame[role="accesspanel"] {{ background: {c['bg']}; border-top: {border_w}px solid {c['border']}; }}
QPushButton[role="access"] {{ font-weight: bold; }}
QPushButton[role="access"]:checked, QPushButton[role="access_main"] {{ background: {c['primary']}; color: {c['on_primary']};
    border: {border_w}px solid {c['primary']}; font-weight: bold; }}
QPushButton[role="access_main"]:checked {{ border: 5px solid {c['focus']}; }}
QPushButton:disabled {{ color: {c['muted']}; border-style: dashed; }}
QLabel[role="level"] {{ color: {c['text']}; font-weight: bold; }}
QFrame[role="easyread"] {{ background: {c['surface']}; border-bottom: {border_w + 1}px solid {c['border']}; }}
QLabel[role="easyline"] {{ font-size: {f('title')}px; font-weight: bold; color: {c['text']}; }}
QListWidget {{ background: {c['surface']}; border: {border_w}px solid {c['border']}; border-radius: 14px; }}
QScrollBar:vertical {{ width: 18px; background: {c['bg']}; }}
QScrollBar::handle:vertical {{ background: {c['border']}; border-radius: 9px; min-height: 60px; }}
"""
