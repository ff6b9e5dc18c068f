"""The kiosk window. It only navigates: a stack of screens, Back and Home, the keyboard.

Screens come from the :class:`~kiosk.ui.registry.ScreenRegistry` by name. Opening one
pushes it; Back pops and *destroys* the top screen (``deleteLater``), Home pops all but
the attract screen. The idle reset goes Home, empties every text field and undo stack
left, clears the clipboard and puts language and appearance back to the defaults, so the
next person finds nothing of the previous one. The header (Back, title, Home) is on every
screen except the attract screen, which is Home itself. Below every screen, the access
bar (kiosk/ui/access.py): "Écouter" (speech, kiosk/ui/speech.py), "Aide" (the help
screen, one tap from anywhere) and "Affichage" (large text, contrast, easy-read). Over
everything, the full-screen answer to a card (``flash``) and the idle countdown. A
keyboard-wedge scanner's card (kiosk/ui/wedge.py) goes to the screen that expects one.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTransform
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QStackedWidget, QTextEdit, QVBoxLayout, QWidget)

from kiosk.audio.player import player_for
from kiosk.audio.speech import DEFAULT_STEP, Speaker
from kiosk.config import Config
from kiosk.tasks import Tasks
from kiosk.ui.access import AccessBar, DisplayPanel, SpeechPanel
from kiosk.ui.easy_read import EasyReadStrip
from kiosk.ui.i18n import LanguageSwitcher
from kiosk.ui.registry import ScreenRegistry
from kiosk.ui.resources import pixmap
from kiosk.ui.screen import Peripherals, Screen, UiContext
from kiosk.ui.speech import SpeechController
from kiosk.ui.spoken import screen_text
from kiosk.ui.theme import CALM, CONTRAST, THEMES, style_sheet
from kiosk.ui.wedge import WedgeScanner
from kiosk.ui.widgets.flash import ResultFlash
from kiosk.ui.widgets.idle import IdleOverlay, IdleWatcher
from kiosk.ui.widgets.keyboard import KeyboardController, OnScreenKeyboard
from kiosk.ui.widgets.status import Connectivity

READ_AFTER_OPEN_MS = 150   # a new screen is read once its data has had a moment to arrive

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
        self.title.setTextFormat(Qt.TextFormat.PlainText)   # a partner's name may be the title
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


class _Stack(QStackedWidget):
    """The screens' stack. It never asks for height-for-width: its pages' wrapped labels
    would otherwise make the window's layout squeeze the keyboard below its minimum
    (keys overlapping, the bottom row cut in landscape: defect 2)."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt name
        return False


