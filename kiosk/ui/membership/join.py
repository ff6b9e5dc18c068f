""""Devenir membre": the enrollment wizard, for tenants (self-service) and caretakers.

Four steps, one question group each: name → home (building, entrance, flat, picked from
lists) → contact (phone, optional e-mail, household, language) → the information notice
(short text, QR to the full text, "read all") with the acceptance and the separate
opt-ins (SMS, newsletter). "Suivant" checks the fields of the step with the domain's
own validation and shows each error under its field in the user's language.

The enrollment runs in the background (``Op``). Outcomes: the card screen; a public
duplicate → "please see your caretaker" with no details; a caretaker duplicate → the
duplicate review screen. Opened with ``session=`` it is the caretaker's enrollment.
Holds personal data: the navigator destroys it on Back, Home and idle.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.errors import FieldError, ValidationError
from kiosk.domain.members import EnrollmentForm, HouseholdMember
from kiosk.services.notice import load_notice
from kiosk.tasks import Op
from kiosk.ui.i18n import LANGUAGES, NATIVE_NAMES
from kiosk.ui.membership.messages import field_message
from kiosk.ui.widgets.forms import ButtonChoice, Field, FlatPicker, action_button, label, toggle
from kiosk.ui.screen import Screen, UiContext, scrolling
from kiosk.ui.widgets.qr import qr_pixmap

STEP_FIELDS = [("first_name", "last_name"), ("building_id", "flat_id"),
               ("phone", "email", "language", "household"), ("notice_accepted",)]


def current_language(ctx: UiContext) -> str:
    return ctx.navigator.languages.language


class JoinScreen(Screen):
    name = "join"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, session=None, prefill: dict | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.session = session
        self._prefill = dict(prefill or {})   # first_name, last_name, flat_id: a household member
        self._flats: dict[str, set[str]] = {}
        self._step = 0
        self.steps = QStackedWidget()
        self.step_label = label(role="fact")   # "Étape 1 sur 4": a key fact, read from 1–2 m
        self.steps.addWidget(self._scrolled(self._build_name()))
        self.steps.addWidget(self._scrolled(self._build_home()))
        self.steps.addWidget(self._scrolled(self._build_contact()))
        self.steps.addWidget(self._scrolled(self._build_notice()))
        self.message = label(role="title")
        self.message.setObjectName("join_message")
        self.message.hide()
        self.prev = action_button(role="", name="join_prev")
        self.next = action_button(name="join_next")
        self.prev.clicked.connect(self._on_prev_clicked)
        self.next.clicked.connect(self._on_next_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.prev)
        bar.addStretch(1)
        bar.addWidget(self.next)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 20, 36, 20)
        lay.setSpacing(14)
        lay.addWidget(self.step_label)
        lay.addWidget(self.steps, 1)
        lay.addWidget(self.message)
        lay.addLayout(bar)
        self.retranslate()
        self._show_step(0)
        if self.tasks.services is not None and getattr(self.tasks.services, "membership", None):
            Op(self, lambda s: s.membership.members.place_choices()).success(self._on_places_loaded).run()

    # -- building -----------------------------------------------------------------------
    @staticmethod
    def _scrolled(inner: QWidget) -> QScrollArea:
        return scrolling(inner)

    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(18)
        return page, lay

    def _build_name(self) -> QWidget:
        page, lay = self._page()
        self.name_title = label(role="title")
        self.first_name = Field("first_name", max_length=60)
        self.last_name = Field("last_name", max_length=60)
        for w in (self.name_title, self.first_name, self.last_name):
            lay.addWidget(w)
        lay.addStretch(1)
        return page

    def _build_home(self) -> QWidget:
        page, lay = self._page()
        self.home_title = label(role="title")
        self.place = FlatPicker("join")
        lay.addWidget(self.home_title)
        lay.addWidget(self.place, 1)
        return page

    def _build_contact(self) -> QWidget:
        page, lay = self._page()
        self.contact_title = label(role="title")
        self.phone = Field("phone", numeric=True, max_length=20)
        self.email = Field("email", max_length=120)
        self.email.edit.setProperty("keyboard", "text")
        for edit in (self.phone.edit, self.email.edit):  # numbers and addresses read left to right
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.household_caption = label()
        self.household_name = QLineEdit()
        self.household_name.setObjectName("field_household")
        self.household_name.setMaxLength(60)
        self.household_add = action_button(role="", name="household_add")
        self.household_add.clicked.connect(self._on_household_add_clicked)
        # One row per person added, each with its own "Retirer" (defect 1: added people
        # could not be removed).
        self.household_names: list[str] = []
        self.household_rows = QVBoxLayout()
        self.household_rows.setSpacing(8)
        self.household_error = label(role="closed")
        self.household_error.hide()
        row = QHBoxLayout()
        row.addWidget(self.household_name, 1)
        row.addWidget(self.household_add)
        self.language_caption = label()
        self.language = ButtonChoice("join_language", 3)
        self.language.set_items([(lang, NATIVE_NAMES[lang]) for lang in LANGUAGES])
        self.language.select(current_language(self.ctx))
        for w in (self.contact_title, self.phone, self.email, self.household_caption):
            lay.addWidget(w)
        lay.addLayout(row)
        lay.addLayout(self.household_rows)
        for w in (self.household_error, self.language_caption, self.language):
            lay.addWidget(w)
        lay.addStretch(1)
        return page

    def _build_notice(self) -> QWidget:
        page, lay = self._page()
        self.notice = load_notice(current_language(self.ctx))
        self.notice_title = label(self.notice.title, role="title")
        self.notice_text = label(self.notice.short)
        self.notice_text.setObjectName("notice_short")
        self.notice_text.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_full = label(self.notice.full)
        self.notice_full.setObjectName("notice_full")
        self.notice_full.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_full.hide()
        self.read_all = action_button(role="", name="notice_read_all")
        self.read_all.setCheckable(True)
        self.read_all.toggled.connect(self.notice_full.setVisible)
        qr = label(wrap=False)
        qr.setPixmap(qr_pixmap(self.notice.url or self.notice.title, 200))
        self.qr_caption = label(role="muted")
        qr_row = QHBoxLayout()
        qr_row.addWidget(qr)
        qr_row.addWidget(self.qr_caption, 1)
        self.accept = toggle("notice_accept")
        self.accept_error = label(role="closed")
        self.accept_error.hide()
        self.sms = toggle("optin_sms")
        self.newsletter = toggle("optin_newsletter")
        self.optins_caption = label(role="muted")
        for w in (self.notice_title, self.notice_text, self.read_all, self.notice_full):
            lay.addWidget(w)
        lay.addLayout(qr_row)
        for w in (self.accept, self.accept_error, self.optins_caption, self.sms, self.newsletter):
            lay.addWidget(w)
        lay.addStretch(1)
        return page

    # -- Screen ----------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Inscrire un foyer") if self.session else self.tr("Devenir membre")

    def retranslate(self) -> None:
        lang = current_language(self.ctx)
        if self.notice.language != lang:  # the notice shown is the one whose hash is recorded
            self.notice = load_notice(lang)
            self.notice_title.setText(self.notice.title)
            self.notice_text.setText(self.notice.short)
            self.notice_full.setText(self.notice.full)
        self.name_title.setText(self.tr("Comment vous appelez-vous ?"))
        self.first_name.set_caption(self.tr("Prénom"))
        self.last_name.set_caption(self.tr("Nom"))
        self.home_title.setText(self.tr("Où habitez-vous ?"))
        self.place.building_caption.setText(self.tr("Bâtiment"))
        self.place.entrance_caption.setText(self.tr("Escalier"))
        self.place.flat_caption.setText(self.tr("Logement"))
        self.contact_title.setText(self.tr("Comment vous joindre ?"))
        self.phone.set_caption(self.tr("Téléphone portable"))
        self.email.set_caption(self.tr("E-mail (facultatif)"))
        self.household_caption.setText(self.tr("Les autres personnes du foyer (prénom, facultatif)"))
        self.household_add.setText(self.tr("Ajouter"))
        self.language_caption.setText(self.tr("Votre langue"))
        self.read_all.setText(self.tr("Lire le texte complet"))
        self.qr_caption.setText(self.tr("Le texte complet est aussi sur votre téléphone : visez ce code."))
        self.accept.setText(self.tr("J'ai lu et j'accepte"))
        self.optins_caption.setText(self.tr("Facultatif, vous pouvez changer d'avis à tout moment :"))
        self.sms.setText(self.tr("Recevoir les nouvelles du club par SMS"))
        self.newsletter.setText(self.tr("Recevoir la lettre d'information"))
        self.prev.setText(self.tr("Précédent"))
        self._update_buttons()

    # -- steps -------------------------------------------------------------------------------
    def _show_step(self, step: int) -> None:
        if step != self._step:
            # a new step starts with the keyboard closed: otherwise the first tap closes it
            # on press, the layout jumps, and the release misses the button
            self.ctx.navigator.keyboard_controller.close()
        self._step = step
        self.steps.setCurrentIndex(step)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.step_label.setText(self.tr("Étape {step} sur {total}").format(step=self._step + 1, total=4))
        self.prev.setVisible(self._step > 0)
        self.next.setText(self.tr("Valider mon inscription") if self._step == 3 else self.tr("Suivant"))

    def _on_places_loaded(self, choices) -> None:
        self._flats = {b.id: {f.id for e in choices.entrances.get(b.id, []) for f in choices.flats.get(e.id, [])}
                       for b in choices.buildings}
        self.place.set_choices(choices)
        if self._prefill:
            self.first_name.edit.setText(self._prefill.get("first_name", ""))
            self.last_name.edit.setText(self._prefill.get("last_name", ""))
            flat = self._prefill.get("flat_id", "")
            building = next((b for b, flats in self._flats.items() if flat in flats), "")
            if building:
                self.place.buildings.select(building)
                entrance = next((e.id for e in choices.entrances.get(building, [])
                                 if any(f.id == flat for f in choices.flats.get(e.id, []))), "")
                if entrance:
                    self.place.entrances.select(entrance)
                self.place.select_flat(flat)

    def form(self) -> EnrollmentForm:
        people = [HouseholdMember(name) for name in self.household_names]
        return EnrollmentForm(self.first_name.text(), self.last_name.text(), self.place.building_id(),
                              self.place.flat_id(), self.phone.text(), self.email.text(),
                              self.language.current() or "fr", people, self.sms.isChecked(),
                              self.newsletter.isChecked(), self.accept.isChecked())

    def _errors(self) -> list[FieldError]:
        try:
            self.form().validate(flats_of_building=self._flats)
        except ValidationError as exc:
            return exc.errors
        return []

    def show_errors(self, errors: list[FieldError]) -> None:
        by_field = {e.field: field_message(e) for e in errors}
        self.first_name.set_error(by_field.get("first_name", ""))
        self.last_name.set_error(by_field.get("last_name", ""))
        self.place.set_errors(by_field.get("building_id", ""), by_field.get("flat_id", ""))
        self.phone.set_error(by_field.get("phone", ""))
        self.email.set_error(by_field.get("email", ""))
        household = next((m for f, m in by_field.items() if f.startswith("household")), "")
        self.household_error.setText(f"⚠ {household}" if household else "")
        self.household_error.setVisible(bool(household))
        notice = by_field.get("notice_accepted", "")
        self.accept_error.setText(f"⚠ {notice}" if notice else "")
        self.accept_error.setVisible(bool(notice))

    def _step_of(self, field: str) -> int:
        for i, names in enumerate(STEP_FIELDS):
            if field.split(".")[0] in names:
                return i
        return 0

    def _on_prev_clicked(self) -> None:
        self.message.hide()
        if self._step > 0:
            self._show_step(self._step - 1)

    def _on_next_clicked(self) -> None:
        self.ctx.navigator.keyboard_controller.close()
        if self._step == 2 and self.household_name.text().strip():
            self._on_household_add_clicked()   # typed but not added: kept, not silently dropped (defect 1)
        errors = [e for e in self._errors() if self._step_of(e.field) <= self._step]
        self.show_errors(errors)
        if errors:
            self._show_step(min(self._step_of(e.field) for e in errors))
            return
        if self._step < 3:
            self._show_step(self._step + 1)
            return
        self.next.setEnabled(False)
        form, notice, session = self.form(), self.notice, self.session
        Op(self, lambda s: s.membership.members.enroll(form, notice, session=session)) \
            .success(self._on_enrolled).failure(self._on_enroll_failed).run()

    def _on_household_add_clicked(self) -> None:
        name = self.household_name.text().strip()
        if name:
            self.household_names.append(name)
            self.household_name.setText("")
            self._show_household()

    def _on_household_remove_clicked(self, index: int) -> None:
        if 0 <= index < len(self.household_names):
            del self.household_names[index]
            self._show_household()

    def _show_household(self) -> None:
        while self.household_rows.count():
            item = self.household_rows.takeAt(0)
            row = item.layout()
            while row is not None and row.count():
                w = row.takeAt(0).widget()
                if w is not None:
                    w.setParent(None)
                    w.deleteLater()
        for i, name in enumerate(self.household_names):
            row = QHBoxLayout()
            row.addWidget(label(name, role="fact"), 1)
            remove = action_button(self.tr("Retirer"), role="", name=f"household_remove_{i}")
            remove.setAccessibleName(self.tr("Retirer {name}").format(name=name))
            remove.clicked.connect(lambda _=False, n=i: self._on_household_remove_clicked(n))
            row.addWidget(remove)
            self.household_rows.addLayout(row)

    # -- outcomes -----------------------------------------------------------------------------
    def _on_enrolled(self, enrolled) -> None:
        self.next.setEnabled(True)
        m = enrolled.member
        self.ctx.navigator.open("member_card", member_id=m.id, card_text=enrolled.card.text,
                                pending=m.status.value == "pending", session=self.session,
                                household=[(h.first_name, m.last_name, m.flat_id) for h in m.household])

    def _on_enroll_failed(self, exc: BaseException) -> None:
        from kiosk.services.members import DuplicateFound
        self.next.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
            self._show_step(min(self._step_of(e.field) for e in exc.errors))
        elif isinstance(exc, DuplicateFound) and self.session is not None:
            self.ctx.navigator.open("member_duplicates", form=self.form(), notice=self.notice,
                                    matches=exc.matches, session=self.session)
        elif isinstance(exc, DuplicateFound):
            self._say(self.tr("Vous êtes peut-être déjà membre. Pour ne pas vous inscrire deux fois, "
                              "merci de voir votre gardien."))
        else:
            self._say(self.tr("L'inscription n'a pas pu être enregistrée. Voyez votre gardien."))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
