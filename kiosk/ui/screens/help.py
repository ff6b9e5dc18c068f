""""Besoin d'aide ?" (one tap from every screen) and "Je voudrais qu'on me rappelle".

The help screen shows who helps in this kiosk's buildings (the caretaker, the agency:
name, hours, work phone, as the office wrote them and the feed brought them), the next
"En direct" meeting with the landlord's teams, and the call-back request. Everything
shown is data: plain text only.

The call-back screen asks what it is about (four big buttons, no free text) and, unless
the tenant identified themselves before asking for help (``member_id``: their card or
the lookup), a phone number on the numeric pad. An identified member sees their own
number masked and may type another. Sending goes through
``HelpService.request_callback``: a mutation recorded here at once, network or not; the
office gets it at the next sync. Then "Votre demande est enregistrée." A number the
domain refuses is said under the field; any other failure gets a polite way on.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.help import CallbackReason, display_phone
from kiosk.tasks import Op
from kiosk.ui import formatting
from kiosk.ui.membership.messages import field_message
from kiosk.ui.widgets.forms import ButtonChoice, Field, action_button, label
from kiosk.ui.resources import pixmap
from kiosk.ui.screen import Screen, UiContext, scrolling


def _ltr(text: str) -> str:
    """A phone number as one left-to-right unit: its digit groups stay in order in Arabic
    and it never breaks across two lines (no-break spaces)."""
    return "\u2066" + text.replace(" ", "\u00a0") + "\u2069"


def _card(icon: str, colour: str, *rows: QWidget) -> QFrame:
    frame = QFrame()
    frame.setProperty("role", "card")
    lay = QHBoxLayout(frame)
    lay.setContentsMargins(24, 20, 24, 20)
    lay.setSpacing(20)
    pic = QLabel()
    pic.setPixmap(pixmap(icon, colour, 64))
    lay.addWidget(pic, 0, Qt.AlignmentFlag.AlignTop)
    col = QVBoxLayout()
    col.setSpacing(6)
    for r in rows:
        col.addWidget(r)
    lay.addLayout(col, 1)
    return frame


def _plain(text: str = "", role: str = "") -> QLabel:
    return label(text, role=role)


class HelpScreen(Screen):
    name = "help"

    def __init__(self, ctx: UiContext, member_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.member_id = member_id      # who asked for help, if they had identified themselves
        self.info = None
        self.intro = _plain(role="title")
        self.intro.setObjectName("help_intro")
        self.contacts = QVBoxLayout()
        self.contacts.setSpacing(16)
        self.meeting_head = _plain(role="title")
        self.meeting = QVBoxLayout()
        self.empty = _plain()
        self.empty.setObjectName("help_empty")
        self.empty.hide()
        self.callback = action_button(name="help_callback")
        self.callback.clicked.connect(self._on_callback_clicked)
        self.listen_hint = _plain(role="muted")
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.setSpacing(18)
        lay.addWidget(self.intro)
        lay.addLayout(self.contacts)
        lay.addWidget(self.empty)
        lay.addWidget(self.callback)
        lay.addWidget(self.meeting_head)
        lay.addLayout(self.meeting)
        lay.addWidget(self.listen_hint)
        lay.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(inner))
        self.retranslate()
        if getattr(self.tasks.services, "help", None) is not None:
            Op(self, lambda s: s.help.info()).success(self._on_info_loaded).run()

    @property
    def identified_member(self) -> str | None:
        return self.member_id

    def title(self) -> str:
        return self.tr("Besoin d'aide ?")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Ces personnes peuvent vous aider :"))
        self.empty.setText(self.tr("Le bureau n'a pas encore donné les coordonnées du gardien. "
                                   "Demandez à l'agence de votre bailleur."))
        self.callback.setText(self.tr("Je voudrais qu'on me rappelle"))
        self.callback.setAccessibleName(self.callback.text())
        self.meeting_head.setText(self.tr("Prochaine rencontre « En direct » avec le bailleur"))
        self.listen_hint.setText(self.tr("Vous ne lisez pas bien ? Touchez « Écouter », en bas : la borne lit l'écran."))
        self._fill()

    def _on_info_loaded(self, info) -> None:  # noqa: ANN001 - kiosk.services.help.HelpInfo
        self.info = info
        self._fill()

    def _fill(self) -> None:
        from kiosk.ui.community import texts
        for box in (self.contacts, self.meeting):
            while box.count():
                w = box.takeAt(0).widget()
                if w is not None:
                    w.setParent(None)
                    w.deleteLater()
        if self.info is None:
            return
        colour = self.theme["primary"] if self.theme.name == "calm" else self.theme["text"]
        for c in self.info.contacts:
            phone = _plain(_ltr(display_phone(c.phone)), role="hero")
            phone.setObjectName("help_phone")
            self.contacts.addWidget(_card("person", colour, _plain(c.name, role="title"), _plain(c.hours), phone))
        self.empty.setVisible(not self.info.contacts)
        m = self.info.next_meeting
        self.meeting_head.setVisible(m is not None)
        if m is not None:
            self.meeting.addWidget(_card("meeting", colour, _plain(m.title, role="title"),
                                         _plain(texts.when(m.starts_at, m.ends_at)), _plain(m.place)))

    def restyle(self) -> None:
        self._fill()

    def _on_callback_clicked(self) -> None:
        self.ctx.navigator.open("help_callback", member_id=self.member_id)


def reason_text(reason: CallbackReason) -> str:
    from PySide6.QtCore import QCoreApplication
    return {CallbackReason.MEMBERSHIP: QCoreApplication.translate("CallbackScreen", "Mon adhésion, ma carte"),
            CallbackReason.HOME: QCoreApplication.translate("CallbackScreen", "Mon logement, une réparation"),
            CallbackReason.ACTIVITIES: QCoreApplication.translate("CallbackScreen", "Les rencontres et activités"),
            CallbackReason.OTHER: QCoreApplication.translate("CallbackScreen", "Autre chose")}[reason]


class CallbackScreen(Screen):
    name = "help_callback"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, member_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.member_id = member_id
        self.caller = None              # kiosk.services.help.Caller, once loaded
        self.intro = _plain(role="title")
        self.intro.setObjectName("callback_intro")
        self.due = _plain(role="fact")
        self.due.setObjectName("callback_due")
        self.due.hide()
        self.reason_caption = _plain()
        self.reason = ButtonChoice("callback_reason", 1, wide_columns=2)   # one a line in portrait: large text fits
        self.reason.set_items([(r.value, reason_text(r)) for r in CallbackReason])
        self.reason_error = _plain(role="closed")
        self.reason_error.setObjectName("callback_reason_error")
        self.reason_error.hide()
        self.phone = Field("callback_phone", numeric=True, max_length=20)
        self.send = action_button(name="callback_send")
        self.send.clicked.connect(self._on_send_clicked)
        self.phone.edit.returnPressed.connect(self._on_send_clicked)
        self.answer_icon = QLabel()     # ✓ or ✗ as a picture: the answer is seen before it is read
        self.answer_icon.setObjectName("callback_answer_icon")
        self.answer_icon.hide()
        self.answer = _plain(role="title")
        self.answer.setObjectName("callback_answer")
        self.answer.hide()
        self.answer_more = _plain()
        self.answer_more.setObjectName("callback_answer_more")
        self.answer_more.hide()
        self.form = QWidget()
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.setSpacing(18)
        for w in (self.intro, self.due, self.reason_caption, self.reason, self.reason_error, self.phone, self.send):
            form.addWidget(w)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.setSpacing(18)
        lay.addWidget(self.form)
        lay.addWidget(self.answer_icon)
        lay.addWidget(self.answer)
        lay.addWidget(self.answer_more)
        lay.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(inner))
        self.retranslate()
        if member_id and getattr(self.tasks.services, "help", None) is not None:
            Op(self, lambda s: s.help.caller(member_id)).success(self._on_caller_loaded).run()

    @property
    def identified_member(self) -> str | None:
        return self.member_id

    def title(self) -> str:
        return self.tr("Être rappelé")

    def _identified(self) -> bool:
        return self.caller is not None and self.caller.member_id is not None

    def retranslate(self) -> None:
        c = self.caller
        if self._identified():
            if c.masked_phone:
                self.intro.setText(self.tr("{name}, le bureau vous rappellera au {phone}.").format(
                    name=c.first_name, phone=_ltr(c.masked_phone)))
            else:
                self.intro.setText(self.tr("{name}, le bureau vous rappellera.").format(name=c.first_name))
            self.phone.set_caption(self.tr("Un autre numéro ? (facultatif)"))
        else:
            self.intro.setText(self.tr("Laissez votre numéro : le bureau vous rappellera."))
            self.phone.set_caption(self.tr("Votre numéro de téléphone"))
        if c is not None and c.due_since:
            self.due.setText(self.tr("Vous avez déjà demandé un rappel le {date} : le bureau va vous appeler.").format(
                date=_day(c.due_since)))
        self.due.setVisible(c is not None and bool(c.due_since))
        self.reason_caption.setText(self.tr("C'est à propos de :"))
        for r in CallbackReason:
            self.reason.set_text(r.value, reason_text(r))
        self.send.setText(self.tr("Envoyer"))
        if self.answer.isVisibleTo(self):
            self._show_done()

    def _on_caller_loaded(self, caller) -> None:  # noqa: ANN001 - kiosk.services.help.Caller
        self.caller = caller
        self.retranslate()

    def _on_send_clicked(self) -> None:
        self.ctx.navigator.keyboard_controller.close()
        self.phone.set_error("")
        self.reason_error.hide()
        phone, lang, reason = self.phone.text(), self.ctx.navigator.languages.language, self.reason.current()
        member = self.caller.member_id if self._identified() else None
        Op(self, lambda s: s.help.request_callback(phone, lang, reason, member)).success(self._on_sent) \
            .failure(self._on_refused).run()

    def _on_sent(self, _request_id: str) -> None:
        self.phone.edit.setText("")
        self.form.hide()
        self._show_done()
        self.ctx.navigator.speech.say_if_listening(self.answer.text() + "\n" + self.answer_more.text())

    def _show_answer_icon(self, ok: bool) -> None:
        self.answer_icon.setPixmap(pixmap("check" if ok else "cross", self.theme["open" if ok else "closed"], 96))
        self.answer_icon.show()

    def _show_done(self) -> None:
        self._show_answer_icon(True)
        self.answer.setText(self.tr("Votre demande est enregistrée."))
        self.answer_more.setText(self.tr("Le bureau vous rappellera dès que possible, aux heures d'ouverture."))
        self.answer.show()
        self.answer_more.show()

    def _on_refused(self, exc: BaseException) -> None:
        from kiosk.domain.errors import ValidationError
        if isinstance(exc, ValidationError):
            for err in exc.errors:
                if err.field == "reason":
                    self.reason_error.setText("⚠ " + self.tr("Touchez ce dont il s'agit."))
                    self.reason_error.show()
                else:
                    self.phone.set_error(field_message(err))
            return
        self.phone.edit.setText("")   # nothing personal kept on the screen after a failure
        self.form.hide()
        self._show_answer_icon(False)
        self.answer.setText(self.tr("Un problème est survenu. Appelez le gardien, ou passez à l'agence."))
        self.answer.show()
        self.ctx.navigator.speech.say_if_listening(self.answer.text())


def _day(stamp: str) -> str:
    try:
        return formatting.long_date(datetime.fromisoformat(stamp).astimezone())
    except ValueError:
        return stamp
