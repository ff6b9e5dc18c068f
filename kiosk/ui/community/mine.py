"""The member's own community page, opened from "Mon espace" with their id: their
events (status, waitlist place, cancel), their ideas (status, the office's answer) and
their requests to the landlord (received / in progress / done, and the answer).

Holds personal data: the idle reset destroys it. Nothing of another member shows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.tasks import Op
from kiosk.ui.community.a11y import name_controls
from kiosk.ui.community import texts
from kiosk.ui.widgets.forms import action_button, label
from kiosk.ui.screen import Screen, UiContext, scrolling


def _card(*widgets: QWidget) -> QFrame:
    frame = QFrame()
    frame.setProperty("role", "card")
    frame.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)  # never squeezed
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(20, 14, 20, 14)
    for w in widgets:
        if isinstance(w, QHBoxLayout):
            lay.addLayout(w)
        else:
            lay.addWidget(w)
    return frame


class MyCommunityScreen(Screen):
    name = "community_mine"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, member_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.member_id = member_id
        self.data: tuple[list, list, list] = ([], [], [])
        self.heads = {k: label(role="title") for k in ("events", "ideas", "requests")}
        self.boxes = {k: QVBoxLayout() for k in self.heads}
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setSpacing(12)
        for k in ("events", "ideas", "requests"):
            lay.addWidget(self.heads[k])
            lay.addLayout(self.boxes[k])
        lay.addStretch(1)
        area = scrolling(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 24, 36, 24)
        outer.addWidget(area)
        self.retranslate()
        self.reload()

    def title(self) -> str:
        return self.tr("Mes activités au club")

    def retranslate(self) -> None:
        self.heads["events"].setText(self.tr("Mes événements"))
        self.heads["ideas"].setText(self.tr("Mes idées"))
        self.heads["requests"].setText(self.tr("Mes demandes au bailleur"))
        self._fill()

    def reload(self) -> None:
        member = self.member_id
        Op(self, lambda s: (s.community.my_events(member), s.community.my_ideas(member),
                            s.community.my_requests(member))).success(self._on_loaded).run()

    def _on_loaded(self, data) -> None:  # noqa: ANN001
        self.data = data
        self._fill()

    def _clear(self, box: QVBoxLayout) -> None:
        while box.count():
            w = box.takeAt(0).widget()
            if w is not None:
                w.setParent(None)
                w.deleteLater()

    def _fill(self) -> None:
        events, ideas, requests = self.data
        for box in self.boxes.values():
            self._clear(box)
        nothing = self.tr("Rien pour l'instant.")
        for m in events:
            e, reg = m.event, m.registration
            cancel = action_button(self.tr("Annuler"), role="", name=f"mine_cancel_{reg.id}")
            cancel.clicked.connect(lambda _=False, rid=reg.id: self._on_cancel_clicked(rid))
            row = QHBoxLayout()
            row.addWidget(label(texts.registration_status(reg.status.value, reg.waitlist_position), role="offer"), 1)
            row.addWidget(cancel)
            self.boxes["events"].addWidget(_card(label(e.title, role="title"),
                                                 label(texts.when(e.starts_at, e.ends_at)), row))
        for i in ideas:
            parts = [label(i.text), label(texts.idea_status(i.status.value), role="offer")]
            if i.answer:
                parts.append(label(self.tr("Réponse du bureau : {answer}").format(answer=i.answer)))
            self.boxes["ideas"].addWidget(_card(*parts))
        for r in requests:
            parts = [label(texts.request_category(r.category.value), role="title"),
                     label(texts.request_status(r.status.value), role="offer")]
            if r.answer:
                parts.append(label(self.tr("Réponse du bureau : {answer}").format(answer=r.answer)))
            self.boxes["requests"].addWidget(_card(*parts))
        for key, items in zip(("events", "ideas", "requests"), (events, ideas, requests)):
            if not items:
                self.boxes[key].addWidget(label(nothing, role="muted"))
        name_controls(self)

    def _on_cancel_clicked(self, registration_id: str) -> None:
        member = self.member_id
        Op(self, lambda s: s.community.cancel(registration_id, member)).success(lambda _r: self.reload()).run()
