""""Mon espace": the member's own space, opened by a valid card or by a safe lookup.

Opened with ``card_text`` (from the scan screen, camera or typed) the card is verified
in the background; a staff badge goes on to the staff sign-in. Without a card, the
lookup asks first name + flat (picked) + the last 4 digits of the phone and opens only
on exactly one match. The space shows the first name and status, the member's events,
ideas and requests (empty placeholders until those features land), the phone masked,
"change my phone", the SMS/newsletter opt-ins (each change is a new consent row), and
"leave the club and erase my data" (asked twice). Nothing of another member ever shows.
Holds personal data: the idle reset destroys it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.cards import Role
from kiosk.domain.errors import NotFound, ValidationError
from kiosk.services.notice import load_notice
from kiosk.tasks import Op
from kiosk.ui.membership.join import current_language
from kiosk.ui.membership.messages import field_message, progress_status, request_category, status_text, verdict_message
from kiosk.ui.formatting import duration, long_date
from kiosk.ui.conciergerie.my_space import ConciergeriePanel
from kiosk.ui.savings.panel import SavingsPanel
from kiosk.ui.widgets.forms import Field, FlatPicker, action_button, label, toggle
from kiosk.ui.screen import Screen, UiContext, arrange_columns, scrolling
from kiosk.ui.widgets.qr import qr_pixmap

LOOKUP, SPACE, MESSAGE = 0, 1, 2


class MemberSpaceScreen(Screen):
    name = "member"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, card_text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.space = None
        self.pages = QStackedWidget()
        # Opened by a card, the lookup form is never shown: not building it (its flat
        # picker is most of this screen's widgets) halves the time from the camera's
        # confirming frame to the member's screen (bench/scan_to_screen.py).
        self._has_lookup = not card_text
        self.pages.addWidget(self._scrolled(self._build_lookup()) if self._has_lookup else QWidget())
        self.pages.addWidget(self._scrolled(self._build_space()))
        self.pages.addWidget(self._build_message())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 20, 36, 20)
        lay.addWidget(self.pages)
        self.retranslate()
        if card_text:
            self.pages.setCurrentIndex(MESSAGE)
            self.message.setText(self.tr("Un instant…"))
            Op(self, lambda s: _open_card(s, card_text)).success(self._on_card_opened) \
                .failure(self._on_card_refused).run()
        else:
            Op(self, lambda s: s.membership.members.place_choices()).success(self.lookup_place.set_choices).run()

    def _build_message(self) -> QWidget:
        """A refused card is never a dead end: what happened, what to do, three ways on."""
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setSpacing(20)
        self.message = label(role="title")
        self.message.setObjectName("space_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.advice = label(role="fact")
        self.advice.setObjectName("space_advice")
        self.advice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.advice.hide()
        self.retry = action_button(name="space_retry")
        self.type_number = action_button(role="", name="space_type_number")
        self.ask_help = action_button(role="", name="space_help")
        self.retry.clicked.connect(lambda: self._go_scan(typing=False))
        self.type_number.clicked.connect(lambda: self._go_scan(typing=True))
        self.ask_help.clicked.connect(self._on_ask_help_clicked)
        lay.addStretch(1)
        lay.addWidget(self.message)
        lay.addWidget(self.advice)
        for b in (self.retry, self.type_number, self.ask_help):
            b.hide()
            lay.addWidget(b)
        lay.addStretch(2)
        return page

    def _go_scan(self, *, typing: bool) -> None:
        scan = self.ctx.navigator.open("scan")
        panel = getattr(scan, "panel", None)
        if typing and panel is not None and hasattr(panel, "show_typing"):
            panel.show_typing(True)

    def _on_ask_help_clicked(self) -> None:
        self.ctx.navigator.open("help", member_id=self.identified_member)

    @property
    def identified_member(self) -> str | None:
        return self.space.member_id if self.space is not None else None

    @staticmethod
    def _scrolled(inner: QWidget) -> QScrollArea:
        area = scrolling(inner)
        return area

    def _build_lookup(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setSpacing(16)
        self.lookup_intro = label(role="title")
        self.lookup_first = Field("lookup_first_name", max_length=60)
        self.lookup_place = FlatPicker("lookup")
        self.lookup_digits = Field("lookup_digits", numeric=True, max_length=4)
        self.lookup_error = label(role="closed")
        self.lookup_error.setObjectName("lookup_error")
        self.lookup_error.hide()
        self.lookup_digits.edit.returnPressed.connect(self._on_lookup_clicked)  # "Valider" on the pad
        self.lookup_go = action_button(name="lookup_open")
        self.lookup_go.clicked.connect(self._on_lookup_clicked)
        for w in (self.lookup_intro, self.lookup_first, self.lookup_place, self.lookup_digits,
                  self.lookup_error, self.lookup_go):
            lay.addWidget(w)
        lay.addStretch(1)
        return page

    def _build_space(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setSpacing(16)
        self.hello = label(role="hero")
        self.hello.setObjectName("space_hello")
        self.status = label()
        self.status.setObjectName("space_status")
        self.qr = label(wrap=False)
        top = QHBoxLayout()
        col = QVBoxLayout()
        col.addWidget(self.hello)
        col.addWidget(self.status)
        self.fee = label(role="fact")           # "Cotisation payée jusqu'au …" / "à régler"
        self.fee.setObjectName("space_fee")
        self.fee.hide()
        col.addWidget(self.fee)
        self.hosted = label(role="fact")        # "Vous avez animé 3 ateliers, 6 h" (volunteer-run workshops)
        self.hosted.setObjectName("space_hosted")
        self.hosted.hide()
        col.addWidget(self.hosted)
        col.addStretch(1)
        top.addLayout(col, 1)
        top.addWidget(self.qr)
        lay.addLayout(top)
        # lists | contact and leaving: side by side in landscape, stacked in portrait
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._columns.setSpacing(40)
        lists, contact = QVBoxLayout(), QVBoxLayout()
        lists.setSpacing(12)
        contact.setSpacing(16)
        self._columns.addLayout(lists, 1)
        self._columns.addLayout(contact, 1)
        lay.addLayout(self._columns)
        self.sections: dict[str, tuple] = {}
        for key in ("events", "ideas", "requests"):
            head, body = label(role="title"), label()
            body.setObjectName(f"space_{key}")
            lists.addWidget(head)
            lists.addWidget(body)
            self.sections[key] = (head, body)
        # community hook: events (cancel), ideas and requests with the office's answers
        self.community = action_button(role="", name="space_community")
        self.community.clicked.connect(self._on_community_clicked)
        lists.addWidget(self.community)
        # savings: "Vous avez économisé ... cette année", and a voucher without the card
        self.savings = SavingsPanel()
        self.savings.voucher_asked.connect(self._on_voucher_asked)
        lists.addWidget(self.savings)
        # exchanges between neighbours and time credits (shown when the club has them)
        self.conciergerie = ConciergeriePanel()
        lists.addWidget(self.conciergerie)
        lists.addStretch(1)
        self.contact_head = label(role="title")
        self.phone_now = label()
        self.phone_now.setObjectName("space_phone")
        self.new_phone = Field("space_new_phone", numeric=True, max_length=20)
        self.save_phone = action_button(role="", name="space_save_phone")
        self.save_phone.clicked.connect(self._on_save_phone_clicked)
        self.new_phone.edit.returnPressed.connect(self._on_save_phone_clicked)
        self.sms = toggle("space_sms")
        self.newsletter = toggle("space_newsletter")
        self.sms.clicked.connect(self._on_optins_clicked)
        self.newsletter.clicked.connect(self._on_optins_clicked)
        self.saved = label(role="muted")
        self.saved.setObjectName("space_saved")
        for w in (self.contact_head, self.phone_now, self.new_phone, self.save_phone, self.sms,
                  self.newsletter, self.saved):
            contact.addWidget(w)
        self.leave = action_button(role="", name="space_leave")
        self.leave.clicked.connect(self._on_leave_clicked)
        self.leave_confirm_text = label(role="title")
        self.leave_yes = action_button(name="space_leave_yes")
        self.leave_no = action_button(role="", name="space_leave_no")
        self.leave_yes.clicked.connect(self._on_leave_yes_clicked)
        self.leave_no.clicked.connect(lambda: self._confirming(False))
        row = QHBoxLayout()
        row.addWidget(self.leave_yes, 1)
        row.addWidget(self.leave_no, 1)
        contact.addSpacing(30)
        contact.addWidget(self.leave)
        contact.addWidget(self.leave_confirm_text)
        contact.addLayout(row)
        self._confirming(False)
        contact.addStretch(1)
        lay.addStretch(1)
        return page

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        arrange_columns(self._columns, self)
        super().resizeEvent(event)

    # -- Screen ---------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Mon espace")

    def retranslate(self) -> None:
        if self._has_lookup:
            self._retranslate_lookup()
        heads = {"events": self.tr("Mes événements"), "ideas": self.tr("Mes idées"),
                 "requests": self.tr("Mes demandes")}
        self._retranslate_space(heads)

    def _retranslate_lookup(self) -> None:
        self.lookup_intro.setText(self.tr("Pas de carte ? Retrouvez votre espace avec votre prénom, "
                                          "votre logement et la fin de votre numéro."))
        self.lookup_first.set_caption(self.tr("Prénom"))
        self.lookup_place.building_caption.setText(self.tr("Bâtiment"))
        self.lookup_place.entrance_caption.setText(self.tr("Escalier"))
        self.lookup_place.flat_caption.setText(self.tr("Logement"))
        self.lookup_digits.set_caption(self.tr("Les 4 derniers chiffres de votre téléphone"))
        self.lookup_go.setText(self.tr("Ouvrir mon espace"))

    def _retranslate_space(self, heads: dict) -> None:
        for key, (head, _body) in self.sections.items():
            head.setText(heads[key])
        self.contact_head.setText(self.tr("Mes coordonnées"))
        self.community.setText(self.tr("Mes inscriptions, idées et demandes : détails et réponses"))
        self.community.setAccessibleName(self.community.text())
        self.new_phone.set_caption(self.tr("Nouveau numéro"))
        self.save_phone.setText(self.tr("Changer mon numéro"))
        self.sms.setText(self.tr("Nouvelles du club par SMS"))
        self.newsletter.setText(self.tr("Lettre d'information"))
        self.leave.setText(self.tr("Quitter le club et effacer mes données"))
        self.leave_confirm_text.setText(self.tr("Vraiment ? Votre carte ne marchera plus et vos données "
                                                "seront effacées tout de suite."))
        self.leave_yes.setText(self.tr("Oui, effacer"))
        self.leave_no.setText(self.tr("Non, rester"))
        self.advice.setText(self.tr("Que faire ? Montrez la carte de plus près, bien à plat, "
                                    "ou tapez le numéro écrit dessus. Sinon, le gardien peut vous aider."))
        self.retry.setText(self.tr("Réessayer avec la caméra"))
        self.type_number.setText(self.tr("Taper le numéro de ma carte"))
        self.ask_help.setText(self.tr("Besoin d'aide ?"))
        if getattr(self, "_standing", None) is not None:
            self._show_fee(self._standing)
        if getattr(self, "_hosted", None) is not None:
            self._show_hosted(self._hosted)
        self.conciergerie.retranslate()
        self._fill()

    # -- showing ---------------------------------------------------------------------------
    def _fill(self) -> None:
        sp = self.space
        if sp is None:
            return
        self.hello.setText(self.tr("Bonjour {name}").format(name=sp.first_name))
        self.status.setText(status_text(sp.status.value) + "\n" +
                            self.tr("n° {number}").format(number=ltr(sp.number)))
        nothing = self.tr("Rien pour l'instant.")
        lines = {
            "events": [f"{title} — {starts[:16].replace('T', ' ')} ({progress_status(st)})" for title, starts, st in sp.events],
            "ideas": [f"{text[:60]} ({progress_status(st)})" for text, st in sp.ideas],
            "requests": [f"{request_category(cat)} ({progress_status(st)})" for cat, st in sp.requests],
        }
        for key, (_head, body) in self.sections.items():
            body.setText("\n".join(lines[key]) or nothing)
        self.phone_now.setText(self.tr("Téléphone : {phone}").format(phone=ltr(sp.masked_phone)))
        self.sms.setChecked(sp.sms_opt_in)
        self.newsletter.setChecked(sp.newsletter_opt_in)

    def _show_space(self, space) -> None:
        self.space = space
        mid = space.member_id
        if getattr(self.tasks.services, "savings", None) is not None:
            Op(self, lambda s: s.savings.summary(mid)).success(self.savings.show_summary).run()
        if getattr(self.tasks.services, "fees", None) is not None:
            Op(self, lambda s: s.fees.standing(mid)).success(self._show_fee).run()
        if getattr(self.tasks.services, "community", None) is not None:
            Op(self, lambda s: s.community.hosted_hours(mid)).success(self._show_hosted).run()
        if getattr(self.tasks.services, "conciergerie", None) is not None:
            self.conciergerie.show_for(self, mid)
        if space.card_text:
            self.qr.setPixmap(qr_pixmap(space.card_text, 220))
        self._fill()
        self.pages.setCurrentIndex(SPACE)

    def _show_fee(self, standing) -> None:
        """The membership fee: paid until D (last day covered), due, or nothing in a free club."""
        self._standing = standing
        kind = standing.kind.value
        if kind == "not_charged":
            self.fee.hide()
            return
        if kind == "paid" and standing.until is not None:
            self.fee.setText(self.tr("Cotisation payée jusqu'au {date}").format(date=long_date(standing.until)))
        else:
            self.fee.setText(self.tr("Cotisation à régler : voyez votre gardien"))
        self.fee.show()

    def _show_hosted(self, hosted) -> None:
        """The workshops the member ran as a volunteer (hidden when none)."""
        self._hosted = hosted
        if hosted.workshops == 0:
            self.hosted.hide()
            return
        if hosted.workshops == 1:
            self.hosted.setText(self.tr("Vous avez animé 1 atelier, {hours}").format(hours=duration(hosted.minutes)))
        else:
            self.hosted.setText(self.tr("Vous avez animé {n} ateliers, {hours}").format(
                n=hosted.workshops, hours=duration(hosted.minutes)))
        self.hosted.show()

    def _on_card_opened(self, outcome) -> None:
        kind, value = outcome
        if kind == "staff":
            self.ctx.navigator.open("staff", badge=value)
            return
        self._show_space(value)
        self.ctx.navigator.show_card_result(True, "✓ " + self.tr("Bonjour {name}").format(name=value.first_name))

    def _on_card_refused(self, exc: BaseException) -> None:
        verdict = getattr(exc, "verdict", None)
        self.message.setText(verdict_message(verdict.value if verdict is not None else ""))
        for w in (self.advice, self.retry, self.type_number, self.ask_help):
            w.show()
        self.pages.setCurrentIndex(MESSAGE)
        self.ctx.navigator.show_card_result(False, "✗ " + self.tr("Carte non reconnue"))

    # -- lookup ------------------------------------------------------------------------------
    def _on_lookup_clicked(self) -> None:
        self.ctx.navigator.keyboard_controller.close()
        first, flat, digits = self.lookup_first.text(), self.lookup_place.flat_id(), self.lookup_digits.text()
        Op(self, lambda s: s.membership.members.lookup(first, flat, digits)).success(self._show_space) \
            .failure(self._on_lookup_failed).run()

    def _on_lookup_failed(self, exc: BaseException) -> None:
        self.lookup_first.set_error("")
        self.lookup_digits.set_error("")
        self.lookup_place.set_errors("", "")
        if isinstance(exc, ValidationError):
            for e in exc.errors:
                msg = field_message(e)
                if e.field == "first_name":
                    self.lookup_first.set_error(msg)
                elif e.field == "flat_id":
                    self.lookup_place.set_errors("", msg)
                else:
                    self.lookup_digits.set_error(msg)
            return
        text = (self.tr("Nous ne trouvons pas votre espace. Vérifiez, ou voyez votre gardien.")
                if isinstance(exc, NotFound) else self.tr("Une erreur est survenue. Voyez votre gardien."))
        self.lookup_error.setText(f"⚠ {text}")
        self.lookup_error.show()

    # -- changes -----------------------------------------------------------------------------
    def _notice(self):
        return load_notice(current_language(self.ctx))

    def _on_voucher_asked(self) -> None:
        if self.space is not None:
            self.ctx.navigator.open("voucher", member_id=self.space.member_id)

    def _on_community_clicked(self) -> None:
        if self.space is not None:
            self.ctx.navigator.open("community_mine", member_id=self.space.member_id)

    def _on_save_phone_clicked(self) -> None:
        self.ctx.navigator.keyboard_controller.close()
        if self.space is None:
            return
        mid, phone, notice = self.space.member_id, self.new_phone.text(), self._notice()
        Op(self, lambda s: s.membership.members.update_contact(mid, notice, phone=phone)) \
            .success(self._on_contact_saved).failure(self._on_contact_failed).run()

    def _on_optins_clicked(self) -> None:
        if self.space is None:
            return
        mid, notice = self.space.member_id, self._notice()
        sms, news = self.sms.isChecked(), self.newsletter.isChecked()
        Op(self, lambda s: s.membership.members.update_contact(mid, notice, sms_opt_in=sms, newsletter_opt_in=news)) \
            .success(self._on_contact_saved).failure(self._on_contact_failed).run()

    def _on_contact_saved(self, space) -> None:
        self.new_phone.set_error("")
        self.new_phone.edit.setText("")
        self.space = space
        self._fill()
        self.saved.setText(self.tr("C'est enregistré."))

    def _on_contact_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.new_phone.set_error(field_message(exc.errors[0]))
        else:
            self.saved.setText(self.tr("Une erreur est survenue. Voyez votre gardien."))

    def _confirming(self, on: bool) -> None:
        self.leave.setVisible(not on)
        for w in (self.leave_confirm_text, self.leave_yes, self.leave_no):
            w.setVisible(on)

    def _on_leave_clicked(self) -> None:
        self._confirming(True)

    def _on_leave_yes_clicked(self) -> None:
        if self.space is None:
            return
        mid = self.space.member_id
        Op(self, lambda s: s.membership.privacy.leave(mid)).success(self._on_erased) \
            .failure(self._on_contact_failed).run()

    def _on_erased(self, _none) -> None:
        self.space = None
        self.fee.hide()
        self.hosted.hide()
        self.hello.setText("")
        self.status.setText("")
        self.phone_now.setText("")
        self.qr.clear()
        for _head, body in self.sections.values():
            body.setText("")
        self.message.setText(self.tr("Vos données sont effacées. Merci d'avoir été membre du club."))
        self.pages.setCurrentIndex(MESSAGE)


def ltr(text: str) -> str:
    """Keep a number left to right inside Arabic text ("06 •• •• •• 78", not "78 •• … 06")."""
    return f"\u2066{text}\u2069"


def _open_card(services, text: str):
    """Background job: a staff badge goes to the staff sign-in, a member card opens the space."""
    result = services.membership.cards.verify_card(text)
    if result.ok and result.claims is not None and result.claims.role is Role.STAFF:
        return ("staff", text)
    return ("member", services.membership.members.open_by_card(text))
