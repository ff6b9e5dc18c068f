"""Propose an idea: a theme (big buttons), a short text, a clear warning not to write
personal or health details, and the choice to stay anonymous. Not anonymous: the
tenant is identified (card or safe lookup) so the idea shows in their space.

The office reads every idea before it is shown (moderation). Text that looks like a
phone number or an e-mail address is refused with the reason, before it leaves the
kiosk.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.services.community import IDEA_CATEGORIES
from kiosk.tasks import Op
from kiosk.ui.community.a11y import name_controls
from kiosk.ui.community import texts
from kiosk.ui.community.identify import IdentifyPanel
from kiosk.ui.widgets.forms import ButtonChoice, Field, action_button, label, toggle
from kiosk.ui.screen import Screen, UiContext

FORM, IDENTIFY, DONE = 0, 1, 2


class IdeaFormScreen(Screen):
    name = "idea_new"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_form())
        self.identify = IdentifyPanel(ctx)
        self.identify.identified.connect(self._on_identify_identified)
        self.pages.addWidget(self.identify)
        self.thanks = label(role="title")
        self.thanks.setObjectName("idea_thanks")
        self.pages.addWidget(self.thanks)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.addWidget(self.pages)
        self.retranslate()

    def _build_form(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setSpacing(14)
        self.category_caption = label(role="title")
        self.category = ButtonChoice("idea_category", 2)
        self.category.set_items([(k, texts.idea_category(k)) for k in IDEA_CATEGORIES])
        self.category_error = label(role="closed")
        self.category_error.hide()
        self.text = Field("idea_text", max_length=500)
        self.warning = label(role="closed")
        self.warning.setObjectName("idea_warning")
        self.anonymous = toggle("idea_anonymous")
        self.send = action_button(name="idea_send")
        self.send.clicked.connect(self._on_send_clicked)
        for w in (self.category_caption, self.category, self.category_error, self.text, self.warning,
                  self.anonymous, self.send):
            lay.addWidget(w)
        lay.addStretch(1)
        return page

    def title(self) -> str:
        return self.tr("Proposer une idée")

    def retranslate(self) -> None:
        self.category_caption.setText(self.tr("Votre idée concerne…"))
        for k in IDEA_CATEGORIES:
            self.category.set_text(k, texts.idea_category(k))
        self.text.set_caption(self.tr("Votre idée, en quelques mots"))
        self.warning.setText("⚠ " + self.tr("N'écrivez ni nom, ni numéro, ni rien sur votre santé : "
                                            "les idées peuvent être affichées sur la borne."))
        self.anonymous.setText(self.tr("Envoyer sans mon nom"))
        self.send.setText(self.tr("Envoyer mon idée"))
        self.thanks.setText(self.tr("Merci ! Le bureau lira votre idée avant de l'afficher ici."))
        name_controls(self)

    # -- slots ---------------------------------------------------------------------------------
    def _on_send_clicked(self) -> None:
        self.text.set_error("")
        self.category_error.hide()
        if self.anonymous.isChecked():
            self._submit(None)
        else:
            self.ctx.navigator.keyboard_controller.close()
            self.pages.setCurrentIndex(IDENTIFY)

    def _on_identify_identified(self, person) -> None:  # noqa: ANN001
        self._submit(person.member_id)

    def _submit(self, member_id: str | None) -> None:
        category, text, anonymous = self.category.current(), self.text.text(), self.anonymous.isChecked()
        Op(self, lambda s: s.community.submit_idea(category, text, member_id, anonymous=anonymous)) \
            .success(self._on_idea_sent).failure(self._on_idea_refused).run()

    def _on_idea_sent(self, _idea) -> None:  # noqa: ANN001
        self.ctx.navigator.keyboard_controller.close()
        self.pages.setCurrentIndex(DONE)

    def _on_idea_refused(self, exc: BaseException) -> None:
        self.pages.setCurrentIndex(FORM)
        for err in getattr(exc, "errors", []):
            if err.field == "category":
                self.category_error.setText("⚠ " + texts.field_error(err))
                self.category_error.show()
            else:
                self.text.set_error(texts.field_error(err))
        if not getattr(exc, "errors", None):
            self.text.set_error(texts.refusal(exc))
