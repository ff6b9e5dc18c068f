"""The on-screen keyboard: French AZERTY with accents, Arabic, and a numeric pad.

It never takes focus: its keys send key events to the focused field, so QLineEdit,
QTextEdit and validators behave exactly as with a hardware keyboard (which keeps
working). :class:`KeyboardController` watches focus application-wide and opens the
keyboard for any editable text field, choosing the page from the field's dynamic
property ``keyboard`` ("numeric", "text", "arabic") or its input-method hints
(``ImhDigitsOnly``, ``ImhDialableCharactersOnly``...: numeric pad), else the current
language. A field that only gets the focus because a screen was shown does not open
it (:meth:`KeyboardController.quiet`; a touch or :func:`focus_with_keyboard` does) (the partner list's search field used to open it
unasked). The keyboard sits below the screens in the window's layout, so the screen
shrinks instead of being covered; the controller then scrolls the field into view.
Keys are at least 90 px high. The key grid keeps left-to-right order even in Arabic
(as printed keyboards do).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractScrollArea, QApplication, QFrame, QGridLayout, QHBoxLayout, QLineEdit,
                               QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QStackedLayout,
                               QTextEdit, QVBoxLayout, QWidget)

from kiosk.ui.theme import TOUCH_MIN

LATIN_ROWS = ["1234567890", "azertyuiop", "qsdfghjklm", "⇧wxcvbn'-⌫"]
# Every letter French names use (Anaïs, Joël, Loïc, Chloé, Laetitia/Lætitia, Cœur):
# 2 rows of 8 under the letters in portrait, a 4 × 4 block beside them in landscape.
ACCENTS = "éèêëàâçùûüôîïÿœæ"
ARABIC_ROWS = ["1234567890", "ضصثقفغعهخح", "جدشسيبلاتن", "مكطذئءؤرىة"]
ARABIC_SIDE = "وزظأإآ⌫"      # a row under the others in portrait, beside them in landscape
# (side keys, per row in portrait, per row in landscape) of the two letter pages
SIDES = {"text": (ACCENTS, 8, 4), "arabic": (ARABIC_SIDE, 7, 4)}
NUMERIC_ROWS = ["123", "456", "789", "+0⌫"]
NUMERIC_HINTS = (Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhDialableCharactersOnly
                 | Qt.InputMethodHint.ImhFormattedNumbersOnly)



class _Key(QPushButton):
    def __init__(self, char: str, special: bool = False) -> None:
        super().__init__(char)
        self.char = char
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus
        self.setProperty("role", "key")
        self.setProperty("special", "true" if special else "false")
        self.setMinimumHeight(TOUCH_MIN)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAutoRepeat(char == "⌫")


class OnScreenKeyboard(QFrame):
    """Keys for the target widget; emits ``closed`` when the user hides it."""

    closed = Signal()
    page_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "keyboard")
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._target: QWidget | None = None
        self._shift = False
        self._keys: list[_Key] = []
        self._specials: dict[str, _Key] = {}
        self._pages = QStackedLayout()
        self._sides: dict[str, tuple] = {}
        self._page_index: dict[str, int] = {}
        for name, rows in (("text", LATIN_ROWS), ("arabic", ARABIC_ROWS), ("numeric", NUMERIC_ROWS)):
            self._page_index[name] = self._pages.addWidget(self._build_page(name, rows))
        keys = QWidget()
        keys.setLayout(self._pages)
        keys.setMaximumWidth(1840)  # in landscape, keys wider than a hand span slow typing
        self._keys_box = keys
        self._landscape = False
        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(keys)
        self._page = "text"
        self.retranslate()

    # -- building -------------------------------------------------------------------
    def _build_page(self, name: str, rows: list[str]) -> QWidget:
        page = QWidget()
        outer = QGridLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        letters = QWidget()
        grid = QVBoxLayout(letters)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for row in rows:
            line = QHBoxLayout()
            line.setSpacing(6)
            if name == "numeric":
                line.addStretch(1)
            for ch in row:
                key = self._make_key(ch, name)
                line.addWidget(key, 2 if ch in "⇧⌫" and name != "numeric" else 1)
                if name == "numeric":
                    key.setFixedWidth(160)
            if name == "numeric":
                line.addStretch(1)
            grid.addLayout(line)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        # "Fermer" and "Valider" get as much room as each other: in large text, portrait,
        # "Fermer" at 3 parts of 23 was 10 px short of its label (tests/ui/test_clipping.py).
        hide = self._make_key("hide", name)
        bottom.addWidget(hide, 4)
        if name != "numeric":
            bottom.addWidget(self._make_key("switch", name), 3)
            for ch in "@._":
                bottom.addWidget(self._make_key(ch, name), 2)
            bottom.addWidget(self._make_key("space", name), 6)
        else:
            bottom.addStretch(1)
        bottom.addWidget(self._make_key("enter", name), 4)
        bottom_w = QWidget()
        bottom_w.setLayout(bottom)
        bottom.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(letters, 0, 0)
        if name in SIDES:
            chars, _portrait, _landscape = SIDES[name]
            side = QWidget()
            side_grid = QGridLayout(side)
            side_grid.setContentsMargins(0, 0, 0, 0)
            side_grid.setSpacing(6)
            side_keys = [self._make_key(ch, name) for ch in chars]
            self._sides[name] = (outer, bottom_w, side, side_grid, side_keys)
            self._place_side(name, landscape=False)
        else:
            outer.addWidget(bottom_w, 1, 0)
        return page

    def _place_side(self, name: str, *, landscape: bool) -> None:
        """Portrait: letters, the side keys in rows, the bottom row. Landscape: the side
        keys as a block beside the letters, so the keyboard is 5 rows high, not 7
        (defect 2: at 1920 × 1080 its rows overlapped and the bottom row was cut)."""
        outer, bottom, side, grid, keys = self._sides[name]
        _chars, portrait_cols, landscape_cols = SIDES[name]
        for w in (side, bottom):
            outer.removeWidget(w)
        for k in keys:
            grid.removeWidget(k)
        per_row = landscape_cols if landscape else portrait_cols
        for i, k in enumerate(keys):
            grid.addWidget(k, i // per_row, i % per_row)
        if landscape:
            outer.addWidget(bottom, 1, 0)
            outer.addWidget(side, 0, 1, 2, 1)
            outer.setColumnStretch(0, 10)
            outer.setColumnStretch(1, 4)
        else:
            outer.addWidget(side, 1, 0)
            outer.addWidget(bottom, 2, 0)
            outer.setColumnStretch(0, 1)
            outer.setColumnStretch(1, 0)

    def set_landscape(self, landscape: bool) -> None:
        """Arrange the keys for the window's orientation (called by the window on resize,
        before the keyboard shows: arranged after, it would first make the window taller)."""
        if landscape != self._landscape:
            self._landscape = landscape
            for name in self._sides:
                self._place_side(name, landscape=landscape)
            # A hidden widget's layouts are not recomputed until shown: do it now, or the
            # window would grow to the old (portrait) minimum when the keyboard appears.
            for outer, *_rest in self._sides.values():
                outer.invalidate()
                outer.activate()
            self._pages.invalidate()
            self.layout().invalidate()
            self.layout().activate()
            self.updateGeometry()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        win = self.window()
        self.set_landscape(win.width() > win.height())
        super().showEvent(event)

    def _make_key(self, ch: str, page: str) -> _Key:
        special = ch in ("⇧", "⌫", "hide", "switch", "space", "enter")
        key = _Key(ch, special)
        key.setObjectName(f"key_{page}_{ch}")
        if ch == "⇧":
            key.setCheckable(True)
        key.clicked.connect(lambda _=False, k=key: self._on_key_clicked(k))
        if special:
            self._specials[f"{page}:{ch}"] = key
        self._keys.append(key)
        return key

    # -- state -----------------------------------------------------------------------
    @property
    def page(self) -> str:
        return self._page

    def set_page(self, page: str) -> None:
        self._page = page
        self._pages.setCurrentIndex(self._page_index[page])
        self.page_changed.emit(page)

    def set_target(self, widget: QWidget | None) -> None:
        self._target = widget

    def target(self) -> QWidget | None:
        return self._target

    def keys(self, page: str | None = None) -> list[_Key]:
        prefix = f"key_{page or self._page}_"
        return [k for k in self._keys if k.objectName().startswith(prefix)]

    def key_for(self, char: str, page: str | None = None) -> _Key:
        """The button that types ``char`` (or a special: hide, space, enter, ⌫, ⇧)."""
        name = f"key_{page or self._page}_{char.lower() if (page or self._page) == 'text' else char}"
        for k in self._keys:
            if k.objectName() == name:
                return k
        raise KeyError(char)

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        for k in self.keys("text"):
            if len(k.char) == 1 and k.char.isalpha():
                k.setText(k.char.upper() if on else k.char)
        self._specials["text:⇧"].setChecked(on)

    # -- typing ----------------------------------------------------------------------
    def _on_key_clicked(self, key: _Key) -> None:
        ch = key.char
        if ch == "hide":
            self.closed.emit()
            return
        if ch == "⇧":
            self._set_shift(key.isChecked())
            return
        if ch == "switch":
            self.set_page("arabic" if self._page == "text" else "text")
            return
        if ch == "⌫":
            self._send(Qt.Key.Key_Backspace, "")
        elif ch == "enter":
            self._send(Qt.Key.Key_Return, "\r")
        elif ch == "space":
            self._send(Qt.Key.Key_Space, " ")
        else:
            text = ch.upper() if self._shift and self._page == "text" else ch
            self._send(Qt.Key.Key_unknown, text)
            if self._shift:
                self._set_shift(False)  # one capital, like phones do

    def _send(self, key: Qt.Key, text: str) -> None:
        target = self._target or QApplication.focusWidget()
        if target is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))

    def retranslate(self) -> None:
        labels = {"hide": QCoreApplication.translate("OnScreenKeyboard", "Fermer"), "space": QCoreApplication.translate("OnScreenKeyboard", "Espace"), "enter": QCoreApplication.translate("OnScreenKeyboard", "Valider"),
                  "⌫": "⌫", "⇧": "⇧"}
        names = {"hide": QCoreApplication.translate("OnScreenKeyboard", "Fermer le clavier"), "space": QCoreApplication.translate("OnScreenKeyboard", "Espace"), "enter": QCoreApplication.translate("OnScreenKeyboard", "Valider"),
                 "⌫": QCoreApplication.translate("OnScreenKeyboard", "Effacer"), "⇧": QCoreApplication.translate("OnScreenKeyboard", "Majuscule")}
        for k in self._keys:
            if k.char == "switch":
                on_latin = k.objectName().startswith("key_text_")
                k.setText("عربي" if on_latin else "ABC")
                k.setAccessibleName(QCoreApplication.translate("OnScreenKeyboard", "Clavier arabe") if on_latin else QCoreApplication.translate("OnScreenKeyboard", "Clavier latin"))
            elif k.char in labels:
                k.setText(labels[k.char])
                k.setAccessibleName(names[k.char])
            else:
                k.setAccessibleName(k.char)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


KEYBOARD_REQUESTED = "keyboard_requested"


def focus_with_keyboard(field: QWidget) -> None:
    """Give ``field`` the focus and open the on-screen keyboard for it."""
    field.setProperty(KEYBOARD_REQUESTED, True)
    field.setFocus(Qt.FocusReason.OtherFocusReason)


def is_text_field(w: QWidget | None) -> bool:
    if isinstance(w, QLineEdit):
        return not w.isReadOnly()
    if isinstance(w, (QTextEdit, QPlainTextEdit)):
        return not w.isReadOnly()
    return False


def page_for(field: QWidget, language: str) -> str:
    wanted = field.property("keyboard")
    if wanted in ("numeric", "text", "arabic"):
        return str(wanted)
    if field.inputMethodHints() & NUMERIC_HINTS:
        return "numeric"
    return "arabic" if language == "ar" else "text"


class KeyboardController(QObject):
    """Opens the keyboard for whichever text field gets the focus, app-wide."""

    shown = Signal()
    hidden = Signal()

    def __init__(self, keyboard: OnScreenKeyboard, language: Callable[[], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kb = keyboard
        self._language = language
        keyboard.closed.connect(self._on_keyboard_closed)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_app_focus_changed)
        app.installEventFilter(self)
        self._touched: QWidget | None = None
        self._quiet = False
        keyboard.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        # A press on a field (or inside it: QTextEdit's viewport) means a person wants to type.
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin) and isinstance(obj, QWidget):
            node = obj
            while node is not None and not is_text_field(node):
                node = node.parentWidget() if not node.isWindow() else None
            if node is not None:
                self._touched = node
                if node.hasFocus() and not self._kb.isVisible():
                    self.open_for(node)
        elif (event.type() == QEvent.Type.FocusIn and is_text_field(obj) and not self._kb.isVisible()
              and event.reason() == Qt.FocusReason.MouseFocusReason and obj.window() is self._kb.window()):
            self.open_for(obj)   # focused by a click (or a test's MouseFocusReason), even while quiet
        return False

    def quiet(self) -> None:
        """A screen is being shown: Qt may hand the focus to its first field, which is no
        reason to cover half the screen with keys. Until the event loop turns, only a touch
        or :func:`focus_with_keyboard` opens the keyboard."""
        self._quiet = True
        QTimer.singleShot(0, self, self._on_quiet_timeout)

    def _on_quiet_timeout(self) -> None:
        self._quiet = False

    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self._kb.isAncestorOf(new):
            return
        asked = new is not None and (new is self._touched or bool(new.property(KEYBOARD_REQUESTED)))
        if new is not None:
            new.setProperty(KEYBOARD_REQUESTED, None)
        self._touched = None
        if is_text_field(new) and new.window() is self._kb.window() and (asked or not self._quiet):
            self.open_for(new)
        elif self._kb.isVisible():
            self.close()

    def open_for(self, field: QWidget) -> None:
        self._kb.set_target(field)
        self._kb.set_page(page_for(field, self._language()))
        self._kb.show()
        self.shown.emit()
        QTimer.singleShot(0, lambda: self._reveal(field))
        # ...and once the layouts have settled: a scroll area a few layouts down (the staff
        # home) still had its full height at the first call, and the field stayed hidden.
        QTimer.singleShot(120, lambda: self._reveal(field))

    def close(self) -> None:
        self._kb.hide()
        self._kb.set_target(None)
        self.hidden.emit()

    def _on_keyboard_closed(self) -> None:
        target = self._kb.target()
        self.close()
        if target is not None:
            target.clearFocus()

    @staticmethod
    def _reveal(field: QWidget) -> None:
        """Scroll the field into view above the keyboard (the screen just got shorter)."""
        try:
            node = field.parentWidget()
        except RuntimeError:
            return
        while node is not None:
            if isinstance(node, QScrollArea):
                node.ensureWidgetVisible(field, 20, 40)
                return
            if isinstance(node, QAbstractScrollArea) and node is not field:
                return
            node = node.parentWidget()
