"""Tool lending for tenants: the catalogue (available now, or back on a date), reserving
(the waiting list), "Mes prêts" with the day-before and overdue reminders, and the
waiver signed on screen (its text, a box to tick, a signature with the finger).

The tenant identifies with their card (the scan panel) to reserve, see their loans or
sign; the catalogue needs no card. Each row shows the item's picture (or its category's
pictogram, see ``photos``); a tap opens the item (``item_detail``), where it is reserved.
Texts from the office are plain text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QIcon, QPainter, QPen
from PySide6.QtWidgets import (QBoxLayout, QCheckBox, QListView, QListWidget, QListWidgetItem,
                               QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget)

from kiosk.domain.lending import WAIVER_TEXT
from kiosk.tasks import Op
from kiosk.ui import formatting
from kiosk.ui.lending import photos, texts
from kiosk.ui.lending.item_detail import ItemDetail, state_line
from kiosk.ui.screen import Screen, UiContext, arrange_columns, kinetic
from kiosk.ui.widgets.forms import action_button, label


class SignaturePad(QWidget):
    """A finger signature: strokes kept on a 0-1000 grid, as ``"x,y x,y;x,y ..."``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(180)
        self.strokes: list[list[tuple[int, int]]] = []
        self.setObjectName("lending_signature")

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt name
        self.strokes.append([self._grid(event.position())])
        self.update()

    def mouseMoveEvent(self, event) -> None:  # noqa: ANN001, N802
        if self.strokes:
            self.strokes[-1].append(self._grid(event.position()))
            self.update()

    def _grid(self, p: QPointF) -> tuple[int, int]:
        w, h = max(1, self.width()), max(1, self.height())
        return (max(0, min(1000, int(p.x() * 1000 / w))), max(0, min(1000, int(p.y() * 1000 / h))))

    def text(self) -> str:
        return ";".join(" ".join(f"{x},{y}" for x, y in s) for s in self.strokes)

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        p.setPen(QPen(Qt.GlobalColor.black, 4))
        for s in self.strokes:
            for (x1, y1), (x2, y2) in zip(s, s[1:]):
                p.drawLine(QPointF(x1 * self.width() / 1000, y1 * self.height() / 1000),
                           QPointF(x2 * self.width() / 1000, y2 * self.height() / 1000))
        p.end()


class _RowDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text beside the picture: Qt's own estimate forgets
    the picture's width and elides the last line (seen in Arabic with large text)."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: ANN001, N802 - Qt name
        base = super().sizeHint(option, index)
        view = self.parent()
        icon = view.iconSize()
        width = max(100, view.viewport().width() - icon.width() - 64)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        rect = QFontMetrics(option.font).boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(base.width(), max(base.height(), icon.height() + 56, rect.height() + 56))


def _with_pictures(services, member_id: str | None):  # noqa: ANN001, ANN202 - task thread
    """The catalogue and its pictures, decoded here, off the GUI thread."""
    entries = services.lending.catalogue(member_id)
    return entries, {e.item.id: photos.image_for(e.item, lambda i=e.item.id: services.lending.photo(i))
                     for e in entries if e.item.photo}


