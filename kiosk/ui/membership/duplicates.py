"""Duplicate review (caretakers only): the enrollment matches existing members.

The caretaker sees each match with its number, name, flat and masked phone, and says
"same person" (no new member: confirm their address, or give a new card if it was
lost) or "different person" (enroll anyway). The public never reaches this screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.tasks import Op
from kiosk.ui import formatting
from kiosk.ui.membership.messages import status_text
from kiosk.ui.widgets.forms import action_button, label
from kiosk.ui.screen import Screen, UiContext


class DuplicatesScreen(Screen):
    name = "member_duplicates"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, form=None, notice=None, matches=(), session=None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.form, self.notice, self.session = form, notice, session
        self.matches = list(matches)
        self.intro = label(role="title")
        self.result = label(role="title")
        self.result.setObjectName("dup_result")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.setSpacing(18)
        lay.addWidget(self.intro)
        self._rows: list = []
        for m in self.matches:
            box = QFrame()
            box.setProperty("role", "card")
            inner = QVBoxLayout(box)
            iso = formatting.isolate   # each piece keeps its direction: no zigzag in Arabic (defect 8)
            info = label(f"{iso(m.first_name + ' ' + m.last_name)} · {iso(m.number)}\n"
                         f"{formatting.place(m.flat_label)} · {iso(m.masked_phone)}")
            status = label(role="muted")
            same = action_button(name=f"dup_same_{m.id}")
            lost = action_button(role="", name=f"dup_reissue_{m.id}")
            same.clicked.connect(lambda _=False, mid=m.id: self._on_same_clicked(mid))
            lost.clicked.connect(lambda _=False, mid=m.id: self._on_reissue_clicked(mid))
            # One above the other: side by side in portrait the words saying which action is
            # which were cut off (defect 3).
            row = QVBoxLayout()
            row.addWidget(same)
            row.addWidget(lost)
            inner.addWidget(info)
            inner.addWidget(status)
            inner.addLayout(row)
            lay.addWidget(box)
            self._rows.append((status, same, lost, m))
        self.different = action_button(role="", name="dup_different")
        self.different.clicked.connect(self._on_different_clicked)
        lay.addWidget(self.different)
        lay.addWidget(self.result)
        lay.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Déjà membre ?")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Cette personne ressemble à un membre déjà inscrit. Est-ce la même personne ?"))
        for status, same, lost, m in self._rows:
            status.setText(status_text(m.status.value))
            same.setText(self.tr("Même personne : confirmer son adresse"))
            lost.setText(self.tr("Même personne : nouvelle carte (perdue)"))
        self.different.setText(self.tr("Personne différente : inscrire quand même"))

    def _on_same_clicked(self, member_id: str) -> None:
        session = self.session
        Op(self, lambda s: s.membership.members.confirm_residence(member_id, session)) \
            .success(lambda _m: self.result.setText(self.tr("Adresse confirmée. Aucune nouvelle inscription."))) \
            .failure(self._on_failed).run()

    def _on_reissue_clicked(self, member_id: str) -> None:
        session = self.session
        Op(self, lambda s: s.membership.members.reissue_card(member_id, session)) \
            .success(lambda card: self._open_card(member_id, card.text)).failure(self._on_failed).run()

    def _on_different_clicked(self) -> None:
        form, notice, session = self.form, self.notice, self.session
        Op(self, lambda s: s.membership.members.enroll(form, notice, session=session, confirmed_distinct=True)) \
            .success(lambda e: self._open_card(e.member.id, e.card.text)).failure(self._on_failed).run()

    def _open_card(self, member_id: str, text: str) -> None:
        self.ctx.navigator.open("member_card", member_id=member_id, card_text=text, session=self.session)

    def _on_failed(self, exc: BaseException) -> None:
        self.result.setText(self.tr("Action impossible : la session a peut-être expiré."))