class MainWindow(QWidget):
    """The navigator (``ctx.navigator``): it makes the screens' :class:`UiContext` with
    itself as the navigator, so the context is complete before the first screen opens."""

    screen_opened = Signal(str)
    screen_shown = Signal(str)      # a screen came on top: opened, or back to it (Back, Home, reset)
    reset_done = Signal()
    appearance_changed = Signal()

    def __init__(self, config: Config, tasks: Tasks, registry: ScreenRegistry, languages: LanguageSwitcher, *,
                 connectivity: Connectivity, now: Callable[[], datetime] = datetime.now,
                 peripherals: Peripherals = Peripherals(),
                 idle_timeout_s: float | None = None, idle_countdown_s: float | None = None,
                 speaker: Speaker | None = None) -> None:
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
        self.stack = _Stack(self)
        # An explicit minimum: the stack would otherwise ask for the largest minimum of
        # all its screens, and with the keyboard open the window would outgrow the display.
        self.stack.setMinimumSize(200, 200)
        self.keyboard = OnScreenKeyboard(self)
        self.keyboard_controller = KeyboardController(self.keyboard, lambda: self.languages.language, self)
        self.keyboard_controller.shown.connect(self._on_keyboard_controller_shown)
        self.speech = SpeechController(speaker or Speaker(player_for(ctx.config.audio_device)),
                                       lambda: self.languages.language, self, self)
        self.easy_strip = EasyReadStrip(self)
        self.easy_strip.hide()
        self.access = AccessBar(self)
        self.speech_panel = SpeechPanel(self.speech.steps, self)
        self.speech_panel.set_step(self.speech.step)
        self.speech_panel.hide()
        self.display_panel = DisplayPanel(self)
        self.display_panel.hide()
        self.speech.ignored.update(self.speech_panel.buttons + [self.access.listen])
        self.access.listen.clicked.connect(self._on_access_listen_clicked)
        self.access.help.clicked.connect(self._on_access_help_clicked)
        self.access.display.toggled.connect(self._on_access_display_toggled)
        self.speech_panel.repeat.clicked.connect(self.speech.repeat)
        self.speech_panel.stop.clicked.connect(self.speech.stop)
        self.speech_panel.quieter.clicked.connect(self.speech.quieter)
        self.speech_panel.louder.clicked.connect(self.speech.louder)
        self.speech.mode_changed.connect(self._on_speech_mode_changed)
        self.speech.volume_changed.connect(self.speech_panel.set_step)
        self.display_panel.toggled.connect(self._on_display_panel_toggled)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.header)
        lay.addWidget(self.easy_strip)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.keyboard)
        lay.addWidget(self.speech_panel)
        lay.addWidget(self.display_panel)
        lay.addWidget(self.access)   # last: "Écouter" stays in the bottom corner, keyboard open or not
        self.flash = ResultFlash(self)
        self.wedge = WedgeScanner(self)
        self.wedge.card_scanned.connect(self._on_wedge_card_scanned)

        timeout = ctx.config.idle_timeout_s if idle_timeout_s is None else idle_timeout_s
        countdown = ctx.config.idle_countdown_s if idle_countdown_s is None else idle_countdown_s
        self.idle = IdleWatcher(timeout, self)
        self.idle.idle_reached.connect(self._on_idle_reached)
        self.overlay = IdleOverlay(countdown, self)
        self.overlay.expired.connect(self._on_overlay_expired)
        self.overlay.dismissed.connect(self._on_overlay_dismissed)
        self.overlay.started.connect(self._on_overlay_started)
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
        self.flash.dismiss()
        self.speech.reset()              # silence, and the default volume for the next person
        self.keyboard_controller.close()
        self.access.display.setChecked(False)
        self.home()
        clear_typed_text(self)
        QGuiApplication.clipboard().clear()
        self.languages.set_language(self._default_language)
        a = self.ctx.appearance
        if a.theme is not CALM or a.large_text or a.easy_read:
            self.set_appearance(theme=CALM.name, large_text=False, easy_read=False)
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
        self.keyboard_controller.quiet()   # the focus Qt gives the new screen is not a touch
        self.stack.setCurrentWidget(screen)
        self.refresh_header()
        self._refresh_easy_read()
        self.access.help.setChecked(screen.name == "help")
        screen.entered()
        if self.speech.mode:
            QTimer.singleShot(READ_AFTER_OPEN_MS, self, self._on_read_timeout)
        self.screen_shown.emit(screen.name)

    def refresh_header(self) -> None:
        if not self._history:
            return
        screen = self.current()
        self.header.setVisible(screen.show_header)
        self.header.title.setText(screen.title())

    # -- appearance ----------------------------------------------------------------------
    def set_appearance(self, *, theme: str | None = None, large_text: bool | None = None,
                       easy_read: bool | None = None) -> None:
        if theme is not None:
            self.ctx.appearance.theme = THEMES[theme]
        if large_text is not None:
            self.ctx.appearance.large_text = large_text
        if easy_read is not None:
            self.ctx.appearance.easy_read = easy_read
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
        self.display_panel.mirror(large=a.large_text, contrast=a.theme is CONTRAST, easy=a.easy_read)
        for row in (self.access, self.speech_panel, self.display_panel):
            row.restyle(a.theme)
        self._refresh_easy_read()
        for s in self._history:
            s.restyle()
        self.appearance_changed.emit()

    def _refresh_easy_read(self) -> None:
        # the attract screen shows its easy-read lines itself, in place of the news
        on = self.ctx.appearance.easy_read and bool(self._history) and self.current().name != "attract"
        if on:
            self.easy_strip.show_for(self.current().name, self.ctx.appearance.theme)
        self.easy_strip.setVisible(on)

    # -- speech, help, display, cards ------------------------------------------------------
    def spoken_text(self) -> str:
        """What "Écouter" reads now: the countdown or the card's answer if shown, else the
        easy-read sentences (when on) and the current screen."""
        if self.overlay.isVisible():
            return self.overlay.spoken_text()
        if self.flash.isVisible():
            return self.flash.text.text()
        parts = [self.easy_strip.text()] if self.easy_strip.isVisible() else []
        screen = self.current()
        parts.append(screen_text(screen, screen.title() if screen.show_header else ""))
        return "\n".join(p for p in parts if p)

    def show_card_result(self, ok: bool, text: str) -> None:
        """The full-screen answer to a card, its sound, and its words when "Écouter" is on."""
        self.flash.show_result(ok, text)
        self.speech.sound("done" if ok else "refused", then_say=text)

    def take_card(self, text: str) -> bool:
        """A card read outside the camera (a keyboard-wedge scanner): to the screen that
        expects one (its scan panel), else from the attract screen or a screen holding
        nothing personal to the member space. False if the screen cannot take it now."""
        from kiosk.ui.scan_panel import ScanPanel
        screen = self.current()
        panels = [p for p in screen.findChildren(ScanPanel) if p.isVisible()]
        if panels:
            panels[0].enter_card(text)
            return True
        if screen.holds_personal_data or self.keyboard.isVisible():
            return False   # a form being filled: do not throw it away for a stray scan
        self.speech.sound("card_read")
        self.open("member", card_text=text)
        return True

    def _on_wedge_card_scanned(self, text: str) -> None:
        if self.overlay.isVisible():
            self.overlay.stop()
            self.idle.restart()
        if not self.take_card(text):
            self.speech.sound("error")

    def _on_access_listen_clicked(self) -> None:
        self.access.listen.setChecked(True)
        self.speech.listen(self.spoken_text())

    def _on_read_timeout(self) -> None:
        self.speech.say_if_listening(self.spoken_text())

    def _on_speech_mode_changed(self, on: bool) -> None:
        self.access.listen.setChecked(on)
        self.speech_panel.setVisible(on)
        if on:
            self.access.display.setChecked(False)
        self.access.restyle(self.ctx.appearance.theme)

    def _on_access_help_clicked(self) -> None:
        if self.current().name != "help":
            self.open("help", member_id=next((s.identified_member for s in reversed(self._history)
                                              if s.identified_member), None))
        self.access.help.setChecked(True)

    def _on_access_display_toggled(self, on: bool) -> None:
        self.display_panel.setVisible(on)
        self.access.restyle(self.ctx.appearance.theme)

    def _on_display_panel_toggled(self, key: str, on: bool) -> None:
        if key == "large":
            self.set_appearance(large_text=on)
        elif key == "contrast":
            self.set_appearance(theme=(CONTRAST if on else CALM).name)
        else:
            self.set_appearance(easy_read=on)

    def _on_keyboard_controller_shown(self) -> None:
        # the keyboard needs the height: the display choices fold away while typing
        self.access.display.setChecked(False)

    def _on_overlay_started(self) -> None:
        self.speech.say_if_listening(self.overlay.spoken_text())

    # -- slots -----------------------------------------------------------------------------
    def _on_back_clicked(self) -> None:
        self.back()

    def _on_home_clicked(self) -> None:
        self.home()

    def _on_languages_language_changed(self, lang: str) -> None:
        self.header.restyle(self.ctx.appearance.theme["on_header"], lang == "ar")
        self._refresh_easy_read()
        for s in self._history:
            s.restyle()
        self.refresh_header()

    def _on_idle_reached(self) -> None:
        a = self.ctx.appearance
        at_rest = (len(self._history) == 1 and self.languages.language == self._default_language
                   and a.theme is CALM and not a.large_text and not a.easy_read
                   and not self.keyboard.isVisible() and not self.speech.mode
                   and self.speech.step == DEFAULT_STEP)
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

    def closeEvent(self, event) -> None:
        self.speech.close()   # the speech thread and any sound still playing
        super().closeEvent(event)

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
        self.keyboard.set_landscape(event.size().width() > event.size().height())
        super().resizeEvent(event)
        if self.overlay.isVisible():
            self.overlay.setGeometry(self.rect())
        if self.flash.isVisible():
            self.flash.setGeometry(self.rect())
