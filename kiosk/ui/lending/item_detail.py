"""One item of the lending catalogue, opened from the list: its picture (or its category's
pictogram), its name, when it can be had, the deposit, the loan period, whether it needs
a signed waiver, the safety notes, and the button to reserve it. Plain text only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui import formatting
from kiosk.ui.lending import photos, texts
from kiosk.ui.screen import scrolling
from kiosk.ui.widgets.forms import action_button, label


def _tr(text: str) -> str:
    return QCoreApplication.translate("LendingDetail", text)


def state_line(entry, today: date) -> str:  # noqa: ANN001 - CatalogueEntry
    """"disponible", "de retour le …" or "en réparation" (the list and the detail)."""
    if entry.available_on == today:
        return QCoreApplication.translate("LendingCatalogueScreen", "disponible")
    if entry.available_on is None:
        return QCoreApplication.translate("LendingCatalogueScreen", "en réparation")
    return QCoreApplication.translate("LendingCatalogueScreen", "de retour le {date}").format(
        date=texts.day(entry.available_on.isoformat()))


class ItemDetail(QWidget):
    """The detail panel; the screen fills it with :meth:`show_entry`."""

    PHOTO = QSize(400, 300)           # portrait (fits with large text); landscape (a short height) takes SMALL
    SMALL = QSize(320, 240)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lending_detail")
        self.entry = None
        self.is_photo = False
        self.back = action_button(role="", name="lending_back")
        self.photo = QLabel()
        self.photo.setObjectName("lending_photo")
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.name = label(role="title")
        self.name.setObjectName("lending_detail_name")
        self.state = label(role="fact")
        self.state.setObjectName("lending_detail_state")
        self.facts = label()
        self.facts.setObjectName("lending_detail_facts")
        self.safety = label()
        self.safety.setObjectName("lending_detail_safety")
        self.reserve = action_button(name="lending_reserve")
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addStretch(1)
        # The back and reserve buttons stay in view; what is between scrolls when the
        # height is short (landscape, large text), so nothing overlaps or is cut.
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(14)
        for w in (self.name, self.state, self.photo, self.facts, self.safety):   # name and state first: always seen
            body.addWidget(w)
        body.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(14)
        lay.addLayout(row)
        lay.addWidget(scrolling(inner), 1)
        lay.addWidget(self.reserve)
        self.retranslate()

    def retranslate(self) -> None:
        self.back.setText(_tr("← Tous les objets"))
        self.reserve.setText(_tr("Réserver"))

    def show_entry(self, entry, image: QImage | None, theme, today: date) -> None:  # noqa: ANN001
        self.entry = entry
        item = entry.item
        top = self.window()
        box = self.SMALL if top.width() > top.height() else self.PHOTO
        px, self.is_photo = photos.picture(item, image, box, theme["on_secondary"], theme["secondary"])
        self.photo.setPixmap(px)
        self.photo.setMinimumSize(box)
        self.photo.setAccessibleName(item.name)           # the picture's alternative text
        self.photo.setToolTip(item.name)
        self.name.setText(formatting.isolate(item.name))   # an Arabic page keeps its right alignment
        self.state.setText(state_line(entry, today))
        facts = [_tr("Prêt de {n} jours").format(n=item.loan_days) if item.loan_days != 1 else _tr("Prêt d'un jour")]
        if item.deposit_cents:
            facts.append(_tr("caution {amount}").format(amount=formatting.price(item.deposit_cents / 100)))
        if item.needs_waiver:
            facts.append(_tr("décharge à signer"))
        if entry.point is not None:
            facts.append(formatting.isolate(entry.point.name))
        self.facts.setText(" · ".join(facts))
        self.safety.setText(item.safety_notes)
        # The office's French words on an Arabic page: aligned with the page, not with their own direction.
        side = Qt.AlignmentFlag.AlignRight if self.layoutDirection() == Qt.LayoutDirection.RightToLeft \
            else Qt.AlignmentFlag.AlignLeft
        for lab in (self.name, self.state, self.facts, self.safety):
            lab.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        self.safety.setVisible(bool(item.safety_notes))
        self.reserve.setVisible(entry.mine is None)
