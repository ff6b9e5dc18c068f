"""The caretaker's lending desk (staff mode, "Prêt d'outils").

Modeless, scan after scan: the member's card, then the item's QR label, and the loan is
made — no confirm button — with a big result (the item, the due date) and the slip
printed; or the refusal's message in words. An item that is out comes back with one
scan of its label (condition ok); "À réparer" (+ a note) is the one more tap when it
needs a repair. The lists under it: loans overdue, and loans the server refused (two
kiosks lent the same item offline), which the caretaker marks seen. Texts from the
office and tenants are plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QBoxLayout, QHBoxLayout, QListView, QListWidget, QListWidgetItem, QVBoxLayout,
                               QWidget)

from kiosk.tasks import Op
from kiosk.ui import formatting
from kiosk.ui.lending import texts
from kiosk.ui.screen import Screen, UiContext, arrange_columns, kinetic
from kiosk.ui.widgets.forms import Field, action_button, label


class LendingDeskScreen(Screen):
    name = "lending_desk"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, session=None, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(ctx, parent)
        self.session = session
        self.borrower = None
        self.last = None          # the last DeskResult
        self.heading = label(role="title")
        self.hint = label()
        self.hint.setObjectName("lending_hint")
        from kiosk.ui.scan_panel import ScanPanel
        self.scan = ScanPanel(self.ctx.config if self.ctx.peripherals.camera else None)
        self.scan.card_entered.connect(self._on_scan_card_entered)
        self.scan.setMinimumHeight(340)   # the typed fallback's field and button stay whole in landscape
        self.answer = label(role="hero")
        self.answer.setObjectName("lending_answer")
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer.setWordWrap(True)
        self.detail = label(role="title")
        self.detail.setObjectName("lending_detail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.repair = action_button(role="", name="lending_to_repair")
        self.repair.clicked.connect(self._on_repair_clicked)
        self.note = Field("lending_note", max_length=300)
        self.note_ok = action_button(name="lending_note_ok")
        self.note_ok.clicked.connect(self._on_note_ok_clicked)
        self.reprint = action_button(role="", name="lending_reprint")
        self.reprint.clicked.connect(self._on_reprint_clicked)
        self.forget = action_button(role="", name="lending_forget_member")
        self.forget.clicked.connect(self._on_forget_clicked)
        self.overdue_head = label(role="title")
        self.overdue = QListWidget()
        self.overdue.setObjectName("lending_overdue")
        self.refused_head = label(role="title")
        self.refused = QListWidget()
        self.refused.setObjectName("lending_refused")
        self.refused.itemClicked.connect(self._on_refused_clicked)
        for lst in (self.overdue, self.refused):
            kinetic(lst)
            lst.setMinimumHeight(120)
            lst.setWordWrap(True)          # long lines wrap, never elided
            lst.setTextElideMode(Qt.TextElideMode.ElideNone)
            lst.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap when the scroll bar appears
            lst.setStyleSheet("QListWidget::item { padding: 24px 8px; }")
        buttons = QHBoxLayout()
        for b in (self.repair, self.reprint, self.forget):
            buttons.addWidget(b)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.note_ok)
        # Two columns in landscape (scan and result | the lists), one in portrait.
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.scan, 2)
        left.addWidget(self.answer)
        left.addWidget(self.detail)
        left.addLayout(buttons)
        left.addLayout(note_row)
        for w in (self.overdue_head, self.overdue, self.refused_head, self.refused):
            right.addWidget(w, 1 if isinstance(w, QListWidget) else 0)
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._columns.setSpacing(24)
        self._columns.addLayout(left, 3)
        self._columns.addLayout(right, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 20, 36, 20)
        lay.setSpacing(12)
        for w in (self.heading, self.hint):
            lay.addWidget(w)
        lay.addLayout(self._columns, 1)
        self._show_note(False)
        self.retranslate()
        self._show_result()
        self._load_lists()

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt name
        landscape = arrange_columns(self._columns, self)
        # In landscape the header's title says it already: its height goes to the scan panel.
        self.heading.setVisible(not landscape)
        super().resizeEvent(event)

    # -- Screen ----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Prêt d'outils")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Prêt d'outils"))
        self.repair.setText(self.tr("À réparer"))
        self.note.set_caption(self.tr("Ce qui ne va pas (facultatif)"))
        self.note_ok.setText(self.tr("Mettre en réparation"))
        self.reprint.setText(self.tr("Réimprimer le ticket"))
        self.forget.setText(self.tr("Autre membre"))
        self.overdue_head.setText(self.tr("Prêts en retard"))
        self.refused_head.setText(self.tr("Prêts refusés par le serveur (touchez quand c'est réglé)"))
        self._show_hint()
        self._show_result()

    def entered(self) -> None:
        self._load_lists()

    def _show_hint(self) -> None:
        if self.borrower is None:
            self.hint.setText(self.tr("Scannez la carte du membre, puis l'étiquette de l'objet. "
                                      "Pour un retour, scannez seulement l'étiquette."))
        else:
            self.hint.setText(self.tr("Pour {name} : scannez l'étiquette de l'objet.").format(
                name=formatting.isolate(self.borrower.first_name)))

    # -- scans -------------------------------------------------------------------------------------
    def _on_scan_card_entered(self, text: str) -> None:
        session, borrower = self.session, self.borrower
        Op(self, lambda s: s.lending.desk_scan(session, text, borrower)).success(self._on_desk_result) \
            .failure(self._on_desk_refused).run()

    def _on_desk_result(self, result) -> None:  # noqa: ANN001 - DeskResult
        self.last, self.error = result, None
        if result.kind == "member":
            self.borrower = result.borrower
        elif result.kind == "lent":
            self._print_slip()
            self.borrower = None     # the next card starts the next loan
        self._show_note(False)
        self._show_hint()
        self._show_result()
        self._load_lists()

    def _on_desk_refused(self, exc: BaseException) -> None:
        from kiosk.services.staff import SessionExpired
        if isinstance(exc, SessionExpired):
            self.ctx.navigator.home()
            return
        self.last, self.error = None, exc
        self._show_result()

    def _show_result(self) -> None:
        error = getattr(self, "error", None)
        r = self.last
        self.repair.setVisible(r is not None and r.kind == "returned")
        self.reprint.setVisible(r is not None and r.kind == "lent")
        self.forget.setVisible(self.borrower is not None)
        if error is not None:
            self.answer.setText("⚠ " + texts.refusal_title(error))
            self.detail.setText(texts.refusal_detail(error))
        elif r is None:
            self.answer.setText("")
            self.detail.setText("")
        elif r.kind == "member":
            self.answer.setText(self.tr("Bonjour {name}").format(name=formatting.isolate(r.borrower.first_name)))
            self.detail.setText(self.tr("Scannez maintenant l'étiquette de l'objet."))
        elif r.kind == "lent":
            self.answer.setText(self.tr("✓ Prêté : {item}").format(item=formatting.isolate(r.item.name)))
            self.detail.setText(self.tr("À rendre le {date}").format(date=texts.day(r.loan.due_on)))
        else:
            who = r.borrower.first_name if r.borrower else ""
            self.answer.setText(self.tr("✓ Rendu : {item}").format(item=formatting.isolate(r.item.name)))
            self.detail.setText(self.tr("Merci {name}. En bon état ? Sinon touchez « À réparer ».").format(
                name=formatting.isolate(who)) if who else self.tr("En bon état ? Sinon touchez « À réparer »."))

    # -- after a return --------------------------------------------------------------------------
    def _show_note(self, visible: bool) -> None:
        self.note.setVisible(visible)
        self.note_ok.setVisible(visible)

    def _on_repair_clicked(self) -> None:
        self._show_note(True)

    def _on_note_ok_clicked(self) -> None:
        if self.last is None or self.last.loan is None:
            return
        session, loan_id, note = self.session, self.last.loan.id, self.note.text()
        Op(self, lambda s: s.lending.mark_to_repair(session, loan_id, note)).success(self._on_repaired) \
            .failure(self._on_desk_refused).run()

    def _on_repaired(self, item) -> None:  # noqa: ANN001
        self._show_note(False)
        self.note.edit.clear()
        self.ctx.navigator.keyboard_controller.close()
        self.last = None
        self.answer.setText(self.tr("En réparation : {item}").format(item=formatting.isolate(item.name)))
        self.detail.setText(self.tr("Il ne sera plus prêté avant sa réparation."))
        self.repair.hide()

    def _on_forget_clicked(self) -> None:
        self.borrower, self.last, self.error = None, None, None
        self._show_hint()
        self._show_result()

    # -- the slip ------------------------------------------------------------------------------------
    def _print_slip(self) -> None:
        from kiosk.ui.lending.slip import SLIP_PAGE, print_or_save, slip_painter
        r = self.last
        if r is None or r.loan is None or r.item is None:
            return
        paint = slip_painter(r.item.name, r.borrower.first_name if r.borrower else "", texts.day(r.loan.due_on),
                             formatting.price(r.item.deposit_cents / 100) if r.item.deposit_cents else "")
        self.slip_printed = print_or_save(SLIP_PAGE, paint, self.ctx.peripherals.slip_folder,
                                          f"loan-{r.loan.id}.pdf")

    def _on_reprint_clicked(self) -> None:
        self._print_slip()

    # -- lists -----------------------------------------------------------------------------------------
    def _load_lists(self) -> None:
        if self.tasks.services is None or getattr(self.tasks.services, "lending", None) is None:
            return
        Op(self, lambda s: (s.lending.overdue(), s.lending.refused())).success(self._on_lists_loaded).run()

    def _on_lists_loaded(self, lists) -> None:  # noqa: ANN001
        overdue, refused = lists
        self.overdue.clear()
        for line in overdue:
            # Two lines of their own: a long name and a long date never share (or lose) one.
            self.overdue.addItem(QListWidgetItem(" · ".join((
                formatting.isolate(line.item_name), formatting.isolate(line.first_name))) + "\n"
                + self.tr("à rendre le {date}").format(date=texts.day(line.loan.due_on))))
        self.refused.clear()
        for line in refused:
            item = QListWidgetItem(" · ".join((formatting.isolate(line.item_name), formatting.isolate(line.first_name),
                                               texts.server_refusal(line.loan.refusal))))
            item.setData(256, line.loan.id)
            self.refused.addItem(item)
        for head, lst in ((self.overdue_head, self.overdue), (self.refused_head, self.refused)):
            head.setVisible(lst.count() > 0)
            lst.setVisible(lst.count() > 0)

    def _on_refused_clicked(self, item: QListWidgetItem) -> None:
        session, loan_id = self.session, item.data(256)
        Op(self, lambda s: s.lending.acknowledge(session, loan_id)).success(lambda _r: self._load_lists()).run()

