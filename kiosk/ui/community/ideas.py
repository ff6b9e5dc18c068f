""""Boîte à idées": ideas published by the office, with its answers and the votes; one
vote per member per idea (identified by card or safe lookup). From here: propose an
idea. (Requests to the landlord have their own entry on the attract screen: a broken
lift is not an idea.)

Only moderated ideas are shown, never who wrote them. After someone is identified to
vote, the screen remembers them until it is left (personal data: the idle reset
destroys it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.tasks import Op
from kiosk.ui.community.a11y import name_controls
from kiosk.ui.community import texts
from kiosk.ui.community.identify import IdentifyPanel
from kiosk.ui.widgets.forms import action_button, label
from kiosk.ui.screen import Screen, UiContext, scrolling

LIST, IDENTIFY = 0, 1


class IdeaCard(QFrame):
    """One published idea: theme, text, the office's answer, votes and the vote button."""

    def __init__(self, view, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.view = view
        self.setProperty("role", "card")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)  # never squeezed
        self.category = label(role="muted")
        self.text = label(view.idea.text, role="title")
        self.answer = label()
        self.answer.setVisible(bool(view.idea.answer))
        self.votes = label(role="offer")
        self.vote = action_button(role="", name=f"vote_{view.idea.id}")
        row = QHBoxLayout()
        row.addWidget(self.votes, 1)
        row.addWidget(self.vote)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        for w in (self.category, self.text, self.answer):
            lay.addWidget(w)
        lay.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        i = self.view.idea
        self.category.setText(texts.idea_category(i.category))
        self.answer.setText(self.tr("Réponse du bureau : {answer}").format(answer=i.answer))
        self.votes.setText(self.tr("{count} soutien(s)").format(count=i.votes))
        self.vote.setText(self.tr("Déjà soutenue ✓") if self.view.voted else self.tr("Je soutiens"))
        self.vote.setEnabled(not self.view.voted)


class IdeasScreen(Screen):
    name = "ideas"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.person = None
        self.pending_vote = ""
        self.cards: list[IdeaCard] = []
        self.new_idea = action_button(name="ideas_new")
        self.new_idea.clicked.connect(lambda: self._open("idea_new"))
        self.note = label(role="muted")
        self.empty = label(role="title")
        self.empty.setObjectName("ideas_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self._list = QVBoxLayout()
        self._list.setSpacing(14)
        inner = QWidget()
        inner_lay = QVBoxLayout(inner)
        inner_lay.setContentsMargins(0, 0, 0, 0)
        inner_lay.addLayout(self._list)
        inner_lay.addStretch(1)
        area = scrolling(inner)
        list_page = QWidget()
        lp = QVBoxLayout(list_page)
        lp.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_idea, 1)
        lp.addLayout(buttons)
        lp.addWidget(self.note)
        lp.addWidget(self.empty)
        lp.addWidget(area, 1)
        self.identify = IdentifyPanel(ctx)
        self.identify.identified.connect(self._on_identify_identified)
        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.identify)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.addWidget(self.pages)
        self.retranslate()
        self.reload()

    def title(self) -> str:
        return self.tr("Boîte à idées")

    def retranslate(self) -> None:
        self.new_idea.setText(self.tr("Proposer une idée"))
        self.note.setText(self.tr("Les idées sont relues par le bureau avant d'être affichées ici."))
        self.empty.setText(self.tr("Pas encore d'idée publiée. Proposez la première !"))
        for card in self.cards:
            card.retranslate()
        name_controls(self)

    def entered(self) -> None:
        self.reload()

    def reload(self) -> None:
        member = self.person.member_id if self.person else None
        Op(self, lambda s: s.community.published_ideas(member)).success(self._on_ideas_loaded).run()

    def _on_ideas_loaded(self, views: list) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        for view in views:
            card = IdeaCard(view)
            card.vote.clicked.connect(lambda _=False, iid=view.idea.id: self._on_vote_clicked(iid))
            self._list.addWidget(card)
            self.cards.append(card)
        self.empty.setVisible(not views)
        name_controls(self)

    def _open(self, name: str) -> None:
        self.ctx.navigator.open(name)

    def _on_vote_clicked(self, idea_id: str) -> None:
        self.pending_vote = idea_id
        if self.person is None:
            self.pages.setCurrentIndex(IDENTIFY)
        else:
            self._vote()

    def _on_identify_identified(self, person) -> None:  # noqa: ANN001
        self.person = person
        self.pages.setCurrentIndex(LIST)
        self._vote()

    def _vote(self) -> None:
        idea_id, member = self.pending_vote, self.person.member_id
        Op(self, lambda s: s.community.vote(idea_id, member)).success(lambda _ok: self.reload()).run()
