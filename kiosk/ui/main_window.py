"""The kiosk window. It only navigates: a stack of screens, Back and Home, the keyboard.

Screens come from the :class:`~kiosk.ui.registry.ScreenRegistry` by name. Opening one
pushes it; Back pops and *destroys* the top screen (``deleteLater``), Home pops all but
the attract screen. The idle reset goes Home, empties every text field and undo stack
left, clears the clipboard and puts language and appearance back to the defaults, so the
next person finds nothing of the previous one. The header (Back, title, Home) is on every
screen except the attract screen, which is Home itself.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTransform
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QStackedWidget, QTextEdit, QVBoxLayout, QWidget)

from kiosk.config import Config
from kiosk.tasks import Tasks
from kiosk.ui.i18n import LanguageSwitcher
from kiosk.ui.registry import ScreenRegistry
from kiosk.ui.resources import pixmap
from kiosk.ui.screen import Peripherals, Screen, UiContext
from kiosk.ui.theme import CALM, THEMES, style_sheet
from kiosk.ui.widgets.idle import IdleOverlay, IdleWatcher
from kiosk.ui.widgets.keyboard import KeyboardController, OnScreenKeyboard
from kiosk.ui.widgets.status import Connectivity

log = logging.getLogger(__name__)


def clear_typed_text(root: QWidget) -> None:
    """Empty every editable field under ``root``, with its undo history."""
    for w in root.findChildren(QLineEdit):
        w.setText("")          # also clears the undo/redo history
    for w in root.findChildren(QTextEdit):
        w.clear()
        w.document().clearUndoRedoStacks()
    for w in root.findChildren(QPlainTextEdit):
        w.clear()
        w.document().clearUndoRedoStacks()
    for w in root.findChildren(QAbstractSpinBox):
        w.clear()


class _Header(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setProperty("role", "header")
        self.back = QPushButton()
        self.back.setObjectName("nav_back")
        self.home = QPushButton()
        self.home.setObjectName("nav_home")
        for b in (self.back, self.home):
            b.setProperty("role", "nav")
            b.setIconSize(QSize(44, 44))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setMinimumWidth(200)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.setSpacing(16)
        lay.addWidget(self.back)
        lay.addWidget(self.title, 1)
        lay.addWidget(self.home)

    def retranslate(self) -> None:
        self.back.setText(self.tr("Retour"))
        self.back.setAccessibleName(self.tr("Retour à l'écran précédent"))
        self.home.setText(self.tr("Accueil"))
        self.home.setAccessibleName(self.tr("Retour à l'accueil"))

    def restyle(self, colour: str, rtl: bool) -> None:
        back = pixmap("back", colour, 44)
        if rtl:  # the arrow points the way back, which is to the right in Arabic
            back = back.transformed(QTransform().scale(-1, 1))
        self.back.setIcon(back)
        self.home.setIcon(pixmap("home", colour, 44))


class MainWindow(QWidget):
    """The navigator (``ctx.navigator``): it makes the screens' :class:`UiContext` with
    itself as the navigator, so the context is complete before the first screen opens."""

    screen_opened = Signal(str)
    reset_done = Signal()
    appearance_changed = Signal()

    def __init__(self, config: Config, tasks: Tasks, registry: ScreenRegistry, languages: LanguageSwitcher, *,
                 connectivity: Connectivity, now: Callable[[], datetime] = datetime.now,
                 peripherals: Peripherals = Peripherals(),
                 idle_timeout_s: float | None = None, idle_countdown_s: float | None = None) -> None:
        super().__init__()
        self.setObjectName("KioskRoot")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        ctx = UiContext(config=config, tasks=tasks, navigator=self, connectivity=connectivity, now=now,
                        peripherals=peripherals)
        self.ctx = ctx
        self.tasks = tasks
        self.registry = registry
        self.languages = languages
        self._default_language = ctx.config.default_language
        self._history: list[Screen] = []
        self._qss = ""

        self.header = _Header(self)
        self.header.back.clicked.connect(self._on_back_clicked)
        self.header.home.clicked.connect(self._on_home_clicked)
        self.stack = QStackedWidget(self)
        # An explicit minimum: the stack would otherwise ask for the largest minimum of
        # all its screens, and with the keyboard open the window would outgrow the display.
        self.stack.setMinimumSize(200, 200)
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard_controller = KeyboardController(self.keyboard, lambda: self.languages.language, self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.header)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.keyboard)

        timeout = ctx.config.idle_timeout_s if idle_timeout_s is None else idle_timeout_s
        countdown = ctx.config.idle_countdown_s if idle_countdown_s is None else idle_countdown_s
        self.idle = IdleWatcher(timeout, self)
        self.idle.idle_reached.connect(self._on_idle_reached)
        self.overlay = IdleOverlay(countdown, self)
        self.overlay.expired.connect(self._on_overlay_expired)
        self.overlay.dismissed.connect(self._on_overlay_dismissed)
        languages.language_changed.connect(self._on_languages_language_changed)

        self.apply_appearance()
        self.header.retranslate()
        self.open("attract")
        self._warmed = False

    # -- navigation --------------------------------------------------------------------
    def current(self) -> Screen:
        return self._history[-1]

    def history(self) -> list[str]:
        return [s.name for s in self._history]

    def open(self, name: str, **kwargs) -> Screen:
        spec = self.registry.get(name)
        screen = spec.factory(self.ctx, **kwargs)
        screen.name = screen.name or name
        self.stack.addWidget(screen)
        self._history.append(screen)
        self._show(screen)
        self.screen_opened.emit(name)
        return screen

    def back(self) -> None:
        if len(self._history) > 1:
            self._drop(self._history.pop())
            self._show(self._history[-1])

    def home(self) -> None:
        while len(self._history) > 1:
            self._drop(self._history.pop())
        self._show(self._history[0])

    def reset(self) -> None:
        """Forget everything of the last person: screens, text, clipboard, choices."""
        self.overlay.stop()
        self.keyboard_controller.close()
        self.home()
        clear_typed_text(self)
        QGuiApplication.clipboard().clear()
        self.languages.set_language(self._default_language)
        if self.ctx.appearance.theme is not CALM or self.ctx.appearance.large_text:
            self.set_appearance(theme=CALM.name, large_text=False)
        self.current().entered()
        self.idle.restart()
        self.reset_done.emit()

    def _drop(self, screen: Screen) -> None:
        self.stack.removeWidget(screen)
        clear_typed_text(screen)
        screen.hide()
        screen.deleteLater()

    def _show(self, screen: Screen) -> None:
        self.keyboard_controller.close()
        self.stack.setCurrentWidget(screen)
        self.refresh_header()
        screen.entered()

    def refresh_header(self) -> None:
        if not self._history:
            return
        screen = self.current()
        self.header.setVisible(screen.show_header)
        self.header.title.setText(screen.title())

    # -- appearance ----------------------------------------------------------------------
    def set_appearance(self, *, theme: str | None = None, large_text: bool | None = None) -> None:
        if theme is not None:
            self.ctx.appearance.theme = THEMES[theme]
        if large_text is not None:
            self.ctx.appearance.large_text = large_text
        self.apply_appearance()

    def apply_appearance(self) -> None:
        a = self.ctx.appearance
        qss = style_sheet(a.theme, a.large_text)
        if qss != self._qss:
            # On the window, not the application: only our widgets are re-polished.
            self._qss = qss
            self.setStyleSheet(qss)
        rtl = self.languages.language == "ar"
        self.header.restyle(a.theme["on_header"], rtl)
        for s in self._history:
            s.restyle()
        self.appearance_changed.emit()

    # -- slots -----------------------------------------------------------------------------
    def _on_back_clicked(self) -> None:
        self.back()

    def _on_home_clicked(self) -> None:
        self.home()

    def _on_languages_language_changed(self, lang: str) -> None:
        self.header.restyle(self.ctx.appearance.theme["on_header"], lang == "ar")
        for s in self._history:
            s.restyle()
        self.refresh_header()

    def _on_idle_reached(self) -> None:
        at_rest = (len(self._history) == 1 and self.languages.language == self._default_language
                   and self.ctx.appearance.theme is CALM and not self.ctx.appearance.large_text
                   and not self.keyboard.isVisible())
        if at_rest:
            clear_typed_text(self)
            self.idle.restart()
            return
        self.overlay.start()

    def _on_overlay_expired(self) -> None:
        self.reset()

    def _on_overlay_dismissed(self) -> None:
        self.idle.restart()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.header.retranslate()
            self.refresh_header()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._warmed:
            # Once the first picture is up, import the feature screens while nobody
            # touches anything yet, so the first tap on them does not stall.
            self._warmed = True
            QTimer.singleShot(50, self._on_warmup_timeout)

    def _on_warmup_timeout(self) -> None:
        from kiosk.services import resolve_deferred
        if self.tasks.services is not None:  # feature services: built off the GUI thread
            self.tasks.submit(resolve_deferred, lambda fut: fut.exception() and log.error(
                "building a feature service failed: %r", fut.exception()))
        try:
            self.registry.load_pending()
            import kiosk.camera.worker  # noqa: F401 - OpenCV and numpy: ~0.7 s to import
            import kiosk.ui.scan_panel  # noqa: F401
        except Exception:  # noqa: BLE001 - a broken feature must not stop the kiosk
            log.exception("warming up feature screens failed")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.overlay.isVisible():
            self.overlay.setGeometry(self.rect())
