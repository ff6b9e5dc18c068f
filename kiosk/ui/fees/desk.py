"""The caretaker's fee desk (staff mode, "Cotisations"): take a member's fee in cash.

Scan the member's card (or find them by name), see what is due and until when it is
paid, choose how many months, "Encaisser 3,00 €": the payment is recorded offline
through :class:`kiosk.services.fees.FeesService` (its receipt number is unique across
kiosks) and the receipt printed (``kiosk/ui/fees/receipt_print.py``; a PDF in the
slip folder when the kiosk has one). Payments the server refused (an amount the club's
fee rule does not allow) are listed in words under it. Names are plain text; amounts
are integer cents, shown "1,00 €".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QBoxLayout, QHBoxLayout, QLineEdit, QListView, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

from kiosk.domain.fees import euros
from kiosk.tasks import Op
from kiosk.ui import formatting
from kiosk.ui.widgets.member_results import MEMBER_ID, fill_member_results
from kiosk.ui.screen import Screen, UiContext, arrange_columns, kinetic
from kiosk.ui.widgets.forms import ButtonChoice, action_button, label

MONTHS = (1, 3, 6, 12)          # two rows of two: the right column has room for no more


class FeeDeskScreen(Screen):
    name = "fee_desk"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, session=None, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(ctx, parent)
        self.session = session
        self.account = None           # FeeAccount of the member at the desk
        self.months = 0
        self.receipt = None           # the last Receipt
        self.receipt_printed: bool | None = None
        self.error = ""
        self.refused_list: list = []
        self.heading = label(role="title")
        self.hint = label()
        self.hint.setObjectName("fee_hint")
        from kiosk.ui.scan_panel import ScanPanel
        self.scan = ScanPanel(self.ctx.config if self.ctx.peripherals.camera else None)
        self.scan.card_entered.connect(self._on_scan_card_entered)
        self.scan.setMinimumHeight(300)
        self.search = QLineEdit()
        self.search.setObjectName("fee_search")
        self.search_go = action_button(role="", name="fee_search_go")
        self.search_go.clicked.connect(self._on_search_clicked)
        self.results = QListWidget()
        self.results.setObjectName("fee_results")
        self.results.itemClicked.connect(self._on_result_clicked)
        self.member = label(role="hero")
        self.member.setObjectName("fee_member")
        self.member.setWordWrap(True)
        self.standing = label(role="title")
        self.standing.setObjectName("fee_standing")
        self.durations = ButtonChoice("fee_months", columns=2, wide_columns=3)
        self.durations.chosen.connect(self._on_months_chosen)
        self.take = action_button(name="fee_take")
        self.take.clicked.connect(self._on_take_clicked)
        self.answer = label(role="title")
        self.answer.setObjectName("fee_answer")
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reprint = action_button(role="", name="fee_reprint")
        self.reprint.clicked.connect(self._print_receipt)
        self.other = action_button(role="", name="fee_other_member")
        self.other.clicked.connect(self._forget)
        self.refused_head = label(role="title")
        self.refused = QListWidget()
        self.refused.setObjectName("fee_refused")
        for lst in (self.results, self.refused):
            kinetic(lst)
            lst.setMinimumHeight(110)
            lst.setWordWrap(True)
            lst.setTextElideMode(Qt.TextElideMode.ElideNone)
            lst.setResizeMode(QListView.ResizeMode.Adjust)
            lst.setStyleSheet("QListWidget::item { padding: 24px 8px; }")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_go)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint)
        buttons.addWidget(self.other)
        # Two columns in landscape (finding the member | their fee), one in portrait.
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.scan, 2)
        left.addLayout(search_row)
        left.addWidget(self.results, 1)
        for w in (self.member, self.standing, self.durations, self.take, self.answer):
            right.addWidget(w)
        right.addLayout(buttons)
        right.addWidget(self.refused_head)
        right.addWidget(self.refused, 1)
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._columns.setSpacing(24)
        self._columns.addLayout(left, 1)
        self._columns.addLayout(right, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 20, 36, 20)
        lay.setSpacing(12)
        lay.addWidget(self.heading)
        lay.addWidget(self.hint)
        lay.addLayout(self._columns, 1)
        self.retranslate()
        self._load_refused()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt name
        landscape = arrange_columns(self._columns, self)
        self.heading.setVisible(not landscape)    # the header's title says it in landscape
        super().resizeEvent(event)

    # -- Screen ----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Cotisations")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Cotisations"))
        self.hint.setText(self.tr("Scannez la carte du membre, ou cherchez-le par son nom. Paiement en espèces "
                                  "uniquement."))
        self.search.setPlaceholderText(self.tr("Nom ou prénom"))
        self.search.setAccessibleName(self.tr("Chercher un membre"))
        self.search_go.setText(self.tr("Chercher"))
        self.reprint.setText(self.tr("Réimprimer le reçu"))
        self.other.setText(self.tr("Autre membre"))
        self.refused_head.setText(self.tr("Paiements refusés par le serveur"))
        self._fill_months()
        self._show()

    def entered(self) -> None:
        self._load_refused()

    # -- finding the member ----------------------------------------------------------------------
    def _on_scan_card_entered(self, text: str) -> None:
        Op(self, lambda s: s.fees.account(s.membership.members.open_by_card(text).member_id)) \
            .success(self._on_account_loaded).failure(self._on_failed).run()

    def _on_search_clicked(self) -> None:
        self.ctx.navigator.keyboard_controller.close()
        text, session = self.search.text(), self.session
        Op(self, lambda s: s.membership.members.search(text, session)).success(self._fill_results) \
            .failure(self._on_failed).run()

    def _fill_results(self, members) -> None:  # noqa: ANN001 - MemberSummary list
        if not fill_member_results(self.results, members):
            self.error = self.tr("Aucun membre trouvé.")
        self._show()

    def _on_result_clicked(self, item: QListWidgetItem) -> None:
        mid = item.data(MEMBER_ID)
        Op(self, lambda s: s.fees.account(mid)).success(self._on_account_loaded).failure(self._on_failed).run()

    def _on_account_loaded(self, account) -> None:  # noqa: ANN001 - FeeAccount
        self.account, self.receipt, self.error, self.months = account, None, "", 0
        self.receipt_printed = None
        self._fill_months()
        self._show()

    def _forget(self) -> None:
        self.account, self.receipt, self.error, self.months = None, None, "", 0
        self.receipt_printed = None
        self.results.clear()
        self._show()

    # -- the payment -----------------------------------------------------------------------------
    def _on_months_chosen(self, key: str) -> None:
        self.months = int(key)
        self._show()

    def _on_take_clicked(self) -> None:
        account, months, session = self.account, self.months, self.session
        if account is None or not months or session is None:
            return
        Op(self, lambda s: s.fees.record_payment(account.member_id, session.staff_id, months)) \
            .success(self._on_recorded).failure(self._on_failed).run()

    def _on_recorded(self, receipt) -> None:  # noqa: ANN001 - Receipt
        self.receipt, self.error = receipt, ""
        self._print_receipt()
        mid = receipt.payment.member_id
        Op(self, lambda s: s.fees.account(mid)).success(self._on_account_after).run()

    def _on_account_after(self, account) -> None:  # noqa: ANN001
        self.account, self.months = account, 0
        self._fill_months()
        self._show()

    def _print_receipt(self) -> None:
        from datetime import date

        from kiosk.ui.fees.receipt_print import RECEIPT_PAGE, ReceiptFace, paint_receipt
        from kiosk.ui.lending.slip import print_or_save
        r = self.receipt
        if r is None:
            return
        face = ReceiptFace(club_name=r.club_name or self.tr("Club des locataires"),
                           receipt_number=r.payment.receipt_number, member_name=r.member_name,
                           months=r.payment.months, amount_cents=r.payment.amount_cents, paid_on=r.payment.day,
                           paid_until=date.fromordinal(r.paid_until.toordinal() - 1),
                           staff_name=self.session.display_name if self.session else "",
                           lang=self._lang())
        self.receipt_printed = print_or_save(RECEIPT_PAGE, lambda p, rect, _dpi: paint_receipt(p, rect, face),
                                             self.ctx.peripherals.slip_folder,
                                             f"receipt-{r.payment.receipt_number}.pdf")
        self._show()

    def _on_failed(self, exc: BaseException) -> None:
        from kiosk.services.fees import FeeRefused
        from kiosk.services.staff import SessionExpired
        from kiosk.ui.fees import texts
        if isinstance(exc, SessionExpired):
            self.ctx.navigator.home()
            return
        code = exc.code if isinstance(exc, FeeRefused) else getattr(exc, "code", "")
        if exc.__class__.__name__ == "CardRefused":
            code = "card_refused"
        self.error = texts.refusal(code)
        self._show()

    def _load_refused(self) -> None:
        if self.tasks.services is None or getattr(self.tasks.services, "fees", None) is None:
            return
        Op(self, lambda s: s.fees.refused_payments()).success(self._fill_refused).run()

    def _fill_refused(self, refused) -> None:  # noqa: ANN001 - RefusedPayment list
        from kiosk.ui.fees import texts
        self.refused_list = list(refused)
        self.refused.clear()
        for r in self.refused_list:
            self.refused.addItem(self.tr("Reçu {number} ({amount}) : {reason}").format(
                number=f"\u2066{r.receipt_number}\u2069", amount=formatting.isolate(euros(r.amount_cents, self._lang())),
                reason=texts.refusal(r.code)))
        self._show()

    # -- showing ---------------------------------------------------------------------------------
    def _lang(self) -> str:
        return getattr(getattr(self.ctx.navigator, "languages", None), "language", "fr")

    def _show(self) -> None:
        a, lang = self.account, self._lang()
        has = a is not None
        for w in (self.member, self.standing, self.other):
            w.setVisible(has)
        charged = has and a.monthly_cents > 0
        self.durations.setVisible(charged)
        self.take.setVisible(charged)
        self.results.setVisible(self.results.count() > 0)
        self.refused_head.setVisible(bool(self.refused_list))
        self.refused.setVisible(bool(self.refused_list))
        self.reprint.setVisible(self.receipt is not None)
        if has:
            self.member.setText(a.name)
            self.standing.setText(self._standing_text(a))
        self.take.setEnabled(charged and self.months > 0)
        self.take.setText(self.tr("Encaisser {amount} en espèces").format(
            amount=formatting.isolate(euros(a.monthly_cents * self.months, lang))) if charged and self.months
            else self.tr("Choisissez le nombre de mois"))
        if self.error:
            self.answer.setText("⚠ " + self.error)
        elif self.receipt is not None:
            number = f"\u2066{self.receipt.payment.receipt_number}\u2069"
            printed = (self.tr("reçu imprimé") if self.receipt_printed
                       else self.tr("l'imprimante ne répond pas : notez le numéro sur un papier"))
            self.answer.setText(self.tr("Payé : {amount}. Reçu n° {number}, {printed}.").format(
                amount=formatting.isolate(euros(self.receipt.payment.amount_cents, lang)), number=number,
                printed=printed))
        else:
            self.answer.setText("")
        self.answer.setVisible(bool(self.answer.text()))

    def _fill_months(self) -> None:
        """The month buttons with their amounts (when the member or the language changes)."""
        a, lang = self.account, self._lang()
        if a is None:
            return
        self.durations.blockSignals(True)
        self.durations.set_items([(str(m), self.tr("{n} mois · {amount}").format(
            n=m, amount=formatting.isolate(euros(a.monthly_cents * m, lang)))) for m in MONTHS])
        if self.months:
            self.durations.select(str(self.months))
        self.durations.blockSignals(False)

    def _standing_text(self, a) -> str:  # noqa: ANN001 - FeeAccount
        s = a.standing
        kind = s.kind.value
        if kind == "not_charged":
            return self.tr("Pas de cotisation dans ce club : rien à payer.")
        if kind == "paid" and s.until is not None:
            return self.tr("Cotisation payée jusqu'au {date} · {amount} par mois").format(
                date=formatting.long_date(s.until), amount=formatting.isolate(euros(a.monthly_cents, self._lang())))
        if s.since is not None:
            return self.tr("Cotisation à régler depuis le {date} · {amount} par mois").format(
                date=formatting.long_date(s.since), amount=formatting.isolate(euros(a.monthly_cents, self._lang())))
        return self.tr("Cotisation à régler (jamais payée) · {amount} par mois").format(
            amount=formatting.isolate(euros(a.monthly_cents, self._lang())))