class LendingCatalogueScreen(Screen):
    name = "lending"
    holds_personal_data = True
    ROW_PICTURE = QSize(160, 120)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.person = None            # Borrower once the card is scanned
        self.entries: list = []
        self.images: dict = {}        # item id → QImage (None: the pictogram)
        self.heading = label(role="title")
        self.intro = label()
        from kiosk.ui.scan_panel import ScanPanel
        self.scan = ScanPanel(self.ctx.config if self.ctx.peripherals.camera else None)
        self.scan.setMinimumHeight(300)
        self.scan.card_entered.connect(self._on_scan_card_entered)
        self.items = QListWidget()
        self.items.setObjectName("lending_items")
        self.items.setWordWrap(True)
        self.items.itemClicked.connect(self._on_item_clicked)
        self.items.setIconSize(self.ROW_PICTURE)
        self.items.setItemDelegate(_RowDelegate(self.items))
        self.items.setSpacing(4)
        self.detail = ItemDetail()
        self.detail.back.clicked.connect(self._close_detail)
        self.detail.reserve.clicked.connect(self._on_reserve_clicked)
        self.detail.hide()
        self.empty = label(role="fact")
        self.empty.setObjectName("lending_empty")
        self.mine_head = label(role="title")
        self.mine = QListWidget()
        self.mine.setObjectName("lending_mine")
        self.mine.setWordWrap(True)
        for lst in (self.items, self.mine):
            kinetic(lst)
            lst.setTextElideMode(Qt.TextElideMode.ElideNone)  # long lines wrap, never elided
            lst.setResizeMode(QListView.ResizeMode.Adjust)
            lst.setStyleSheet("QListWidget::item { padding: 24px 8px; }")
        self.feedback = label(role="title")
        self.feedback.setObjectName("lending_feedback")
        self.feedback.setWordWrap(True)
        self.waiver_text = label()
        self.waiver_text.setWordWrap(True)
        self.waiver_text.setTextFormat(Qt.TextFormat.PlainText)
        self.waiver_box = QCheckBox()
        self.waiver_box.setObjectName("lending_waiver_box")
        self.pad = SignaturePad()
        self.sign = action_button(name="lending_sign")
        self.sign.clicked.connect(self._on_sign_clicked)
        self.open_waiver = action_button(role="", name="lending_open_waiver")
        self.open_waiver.clicked.connect(lambda: self._show_waiver(True))
        # Two columns in landscape (card, messages, waiver | the lists), one in portrait.
        left, right = QVBoxLayout(), QVBoxLayout()
        for w in (self.scan, self.feedback, self.open_waiver, self.waiver_text, self.waiver_box, self.pad, self.sign):
            left.addWidget(w)
        left.addStretch(1)
        right.addWidget(self.empty)
        right.addWidget(self.items, 2)
        right.addWidget(self.detail, 2)
        right.addWidget(self.mine_head)
        right.addWidget(self.mine, 1)
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._columns.setSpacing(24)
        self._columns.addLayout(left, 1)
        self._columns.addLayout(right, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 20, 36, 20)
        for w in (self.heading, self.intro):
            lay.addWidget(w)
        lay.addLayout(self._columns, 1)
        self._show_waiver(False)
        self.open_waiver.hide()
        self.retranslate()
        self._load()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt name
        landscape = arrange_columns(self._columns, self)
        self._columns.setStretch(0, 1 if landscape else 0)   # portrait: the height goes to the list
        super().resizeEvent(event)
        # The card panel's title wraps on two lines in a half-width column with large text:
        # its height for that width, not its one-line hint (else the field covers the title).
        self.scan.fit_width(self.scan.width())
        self.scan.setMinimumHeight(max(300, self.scan.heightForWidth(self.scan.width())))

    def title(self) -> str:
        return self.tr("Prêt d'outils")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Prêt d'outils"))
        self.intro.setText(self.tr("Scannez votre carte pour réserver un objet ou voir vos prêts."))
        self.empty.setText(self.tr("Aucun objet à prêter pour l'instant."))
        self.mine_head.setText(self.tr("Mes prêts"))
        self.waiver_text.setText(WAIVER_TEXT)
        self.waiver_box.setText(self.tr("J'ai lu et j'accepte"))
        self.sign.setText(self.tr("Signer la décharge"))
        self.open_waiver.setText(self.tr("Signer la décharge (perceuse, échelle…)"))
        self.detail.retranslate()
        self._fill()

    def restyle(self) -> None:
        self._fill()           # the pictograms take the theme's colours
        if self.detail.entry is not None:
            self._open_detail(self.detail.entry.item.id)

    def _load(self) -> None:
        mid = self.person.member_id if self.person else None
        Op(self, lambda s: _with_pictures(s, mid)).success(self._on_loaded).run()
        if mid:
            Op(self, lambda s: (s.lending.my_loans(mid), s.lending.waiver_of(mid))).success(self._on_mine).run()

    def _on_loaded(self, result) -> None:  # noqa: ANN001
        self.entries, self.images = result
        self._fill()
        if self.detail.entry is not None:
            self._open_detail(self.detail.entry.item.id)

    def _fill(self) -> None:
        self.items.clear()
        today = date.today()
        theme = self.theme
        for e in self.entries:
            state = state_line(e, today)
            parts = [state]
            if e.mine is not None:
                parts.append(self.tr("réservé pour vous") if e.mine.status.value == "reserved"
                             else self.tr("chez vous"))
            row = QListWidgetItem(formatting.isolate(e.item.name) + "\n" + " · ".join(parts))
            row.setData(256, e.item.id)
            px, _is_photo = photos.picture(e.item, self.images.get(e.item.id), self.ROW_PICTURE,
                                           theme["on_secondary"], theme["secondary"])
            row.setIcon(QIcon(px))
            row.setData(Qt.ItemDataRole.AccessibleTextRole, e.item.name)
            row.setData(Qt.ItemDataRole.AccessibleDescriptionRole, " · ".join(parts))
            self.items.addItem(row)
        self.empty.setVisible(not self.entries)
        self.items.setVisible(bool(self.entries) and self.detail.entry is None)
        self.mine_head.setVisible(self.person is not None)
        self.mine.setVisible(self.person is not None)

    def _on_mine(self, result) -> None:  # noqa: ANN001
        loans, waiver = result
        self.mine.clear()
        for m in loans:
            if m.status.value == "reserved":
                text = self.tr("{item} : réservé").format(item=formatting.isolate(m.item.name))
                if m.loan.waitlist_position:
                    text += " · " + self.tr("place {n} sur la liste").format(n=m.loan.waitlist_position)
            elif m.status.value == "overdue":
                text = self.tr("⚠ {item} : en retard, à rendre depuis le {date}").format(
                    item=formatting.isolate(m.item.name), date=texts.day(m.loan.due_on))
            elif m.status.value == "out":
                text = self.tr("{item} : à rendre le {date}").format(item=formatting.isolate(m.item.name),
                                                                     date=texts.day(m.loan.due_on))
                if m.reminder == "day_before":
                    text = "⏰ " + text + " · " + self.tr("c'est demain")
            else:
                text = self.tr("{item} : rendu").format(item=formatting.isolate(m.item.name))
            self.mine.addItem(QListWidgetItem(text))
        if not loans:
            self.mine.addItem(QListWidgetItem(self.tr("Aucun prêt en cours.")))
        self.open_waiver.setVisible(waiver is None)

    # -- actions ----------------------------------------------------------------------------------
    def _on_scan_card_entered(self, text: str) -> None:
        Op(self, lambda s: s.lending.borrower(text)).success(self._on_identified) \
            .failure(lambda exc: self.feedback.setText("⚠ " + texts.refusal_title(exc))).run()

    def _on_identified(self, person) -> None:  # noqa: ANN001
        self.person = person
        self.feedback.setText(self.tr("Bonjour {name}").format(name=formatting.isolate(person.first_name)))
        self._load()

    def _on_item_clicked(self, row: QListWidgetItem) -> None:
        self._open_detail(row.data(256))

    def _open_detail(self, item_id: str) -> None:
        entry = next((e for e in self.entries if e.item.id == item_id), None)
        if entry is None:
            self._close_detail()
            return
        self.detail.show_entry(entry, self.images.get(item_id), self.theme, date.today())
        self.items.hide()
        self.detail.show()

    def _close_detail(self) -> None:
        self.detail.entry = None
        self.detail.hide()
        self.items.setVisible(bool(self.entries))

    def _on_reserve_clicked(self) -> None:
        if self.detail.entry is None:
            return
        if self.person is None:
            self.feedback.setText(self.tr("Scannez d'abord votre carte pour réserver."))
            return
        mid, item_id = self.person.member_id, self.detail.entry.item.id
        Op(self, lambda s: s.lending.reserve(mid, item_id)).success(self._on_reserved) \
            .failure(lambda exc: self.feedback.setText("⚠ " + texts.refusal_title(exc))).run()

    def _on_reserved(self, _loan) -> None:  # noqa: ANN001
        self.feedback.setText(self.tr("Réservé : la loge vous le prêtera à son retour."))
        self._load()

    def _show_waiver(self, visible: bool) -> None:
        for w in (self.waiver_text, self.waiver_box, self.pad, self.sign):
            w.setVisible(visible)

    def _on_sign_clicked(self) -> None:
        if self.person is None:
            return
        mid, accepted, strokes = self.person.member_id, self.waiver_box.isChecked(), self.pad.text()
        Op(self, lambda s: s.lending.sign_waiver(mid, accepted=accepted, signature=strokes)) \
            .success(self._on_signed) \
            .failure(lambda _exc: self.feedback.setText("⚠ " + self.tr("Cochez « J'ai lu et j'accepte »."))).run()

    def _on_signed(self, _waiver) -> None:  # noqa: ANN001
        self._show_waiver(False)
        self.open_waiver.hide()
        self.feedback.setText(self.tr("Décharge signée. Merci."))
