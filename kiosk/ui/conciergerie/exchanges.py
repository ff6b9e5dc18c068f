""""Échanges entre voisins": published offers and requests by category (pictograms), and
"Être mis en relation" on one, and "Publier une annonce" (the form of :mod:`post_form`,
for the member who shows their card here). The member is identified by card or safe lookup; the
author sees the request in their space: no phone number is ever shown here). The note
says posts are shown after the office reads them. Only published posts, never who wrote
them beyond the kind and the text; the identified person is forgotten on leaving.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QHBoxLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.exchanges import PICTOGRAMS, ExchangeCategory
from kiosk.tasks import Op
from kiosk.ui.community.identify import IdentifyPanel
from kiosk.ui.conciergerie import post_form, texts
from kiosk.ui.screen import Screen, UiContext, scrolling
from kiosk.ui.widgets.forms import action_button, label
from kiosk.ui.widgets.tiles import TileButton

LIST, IDENTIFY = 0, 1


class PostCard(QFrame):
    def __init__(self, exchange, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.exchange = exchange
        self.setProperty("role", "card")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.kind = label(role="muted")
        self.text = label(exchange.text, role="title")
        self.answer = action_button(name=f"contact_{exchange.id}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.addWidget(self.kind)
        lay.addWidget(self.text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.answer)
        lay.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        e = self.exchange
        self.kind.setText(f"{texts.kind(e.kind.value)} · {texts.category(e.category.value)}")
        self.answer.setText(self.tr("Être mis en relation"))


class ExchangesScreen(Screen):
    name = "exchanges"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.category: ExchangeCategory | None = None
        self.pending_post = ""          # the post to answer; "" when the card is for publishing
        self.cards: list[PostCard] = []
        self.note = label(role="muted")
        self.publish = action_button(name="exchanges_publish")
        self.publish.clicked.connect(self._on_publish_clicked)
        self.tiles: dict[ExchangeCategory, TileButton] = {}
        grid = self._grid = QGridLayout()
        grid.setSpacing(10)
        self._columns = 0
        for cat in ExchangeCategory:
            tile = TileButton(PICTOGRAMS[cat], vertical=False, icon_px=44)
            tile.setObjectName(f"exchange_category_{cat.value}")
            tile.setCheckable(True)
            tile.clicked.connect(lambda _=False, c=cat: self._on_category_clicked(c))
            self.tiles[cat] = tile
        self._relayout(2)
        self.message = label(role="title")
        self.message.setObjectName("exchanges_message")
        self.message.hide()
        self.empty = label(role="title")
        self.empty.setObjectName("exchanges_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._list = QVBoxLayout()
        self._list.setSpacing(14)
        inner = QWidget()
        il = QVBoxLayout(inner)
        il.setContentsMargins(0, 0, 0, 0)
        # first in the scrolling list: a fixed row would squeeze the tiles in large text
        il.addWidget(self.publish)
        il.addLayout(self._list)
        il.addStretch(1)
        page = QWidget()
        pl = QVBoxLayout(page)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.note)
        pl.addLayout(grid)
        pl.addWidget(self.message)
        pl.addWidget(self.empty)
        pl.addWidget(scrolling(inner), 1)
        self.identify = IdentifyPanel(ctx)
        self.identify.identified.connect(self._on_identified)
        self.pages = QStackedWidget()
        self.pages.addWidget(page)
        self.pages.addWidget(self.identify)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.addWidget(self.pages)
        self.counts: dict[str, int] = {}
        self.retranslate()
        self.restyle()
        self.reload()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        self._relayout(2 if self.width() < 1300 else 5)
        super().resizeEvent(event)

    def _relayout(self, columns: int) -> None:
        """Two columns of tiles in portrait, three in landscape (every word fits)."""
        if columns == self._columns:
            return
        self._columns = columns
        for i, tile in enumerate(self.tiles.values()):
            self._grid.addWidget(tile, i // columns, i % columns)
        for c in range(4):
            self._grid.setColumnStretch(c, 1 if c < columns else 0)

    def restyle(self) -> None:
        t = self.theme
        for tile in self.tiles.values():
            tile.set_colour(t["primary"] if t.name == "calm" else t["text"])
            # room for a two-line label and its count, whatever the text size
            line = max(lab.fontMetrics().lineSpacing() for lab in tile.findChildren(QLabel))
            tile.setMinimumHeight(4 * line + 40)

    def title(self) -> str:
        return self.tr("Échanges entre voisins")

    def retranslate(self) -> None:
        self.note.setText(self.tr("Des voisins proposent ou cherchent un coup de main. Les annonces sont relues "
                                  "par le bureau avant d'être affichées. Aucun numéro de téléphone n'est affiché : "
                                  "la personne reçoit votre demande dans son espace."))
        self.empty.setText(self.tr("Pas encore d'annonce dans cette rubrique."))
        self.publish.setText(post_form.publish_label())
        for cat, tile in self.tiles.items():
            n = self.counts.get(cat.value, 0)
            tile.set_label(texts.category(cat.value), self.tr("{n} annonce(s)").format(n=n) if n else self.tr("aucune"))
        for card in self.cards:
            card.retranslate()

    def entered(self) -> None:
        self.restyle()          # the labels' fonts are final once the screen is shown
        self.reload()

    def reload(self) -> None:
        cat = self.category
        Op(self, lambda s: (s.conciergerie.published(cat), s.conciergerie.counts_by_category())) \
            .success(self._on_loaded).run()

    def _on_loaded(self, result: tuple) -> None:
        posts, self.counts = result
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for post in posts:
            card = PostCard(post)
            card.answer.clicked.connect(lambda _=False, pid=post.id: self._on_answer_clicked(pid))
            self._list.addWidget(card)
            self.cards.append(card)
        self.empty.setVisible(not posts)
        for cat, tile in self.tiles.items():
            tile.setChecked(cat is self.category)
        self.retranslate()

    def _on_category_clicked(self, cat: ExchangeCategory) -> None:
        self.category = None if cat is self.category else cat
        self.message.hide()
        self.reload()

    def _on_answer_clicked(self, post_id: str) -> None:
        self.pending_post = post_id
        self.pages.setCurrentIndex(IDENTIFY)

    def _on_publish_clicked(self) -> None:
        """The member shows their card (or the safe lookup), then writes their post."""
        self.pending_post = ""
        self.message.hide()
        self.pages.setCurrentIndex(IDENTIFY)

    def _on_identified(self, person) -> None:  # noqa: ANN001
        self.pages.setCurrentIndex(LIST)
        post, member = self.pending_post, person.member_id
        if not post:
            self.ctx.navigator.open("exchange_post", member_id=member)
            return
        Op(self, lambda s: s.conciergerie.request_contact(member, post)) \
            .success(lambda _c: self._show(self.tr("C'est transmis : la personne verra votre demande dans son "
                                                   "espace à la borne, ou le gardien la préviendra."))) \
            .failure(lambda exc: self._show(texts.refusal(exc), error=True)).run()

    def _show(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("role", "error" if error else "title")
        self.message.style().polish(self.message)
        self.message.show()
