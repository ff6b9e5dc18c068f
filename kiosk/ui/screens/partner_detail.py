"""One partner: its logo (when the office gave one; else its category's pictogram), the
offer and its conditions, open or closed, hours, address, phone, a QR code to its
website (when it has one) and a small plan from the kiosk.

Argument: ``partner_id``. Loads in the background; the week's hours are written with
the language's day names and times, today's line in bold, past-midnight closing
times as they are ("18:00 – 02:00").
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QVBoxLayout, QWidget)

from kiosk.services.directory import PartnerEntry
from kiosk.tasks import Op
from kiosk.ui import formatting
from kiosk.ui.categories import category_icon, category_label
from kiosk.ui.resources import pixmap
from kiosk.ui.screen import Screen, UiContext, scrolling
from kiosk.ui.widgets.logo import DETAIL_SIDE, load_badges, pixmap_of
from kiosk.ui.widgets.partner_row import open_text, walk_text
from kiosk.ui.widgets.plan import PlanView
from kiosk.ui.widgets.qr import qr_pixmap


def sample_partner(ctx: UiContext) -> dict:
    """The nearest partner with a website (for screenshots and navigation tests)."""
    services = ctx.tasks.services
    entries = services.directory.search() if getattr(services, "directory", None) else []
    with_site = [e for e in entries if e.partner.website] or entries
    return {"partner_id": with_site[0].partner.id if with_site else ""}


def _card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", "card")
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(24, 20, 24, 20)
    lay.setSpacing(10)
    return frame, lay


def _label(role: str = "", wrap: bool = True) -> QLabel:
    lab = QLabel()
    lab.setTextFormat(Qt.TextFormat.PlainText)   # partners' words are data, not markup
    if role:
        lab.setProperty("role", role)
    lab.setWordWrap(wrap)
    return lab


class PartnerDetailScreen(Screen):
    name = "partner"

    def __init__(self, ctx: UiContext, partner_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.partner_id = partner_id
        self.entry: PartnerEntry | None = None
        self.logo = None                     # the partner's logo (QPixmap) once loaded

        self._pic = QLabel()
        self._pic.setObjectName("partner_picture")
        self._name = _label("hero")
        self._name.setObjectName("partner_name")
        self._category = _label("muted")
        self._state = QLabel()
        self._offers_card, self._offers_lay = _card()
        self._where_card, where = _card()
        self._address = _label()
        self._walk = _label("muted")
        self._phone = _label("title")
        self._phone.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self._address_icon, self._phone_icon = QLabel(), QLabel()
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self._address_icon, 0, Qt.AlignmentFlag.AlignTop)
        col = QVBoxLayout()
        col.addWidget(self._address)
        col.addWidget(self._walk)
        row1.addLayout(col, 1)
        row2.addWidget(self._phone_icon)
        row2.addWidget(self._phone, 1)
        where.addLayout(row1)
        where.addLayout(row2)
        self._hours_card, hours_lay = _card()
        self._hours_title = _label("title")
        self._hours_grid = QGridLayout()
        self._hours_grid.setHorizontalSpacing(24)
        hours_lay.addWidget(self._hours_title)
        hours_lay.addLayout(self._hours_grid)
        self._qr_card, qr_lay = _card()
        self._qr = QLabel()
        self._qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._qr_caption = _label("muted")
        self._qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        qr_lay.addWidget(self._qr)
        qr_lay.addWidget(self._qr_caption)
        self._plan = PlanView(self.theme)

        head = QHBoxLayout()
        head.setSpacing(20)
        head.addWidget(self._pic, 0, Qt.AlignmentFlag.AlignTop)
        name_col = QVBoxLayout()
        name_col.addWidget(self._name)
        name_col.addWidget(self._category)
        head.addLayout(name_col, 1)
        head.addWidget(self._state, 0, Qt.AlignmentFlag.AlignTop)

        left, right = QVBoxLayout(), QVBoxLayout()
        for lay in (left, right):
            lay.setSpacing(18)
        left.addWidget(self._offers_card)
        left.addWidget(self._where_card)
        left.addWidget(self._hours_card)

        right.addWidget(self._plan)
        right.addWidget(self._qr_card)

        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._columns.setSpacing(18)
        self._columns.addLayout(left, 3)
        self._columns.addLayout(right, 2)
        self._columns.setAlignment(left, Qt.AlignmentFlag.AlignTop)
        self._columns.setAlignment(right, Qt.AlignmentFlag.AlignTop)

        inner = QWidget()
        inner_lay = QVBoxLayout(inner)
        inner_lay.setContentsMargins(32, 24, 32, 24)
        inner_lay.setSpacing(18)
        inner_lay.addLayout(head)
        inner_lay.addLayout(self._columns)
        inner_lay.addStretch(100)
        scroll = scrolling(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.restyle()
        self.retranslate()
        if getattr(self.tasks.services, "directory", None) is not None and partner_id:
            Op(self, lambda s: s.directory.partner(partner_id)).success(self._on_partner_loaded).run()
            Op(self, lambda s: load_badges(s, [partner_id], DETAIL_SIDE)).success(self._on_logo_loaded).run()

    def title(self) -> str:
        return self.entry.partner.name if self.entry else self.tr("Bons plans près d'ici")

    def _on_partner_loaded(self, entry: PartnerEntry | None) -> None:
        self.entry = entry
        if entry is None:
            self._name.setText(self.tr("Ce commerce n'est plus dans la liste."))
            return
        p = entry.partner
        self._name.setText(p.name)
        self._address.setText(p.address)
        self._phone.setText("\u2066" + p.phone + "\u2069")  # digits stay in order in Arabic
        self._phone.setVisible(bool(p.phone))
        self._phone_icon.setVisible(bool(p.phone))
        self._qr_card.setVisible(bool(p.website))
        if p.website:
            self._qr.setPixmap(qr_pixmap(p.website, 260))
        while self._offers_lay.count():
            w = self._offers_lay.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        for offer in entry.offers:
            text = _label("offer")
            text.setText(offer.text)
            self._offers_lay.addWidget(text)
            if offer.conditions:
                cond = _label("muted")
                cond.setText(offer.conditions)
                self._offers_lay.addWidget(cond)
        self._offers_card.setVisible(bool(entry.offers))
        self.restyle()
        self.retranslate()
        self.ctx.navigator.refresh_header()

    def _on_logo_loaded(self, badges: dict) -> None:
        found = badges.get(self.partner_id)
        logo = pixmap_of(self.partner_id, found[0], DETAIL_SIDE, found[1]) if found else None
        if logo is not None:
            self.logo = logo
            self._pic.setPixmap(logo)

    def retranslate(self) -> None:
        self._hours_title.setText(self.tr("Horaires"))
        self._qr_caption.setText(self.tr("Site internet : visez ce code avec votre téléphone"))
        self._qr.setAccessibleName(self.tr("Code QR du site internet"))
        e = self.entry
        if e is None:
            return
        self._category.setText(category_label(e.partner.category))
        self._state.setText(open_text(e.open_now))
        self._state.setProperty("role", "open" if e.open_now else "closed")
        self._state.style().unpolish(self._state)
        self._state.style().polish(self._state)
        self._walk.setText(walk_text(e))
        self._plan.set_places((self.ctx.config.location_lat, self.ctx.config.location_lon),
                              (e.partner.lat, e.partner.lon), self.tr("Vous êtes ici"), e.partner.name)
        self._fill_hours()

    def _fill_hours(self) -> None:
        assert self.entry is not None
        while self._hours_grid.count():
            w = self._hours_grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        hours = self.entry.partner.hours
        today = self.ctx.now().date()
        for i in range(7):
            day = today + timedelta(days=i)
            intervals = hours.intervals_on(day)
            name = _label(wrap=False)
            name.setText(formatting.day_name(day.weekday()) if i else self.tr("Aujourd'hui"))
            if intervals:
                text = "  ".join(self.tr("{start} – {end}").format(start=formatting.clock_time(a),
                                                                     end=formatting.clock_time(b))
                                 for a, b in intervals)
            else:
                text = self.tr("Fermé")
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                text = "\u200f" + text  # right-to-left paragraph: aligned with the day names
            value = _label()
            value.setText(text)
            if i == 0:
                f = name.font()
                f.setBold(True)
                name.setFont(f)
                value.setFont(f)
            self._hours_grid.addWidget(name, i, 0, Qt.AlignmentFlag.AlignTop)
            self._hours_grid.addWidget(value, i, 1)
        self._hours_grid.setColumnStretch(1, 1)

    def restyle(self) -> None:
        t = self.theme
        colour = t["primary"] if t.name == "calm" else t["text"]
        cat = self.entry.partner.category if self.entry else None
        if self.logo is None:   # a logo keeps the partner's own colours, whatever the theme
            self._pic.setPixmap(pixmap(category_icon(cat), colour, 96))
        self._address_icon.setPixmap(pixmap("pin", colour, 40))
        self._phone_icon.setPixmap(pixmap("phone", colour, 40))
        self._plan.set_theme(t)

    def resizeEvent(self, event) -> None:
        portrait = self.height() >= self.width()
        self._columns.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                                   else QBoxLayout.Direction.LeftToRight)
        super().resizeEvent(event)
