"""Big touch buttons with a pictogram and a wrapped label (what elderly users tap).

Qt's push buttons cannot wrap text or put the icon above it; :class:`TileButton` is a
``QPushButton`` holding two labels that let clicks through, so it keeps the button's
focus, keyboard activation, accessibility and style (``role`` "action" or "tile").
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.resources import pixmap
from kiosk.ui.theme import TOUCH_MIN


class LayoutButton(QPushButton):
    """A push button whose size follows the layout of labels it holds."""

    def sizeHint(self) -> QSize:
        lay = self.layout()
        return lay.totalSizeHint() if lay is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        lay = self.layout()
        if lay is None:
            return super().minimumSizeHint()
        size = lay.totalMinimumSize()
        return size.expandedTo(QSize(TOUCH_MIN, TOUCH_MIN))

    def hasHeightForWidth(self) -> bool:
        lay = self.layout()
        return lay is not None and lay.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        lay = self.layout()
        return max(TOUCH_MIN, lay.totalHeightForWidth(width)) if lay is not None else -1


class TileButton(LayoutButton):
    def __init__(self, icon_name: str, role: str = "tile", *, vertical: bool = True,
                 icon_px: int = 72, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon_name = icon_name
        self._icon_px = icon_px
        self._horizontal = not vertical
        self.setProperty("role", role)
        self.setMinimumHeight(max(TOUCH_MIN, 150 if vertical else TOUCH_MIN + 20))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._pic = QLabel()
        self._pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter if vertical
                                 else Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading)
        self._sub = QLabel()
        self._sub.setProperty("role", "muted")
        self._sub.setAlignment(self._label.alignment())
        self._sub.hide()
        for lab in (self._pic, self._label, self._sub):
            lab.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            lab.setTextFormat(Qt.TextFormat.PlainText)
        lay = QBoxLayout(QBoxLayout.Direction.TopToBottom if vertical else QBoxLayout.Direction.LeftToRight, self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.setSpacing(10 if vertical else 24)
        if not vertical:
            lay.addStretch(1)
        lay.addWidget(self._pic, 0, Qt.AlignmentFlag.AlignCenter)
        if vertical:
            lay.addWidget(self._label)
            lay.addWidget(self._sub)
        else:
            from PySide6.QtWidgets import QVBoxLayout
            col = QVBoxLayout()
            col.setSpacing(2)
            col.addWidget(self._label)
            col.addWidget(self._sub)
            lay.addLayout(col)
            lay.addStretch(1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._fit_words()
        if self._horizontal:
            # one line when it fits: a wrapped label's preferred width is a guess, and
            # "Demande au bailleur" broke in two beside plenty of room
            room = self.width() - self._icon_px - 24 - 40 - 8
            self._label.setMinimumWidth(max(0, min(self._label.fontMetrics().horizontalAdvance(self._label.text()), room)))

    def _fit_words(self) -> None:
        """A word wider than the tile cannot wrap ("Événements" in large text, three tiles
        a row): the label's size comes down, step by step, until every word fits."""
        lab = self._label
        room = self.width() - 44 - (self._icon_px + 24 if self._horizontal else 0)
        if room <= 0 or not lab.text():
            return
        if not lab.styleSheet():
            self._base_px = lab.font().pixelSize()   # what the theme's style sheet gives
        base = getattr(self, "_base_px", 0)
        if base <= 0:
            return
        from PySide6.QtGui import QFontMetrics
        font = lab.font()
        size = base
        while size > 24:
            font.setPixelSize(size)
            if max(QFontMetrics(font).horizontalAdvance(w) for w in lab.text().split()) <= room:
                break
            size -= 2
        wanted = "" if size == base else f"font-size: {size}px;"
        if wanted != lab.styleSheet():
            lab.setStyleSheet(wanted)

    def set_label(self, text: str, sub: str = "") -> None:
        self._label.setText(text)
        self._sub.setText(sub)
        self._sub.setVisible(bool(sub))
        self.setAccessibleName(text)
        self.setAccessibleDescription(sub)

    def label(self) -> str:
        return self._label.text()

    def set_colour(self, colour: str) -> None:
        self._pic.setPixmap(pixmap(self.icon_name, colour, self._icon_px))
        self._label.setStyleSheet("")   # the theme or text size changed: measure again
        self._fit_words()


class TextButton(LayoutButton):
    """A big button whose words wrap: a title and a muted second line (an event's name and
    its day). A push button's own text cannot wrap, and an office's long event title was
    cut in large text."""

    def __init__(self, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setMinimumHeight(TOUCH_MIN)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.title = QLabel()
        self.sub = QLabel()
        self.sub.setProperty("role", "muted")
        lay = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        lay.setContentsMargins(20, 12, 20, 12)
        lay.setSpacing(2)
        for lab in (self.title, self.sub):
            lab.setWordWrap(True)
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lab.setTextFormat(Qt.TextFormat.PlainText)   # office text, never markup
            lab.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            lay.addWidget(lab)

    def set_words(self, title: str, sub: str = "") -> None:
        self.title.setText(title)
        self.sub.setText(sub)
        self.sub.setVisible(bool(sub))
        self.setAccessibleName(title)
        self.setAccessibleDescription(sub)
