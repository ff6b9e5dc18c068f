""""Bons plans près d'ici": the way in to the partner directory.

Big category tiles with pictograms (and how many partners each has), plus a search
field for those who prefer typing and an "open now" switch. Touching a tile or
searching opens the list (``partners`` screen). Counts load in the background.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.services.directory import CATEGORY_ORDER
from kiosk.tasks import Op
from kiosk.ui.categories import category_icon, category_label
from kiosk.ui.resources import pixmap
from kiosk.ui.screen import Screen, UiContext, scrolling
from kiosk.ui.widgets.tiles import TileButton

ALL = "all"


class DirectoryScreen(Screen):
    name = "directory"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._counts: dict[str, int] = {}
        self.search = QLineEdit()
        self.search.setObjectName("directory_search")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self._go = QPushButton()
        self._go.setObjectName("directory_go")
        self._go.setProperty("role", "action")
        self._go.clicked.connect(self._on_search_return_pressed)
        self._go.setIconSize(QSize(36, 36))
        self.open_now = QPushButton()
        self.open_now.setObjectName("directory_open_now")
        self.open_now.setProperty("role", "toggle")
        self.open_now.setCheckable(True)
        self.open_now.toggled.connect(self._on_open_now_toggled)
        self.open_now.setIconSize(QSize(36, 36))
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(self.search, 1)
        top.addWidget(self._go)
        self._tiles: dict[str, TileButton] = {}
        for cat in [c.value for c in CATEGORY_ORDER] + [ALL]:
            tile = TileButton(category_icon(cat if cat != ALL else None), "tile", icon_px=84)
            tile.setObjectName(f"category_{cat}")
            tile.clicked.connect(lambda _=False, c=cat: self._on_tile_clicked(c))
            self._tiles[cat] = tile
        self._grid = QGridLayout()
        self._grid.setSpacing(18)
        # The tiles scroll rather than shrink: with large text, or a panel of the access
        # bar open, their two-line names were cut (the screenshot check found them).
        tiles = QWidget()
        tiles_lay = QVBoxLayout(tiles)
        tiles_lay.setContentsMargins(0, 0, 0, 0)
        tiles_lay.addLayout(self._grid)
        tiles_lay.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 24, 32, 24)
        lay.setSpacing(20)
        lay.addLayout(top)
        lay.addWidget(self.open_now, 0, Qt.AlignmentFlag.AlignLeading)
        lay.addWidget(scrolling(tiles), 1)
        self._columns = 0
        self._relayout(2)
        self.retranslate()
        self.restyle()

    def title(self) -> str:
        return self.tr("Bons plans près d'ici")

    def entered(self) -> None:
        if getattr(self.tasks.services, "directory", None) is not None:
            Op(self, lambda s: s.directory.categories()).success(self._on_counts_loaded).run()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Chercher un commerce…"))
        self.search.setAccessibleName(self.tr("Chercher un commerce"))
        self._go.setText(self.tr("Chercher"))
        self._go.setAccessibleName(self.tr("Chercher"))
        self.open_now.setText(self.tr("Ouvert maintenant"))
        self.open_now.setAccessibleName(self.tr("Seulement les commerces ouverts maintenant"))
        for cat, tile in self._tiles.items():
            label = category_label(cat)
            n = self._counts.get(cat)
            if not n:
                sub = ""
            elif n == 1:
                sub = self.tr("1 adresse")
            else:
                sub = self.tr("{count} adresses").format(count=n)
            tile.set_label(label, sub)

    def restyle(self) -> None:
        t = self.theme
        for tile in self._tiles.values():
            tile.set_colour(t["primary"] if t.name == "calm" else t["text"])
        self._go.setIcon(pixmap("search", t["on_primary"], 36))
        self.open_now.setIcon(pixmap("clock", t["on_primary"] if self.open_now.isChecked() else t["on_secondary"], 36))

    def resizeEvent(self, event) -> None:
        self._relayout(2 if self.width() < 1300 else 4)
        super().resizeEvent(event)

    def _relayout(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for i, tile in enumerate(self._tiles.values()):
            self._grid.addWidget(tile, i // columns, i % columns)

    def _on_counts_loaded(self, counts: list) -> None:
        self._counts = {c.category.value: c.count for c in counts}
        self._counts[ALL] = sum(self._counts.values())
        self.retranslate()

    def _on_open_now_toggled(self, _on: bool) -> None:
        self.restyle()

    def _on_tile_clicked(self, category: str) -> None:
        self.ctx.navigator.open("partners", category=None if category == ALL else category,
                                open_now=self.open_now.isChecked())

    def _on_search_return_pressed(self) -> None:
        self.ctx.navigator.open("partners", query=self.search.text().strip(),
                                open_now=self.open_now.isChecked())
