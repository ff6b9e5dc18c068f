"""What every screen is: a widget with a title, a context, and the duty to forget.

A screen gets a :class:`UiContext` (config, services via ``tasks``, the navigator, the
current theme, the peripherals it may use) and is built by a factory in the
:mod:`~kiosk.ui.registry`. Every field is always there: the main window makes the
context with itself as the navigator, so no screen guards against a missing one. It
re-translates itself on ``LanguageChange`` (``retranslate``) and restyles on theme
change (``restyle``). Screens that show personal data say so (``holds_personal_data``);
the navigator destroys them (``deleteLater``) instead of hiding them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QBoxLayout, QScrollArea, QScroller, QWidget

from kiosk.config import Config
from kiosk.tasks import Tasks
from kiosk.ui.i18n import LanguageSwitcher
from kiosk.ui.theme import CALM, Theme
from kiosk.ui.widgets.keyboard import KeyboardController
from kiosk.ui.widgets.status import Connectivity


class Navigator(Protocol):
    """What screens ask of the main window (``kiosk.ui.main_window.MainWindow``)."""

    languages: LanguageSwitcher
    keyboard_controller: KeyboardController

    def open(self, name: str, **kwargs: Any) -> "Screen": ...
    def back(self) -> None: ...
    def home(self) -> None: ...
    def history(self) -> list[str]: ...
    def refresh_header(self) -> None: ...
    def set_appearance(self, *, theme: str | None = None, large_text: bool | None = None) -> None: ...


@dataclass
class Appearance:
    """The current look, shared by every screen (changed by the attract screen switches)."""

    theme: Theme = CALM
    large_text: bool = False
    easy_read: bool = False      # short sentences with pictograms above each screen (kiosk/ui/easy_read.py)


@dataclass(frozen=True)
class Peripherals:
    """The hardware screens may use. A real kiosk keeps the defaults; tests and the
    screenshot command turn the camera off and send reminder slips to files."""

    camera: bool = True                 # False: scan panels offer typed entry only, no camera
    slip_folder: Path | None = None     # None: slips go to the default printer; else PDF files here


@dataclass
class UiContext:
    config: Config
    tasks: Tasks
    navigator: Navigator
    connectivity: Connectivity
    now: Callable[[], datetime] = datetime.now
    appearance: Appearance = field(default_factory=Appearance)
    peripherals: Peripherals = field(default_factory=Peripherals)


class Screen(QWidget):
    """Base of every screen. Subclasses set ``name`` and implement ``retranslate``."""

    name: str = ""
    holds_personal_data: bool = False
    show_header: bool = True

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = ctx.tasks  # found by kiosk.tasks.Op through the parent chain
        self.setObjectName(f"screen_{self.name}")

    # -- to override --------------------------------------------------------------
    def title(self) -> str:
        return ""

    def retranslate(self) -> None:
        """Set every visible text again (called at build time and on LanguageChange)."""

    def restyle(self) -> None:
        """Re-tint pictograms after a theme or text-size change."""

    def entered(self) -> None:
        """Called each time the screen becomes the current one."""

    @property
    def identified_member(self) -> str | None:
        """The member this screen is open for (their card or the lookup), if any: "Aide"
        then passes them on, and "call me back" need not ask for their number."""
        return None

    # -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.ctx.navigator.refresh_header()
        super().changeEvent(event)

    @property
    def theme(self) -> Theme:
        return self.ctx.appearance.theme


def display_is_landscape(widget: QWidget) -> bool:
    """Whether the kiosk's display (the top window) is wider than tall. Screens choose their
    columns by it, not by their own size: with the on-screen keyboard open in portrait a
    screen is wider than tall, and two columns there cut every button (seen in the renders)."""
    top = widget.window()
    return top.width() > top.height()


def arrange_columns(columns: QBoxLayout, widget: QWidget) -> bool:
    """Side by side in landscape, one above the other in portrait (by the display's shape,
    :func:`display_is_landscape`); True in landscape."""
    landscape = display_is_landscape(widget)
    columns.setDirection(QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom)
    return landscape


def scrolling(inner: QWidget) -> QScrollArea:
    """A frameless scroll area around ``inner`` that follows the finger (see :func:`kinetic`)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(inner)
    kinetic(area)
    return area


def kinetic(area: QAbstractScrollArea) -> QAbstractScrollArea:
    """Finger-drag scrolling with momentum on a list or scroll area."""
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area
