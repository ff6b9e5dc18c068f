"""A request to the landlord, tied to the member's flat: the tenant is identified
first (card or safe lookup), picks a category (common areas repair, adapting the flat
for reduced mobility, noise, cleanliness, other) and may add a few words. Status and
the office's answer then show in the member's space ("Mes demandes").

No health details are asked for: "adapting my flat" is enough for the office to call.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.services.community import REQUEST_CATEGORIES
from kiosk.tasks import Op
from kiosk.ui.community.a11y import name_controls
from kiosk.ui.community import texts
from kiosk.ui.community.identify import IdentifyPanel
from kiosk.ui.widgets.forms import ButtonChoice, Field, action_button, label
from kiosk.ui.screen import Screen, UiContext

IDENTIFY, FORM, DONE = 0, 1, 2


class RequestFormScreen(Screen):
    name = "request_new"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.person = None
        self.identify = IdentifyPanel(ctx)
        self.identify.identified.connect(self._on_identify_identified)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.identify)
        self.pages.addWidget(self._build_form())
        self.thanks = label(role="title")
        self.thanks.setObjectName("request_thanks")
        self.pages.addWidget(self.thanks)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.addWidget(self.pages)
        self.retranslate()

    def _build_form(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setSpacing(14)
        self.hello = label(role="title")
        self.hello.setObjectName("request_hello")
        self.category = ButtonChoice("request_category", 1)
        self.category.set_items([(k, texts.request_category(k)) for k in REQUEST_CATEGORIES])
        self.category_error = label(role="closed")
        self.category_error.hide()
        self.text = Field("request_text", max_length=500)
        self.warning = label(role="muted")
        self.send = action_button(name="request_send")
        self.send.clicked.connect(self._on_send_clicked)
        for w in (self.hello, self.category, self.category_error, self.text, self.warning, self.send):
            lay.addWidget(w)
        lay.addStretch(1)
        return page

    def title(self) -> str:
        return self.tr("Demande au bailleur")

    def retranslate(self) -> None:
        for k in REQUEST_CATEGORIES:
            self.category.set_text(k, texts.request_category(k))
        name = self.person.first_name if self.person else ""
        self.hello.setText(self.tr("{name}, votre demande concerne…").format(name=name))
        self.text.set_caption(self.tr("Précisez en quelques mots (facultatif)"))
        self.warning.setText(self.tr("Inutile de parler de votre santé : le bureau vous rappellera."))
        self.send.setText(self.tr("Envoyer ma demande"))
        self.thanks.setText(self.tr("Demande envoyée. Suivez-la et lisez la réponse du bureau dans « Mon espace »."))
        name_controls(self)

    def _on_identify_identified(self, person) -> None:  # noqa: ANN001
        self.person = person
        self.retranslate()
        self.pages.setCurrentIndex(FORM)

    def _on_send_clicked(self) -> None:
        self.category_error.hide()
        self.text.set_error("")
        member, category, text = self.person.member_id, self.category.current(), self.text.text()
        Op(self, lambda s: s.community.submit_request(member, category, text)) \
            .success(self._on_request_sent).failure(self._on_request_refused).run()

    def _on_request_sent(self, _req) -> None:  # noqa: ANN001
        self.ctx.navigator.keyboard_controller.close()
        self.pages.setCurrentIndex(DONE)

    def _on_request_refused(self, exc: BaseException) -> None:
        for err in getattr(exc, "errors", []):
            if err.field == "category":
                self.category_error.setText("⚠ " + texts.field_error(err))
                self.category_error.show()
            else:
                self.text.set_error(texts.field_error(err))
        if not getattr(exc, "errors", None):
            self.text.set_error(texts.refusal(exc))
