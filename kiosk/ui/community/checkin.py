"""Check-in at the door (staff): the caretaker scans each card as people come in.

Without a staff session (opened from the event screen) the caretaker first scans their
badge and types their PIN. Each card then shows "Bienvenue {name}" or "déjà pointé(e)"
in words and a pictogram (never colour alone), and the count of people present. The
attendance is recorded offline and sent later; the server counts each person once
even when two doors (two kiosks) scanned them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.tasks import Op
from kiosk.ui.community.a11y import name_controls
from kiosk.ui.community import texts
from kiosk.ui.widgets.forms import Field, action_button, label
from kiosk.ui.resources import pixmap
from kiosk.ui.screen import Screen, UiContext

SIGN_IN, DOOR = 0, 1


class CheckInScreen(Screen):
    name = "event_checkin"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, event_id: str = "", session=None,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.event_id = event_id
        self.session = session
        self.badge = ""
        self.count = 0
        self.last = None
        self.heading = label(role="title")
        self.heading.setObjectName("checkin_event")
        self.when = label()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_sign_in())
        self.pages.addWidget(self._build_door())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.addWidget(self.heading)
        lay.addWidget(self.when)
        lay.addWidget(self.pages, 1)
        self.pages.setCurrentIndex(DOOR if session is not None else SIGN_IN)
        self.retranslate()
        Op(self, lambda s: s.community.event(event_id)).success(self._on_event_loaded).run()

    def _scan_panel(self):  # noqa: ANN202
        from kiosk.ui.scan_panel import ScanPanel
        return ScanPanel(self.ctx.config if self.ctx.peripherals.camera else None)

    def _build_sign_in(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.sign_in_intro = label(role="title")
        self.badge_scan = self._scan_panel()
        self.badge_scan.card_entered.connect(self._on_badge_scan_card_entered)
        self.pin = Field("checkin_pin", numeric=True, password=True, max_length=12)
        self.pin.edit.returnPressed.connect(self._on_sign_in_clicked)
        self.pin.hide()
        self.sign_in = action_button(name="checkin_sign_in")
        self.sign_in.clicked.connect(self._on_sign_in_clicked)
        self.sign_in.hide()
        self.sign_in_error = label(role="closed")
        self.sign_in_error.hide()
        for w in (self.sign_in_intro, self.badge_scan, self.pin, self.sign_in, self.sign_in_error):
            lay.addWidget(w)
        return page

    def _build_door(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.door_scan = self._scan_panel()
        self.door_scan.card_entered.connect(self._on_door_scan_card_entered)
        self.sign = QLabel()
        self.sign.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer = label(role="hero")
        self.answer.setObjectName("checkin_answer")
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = label(role="title")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter = label(role="offer")
        self.counter.setObjectName("checkin_count")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.door_scan, 3)
        for w in (self.sign, self.answer, self.detail, self.counter):
            lay.addWidget(w)
        return page

    # -- Screen ----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Pointage à l'entrée")

    def retranslate(self) -> None:
        self.sign_in_intro.setText(self.tr("Personnel : scannez votre badge, puis tapez votre code."))
        self.pin.set_caption(self.tr("Code personnel"))
        self.sign_in.setText(self.tr("Commencer le pointage"))
        self.counter.setText(self.tr("{count} personne(s) présente(s)").format(count=self.count))
        self._show_last()
        name_controls(self)

    def _on_event_loaded(self, view) -> None:  # noqa: ANN001
        self.heading.setText(view.event.title)  # title and day on two lines: no mixed-direction line
        self.when.setText(texts.when(view.event.starts_at, view.event.ends_at))
        self.count = view.attended
        self.retranslate()

    # -- staff sign-in -------------------------------------------------------------------------
    def _on_badge_scan_card_entered(self, text: str) -> None:
        self.badge = text
        self.pin.show()
        self.sign_in.show()
        from kiosk.ui.widgets.keyboard import focus_with_keyboard
        focus_with_keyboard(self.pin.edit)

    def _on_sign_in_clicked(self) -> None:
        badge, pin = self.badge, self.pin.text()
        Op(self, lambda s: s.membership.staff.sign_in_with_badge(badge, pin)).success(self._on_signed_in) \
            .failure(self._on_sign_in_refused).run()

    def _on_signed_in(self, session) -> None:  # noqa: ANN001
        self.session = session
        self.pin.edit.clear()
        self.ctx.navigator.keyboard_controller.close()
        self.pages.setCurrentIndex(DOOR)

    def _on_sign_in_refused(self, exc: BaseException) -> None:  # noqa: ARG002
        self.pin.edit.clear()
        self.sign_in_error.setText("⚠ " + self.tr("Badge ou code refusé."))
        self.sign_in_error.show()

    # -- the door ----------------------------------------------------------------------------------
    def _on_door_scan_card_entered(self, text: str) -> None:
        session, event_id = self.session, self.event_id
        Op(self, lambda s: s.community.check_in(session, event_id, text)).success(self._on_checked_in) \
            .failure(self._on_check_in_refused).run()

    def _on_checked_in(self, result) -> None:  # noqa: ANN001
        self.last = result
        self.count = result.count
        self.retranslate()

    def _on_check_in_refused(self, exc: BaseException) -> None:
        self.last = None
        self.sign.setPixmap(pixmap("closed", self.theme["closed"], 96))
        self.answer.setText(self.tr("Carte refusée"))
        self.detail.setText(texts.refusal(exc))

    def _show_last(self) -> None:
        r = self.last
        if r is None:
            return
        if r.already:
            self.sign.setPixmap(pixmap("clock", self.theme["muted"], 96))
            self.answer.setText(self.tr("{name} : déjà pointé(e)").format(name=r.person.first_name))
        else:
            self.sign.setPixmap(pixmap("open", self.theme["open"], 96))
            self.answer.setText(self.tr("Bienvenue {name} !").format(name=r.person.first_name))
        self.detail.setText(self.tr("Inscrit(e) à l'événement") if r.registered
                            else self.tr("Pas inscrit(e) : présence notée quand même"))
