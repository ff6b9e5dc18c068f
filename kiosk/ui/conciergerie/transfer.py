""""Banque de temps" transfer at the kiosk: the member who gave the time scans their card,
then the member who received it scans theirs, they choose the duration, done. Both
cards confirm it (no staff needed); a caretaker records one for a member without a card
from staff mode (``ConciergerieService.transfer_by_staff``). The cards' holders are
forgotten when the screen is left.
"""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.tasks import Op
from kiosk.ui import formatting
from kiosk.ui.conciergerie import texts
from kiosk.ui.scan_panel import ScanPanel
from kiosk.ui.screen import Screen, UiContext
from kiosk.ui.widgets.forms import ButtonChoice, action_button, label

GIVER, RECEIVER, DURATION, DONE = 0, 1, 2, 3
DURATIONS = (15, 30, 45, 60, 90, 120, 180, 240)


class TimeTransferScreen(Screen):
    name = "time_transfer"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.giver_card = self.receiver_card = ""
        self.minutes = 0
        self.step_label = label(role="title")
        self.step_label.setObjectName("transfer_step")
        self.giver_scan = self._scan()
        self.giver_scan.card_entered.connect(self._on_giver_card_entered)
        self.receiver_scan = self._scan()
        self.receiver_scan.card_entered.connect(self._on_receiver_card_entered)
        self.durations = ButtonChoice("transfer_minutes", columns=2, wide_columns=4)
        self.durations.chosen.connect(self._on_duration_chosen)
        self.confirm = action_button(name="transfer_confirm")
        self.confirm.setEnabled(False)
        self.confirm.clicked.connect(self._on_confirm_clicked)
        duration_page = QWidget()
        dl = QVBoxLayout(duration_page)
        dl.addWidget(self.durations)
        dl.addWidget(self.confirm)
        dl.addStretch(1)
        self.result = label(role="title")
        self.result.setObjectName("transfer_result")
        self.again = action_button(name="transfer_again")
        self.again.clicked.connect(self._restart)
        done_page = QWidget()
        rl = QVBoxLayout(done_page)
        rl.addWidget(self.result)
        rl.addWidget(self.again)
        rl.addStretch(1)
        self.pages = QStackedWidget()
        for page in (self.giver_scan, self.receiver_scan, duration_page, done_page):
            self.pages.addWidget(page)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.addWidget(self.step_label)
        lay.addWidget(self.pages, 1)
        self.retranslate()

    def _scan(self) -> ScanPanel:
        return ScanPanel(self.ctx.config if self.ctx.peripherals.camera else None)

    def title(self) -> str:
        return self.tr("Banque de temps")

    def retranslate(self) -> None:
        step = self.pages.currentIndex()
        self.step_label.setText({
            GIVER: self.tr("1. La personne qui a rendu le service présente sa carte."),
            RECEIVER: self.tr("2. La personne qui a reçu le service présente sa carte."),
            DURATION: self.tr("3. Combien de temps ?"),
        }.get(step, ""))
        self.step_label.setVisible(step != DONE)      # the result says it all
        self.durations.set_items([(str(m), formatting.duration(m)) for m in DURATIONS])
        self.confirm.setText(self.tr("Valider"))
        self.again.setText(self.tr("Un autre échange"))

    def _go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.retranslate()

    def _restart(self) -> None:
        self.giver_card = self.receiver_card = ""
        self.minutes = 0
        self.confirm.setEnabled(False)
        self._go(GIVER)

    def _on_giver_card_entered(self, text: str) -> None:
        self.giver_card = text
        self._go(RECEIVER)

    def _on_receiver_card_entered(self, text: str) -> None:
        self.receiver_card = text
        self._go(DURATION)

    def _on_duration_chosen(self, key: str) -> None:
        self.minutes = int(key)
        self.confirm.setEnabled(True)

    def _on_confirm_clicked(self) -> None:
        giver, receiver, minutes = self.giver_card, self.receiver_card, self.minutes
        Op(self, lambda s: s.conciergerie.transfer_by_cards(giver, receiver, minutes)) \
            .success(lambda _t: self._done(self.tr("C'est noté : {duration} ajoutées à la banque de temps.")
                                           .format(duration=formatting.duration(minutes)))) \
            .failure(lambda exc: self._done(texts.refusal(exc))).run()

    def _done(self, text: str) -> None:
        self.result.setText(text)
        self.giver_card = self.receiver_card = ""
        self._go(DONE)
