"""The member's savings in "Mon espace": "Vous avez économisé 37 € cette année" and where.

One line per partner, largest first: what was saved there, how many uses, and whether
it is *measured* (uses recorded by the partner) or *declared* (a contract, its yearly
saving declared by the partner). Nothing saved yet: a sentence that says how to start.
The button opens the voucher screen (a discount without the card at hand). Text from
the server (partner names) is shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.domain.savings import SavingKind
from kiosk.ui import formatting
from kiosk.ui.savings.money import money
from kiosk.ui.widgets.forms import action_button, label


class SavingsPanel(QFrame):
    voucher_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savings_panel")
        self.setProperty("role", "card")
        self.summary = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 14, 20, 14)
        lay.setSpacing(8)
        self.head = label(role="title")
        self.head.setObjectName("savings_head")
        self.total = label(role="fact")
        self.total.setObjectName("savings_total")
        self.lines = label()
        self.lines.setObjectName("savings_lines")
        self.voucher = action_button(role="", name="savings_voucher")
        self.voucher.clicked.connect(self.voucher_asked)
        for w in (self.head, self.total, self.lines, self.voucher):
            lay.addWidget(w)
        self.retranslate()

    def show_summary(self, summary) -> None:  # noqa: ANN001 - kiosk.services.savings.SavingsSummary
        self.summary = summary
        self.retranslate()

    def retranslate(self) -> None:
        self.head.setText(self.tr("Mes économies"))
        self.voucher.setText(self.tr("Pas de carte sur vous ? Imprimer un bon"))
        self.voucher.setAccessibleName(self.voucher.text())
        s = self.summary
        if s is None:
            self.total.setText("")
            self.lines.setText("")
            return
        if s.total_cents == 0 and not s.lines:
            self.total.setText(self.tr("Rien pour l'instant cette année."))
            self.lines.setText(self.tr("Montrez votre carte chez les partenaires du club : "
                                       "vos économies s'afficheront ici."))
            return
        self.total.setText(self.tr("Vous avez économisé {amount} cette année").format(amount=money(s.total_cents)))
        rows = []
        for line in s.lines:
            partner = formatting.isolate(line.label)   # a Latin name keeps its place in an Arabic line
            if line.kind is SavingKind.DECLARED:
                rows.append(self.tr("{partner} : {amount} (déclaré par le partenaire)").format(
                    partner=partner, amount=money(line.amount_cents)))
            elif line.uses == 1:
                rows.append(self.tr("{partner} : {amount} (1 passage)").format(
                    partner=partner, amount=money(line.amount_cents)))
            else:
                rows.append(self.tr("{partner} : {amount} ({uses} passages)").format(
                    partner=partner, amount=money(line.amount_cents), uses=line.uses))
        if s.measured_cents and s.declared_cents:
            rows.append(self.tr("Mesuré chez les partenaires : {measured} · déclaré : {declared}").format(
                measured=money(s.measured_cents), declared=money(s.declared_cents)))
        self.lines.setText("\n".join(rows))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

