"""The caretaker's "Banque de temps" desk (staff mode, opened from the staff home).

"Enregistrer": find the member who gave the time (card scan or name), then the one(s)
who received it, or tap a recent workshop (its host and confirmed sign-ups come in at
once, each attendee giving the workshop's length to the host); the duration with big
−/+ buttons (15 min steps) or presets, a short note, "Enregistrer". The transfer is
recorded through ``ConciergerieService.transfer_by_staff`` (which audits who recorded
it) and confirmed on screen with the balances and their limit flags (flagged for the
office, never refused). "Derniers échanges": the latest transfers; one chosen, a reason,
"Annuler (contre-passation)" calls ``reverse``; a reversed one says so. Every refusal
is said in words (``kiosk/ui/timebank/texts.py``). Names are plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QBoxLayout, QHBoxLayout, QLineEdit, QListView, QListWidget, QListWidgetItem,
                               QStackedWidget, QVBoxLayout, QWidget)

from kiosk.domain.timebank import MAX_MINUTES
from kiosk.tasks import Op
from kiosk.ui import formatting
from kiosk.ui.widgets.member_results import MEMBER_ID, fill_member_results
from kiosk.ui.screen import Screen, UiContext, arrange_columns, kinetic, scrolling
from kiosk.ui.widgets.forms import ButtonChoice, action_button, label

STEP = 15
PRESETS = (30, 60, 90, 120, 180)
RECORD, RECENT = "record", "recent"
WHO, HOW_LONG = 0, 1
WORKSHOPS_LISTED = 3


def _desk(services):  # noqa: ANN001, ANN202 - the app's Services
    from kiosk.services.time_desk import TimeDesk
    return TimeDesk(services.conciergerie)


def _list(name: str, min_height: int) -> QListWidget:
    lst = QListWidget()
    lst.setObjectName(name)
    kinetic(lst)
    lst.setMinimumHeight(min_height)
    lst.setWordWrap(True)
    lst.setTextElideMode(Qt.TextElideMode.ElideNone)
    lst.setResizeMode(QListView.ResizeMode.Adjust)
    lst.setStyleSheet("QListWidget::item { padding: 20px 8px; }")   # rows are touch targets
    return lst


class TimeDeskScreen(Screen):
    name = "time_desk"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, session=None, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(ctx, parent)
        self.session = session
        self.provider = None                 # DeskMember who gave the time
        self.receivers: list = []            # DeskMembers who received it
        self.minutes = 0                     # each receiver's share
        self.workshop = None                 # the Workshop chosen, if any
        self.workshops: list = []
        self.error = ""
        self.done = ""                       # the last confirmation
        self.recent_views: list = []
        self.recent_error = ""
        self.recent_done = ""
        self.heading = label(role="title")
        self.pages_choice = ButtonChoice("time_desk_page", columns=2)
        self.pages_choice.chosen.connect(self._on_page_chosen)
        # -- finding members
        self.step = label(role="title")
        self.step.setObjectName("time_desk_step")
        from kiosk.ui.scan_panel import ScanPanel
        self.scan = ScanPanel(self.ctx.config if self.ctx.peripherals.camera else None)
        self.scan.card_entered.connect(self._on_scan_card_entered)
        self.scan.setMinimumHeight(220)
        self.search = QLineEdit()
        self.search.setObjectName("time_desk_search")
        self.search.returnPressed.connect(self._on_search_clicked)
        self.search_go = action_button(role="", name="time_desk_search_go")
        self.search_go.clicked.connect(self._on_search_clicked)
        self.results = _list("time_desk_results", 100)
        self.results.itemClicked.connect(self._on_result_clicked)
        self.workshops_head = label(role="title")
        self.workshops_list = _list("time_desk_workshops", 90)
        self.workshops_list.itemClicked.connect(self._on_workshop_item_clicked)
        # -- who: the one who gave, the ones who received
        self.provider_line = label(role="title")
        self.provider_line.setObjectName("time_desk_provider")
        self.change_provider = action_button(role="", name="time_desk_change_provider")
        self.change_provider.clicked.connect(self._on_change_provider_clicked)
        self.receivers_head = label()
        self.receivers_list = _list("time_desk_receivers", 90)
        self.receivers_list.itemClicked.connect(self._on_receiver_clicked)
        self.next = action_button(name="time_desk_next")
        self.next.clicked.connect(self._on_next_clicked)
        # -- how long, and the note
        self.summary = label(role="title")
        self.summary.setObjectName("time_desk_summary")
        self.minus = action_button(role="", name="time_desk_minus")
        self.minus.setText("−")
        self.minus.clicked.connect(lambda: self._set_minutes(self.minutes - STEP))
        self.plus = action_button(role="", name="time_desk_plus")
        self.plus.setText("+")
        self.plus.clicked.connect(lambda: self._set_minutes(self.minutes + STEP))
        for b in (self.minus, self.plus):
            b.setMinimumSize(160, 110)
        self.duration = label(role="hero")
        self.duration.setObjectName("time_desk_duration")
        self.duration.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.presets = ButtonChoice("time_desk_preset", columns=3, wide_columns=5)
        self.presets.chosen.connect(lambda key: self._set_minutes(int(key)))
        self.total = label(role="muted")
        self.total.setObjectName("time_desk_total")
        self.note = QLineEdit()
        self.note.setObjectName("time_desk_note")
        self.note.setMaxLength(200)
        self.confirm = action_button(name="time_desk_confirm")
        self.confirm.clicked.connect(self._on_confirm_clicked)
        self.back = action_button(role="", name="time_desk_back")
        self.back.clicked.connect(lambda: self._go_step(WHO))
        self.answer = label(role="title")
        self.answer.setObjectName("time_desk_answer")
        self.clear = action_button(role="", name="time_desk_clear")
        self.clear.clicked.connect(self._forget)
        # -- recent transfers
        self.recent = _list("time_desk_recent", 200)
        self.recent.currentItemChanged.connect(lambda *_: self._show_recent_state())
        self.recent_empty = label(role="fact")
        self.recent_empty.setObjectName("time_desk_recent_empty")
        self.recent_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.reason = QLineEdit()
        self.reason.setObjectName("time_desk_reason")
        self.reason.setMaxLength(200)
        self.reverse_button = action_button(name="time_desk_reverse")
        self.reverse_button.clicked.connect(self._on_reverse_clicked)
        self.recent_answer = label(role="title")
        self.recent_answer.setObjectName("time_desk_recent_answer")

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_go)
        left = QVBoxLayout()
        left.addWidget(self.step)
        left.addWidget(self.scan, 2)
        left.addLayout(search_row)
        left.addWidget(self.results, 1)
        provider_row = QHBoxLayout()
        provider_row.addWidget(self.provider_line, 1)
        provider_row.addWidget(self.change_provider)
        who_end = QHBoxLayout()
        who_end.addWidget(self.next, 1)
        who_end.addWidget(self.clear, 1)
        right = QVBoxLayout()
        right.addLayout(provider_row)
        right.addWidget(self.receivers_head)
        right.addWidget(self.receivers_list, 1)
        right.addWidget(self.workshops_head)
        right.addWidget(self.workshops_list, 1)
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._columns.setSpacing(24)
        self._columns.addLayout(left, 1)
        self._columns.addLayout(right, 1)
        who_page = QWidget()
        who_page.setLayout(self._columns)
        self._columns.setContentsMargins(0, 0, 0, 0)
        duration_row = QHBoxLayout()
        duration_row.addWidget(self.minus)
        duration_row.addWidget(self.duration, 1)
        duration_row.addWidget(self.plus)
        how_end = QHBoxLayout()
        how_end.addWidget(self.confirm, 1)
        how_end.addWidget(self.back, 1)
        how_page = QWidget()
        hl = QVBoxLayout(how_page)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.setSpacing(18)
        hl.addWidget(self.summary)
        hl.addLayout(duration_row)
        hl.addWidget(self.presets)
        hl.addWidget(self.total)
        hl.addWidget(self.note)
        hl.addLayout(how_end)
        hl.addStretch(1)
        self.steps = QStackedWidget()       # each step scrolls: the keyboard may take half the screen
        self.steps.addWidget(scrolling(who_page))
        self.steps.addWidget(scrolling(how_page))
        record_page = QWidget()
        rec = QVBoxLayout(record_page)
        rec.setContentsMargins(0, 0, 0, 0)
        rec.addWidget(self.steps, 1)
        self.who_actions = QWidget()        # outside the scrolling: always in sight
        self.who_actions.setLayout(who_end)
        who_end.setContentsMargins(0, 0, 0, 0)
        rec.addWidget(self.who_actions)
        rec.addWidget(self.answer)
        recent_page = QWidget()
        rl = QVBoxLayout(recent_page)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.recent_empty)
        rl.addWidget(self.recent, 1)
        reverse_row = QHBoxLayout()
        reverse_row.addWidget(self.reason, 1)
        reverse_row.addWidget(self.reverse_button)
        rl.addLayout(reverse_row)
        rl.addWidget(self.recent_answer)
        self.pages = QStackedWidget()
        self.pages.addWidget(record_page)
        self.pages.addWidget(scrolling(recent_page))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 20, 36, 20)
        lay.setSpacing(12)
        lay.addWidget(self.heading)
        lay.addWidget(self.pages_choice)
        lay.addWidget(self.pages, 1)
        self.retranslate()
        self.pages_choice.select(RECORD)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt name
        landscape = arrange_columns(self._columns, self)
        self.heading.setVisible(not landscape)    # the header's title says it in landscape
        super().resizeEvent(event)

    # -- Screen ----------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Banque de temps")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Banque de temps"))
        page = self.pages_choice.current() or RECORD
        self.pages_choice.blockSignals(True)
        self.pages_choice.set_items([(RECORD, self.tr("Enregistrer un échange")),
                                     (RECENT, self.tr("Derniers échanges"))])
        self.pages_choice.select(page)
        self.pages_choice.blockSignals(False)
        self.search.setPlaceholderText(self.tr("Nom ou prénom"))
        self.search.setAccessibleName(self.tr("Chercher un membre"))
        self.search_go.setText(self.tr("Chercher"))
        self.workshops_head.setText(self.tr("Ou un atelier : l'animateur et les inscrits"))
        self.change_provider.setText(self.tr("Changer"))
        self.presets.blockSignals(True)
        self.presets.set_items([(str(m), formatting.duration(m)) for m in PRESETS])
        self.presets.blockSignals(False)
        self.minus.setAccessibleName(self.tr("Un quart d'heure de moins"))
        self.plus.setAccessibleName(self.tr("Un quart d'heure de plus"))
        self.note.setPlaceholderText(self.tr("Note courte (facultatif) : quel service ?"))
        self.note.setAccessibleName(self.tr("Note"))
        self.confirm.setText(self.tr("Enregistrer"))
        self.clear.setText(self.tr("Tout effacer"))
        self.next.setText(self.tr("Suivant : la durée"))
        self.back.setText(self.tr("Modifier les personnes"))
        self.reason.setPlaceholderText(self.tr("Raison de l'annulation"))
        self.reason.setAccessibleName(self.tr("Raison de l'annulation"))
        self.reverse_button.setText(self.tr("Annuler (contre-passation)"))
        self.recent_empty.setText(self.tr("Aucun échange de temps enregistré sur cette borne pour l'instant."))
        self._fill_workshops()
        self._fill_recent()
        self._show()

    def entered(self) -> None:
        if self.session is None or self.tasks.services is None:
            return
        session = self.session
        Op(self, lambda s: _desk(s).workshops(session)).success(self._on_workshops_loaded) \
            .failure(self._on_failed).run()
        self._load_recent()

    def _on_page_chosen(self, key: str) -> None:
        self.pages.setCurrentIndex(1 if key == RECENT else 0)
        if key == RECENT:
            self._load_recent()

    # -- finding members -------------------------------------------------------------------------
    def _on_scan_card_entered(self, text: str) -> None:
        session = self.session
        Op(self, lambda s: _desk(s).member_by_card(session, text)).success(self._on_member_found) \
            .failure(self._on_failed).run()

    def _on_search_clicked(self) -> None:
        self.ctx.navigator.keyboard_controller.close()
        text, session = self.search.text(), self.session
        Op(self, lambda s: s.membership.members.search(text, session)).success(self._fill_results) \
            .failure(self._on_failed).run()

    def _fill_results(self, members) -> None:  # noqa: ANN001 - MemberSummary list
        self.error = "" if fill_member_results(self.results, members) else self.tr("Aucun membre trouvé.")
        self._show()

    def _on_result_clicked(self, item: QListWidgetItem) -> None:
        mid, session = item.data(MEMBER_ID), self.session
        Op(self, lambda s: _desk(s).member(session, mid)).success(self._on_member_found) \
            .failure(self._on_failed).run()

    def _on_member_found(self, member) -> None:  # noqa: ANN001 - DeskMember
        from kiosk.ui.timebank import texts
        self.error, self.done = "", ""
        if self.provider is None:
            if any(r.id == member.id for r in self.receivers):
                self.error = texts.refusal(_Code("timebank.self_transfer"))
            else:
                self.provider = member
        elif member.id == self.provider.id:
            self.error = texts.refusal(_Code("timebank.self_transfer"))
        elif any(r.id == member.id for r in self.receivers):
            self.error = texts.refusal(_Code("timebank.receiver_twice"))
        else:
            self.receivers.append(member)
        self.results.clear()
        self.search.clear()
        self._show()

    def _on_change_provider_clicked(self) -> None:
        self.provider, self.error = None, ""
        self._show()

    def _on_receiver_clicked(self, item: QListWidgetItem) -> None:
        self.receivers = [r for r in self.receivers if r.id != item.data(MEMBER_ID)]
        self._show()

    # -- workshops -------------------------------------------------------------------------------
    def _on_workshops_loaded(self, workshops) -> None:  # noqa: ANN001 - Workshop list
        self.workshops = list(workshops)
        self._fill_workshops()
        self._show()

    def _fill_workshops(self) -> None:
        from datetime import datetime
        self.workshops_list.clear()
        for w in self.workshops[:WORKSHOPS_LISTED]:
            try:
                start = datetime.fromisoformat(w.starts_at)
                when = f"{formatting.long_date(start)} {formatting.short_time(start)}"
            except ValueError:
                when = ""
            item = QListWidgetItem(self.tr("{when} · {count} inscrit(s)\n{title}").format(
                title=formatting.isolate(w.title), when=when, count=len(w.attendees)))
            item.setData(256, w.event_id)
            self.workshops_list.addItem(item)
        self.workshops_head.setVisible(bool(self.workshops))
        self.workshops_list.setVisible(bool(self.workshops))

    def _on_workshop_item_clicked(self, item: QListWidgetItem) -> None:
        found = next((w for w in self.workshops if w.event_id == item.data(MEMBER_ID)), None)
        if found is not None:
            self._on_workshop_clicked(found)

    def _on_workshop_clicked(self, workshop) -> None:  # noqa: ANN001 - Workshop
        self.workshop, self.error, self.done = workshop, "", ""
        self.provider = workshop.hosts[0]
        self.receivers = list(workshop.attendees)
        self.note.setText(workshop.title[:200])
        self._set_minutes(workshop.minutes)
        self._go_step(HOW_LONG)

    def _go_step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        if self.note.hasFocus():        # the step's first field took the focus: no keyboard unasked
            self.note.clearFocus()
            self.ctx.navigator.keyboard_controller.close()
        self._show()

    # -- the transfer ----------------------------------------------------------------------------
    def _set_minutes(self, minutes: int) -> None:
        self.minutes = max(0, min(MAX_MINUTES, minutes))
        self.presets.blockSignals(True)
        for m in PRESETS:
            b = self.presets.findChild(type(self.confirm), f"time_desk_preset_{m}")
            if b is not None:
                b.setChecked(m == self.minutes)
        self.presets.blockSignals(False)
        self._show()

    def _who_problem(self) -> str:
        from kiosk.ui.timebank import texts
        if self.provider is None:
            return self.tr("Choisissez d'abord la personne qui a rendu le service.")
        if not self.receivers:
            return texts.refusal(_Code("timebank.no_receiver"))
        return ""

    def _on_next_clicked(self) -> None:
        self.error, self.done = self._who_problem(), ""
        if not self.error:
            self._go_step(HOW_LONG)
        self._show()

    def _on_confirm_clicked(self) -> None:
        from kiosk.ui.timebank import texts
        self.done = ""
        self.error = self._who_problem()
        if not self.error and self.minutes <= 0:
            self.error = texts.refusal(_Code("timebank.minutes_invalid"))
        if self.error or self.provider is None:
            self._show()
            return
        session, provider = self.session, self.provider.id
        shares = [(r.id, self.minutes) for r in self.receivers]
        note = self.note.text()
        Op(self, lambda s: (s.conciergerie.transfer_by_staff(session, provider, shares, note),
                            _desk(s).balances(session, [provider] + [m for m, _ in shares]))) \
            .success(self._on_recorded).failure(self._on_failed).run()

    def _on_recorded(self, result) -> None:  # noqa: ANN001 - (TimeTransfer, balances)
        from kiosk.ui.timebank import texts
        _transfer, balances = result
        count, each = len(self.receivers), self.minutes
        who = self.session.display_name if self.session else ""
        lines = [self.tr("C'est noté : {name} reçoit {total} ({count} × {each}). Enregistré par {staff}.").format(
            name=formatting.isolate(self.provider.name), total=formatting.duration(count * each), count=count,
            each=formatting.duration(each), staff=formatting.isolate(who))]
        for member, balance in balances:
            if balance.flag is not None:
                lines.append("⚠ " + self.tr("{name} : solde {balance}, {flag}").format(
                    name=formatting.isolate(member.name), balance=formatting.duration(balance.minutes),
                    flag=texts.flag(balance.flag.value)))
        self._forget()
        self.done = "\n".join(lines)
        self._show()
        self._load_recent()

    def _forget(self) -> None:
        self.provider, self.receivers, self.workshop = None, [], None
        self.error = self.done = ""
        self.note.clear()
        self.results.clear()
        self.steps.setCurrentIndex(WHO)
        self._set_minutes(0)

    # -- recent transfers and reversal ----------------------------------------------------------
    def _load_recent(self) -> None:
        if self.session is None or self.tasks.services is None:
            return
        session = self.session
        Op(self, lambda s: s.conciergerie.recent_transfers(session, 50)).success(self._on_recent_loaded) \
            .failure(self._on_failed).run()

    def _on_recent_loaded(self, views) -> None:  # noqa: ANN001 - TransferView list
        current = self.recent.currentItem().data(256) if self.recent.currentItem() is not None else ""
        self.recent_views = list(views)
        self._fill_recent(current)

    def _fill_recent(self, current: str = "") -> None:
        from datetime import datetime
        self.recent.blockSignals(True)
        self.recent.clear()
        for v in self.recent_views:
            try:
                at = datetime.fromisoformat(v.transfer.created_at).astimezone()
                when = f"{formatting.long_date(at)} {formatting.short_time(at)}"
            except ValueError:
                when = ""
            how = (self.tr("saisi par le gardien") if v.transfer.confirmed_by.value == "staff"
                   else self.tr("confirmé par les cartes") if v.transfer.confirmed_by.value == "cards"
                   else self.tr("saisi au bureau"))
            text = self.tr("{when} · {provider} reçoit {minutes} de {receivers} · {how}").format(
                when=when, provider=formatting.isolate(v.provider_name), minutes=formatting.duration(v.minutes),
                receivers=", ".join(formatting.isolate(n) for n in v.receiver_names), how=how)
            if v.transfer.note:
                text += "\n" + formatting.isolate(v.transfer.note)
            if v.reversed:
                text = self.tr("ANNULÉ") + " · " + text
            item = QListWidgetItem(text)
            item.setData(256, v.transfer.id)
            self.recent.addItem(item)
            if v.transfer.id == current:
                self.recent.setCurrentItem(item)
        self.recent.blockSignals(False)
        self._show_recent_state()

    def _selected_view(self):  # noqa: ANN202
        item = self.recent.currentItem()
        if item is None:
            return None
        return next((v for v in self.recent_views if v.transfer.id == item.data(MEMBER_ID)), None)

    def _on_reverse_clicked(self) -> None:
        from kiosk.ui.timebank import texts
        view = self._selected_view()
        self.recent_done = ""
        if view is None:
            self.recent_error = self.tr("Touchez d'abord l'échange à annuler dans la liste.")
        elif not self.reason.text().strip():
            self.recent_error = texts.refusal(_Code("timebank.reason_required"))
        else:
            session, tid, reason = self.session, view.transfer.id, self.reason.text()
            self.ctx.navigator.keyboard_controller.close()
            Op(self, lambda s: s.conciergerie.reverse(session, tid, reason)) \
                .success(lambda _rid: self._on_reversed(view)).failure(self._on_reverse_failed).run()
            return
        self._show_recent_state()

    def _on_reversed(self, view) -> None:  # noqa: ANN001 - TransferView
        self.recent_error = ""
        self.recent_done = self.tr("Annulé : {provider} perd {minutes}, chacun récupère sa part.").format(
            provider=formatting.isolate(view.provider_name), minutes=formatting.duration(view.minutes))
        self.reason.clear()
        self._load_recent()
        self._show_recent_state()

    def _on_reverse_failed(self, exc: BaseException) -> None:
        from kiosk.services.staff import SessionExpired
        from kiosk.ui.timebank import texts
        if isinstance(exc, SessionExpired):
            self.ctx.navigator.home()
            return
        self.recent_error, self.recent_done = texts.refusal(exc), ""
        self._show_recent_state()

    def _on_failed(self, exc: BaseException) -> None:
        from kiosk.services.staff import SessionExpired
        from kiosk.ui.timebank import texts
        if isinstance(exc, SessionExpired):
            self.ctx.navigator.home()
            return
        self.error, self.done = texts.refusal(exc), ""
        self._show()

    # -- showing ---------------------------------------------------------------------------------
    def _show(self) -> None:
        p = self.provider
        self.step.setText(self.tr("1. Qui a rendu le service ? Scannez sa carte ou cherchez son nom.") if p is None
                          else self.tr("2. Qui l'a reçu ? Ajoutez chaque personne, par sa carte ou son nom."))
        self.provider_line.setText(self.tr("A donné le temps : {name}").format(name=formatting.isolate(p.name))
                                   if p is not None else self.tr("A donné le temps : personne encore"))
        self.change_provider.setVisible(p is not None)
        self.receivers_head.setText(self.tr("Ont reçu le service ({count}) — touchez un nom pour l'enlever")
                                    .format(count=len(self.receivers)) if self.receivers
                                    else self.tr("Ont reçu le service : personne encore"))
        self.receivers_list.clear()
        for r in self.receivers:
            item = QListWidgetItem(formatting.isolate(r.name))
            item.setData(256, r.id)
            self.receivers_list.addItem(item)
        self.receivers_list.setVisible(bool(self.receivers))
        self.results.setVisible(self.results.count() > 0)
        self.summary.setText(self.tr("{name} a rendu le service à {count} personne(s).").format(
            name=formatting.isolate(p.name), count=len(self.receivers)) if p is not None else "")
        self.duration.setText(formatting.duration(self.minutes))
        self.minus.setEnabled(self.minutes > 0)
        self.plus.setEnabled(self.minutes < MAX_MINUTES)
        count = len(self.receivers)
        if count > 1 and self.minutes:
            self.total.setText(self.tr("{each} par personne · {total} en tout pour {name}").format(
                each=formatting.duration(self.minutes), total=formatting.duration(self.minutes * count),
                name=formatting.isolate(p.name) if p is not None else "?"))
        else:
            self.total.setText(self.tr("Par quart d'heure avec − et +, ou une durée toute prête."))
        self.who_actions.setVisible(self.steps.currentIndex() == WHO)
        text = ("⚠ " + self.error) if self.error else self.done
        self.answer.setText(text)
        self.answer.setVisible(bool(text))

    def _show_recent_state(self) -> None:
        has = bool(self.recent_views)
        self.recent.setVisible(has)
        self.recent_empty.setVisible(not has)
        self.reason.setVisible(has)
        self.reverse_button.setVisible(has)
        text = ("⚠ " + self.recent_error) if self.recent_error else self.recent_done
        self.recent_answer.setText(text)
        self.recent_answer.setVisible(bool(text))


class _Code(Exception):
    """A refusal the screen finds itself (same codes as the ledger's rules)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code
