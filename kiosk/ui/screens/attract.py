"""The attract screen: what a passer-by sees, and Home for everyone.

Club name, today's announcements (a slow carousel, a touch shows the next one), six
big actions with pictograms (requests to the landlord have their own), the language
picker (each name in its own script, no flags) and a discreet online/offline
indicator. Large text, contrast and easy-read are in the window's access bar, the same
on every screen. Portrait stacks everything; landscape puts the actions beside the news.
Announcements load in the background (``Op``) each time the screen is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QBoxLayout, QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from kiosk.tasks import Op
from kiosk.ui.easy_read import EasyReadStrip
from kiosk.ui.i18n import LANGUAGES, NATIVE_NAMES
from kiosk.ui.screen import Screen, UiContext
from kiosk.ui.widgets.status import Connectivity, StatusIndicator
from kiosk.ui.widgets.tiles import LayoutButton, TileButton

CAROUSEL_MS = 9000
ACTIONS = ("scan", "join", "directory", "events", "ideas", "requests", "lending")
ACTION_ICONS = {"scan": "scan", "join": "join", "directory": "deals", "events": "events", "ideas": "ideas",
                "requests": "request", "lending": "services"}
# Tiles shown only once the club is known to offer them (see ``entered``).
CONDITIONAL_ACTIONS = ("lending",)
# Where each action goes (the requests to the landlord are the "request_new" screen).
ACTION_SCREENS = {"requests": "request_new"}


class AttractScreen(Screen):
    name = "attract"
    show_header = False

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._news: list = []
        self._news_index = 0
        if ctx.connectivity is None:
            ctx.connectivity = Connectivity()

        self._club = QLabel()
        self._club.setTextFormat(Qt.TextFormat.PlainText)
        self._club.setProperty("role", "hero")
        self._club.setWordWrap(True)
        self._welcome = QLabel()
        self._welcome.setProperty("role", "title")
        self._welcome.setWordWrap(True)
        self._status = StatusIndicator(ctx.connectivity, self.theme["muted"])

        self._news_card = LayoutButton()  # a button so a touch shows the next item
        self._news_card.setObjectName("news")
        self._news_card.setProperty("role", "tile")
        self._news_title = QLabel()
        self._news_title.setProperty("role", "title")
        self._news_title.setWordWrap(True)
        self._news_body = QLabel()
        self._news_body.setProperty("role", "body")
        self._news_body.setWordWrap(True)
        self._news_dots = QLabel()
        self._news_dots.setProperty("role", "muted")
        self._news_dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        news_lay = QVBoxLayout(self._news_card)
        news_lay.setContentsMargins(28, 20, 28, 20)
        for w in (self._news_title, self._news_body, self._news_dots):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            w.setTextFormat(Qt.TextFormat.PlainText)   # the office's announcements are data
            news_lay.addWidget(w)
        self._news_card.clicked.connect(self._on_news_clicked)
        self._news_card.setMinimumHeight(200)
        self._carousel = QTimer(self)
        self._carousel.setInterval(CAROUSEL_MS)
        self._carousel.timeout.connect(self._on_carousel_timeout)

        self._actions: dict[str, TileButton] = {}
        for name in ACTIONS:
            b = TileButton(ACTION_ICONS[name], "action", vertical=name not in ("scan", "requests", "lending"),
                           icon_px=80)
            b.setObjectName(f"action_{name}")
            b.clicked.connect(lambda _=False, n=name: self._on_action_clicked(n))
            self._actions[name] = b
        self._actions["scan"].setMinimumHeight(150)
        for name in CONDITIONAL_ACTIONS:
            self._actions[name].hide()

        self._lang_group = QButtonGroup(self)
        self._lang_group.setExclusive(True)
        self._lang_buttons: dict[str, QPushButton] = {}
        for lang in LANGUAGES:
            b = QPushButton(NATIVE_NAMES[lang])
            b.setObjectName(f"lang_{lang}")
            b.setProperty("role", "lang")
            b.setCheckable(True)
            b.setAccessibleName(NATIVE_NAMES[lang])
            b.clicked.connect(lambda _=False, l=lang: self._on_lang_clicked(l))
            self._lang_group.addButton(b)
            self._lang_buttons[lang] = b

        # Layout: [info | actions] in a box whose direction follows the orientation.
        info = QWidget()
        info_lay = QVBoxLayout(info)
        info_lay.setContentsMargins(0, 0, 0, 0)
        info_lay.setSpacing(16)
        top = QHBoxLayout()
        top.addWidget(self._club, 1)
        top.addWidget(self._status, 0, Qt.AlignmentFlag.AlignTop)
        info_lay.addLayout(top)
        info_lay.addWidget(self._welcome)
        info_lay.addWidget(self._news_card)
        # Easy-read here takes the news card's place (not a strip above the whole screen,
        # which left the tiles too little height in landscape).
        self.easy = EasyReadStrip()
        self.easy.hide()
        info_lay.addWidget(self.easy)
        info_lay.addStretch(1)
        actions = QWidget()
        self._grid = QGridLayout(actions)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(20)
        self._grid_landscape: bool | None = None
        self._place_actions(landscape=False)
        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._body.setSpacing(28)
        self._body.addWidget(info, 0)
        self._body.addWidget(actions, 1)

        bar = QHBoxLayout()
        bar.setSpacing(14)
        for lang in LANGUAGES:
            bar.addWidget(self._lang_buttons[lang])
        bar.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 32, 36, 28)
        outer.setSpacing(24)
        outer.addLayout(self._body, 1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        outer.addWidget(line)
        outer.addLayout(bar)

        self.retranslate()
        self.restyle()

    # -- Screen -------------------------------------------------------------------
    def entered(self) -> None:
        lang = self.ctx.navigator.languages.language
        self._lang_buttons[lang].setChecked(True)
        self._sync_switches()
        if self.tasks.services is not None and getattr(self.tasks.services, "noticeboard", None):
            Op(self, lambda s: s.noticeboard.current()).success(self._on_news_loaded).run()
        if self.tasks.services is not None and getattr(self.tasks.services, "lending", None) is not None:
            # The club lends tools when the office has synced at least one lending point.
            Op(self, lambda s: bool(s.lending.points())).success(self._on_lending_known).run()
        self._carousel.start()

    def retranslate(self) -> None:
        self._club.setText(self.ctx.config.club_name)
        self._welcome.setText(self.tr("Bonjour ! Touchez un bouton."))
        labels = {
            "scan": self.tr("Scanner ma carte"), "join": self.tr("Devenir membre"),
            "directory": self.tr("Bons plans près d'ici"), "events": self.tr("Événements"),
            "ideas": self.tr("Boîte à idées"), "requests": self.tr("Demande au bailleur"),
            "lending": self.tr("Emprunter un outil"),
        }
        for name, text in labels.items():
            self._actions[name].set_label(text)
        self._news_card.setAccessibleName(self.tr("Annonces : touchez pour la suivante"))
        self._status.retranslate()
        self._show_news()
        if self.ctx.appearance.easy_read:
            self.easy.show_for("attract", self.theme)

    def restyle(self) -> None:
        t = self.theme
        for b in self._actions.values():
            b.set_colour(t["on_primary"])
        self._status.set_colour(t["muted"])
        easy = self.ctx.appearance.easy_read
        if easy:
            self.easy.show_for("attract", t)
        self.easy.setVisible(easy)
        self._news_card.setVisible(not easy)

    def _place_actions(self, *, landscape: bool) -> None:
        """Portrait: two a row under "Scanner ma carte". Landscape: three a row, so the
        tiles keep their height when the easy-read lines or large text take some."""
        if landscape == self._grid_landscape:
            return
        self._grid_landscape = landscape
        for b in self._actions.values():
            self._grid.removeWidget(b)
        cells = ({"scan": (0, 0, 1, 3), "join": (1, 0, 1, 1), "directory": (1, 1, 1, 1), "events": (1, 2, 1, 1),
                  "ideas": (2, 0, 1, 1), "requests": (2, 1, 1, 2), "lending": (3, 0, 1, 3)} if landscape else
                 {"scan": (0, 0, 1, 2), "join": (1, 0, 1, 1), "directory": (1, 1, 1, 1), "events": (2, 0, 1, 1),
                  "ideas": (2, 1, 1, 1), "requests": (3, 0, 1, 2), "lending": (4, 0, 1, 2)})
        for name, (r, c, rs, cs) in cells.items():
            self._grid.addWidget(self._actions[name], r, c, rs, cs)
        for col in range(3):
            self._grid.setColumnStretch(col, 1 if (landscape or col < 2) else 0)

    def resizeEvent(self, event) -> None:
        portrait = self.height() >= self.width()
        self._place_actions(landscape=not portrait)
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self._body.setStretch(0, 0 if portrait else 2)
        self._body.setStretch(1, 1 if portrait else 3)
        # Landscape has less height: the club's name as a title, not a hero (in large text
        # the news below it ran out of room).
        role = "hero" if portrait else "title"
        if self._club.property("role") != role:
            self._club.setProperty("role", role)
            self._club.style().unpolish(self._club)
            self._club.style().polish(self._club)
        super().resizeEvent(event)
        self._fit_news()

    def _fit_news(self) -> None:
        # A button does not get its height for its width from a column beside another
        # column: ask for it, or the news text is cut with room to spare below (large text).
        card = self._news_card
        if card.width() > 0:
            card.setMinimumHeight(max(200, card.heightForWidth(card.width())))

    # -- news -----------------------------------------------------------------------
    def _on_news_loaded(self, items: list) -> None:
        self._news = list(items)
        self._news_index = 0
        self._show_news()

    def _show_news(self) -> None:
        if not self._news:
            self._news_title.setText(self.tr("Bienvenue au club"))
            self._news_body.setText(self.tr("Des réductions chez les commerçants du quartier, "
                                            "des rencontres et des ateliers près de chez vous."))
            self._news_dots.setText("")
            self._fit_news()
            return
        item = self._news[self._news_index % len(self._news)]
        self._news_title.setText(item.title)
        self._news_body.setText(item.body)
        self._news_dots.setText(" ".join("●" if i == self._news_index % len(self._news) else "○"
                                         for i in range(len(self._news))))
        self._fit_news()

    def _on_carousel_timeout(self) -> None:
        if len(self._news) > 1:
            self._news_index += 1
            self._show_news()

    def _on_news_clicked(self) -> None:
        self._carousel.start()  # restart the pause so the new item stays long enough
        self._on_carousel_timeout()

    # -- actions --------------------------------------------------------------------
    def _on_action_clicked(self, name: str) -> None:
        self.ctx.navigator.open(ACTION_SCREENS.get(name, name))

    def _on_lending_known(self, lends: bool) -> None:
        self._actions["lending"].setVisible(lends)

    def _on_lang_clicked(self, lang: str) -> None:
        self.ctx.navigator.languages.set_language(lang)

    def _sync_switches(self) -> None:
        self.restyle()
