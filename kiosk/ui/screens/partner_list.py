"""The partner list: nearest first, with the offer, minutes on foot and open/closed.

Arguments: ``category`` (a category value or None for all), ``query`` (search text),
``open_now``. The search field filters as one types (a short pause first, so the
list does not flicker under each key), with accents and case ignored (the service
does the matching). The list scrolls with a finger (kinetic). Touching a partner
opens its detail screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget

from kiosk.tasks import Op
from kiosk.ui.categories import category_label
from kiosk.ui.resources import pixmap
from kiosk.ui.screen import Screen, UiContext, kinetic
from kiosk.ui.widgets.logo import ROW_SIDE, load_badges, pixmap_of
from kiosk.ui.widgets.partner_row import PartnerRow

SEARCH_PAUSE_MS = 300
FIRST_ROWS = 6   # what fills the screen is built at once...
ROW_BATCH = 5    # ...the rest a few at a time between events, so a tap never waits


class PartnerListScreen(Screen):
    name = "partners"

    def __init__(self, ctx: UiContext, category: str | None = None, query: str = "",
                 open_now: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.category = category
        self.entries: list = []
        self._pending: list = []
        self.search = QLineEdit(query)
        self.search.setObjectName("partners_search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.open_now = QPushButton()
        self.open_now.setObjectName("partners_open_now")
        self.open_now.setProperty("role", "toggle")
        self.open_now.setCheckable(True)
        self.open_now.setIconSize(QSize(36, 36))
        self.open_now.setChecked(open_now)
        self.open_now.toggled.connect(self._on_open_now_toggled)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.reload)
        self._count = QLabel()
        self._count.setProperty("role", "muted")
        self._empty = QLabel()
        self._empty.setObjectName("partners_empty")
        self._empty.setProperty("role", "title")
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.hide()

        self._rows = QVBoxLayout()
        self._rows.setSpacing(14)
        self._rows.setContentsMargins(0, 0, 0, 0)
        inner = QWidget()
        inner_lay = QVBoxLayout(inner)
        inner_lay.setContentsMargins(10, 0, 10, 0)
        inner_lay.addLayout(self._rows)
        inner_lay.addWidget(self._empty)
        inner_lay.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("partners_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(inner)
        kinetic(self.scroll)

        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.search, 1)
        top.addWidget(self.open_now)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 20, 32, 12)
        lay.setSpacing(14)
        lay.addLayout(top)
        lay.addWidget(self._count)
        lay.addWidget(self.scroll, 1)
        self.retranslate()
        self.restyle()
        self.reload()

    def title(self) -> str:
        if self.category:
            return category_label(self.category)
        return self.tr("Bons plans près d'ici")

    def rows(self) -> list[PartnerRow]:
        return [self._rows.itemAt(i).widget() for i in range(self._rows.count())]

    def reload(self) -> None:
        if getattr(self.tasks.services, "directory", None) is None:
            return
        query, cat, only_open = self.search.text(), self.category, self.open_now.isChecked()
        Op(self, lambda s: s.directory.search(query, cat, only_open)).success(self._on_search_done).run()

    def _on_search_done(self, entries: list) -> None:
        self.entries = entries
        while self._rows.count():
            w = self._rows.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self._pending = list(entries)
        self._add_rows(FIRST_ROWS)
        self._empty.setVisible(not entries)
        self._update_count()

    def _add_rows(self, count: int) -> None:
        batch, self._pending = self._pending[:count], self._pending[count:]
        for e in batch:
            row = PartnerRow(e, self.theme)
            row.clicked.connect(lambda _=False, pid=e.partner.id: self._on_row_clicked(pid))
            self._rows.addWidget(row)
        ids = [e.partner.id for e in batch]
        if ids:  # logos read and decoded in the background, then set on the rows still shown
            Op(self, lambda s: load_badges(s, ids, ROW_SIDE)).success(self._on_logos_loaded).run()
        if self._pending:
            QTimer.singleShot(0, self, self._on_more_rows_timeout)  # dropped if the screen is gone

    def _on_more_rows_timeout(self) -> None:
        if self._pending:
            self._add_rows(ROW_BATCH)

    def _on_logos_loaded(self, badges: dict) -> None:
        for row in self.rows():
            found = badges.get(row.entry.partner.id)
            if found is not None:
                logo = pixmap_of(row.entry.partner.id, found[0], ROW_SIDE, found[1])
                if logo is not None:
                    row.set_logo(logo)

    def rows_complete(self) -> bool:
        return not self._pending

    def _update_count(self) -> None:
        n = len(self.entries)
        if n == 0:
            self._count.setText("")
        elif n == 1:
            self._count.setText(self.tr("1 adresse"))
        else:
            self._count.setText(self.tr("{count} adresses, les plus proches d'abord").format(count=n))

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Chercher un commerce…"))
        self.search.setAccessibleName(self.tr("Chercher un commerce"))
        self.open_now.setText(self.tr("Ouvert maintenant"))
        self.open_now.setAccessibleName(self.tr("Seulement les commerces ouverts maintenant"))
        self._empty.setText(self.tr("Aucun commerce trouvé. Essayez un autre mot."))
        self._update_count()
        for row in self.rows():
            row.retranslate()

    def restyle(self) -> None:
        t = self.theme
        self.open_now.setIcon(pixmap("clock", t["on_primary"] if self.open_now.isChecked() else t["on_secondary"], 36))
        for row in self.rows():
            row.restyle(t)

    def _on_search_text_changed(self, _text: str) -> None:
        self._pause.start()

    def _on_open_now_toggled(self, _on: bool) -> None:
        self.restyle()
        self.reload()

    def _on_row_clicked(self, partner_id: str) -> None:
        self.ctx.navigator.open("partner", partner_id=partner_id)
