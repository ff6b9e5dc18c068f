"""The full-screen answer to a card: green "✓ Bonjour Nadia" or red "✗ Carte non reconnue".

Shown for :data:`FLASH_MS` over the whole window, as check-in apps do, so the answer is
seen from two metres and by people who do not read: colour, a pictogram (a tick or a
cross: never colour alone) and a few big words. A touch dismisses it early. It covers
the screen being built behind it, never replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.resources import pixmap

FLASH_MS = 1100
OK_BG, NO_BG, FG = "#1D6631", "#A0221A", "#FFFFFF"   # white on either: 6.9:1 and 7.2:1


class ResultFlash(QWidget):
    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("result_flash")
        self._ok = True
        self._timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.sign = QLabel(self)
        self.sign.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(self)
        self.text.setObjectName("result_text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)   # a first name is data, not markup
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet(f"color: {FG}; font-size: 84px; font-weight: bold; background: transparent;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(60, 60, 60, 60)
        lay.setSpacing(40)
        lay.addStretch(1)
        lay.addWidget(self.sign)
        lay.addWidget(self.text)
        lay.addStretch(1)
        self.hide()

    @property
    def ok(self) -> bool:
        return self._ok

    def show_result(self, ok: bool, text: str, ms: int = FLASH_MS) -> None:
        self._ok = ok
        self.sign.setPixmap(pixmap("check" if ok else "cross", FG, 220))
        self.text.setText(text)
        self.setAccessibleName(text)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self._timer.start(ms)

    def dismiss(self) -> None:
        self._timer.stop()
        was_visible = self.isVisible()
        self.hide()
        self.text.setText("")          # a first name must not stay behind, even hidden
        self.setAccessibleName("")
        if was_visible:
            self.finished.emit()

    def _on_timer_timeout(self) -> None:
        self.dismiss()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt name; a touch means "got it"
        self.dismiss()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(OK_BG if self._ok else NO_BG))
