"""The member's card, shown large after enrollment (or by a caretaker), with "Imprimer".

The card face is the same drawing as the printed ID-1 card (:mod:`card_print`). A
self-enrolled member sees that a caretaker will confirm their address. Printing goes to
the default printer; without one the screen says so (the QR on screen can be
photographed or scanned). Holds personal data (first name, number): destroyed on leave.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.tasks import Op
from kiosk.ui.membership.card_print import card_image, print_card
from kiosk.ui.membership.messages import status_text
from kiosk.ui.widgets.forms import action_button, label
from kiosk.ui.screen import Screen, UiContext


class CardScreen(Screen):
    name = "member_card"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, member_id: str = "", card_text: str = "", pending: bool = False,
                 session=None, household=(), parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.session = session
        # The others of the household may want their own card (defect 1: the spouse could
        # not get one from the household list): one button each, to the same form, prefilled.
        self.household = list(household)
        self.others = []
        for i, (first, last, flat) in enumerate(self.household):
            b = action_button(role="", name=f"card_household_{i}")
            b.clicked.connect(lambda _=False, p=(first, last, flat): self._on_other_clicked(*p))
            self.others.append((b, first))
        self.face = None
        self._pending = pending
        self.headline = label(role="hero")
        self.headline.setObjectName("card_headline")
        self.card = label(wrap=False)
        self.card.setObjectName("card_image")
        self.card.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = label(role="title")
        self.status.setObjectName("card_status")
        self.hint = label()
        self.feedback = label(role="title")
        self.feedback.setObjectName("card_feedback")
        self.print_button = action_button(name="card_print")
        self.done = action_button(role="", name="card_done")
        self.print_button.clicked.connect(self._on_print_clicked)
        self.done.clicked.connect(self._on_done_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.print_button, 1)
        bar.addWidget(self.done, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.setSpacing(20)
        for w in (self.headline, self.card, self.status, self.hint, self.feedback):
            lay.addWidget(w)
        for b, _first in self.others:
            lay.addWidget(b)
        lay.addStretch(1)
        lay.addLayout(bar)
        self.retranslate()
        if member_id and self.tasks.services is not None:
            Op(self, lambda s: s.membership.members.card_face(member_id, card_text or None)) \
                .success(self._on_face_loaded).run()

    def title(self) -> str:
        return self.tr("Ma carte de membre")

    def retranslate(self) -> None:
        first = self.face.first_name if self.face else ""
        self.headline.setText(self.tr("Bienvenue au club, {name} !").format(name=first) if first else "")
        self.status.setText(status_text("pending" if self._pending else "active"))
        self.hint.setText(self.tr("Montrez ce code chez les commerçants partenaires et aux rencontres. "
                                  "Vous pouvez aussi le prendre en photo."))
        self.print_button.setText(self.tr("Imprimer ma carte"))
        for b, first in self.others:
            b.setText(self.tr("Une carte pour {name} aussi").format(name=first))
        self.done.setText(self.tr("Terminé"))

    def _on_face_loaded(self, face) -> None:
        self.face = face
        self._image = card_image(face, 1012)   # the printed card at 300 dpi
        self._fit_card()
        self.retranslate()

    def _fit_card(self) -> None:
        image = getattr(self, "_image", None)
        if image is None:
            return
        width = max(400, min(image.width(), self.width() - 72, int((self.height() - 420) * image.width() / image.height())))
        self.card.setPixmap(QPixmap.fromImage(image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._fit_card()

    def _on_print_clicked(self) -> None:
        if self.face is None:
            return
        ok = print_card(self.face)
        self.feedback.setText(self.tr("Votre carte s'imprime.") if ok else
                              self.tr("Pas d'imprimante ici : prenez le code en photo, ou demandez "
                                      "votre carte au gardien."))
        if self.session is not None and self.tasks.services is not None:
            session, face = self.session, self.face
            Op(self, lambda s: s.membership.staff.audit(session, "print_card", detail=face.number)).run()

    def _on_other_clicked(self, first: str, last: str, flat: str) -> None:
        self.ctx.navigator.open("join", session=self.session,
                                prefill={"first_name": first, "last_name": last, "flat_id": flat})

    def _on_done_clicked(self) -> None:
        nav = self.ctx.navigator
        if self.session is not None:
            while len(nav.history()) > 1 and nav.history()[-1] != "staff_home":
                nav.back()
        else:
            nav.home()
