"""Who is this? A card scan (``ScanPanel``) or, without a card, the safe lookup (first
name + flat picked from lists + last 4 digits of the phone). Emits ``identified`` with
the :class:`~kiosk.services.community.Person` (id and first name only).

The lookup opens only on exactly one match (the membership service decides). Layouts
only, so right-to-left languages mirror.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.tasks import Op
from kiosk.ui.community.a11y import name_controls
from kiosk.ui.community.texts import refusal
from kiosk.ui.widgets.forms import Field, FlatPicker, action_button, label

SCAN, LOOKUP = 0, 1


class IdentifyPanel(QWidget):
    identified = Signal(object)      # kiosk.services.community.Person

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = ctx.tasks
        self.intro = label(role="title")
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error = label(role="closed")
        self.error.setObjectName("identify_error")
        self.error.hide()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_scan())
        self.pages.addWidget(self._build_lookup())
        self.switch = action_button(role="", name="identify_switch")
        self.switch.clicked.connect(self._on_switch_clicked)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        lay.addWidget(self.intro)
        lay.addWidget(self.error)
        lay.addWidget(self.pages, 1)
        lay.addWidget(self.switch)
        self.retranslate()

    def _build_scan(self) -> QWidget:
        from kiosk.ui.scan_panel import ScanPanel  # the camera feature's panel
        self.scan = ScanPanel(self.ctx.config if self.ctx.peripherals.camera else None)
        self.scan.card_entered.connect(self._on_scan_card_entered)
        return self.scan

    def _build_lookup(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.first = Field("identify_first_name", max_length=60)
        self.place = FlatPicker("identify")
        self.digits = Field("identify_digits", numeric=True, max_length=4)
        self.digits.edit.returnPressed.connect(self._on_lookup_clicked)
        self.go = action_button(name="identify_go")
        self.go.clicked.connect(self._on_lookup_clicked)
        for w in (self.first, self.place, self.digits, self.go):
            lay.addWidget(w)
        lay.addStretch(1)
        return page

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Montrez votre carte d'adhérent à la caméra"))
        self.first.set_caption(self.tr("Prénom"))
        self.place.building_caption.setText(self.tr("Bâtiment"))
        self.place.entrance_caption.setText(self.tr("Escalier"))
        self.place.flat_caption.setText(self.tr("Logement"))
        self.digits.set_caption(self.tr("Les 4 derniers chiffres de votre téléphone"))
        self.go.setText(self.tr("C'est moi"))
        self._retranslate_switch()

    def _retranslate_switch(self) -> None:
        lookup = self.pages.currentIndex() == LOOKUP
        self.switch.setText(self.tr("J'ai ma carte") if lookup else self.tr("Pas de carte ?"))
        self.intro.setText(self.tr("Retrouvez-vous avec votre prénom et votre logement") if lookup
                           else self.tr("Montrez votre carte d'adhérent à la caméra"))
        name_controls(self)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_error(self, message: str) -> None:
        self.error.setText(f"⚠ {message}" if message else "")
        self.error.setVisible(bool(message))

    # -- slots -----------------------------------------------------------------------------
    def _on_switch_clicked(self) -> None:
        lookup = self.pages.currentIndex() != LOOKUP
        self.pages.setCurrentIndex(LOOKUP if lookup else SCAN)
        self.show_error("")
        if lookup:
            Op(self, lambda s: s.membership.members.place_choices()).success(self._on_place_choices_loaded).run()
        self._retranslate_switch()

    def _on_place_choices_loaded(self, choices) -> None:  # noqa: ANN001
        self.place.set_choices(choices)
        name_controls(self)

    def _on_scan_card_entered(self, text: str) -> None:
        Op(self, lambda s: s.community.identify_by_card(text)).success(self._on_person_found) \
            .failure(self._on_person_refused).run()

    def _on_lookup_clicked(self) -> None:
        first, flat, digits = self.first.text(), self.place.flat_id(), self.digits.text()
        Op(self, lambda s: s.community.identify_by_lookup(first, flat, digits)).success(self._on_person_found) \
            .failure(self._on_person_refused).run()

    def _on_person_found(self, person) -> None:  # noqa: ANN001
        self.show_error("")
        self.ctx.navigator.keyboard_controller.close()
        self.identified.emit(person)

    def _on_person_refused(self, exc: BaseException) -> None:
        self.show_error(refusal(exc))
