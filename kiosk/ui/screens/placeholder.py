"""Stand-in for a feature not built yet: it says plainly "Bientôt disponible".

Used for "Devenir membre", "Événements", "Boîte à idées" and the member space until
their screens are registered under the same names (see :mod:`kiosk.ui.registry`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.resources import pixmap
from kiosk.ui.screen import Screen, UiContext

ICONS = {"join": "join", "events": "events", "ideas": "ideas", "member": "member", "scan": "scan"}


class PlaceholderScreen(Screen):
    def __init__(self, ctx: UiContext, feature: str, parent: QWidget | None = None) -> None:
        self.name = feature
        super().__init__(ctx, parent)
        self._feature = feature
        self._pic = QLabel()
        self._pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._text = QLabel()
        self._text.setObjectName("placeholder_text")
        self._text.setProperty("role", "hero")
        self._text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._text.setWordWrap(True)
        self._hint = QLabel()
        self._hint.setProperty("role", "title")
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(60, 60, 60, 60)
        lay.setSpacing(40)
        lay.addStretch(1)
        lay.addWidget(self._pic)
        lay.addWidget(self._text)
        lay.addWidget(self._hint)
        lay.addStretch(2)
        self.retranslate()
        self.restyle()

    def title(self) -> str:
        return {
            "join": self.tr("Devenir membre"), "events": self.tr("Événements"),
            "ideas": self.tr("Boîte à idées"), "member": self.tr("Mon espace"),
            "scan": self.tr("Scanner ma carte"),
        }.get(self._feature, "")

    def retranslate(self) -> None:
        self._text.setText(self.tr("Bientôt disponible"))
        self._hint.setText(self.tr("En attendant, demandez à votre gardien."))

    def restyle(self) -> None:
        self._pic.setPixmap(pixmap(ICONS.get(self._feature, "soon"), self.theme["primary"], 200))
