"""One event: what, when, where, places left; sign up by card or safe lookup; see or
cancel one's sign-up; print a reminder slip where a printer exists.

A sign-up made here is "en attente de confirmation" until the server decides
(confirmed or waitlisted): the screen says so and never promises a place. After the
tenant is identified the screen shows their first name: it holds personal data and
the idle reset destroys it. A caretaker opens the door check-in from here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.tasks import Op
from kiosk.ui.community.a11y import name_controls
from kiosk.ui.community import slip, texts
from kiosk.ui.community.identify import IdentifyPanel
from kiosk.ui.widgets.forms import action_button, label
from kiosk.ui.resources import pixmap
from kiosk.ui.printing import has_printer
from kiosk.ui.screen import Screen, UiContext

INFO, IDENTIFY, RESULT = 0, 1, 2


class EventDetailScreen(Screen):
    name = "event"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, event_id: str = "", session=None,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.event_id = event_id
        self.session = session
        self.view = None
        self.person = None
        self.registration = None
        self._pic = QLabel()
        self.heading = label(role="hero")
        self.heading.setObjectName("event_title")
        self.when = label(role="title")
        self.place = label()
        self.hosts = label()
        self.hosts.setObjectName("event_hosts")
        self.description = label()
        self.places = label(role="offer")
        self.places.setObjectName("event_places")
        head = QHBoxLayout()
        head.setSpacing(20)
        head.addWidget(self._pic, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.heading, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_info())
        self.identify = IdentifyPanel(ctx)
        self.identify.identified.connect(self._on_identify_identified)
        self.pages.addWidget(self.identify)
        self.pages.addWidget(self._build_result())
        details = QVBoxLayout()
        details.setSpacing(14)
        details.addLayout(head)
        for w in (self.when, self.place, self.hosts, self.description, self.places):
            details.addWidget(w)
        details.addStretch(1)
        # Portrait: details above the actions; landscape: side by side (the scan panel needs height).
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.body.setContentsMargins(36, 24, 36, 24)
        self.body.setSpacing(24)
        self.body.addLayout(details, 0)
        self.body.addWidget(self.pages, 1)
        self.retranslate()
        self.restyle()
        self.reload()

    def _build_info(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 20, 0, 0)
        lay.setSpacing(16)
        self.sign_up = action_button(name="event_sign_up")
        self.sign_up.clicked.connect(self._on_sign_up_clicked)
        self.check_in = action_button(role="", name="event_check_in")
        self.check_in.clicked.connect(self._on_check_in_clicked)
        lay.addWidget(self.sign_up)
        lay.addStretch(1)
        lay.addWidget(self.check_in)
        return page

    def _build_result(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 20, 0, 0)
        lay.setSpacing(16)
        self.result = label(role="title")
        self.result.setObjectName("event_result")
        self.status = label(role="offer")
        self.status.setObjectName("event_status")
        self.print = action_button(role="", name="event_print")
        self.print.clicked.connect(self._on_print_clicked)
        self.cancel = action_button(role="", name="event_cancel")
        self.cancel.clicked.connect(self._on_cancel_clicked)
        self.done = action_button(name="event_done")
        self.done.clicked.connect(self._on_done_clicked)
        for w in (self.result, self.status, self.print, self.cancel):
            lay.addWidget(w)
        lay.addStretch(1)
        lay.addWidget(self.done)
        return page

    # -- Screen ----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Événement")

    def retranslate(self) -> None:
        self.sign_up.setText(self.tr("M'inscrire ou voir mon inscription"))
        self.check_in.setText(self.tr("Personnel : pointer les présents"))
        self.print.setText(self.tr("Imprimer un rappel"))
        self.cancel.setText(self.tr("Annuler mon inscription"))
        self.done.setText(self.tr("Terminé"))
        self.identify.retranslate()
        self._fill()
        self._fill_result()
        name_controls(self)

    def restyle(self) -> None:
        icon = texts.pictogram(self.view.event.pictogram) if self.view else "events"
        self._pic.setPixmap(pixmap(icon, self.theme["primary"], 96))

    def reload(self) -> None:
        event_id = self.event_id
        Op(self, lambda s: s.community.event(event_id)).success(self._on_event_loaded).run()

    def _on_event_loaded(self, view) -> None:  # noqa: ANN001
        self.view = view
        self.restyle()
        self._fill()

    def _fill(self) -> None:
        if self.view is None:
            return
        e = self.view.event
        self.heading.setText(e.title)
        self.when.setText(texts.when(e.starts_at, e.ends_at))
        self.place.setText(self.tr("Lieu : {place}").format(place=e.place))
        # a volunteer-run workshop: its hosts' first names only (privacy)
        self.hosts.setText(self.tr("Animé par {names}").format(names=e.host_names))
        self.hosts.setVisible(bool(e.hosts))
        self.description.setText(e.description)
        self.description.setVisible(bool(e.description))
        self.places.setText(texts.places(self.view.places_left, e.capacity))

    def _fill_result(self, message: str = "") -> None:
        if message:
            self._message = message
        reg, person = self.registration, self.person
        if person is None:
            return
        self.result.setText(getattr(self, "_message", ""))
        if reg is None:
            self.status.setText("")
        else:
            status = texts.registration_status(reg.status.value, reg.waitlist_position)
            if reg.status.value == "pending":
                status += "\n" + self.tr("La borne enverra votre inscription ; le nombre de places est "
                                         "décidé par le bureau.")
            self.status.setText(status)
        live = reg is not None and reg.status.value != "cancelled"
        self.cancel.setVisible(live)
        self.print.setVisible(live and (has_printer() or self.ctx.peripherals.slip_folder is not None))

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt name
        landscape = event.size().width() > event.size().height()
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if landscape else QBoxLayout.Direction.TopToBottom)
        self.body.setStretch(0, 1 if landscape else 0)
        super().resizeEvent(event)

    # -- slots -------------------------------------------------------------------------------------
    def _on_sign_up_clicked(self) -> None:
        self.pages.setCurrentIndex(IDENTIFY)

    def _on_check_in_clicked(self) -> None:
        self.ctx.navigator.open("event_checkin", event_id=self.event_id, session=self.session)

    def _on_identify_identified(self, person) -> None:  # noqa: ANN001
        self.person = person
        event_id = self.event_id

        def job(s):  # noqa: ANN001, ANN202
            existing = s.community.registration_of(event_id, person.member_id)
            if existing is not None:
                return existing, False
            return s.community.register(event_id, person.member_id), True
        Op(self, job).success(self._on_registration_known).failure(self._on_registration_refused).run()

    def _on_registration_known(self, outcome) -> None:  # noqa: ANN001
        self.registration, new = outcome
        name = self.person.first_name
        msg = (self.tr("C'est noté, {name} !").format(name=name) if new
               else self.tr("{name}, vous êtes déjà inscrit(e).").format(name=name))
        self._fill_result(msg)
        self.pages.setCurrentIndex(RESULT)
        self.reload()

    def _on_registration_refused(self, exc: BaseException) -> None:
        self.identify.show_error(texts.refusal(exc))

    def _on_cancel_clicked(self) -> None:
        reg, person = self.registration, self.person
        if reg is None or person is None:
            return
        Op(self, lambda s: (s.community.cancel(reg.id, person.member_id),
                            s.community.registration_of(reg.event_id, person.member_id))[1]) \
            .success(self._on_cancelled).failure(self._on_registration_refused).run()

    def _on_cancelled(self, reg) -> None:  # noqa: ANN001
        self.registration = reg
        self._fill_result(self.tr("Votre inscription est annulée. Merci d'avoir libéré la place."))
        self.reload()

    def _on_print_clicked(self) -> None:
        if self.view is None or self.registration is None or self.person is None:
            return
        content = slip.slip_for(self.view, self.registration, self.person.first_name)
        folder = self.ctx.peripherals.slip_folder
        ok = bool(slip.write_slip_pdf(content, folder / f"slip-{self.registration.id}.pdf")) if folder is not None \
            else slip.print_slip(content)
        self.status.setText(self.status.text() + "\n" + (self.tr("Rappel imprimé.") if ok
                                                          else self.tr("L'imprimante ne répond pas.")))

    def _on_done_clicked(self) -> None:
        self.ctx.navigator.back()
