"""One partner in the list: logo (or the category's pictogram), name, offer, minutes on
foot, open or closed.

A ``QPushButton`` (role "row") so the whole line is one big target; its labels let
touches through. Open/closed is said in words and colour, never colour alone. The logo
comes later (:meth:`PartnerRow.set_logo`, from the list's background job): the row is
drawn at once with the pictogram, never waiting for an image.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.services.directory import PartnerEntry
from kiosk.ui import formatting
from kiosk.ui.categories import category_icon
from kiosk.ui.resources import pixmap
from kiosk.ui.theme import Theme
from kiosk.ui.widgets.tiles import LayoutButton


def open_text(is_open: bool) -> str:
    if is_open:
        return QCoreApplication.translate("PartnerRow", "Ouvert")
    return QCoreApplication.translate("PartnerRow", "Fermé")


def walk_text(entry: PartnerEntry) -> str:
    return QCoreApplication.translate("PartnerRow", "{walk} · {distance}").format(
        walk=formatting.walking_minutes(entry.minutes), distance=formatting.distance(entry.metres))


class PartnerRow(LayoutButton):
    def __init__(self, entry: PartnerEntry, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.logo: QPixmap | None = None
        self.setObjectName(f"partner_{entry.partner.id}")
        self.setProperty("role", "row")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(150)
        self._pic = QLabel()
        self._pic.setObjectName("partner_row_picture")
        self._pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pic.setMinimumWidth(96)
        self._name = QLabel(entry.partner.name)
        self._name.setProperty("role", "title")
        self._name.setWordWrap(True)
        self._offer = QLabel(entry.headline)
        self._offer.setProperty("role", "offer")
        self._offer.setWordWrap(True)
        self._walk_icon = QLabel()
        self._walk = QLabel()
        self._walk.setProperty("role", "fact")   # minutes on foot: a key fact, read from 1–2 m
        self._state = QLabel()
        self._state.setProperty("role", "open" if entry.open_now else "closed")
        self._state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for lab in (self._pic, self._name, self._offer, self._walk_icon, self._walk, self._state):
            lab.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            lab.setTextFormat(Qt.TextFormat.PlainText)   # the partner's words, never markup
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(self._name)
        text.addWidget(self._offer)
        walk = QHBoxLayout()
        walk.setSpacing(8)
        walk.addWidget(self._walk_icon)
        walk.addWidget(self._walk, 1)
        walk.addWidget(self._state)
        text.addLayout(walk)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.setSpacing(20)
        lay.addWidget(self._pic, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(text, 1)
        # Only once it has a parent: a parentless label made visible becomes a window.
        self._offer.setVisible(bool(entry.headline))
        self.restyle(theme)
        self.retranslate()

    def retranslate(self) -> None:
        self._walk.setText(walk_text(self.entry))
        self._state.setText(open_text(self.entry.open_now))
        self.setAccessibleName(self.entry.partner.name)
        self.setAccessibleDescription(", ".join(x for x in (self.entry.headline, self._walk.text(),
                                                            self._state.text()) if x))

    def set_logo(self, logo: QPixmap) -> None:
        """Show the partner's logo in place of the category's pictogram."""
        self.logo = logo
        self._pic.setPixmap(logo)

    def restyle(self, theme: Theme) -> None:
        colour = theme["primary"] if theme.name == "calm" else theme["text"]
        if self.logo is None:   # a logo is the partner's own colours, whatever the theme
            self._pic.setPixmap(pixmap(category_icon(self.entry.partner.category), colour, 72))
        self._walk_icon.setPixmap(pixmap("walk", theme["muted"], 32))
