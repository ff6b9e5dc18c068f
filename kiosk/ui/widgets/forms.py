"""Small building blocks of the form screens (membership, community): a labelled field
with its error line, big toggle buttons, a building → entrance → flat picker (chosen,
never typed), and a text block.

Errors are shown under their field in words (and a "⚠" sign, never colour alone).
Layouts only, so right-to-left languages mirror. Touch targets ≥ ``TOUCH_MIN``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QGridLayout, QLabel, QLineEdit, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from kiosk.services.members import PlaceChoices
from kiosk.ui import formatting
from kiosk.ui.theme import TOUCH_MIN


def label(text: str = "", role: str = "", wrap: bool = True) -> QLabel:
    """A label for words and data alike: plain text, never markup (a partner's name or a
    tenant's idea is shown as typed, even if it looks like HTML)."""
    lab = QLabel(text)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        lab.setProperty("role", role)
    lab.setWordWrap(wrap)
    return lab


def action_button(text: str = "", role: str = "action", name: str = "") -> QPushButton:
    """A big button that does not take the focus: a tap while the on-screen keyboard is
    open must not close the keyboard on press (the layout would jump and the release
    would miss the button). Handlers close the keyboard themselves when they are done."""
    b = QPushButton(text)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setProperty("role", role)
    b.setMinimumHeight(TOUCH_MIN)
    if name:
        b.setObjectName(name)
    return b


class CheckButton(QPushButton):
    """A big yes/no button whose state shows as a box (☐/☑) and words, not colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = ""
        self.setCheckable(True)
        self.toggled.connect(lambda _on: self._paint_text())

    def setText(self, text: str) -> None:  # noqa: N802 - Qt name
        self._base = text
        self.setAccessibleName(text)
        self._paint_text()

    def base_text(self) -> str:
        return self._base

    def _paint_text(self) -> None:
        # a right-to-left mark first, so the box leads the words in Arabic too (on the right)
        rtl = "\u200f" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else ""
        super().setText(rtl + ("☑  " if self.isChecked() else "☐  ") + self._base)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().changeEvent(event)
        if event.type() == event.Type.LayoutDirectionChange:
            self._paint_text()


def toggle(name: str) -> QPushButton:
    b = CheckButton()
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setObjectName(name)
    b.setProperty("role", "toggle")
    b.setMinimumHeight(TOUCH_MIN)
    return b


class Field(QWidget):
    """Caption, editor, and the error line under it."""

    def __init__(self, name: str, *, numeric: bool = False, password: bool = False,
                 max_length: int = 80, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = label(role="")
        self.caption.setObjectName(f"caption_{name}")
        self.edit = QLineEdit()
        self.edit.setObjectName(f"field_{name}")
        self.edit.setMaxLength(max_length)
        if numeric:
            self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # digits read left to right
            self.edit.setProperty("keyboard", "numeric")
            self.edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        if password:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = label(role="closed")
        self.error.setObjectName(f"error_{name}")
        self.error.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        lay.addWidget(self.caption)
        lay.addWidget(self.edit)
        lay.addWidget(self.error)

    def text(self) -> str:
        return self.edit.text()

    def set_caption(self, text: str) -> None:
        self.caption.setText(text)
        self.edit.setAccessibleName(text)

    def set_error(self, message: str) -> None:
        self.error.setText(f"⚠ {message}" if message else "")
        self.error.setVisible(bool(message))


class ButtonChoice(QWidget):
    """A grid of exclusive big buttons; emits the chosen key."""

    chosen = Signal(str)

    def __init__(self, name: str, columns: int = 2, parent: QWidget | None = None, *,
                 wide_columns: int | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._narrow = columns
        self._wide = wide_columns or columns
        self._columns = columns
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._buttons: dict[str, QPushButton] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)

    def set_items(self, items: list[tuple[str, str]]) -> None:
        for b in self._buttons.values():
            self._group.removeButton(b)
            b.setParent(None)  # gone from findChild at once, not at the next event loop turn
            b.deleteLater()
        self._buttons = {}
        for i, (key, text) in enumerate(items):
            b = QPushButton(text)
            b.setObjectName(f"{self._name}_{key}")
            b.setProperty("role", "toggle")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setCheckable(True)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.clicked.connect(lambda _=False, k=key: self.chosen.emit(k))
            self._group.addButton(b)
            self._buttons[key] = b
            self._grid.addWidget(b, i // self._columns, i % self._columns)
            b.show()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        wanted = self._wide if self.width() >= 1400 else self._narrow  # landscape: more per row
        if wanted != self._columns:
            self._columns = wanted
            for i, b in enumerate(self._buttons.values()):
                self._grid.removeWidget(b)
                self._grid.addWidget(b, i // wanted, i % wanted)

    def select(self, key: str) -> None:
        if key in self._buttons:
            self._buttons[key].setChecked(True)
            self.chosen.emit(key)

    def current(self) -> str:
        for key, b in self._buttons.items():
            if b.isChecked():
                return key
        return ""

    def set_text(self, key: str, text: str) -> None:
        if key in self._buttons:
            self._buttons[key].setText(text)


class FlatPicker(QWidget):
    """Building, then entrance, then flat: three choices from the kiosk's lists."""

    changed = Signal()

    def __init__(self, name: str = "place", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices: PlaceChoices | None = None
        self.building_caption = label()
        self.buildings = ButtonChoice(f"{name}_building", 2)
        self.entrance_caption = label()
        self.entrances = ButtonChoice(f"{name}_entrance", 4)
        self.flat_caption = label()
        self.flats = ButtonChoice(f"{name}_flat", 2, wide_columns=4)
        self.building_error = label(role="closed")
        self.flat_error = label(role="closed")
        for e in (self.building_error, self.flat_error):
            e.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        for w in (self.building_caption, self.buildings, self.building_error, self.entrance_caption,
                  self.entrances, self.flat_caption, self.flats, self.flat_error):
            lay.addWidget(w)
        self.buildings.chosen.connect(self._on_buildings_chosen)
        self.entrances.chosen.connect(self._on_entrances_chosen)
        self.flats.chosen.connect(lambda _k: self.changed.emit())

    def set_choices(self, choices: PlaceChoices) -> None:
        self._choices = choices
        self.buildings.set_items([(b.id, b.name) for b in choices.buildings])
        if len(choices.buildings) == 1:
            self.buildings.select(choices.buildings[0].id)

    def _on_buildings_chosen(self, building_id: str) -> None:
        ents = self._choices.entrances.get(building_id, []) if self._choices else []
        self.entrances.set_items([(e.id, formatting.place(e.name)) for e in ents])
        self.flats.set_items([])
        if len(ents) == 1:
            self.entrances.select(ents[0].id)
        self.changed.emit()

    def _on_entrances_chosen(self, entrance_id: str) -> None:
        entrance = next((e for ents in (self._choices.entrances.values() if self._choices else [])
                         for e in ents if e.id == entrance_id), None)
        prefix = f"{entrance.name}, " if entrance else ""
        # ids follow floor and door ("…-A-001", "…-A-101"): ground floor first, unlike the labels
        flats = sorted(self._choices.flats.get(entrance_id, []) if self._choices else [], key=lambda f: f.id)
        # "Escalier A, 1er étage, porte 101" under "Escalier A" reads "1er étage, porte 101"
        self.flats.set_items([(f.id, formatting.place(f.label[len(prefix):] if f.label.startswith(prefix) else f.label))
                              for f in flats])
        self.changed.emit()

    def building_id(self) -> str:
        return self.buildings.current()

    def flat_id(self) -> str:
        return self.flats.current()

    def select_flat(self, flat_id: str) -> None:
        self.flats.select(flat_id)

    def set_errors(self, building: str, flat: str) -> None:
        for lab, msg in ((self.building_error, building), (self.flat_error, flat)):
            lab.setText(f"⚠ {msg}" if msg else "")
            lab.setVisible(bool(msg))
