""""Événements": the upcoming events of this kiosk's buildings, one big row each
(pictogram, title, day and hours, place, places left or "waitlist"). A tap opens the
event. Holds no personal data.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.tasks import Op
from kiosk.ui.community.a11y import name_controls
from kiosk.ui.community import texts
from kiosk.ui.widgets.forms import label
from kiosk.ui.resources import pixmap
from kiosk.ui.screen import Screen, UiContext, scrolling
from kiosk.ui.widgets.tiles import LayoutButton


class EventRow(LayoutButton):
    """One event: the whole row is one big target."""

    def __init__(self, view, theme, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.view = view
        e = view.event
        self.setObjectName(f"event_{e.id}")
        self.setProperty("role", "row")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(170)
        self._pic = QLabel()
        self._title = label(e.title, role="title")
        self._when = label()
        self._place = label(e.place, role="muted")
        self._places = label(role="offer")
        for lab in (self._pic, self._title, self._when, self._place, self._places):
            lab.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        col = QVBoxLayout()
        col.setSpacing(6)
        for w in (self._title, self._when, self._place, self._places):
            col.addWidget(w)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.setSpacing(20)
        lay.addWidget(self._pic, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(col, 1)
        self.restyle(theme)
        self.retranslate()

    def retranslate(self) -> None:
        e = self.view.event
        self._when.setText(texts.when(e.starts_at, e.ends_at))
        self._places.setText(texts.places(self.view.places_left, e.capacity))
        self.setAccessibleName(e.title)
        self.setAccessibleDescription(", ".join((self._when.text(), e.place, self._places.text())))

    def restyle(self, theme) -> None:  # noqa: ANN001
        self._pic.setPixmap(pixmap(texts.pictogram(self.view.event.pictogram), theme["primary"], 80))


class EventsScreen(Screen):
    name = "events"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[EventRow] = []
        self.empty = label(role="title")
        self.empty.setObjectName("events_empty")
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
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.addWidget(self.empty)
        lay.addWidget(area, 1)
        self.retranslate()
        self.reload()

    def title(self) -> str:
        return self.tr("Événements")

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Pas d'événement prévu pour le moment. Revenez bientôt !"))
        for row in self.rows:
            row.retranslate()
        name_controls(self)

    def restyle(self) -> None:
        for row in self.rows:
            row.restyle(self.theme)

    def entered(self) -> None:
        self.reload()

    def reload(self) -> None:
        Op(self, lambda s: s.community.upcoming()).success(self._on_events_loaded).run()

    def _on_events_loaded(self, views: list) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for view in views:
            row = EventRow(view, self.theme)
            row.clicked.connect(lambda _=False, eid=view.event.id: self._on_row_clicked(eid))
            self._list.addWidget(row)
            self.rows.append(row)
        self.empty.setVisible(not views)

    def _on_row_clicked(self, event_id: str) -> None:
        self.ctx.navigator.open("event", event_id=event_id)
