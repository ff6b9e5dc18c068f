""""Besoin d'aide ?" (one tap from every screen) and "Je voudrais qu'on me rappelle".

The help screen shows who helps in this kiosk's buildings (the caretaker: name, hours,
phone, as the office wrote them), the next "En direct" meeting with the landlord's
teams, and the call-back request. Everything shown is data: plain text only.

The call-back screen asks for a phone number (numeric pad). Sending it goes through
``HelpService.request_callback``, which cannot reach the office yet (it needs a new
mutation of the sync core): the screen then says so politely and points to the
caretaker's phone; nothing is kept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.tasks import Op
from kiosk.ui.membership.messages import field_message
from kiosk.ui.widgets.forms import Field, action_button, label
from kiosk.ui.resources import pixmap
from kiosk.ui.screen import Screen, UiContext, scrolling


def _ltr(text: str) -> str:
    return f"\u2066{text}\u2069"   # a phone number keeps its digit groups in order in Arabic


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
    lab = label(text, role=role)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    return lab


class HelpScreen(Screen):
    name = "help"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
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
            phone = _plain(_ltr(c.phone), role="hero")
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
        if self.ctx.navigator is not None:
            self.ctx.navigator.open("help_callback")


class CallbackScreen(Screen):
    name = "help_callback"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.intro = _plain(role="title")
        self.phone = Field("callback_phone", numeric=True, max_length=20)
        self.send = action_button(name="callback_send")
        self.send.clicked.connect(self._on_send_clicked)
        self.phone.edit.returnPressed.connect(self._on_send_clicked)
        self.answer = _plain(role="title")
        self.answer.setObjectName("callback_answer")
        self.answer.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.setSpacing(18)
        for w in (self.intro, self.phone, self.send, self.answer):
            lay.addWidget(w)
        lay.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Être rappelé")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Laissez votre numéro : le bureau vous rappellera."))
        self.phone.set_caption(self.tr("Votre numéro de téléphone"))
        self.send.setText(self.tr("Envoyer"))

    def _on_send_clicked(self) -> None:
        self.ctx.navigator.keyboard_controller.close()
        self.phone.set_error("")
        phone, lang = self.phone.text(), self._language()
        Op(self, lambda s: s.help.request_callback(phone, lang)).success(self._on_sent) \
            .failure(self._on_refused).run()

    def _language(self) -> str:
        nav = self.ctx.navigator
        return nav.languages.language if nav is not None else "fr"

    def _on_sent(self, _result) -> None:  # noqa: ANN001
        self.phone.edit.setText("")
        self._say(self.tr("C'est noté : le bureau vous rappellera."))

    def _on_refused(self, exc: BaseException) -> None:
        from kiosk.domain.errors import ValidationError
        from kiosk.services.help import CallbackNotAvailableYet
        if isinstance(exc, ValidationError):
            self.phone.set_error(field_message(exc.errors[0]))
            return
        self.phone.edit.setText("")   # nothing personal kept for a request that cannot leave
        if isinstance(exc, CallbackNotAvailableYet):
            self._say(self.tr("Désolé, la borne ne peut pas encore envoyer cette demande au bureau. "
                              "Appelez le gardien au numéro de l'écran « Aide », ou passez à l'agence."))
        else:
            self._say(self.tr("Un problème est survenu. Appelez le gardien, ou passez à l'agence."))

    def _say(self, text: str) -> None:
        self.answer.setText(text)
        self.answer.show()
        nav = self.ctx.navigator
        if nav is not None:
            nav.speech.say_if_listening(text)
