"""The caretaker's home: enroll a household, confirm pending residents, find a member
and act (show/print the card, new card for a lost one, export their data, erase them).

Every action goes through the services with the session, which audits it (who, what,
which member id). The session ends after ``staff_idle_timeout_s`` without a touch (a
timer checks it) or with "Se déconnecter"; the window's idle reset destroys the screen
and the session with it. Lists show names and masked phones only.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QBoxLayout, QGridLayout, QHBoxLayout, QLineEdit, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kiosk.services.privacy import export_text
from kiosk.tasks import Op
from kiosk.ui import formatting
from kiosk.ui.membership.card_print import write_text_pdf
from kiosk.ui.widgets.forms import action_button, label
from kiosk.ui.screen import Screen, UiContext, arrange_columns, kinetic, scrolling
from kiosk.ui.widgets.tiles import TextButton


class StaffHomeScreen(Screen):
    name = "staff_home"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, session=None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.session = session
        self.selected: str = ""
        self.hello = label(role="title")
        self.enroll = action_button(name="staff_enroll")
        self.lending = action_button(role="", name="staff_lending")
        self.fees = action_button(role="", name="staff_fees")
        self.time_desk = action_button(role="", name="staff_time_desk")
        self.lending_overdue = label(role="muted")
        self.lending_overdue.setObjectName("staff_lending_overdue")
        self.lending_overdue.hide()
        self._overdue_count = 0
        self.sign_out = action_button(role="", name="staff_sign_out")
        self.pending_head = label(role="title")
        # Check-in at the door: the caretaker taps one of the next events (big buttons,
        # filled when the screen is entered) and lands at the door already signed in.
        self.events_head = label(role="title")
        self.events = QVBoxLayout()
        self.event_buttons: list = []
        self.pending = QListWidget()
        self.pending.setObjectName("staff_pending")
        self.search = QLineEdit()
        self.search.setObjectName("staff_search")
        self.search_go = action_button(role="", name="staff_search_go")
        self.results = QListWidget()
        self.results.setObjectName("staff_results")
        # An empty list said nothing (a white box, defect 9): a line in words instead.
        self.pending_empty = label(role="fact")
        self.pending_empty.setObjectName("staff_pending_empty")
        self.results_head = label(role="title")
        self.results_empty = label(role="fact")
        self.results_empty.setObjectName("staff_results_empty")
        for lst in (self.pending, self.results):
            kinetic(lst)
            lst.setMinimumHeight(140)
            lst.setStyleSheet("QListWidget::item { padding: 30px 8px; }")  # rows are touch targets
            lst.setWordWrap(True)                                 # a long row wraps, never ends in "…"
            lst.setTextElideMode(Qt.TextElideMode.ElideNone)
            lst.setResizeMode(QListView.ResizeMode.Adjust)
            lst.currentItemChanged.connect(self._on_list_current_changed)
        self.actions = {k: action_button(role="", name=f"staff_{k}")
                        for k in ("confirm", "card", "reissue", "export", "erase")}
        self.feedback = label(role="muted")
        self.feedback.setObjectName("staff_feedback")
        # Sync state for the caretaker: online or not, what still waits for the server.
        self.sync_state = label(role="muted")
        self.sync_state.setObjectName("staff_sync_state")
        # Changes the server refused for good (never sent again): the caretaker tells the office.
        self.refused = label(role="muted")
        self.refused.setObjectName("staff_refused")
        self.refused.hide()
        self._refused_count = 0
        if ctx.connectivity is not None:
            ctx.connectivity.status_changed.connect(self._on_connectivity_status_changed)
        self.enroll.clicked.connect(self._on_enroll_clicked)
        self.lending.clicked.connect(self._on_lending_clicked)
        self.fees.clicked.connect(lambda: self.ctx.navigator.open("fee_desk", session=self.session))
        self.time_desk.clicked.connect(lambda: self.ctx.navigator.open("time_desk", session=self.session))
        self.sign_out.clicked.connect(lambda: self._end("sign_out"))
        self.search_go.clicked.connect(self._on_search_clicked)
        for key, b in self.actions.items():
            b.clicked.connect(lambda _=False, k=key: self._on_action_clicked(k))
        top = QHBoxLayout()
        top.addWidget(self.hello, 1)
        top.addWidget(self.sign_out)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_go)
        actions_row = QGridLayout()  # two a row: three did not fit a landscape column in large text
        for i, b in enumerate(self.actions.values()):
            actions_row.addWidget(b, i // 2, i % 2)
        # Two columns in landscape (household and events | finding a member), one in portrait.
        left, right = QVBoxLayout(), QVBoxLayout()
        for col in (left, right):
            col.setSpacing(14)
        # The caretaker's four desks stay in sight above what scrolls: four in a row in
        # landscape, two rows of two in portrait (three in a row clipped in large text).
        self._desks = QGridLayout()
        self._desks.setSpacing(14)
        left.addWidget(self.events_head)
        left.addLayout(self.events)
        left.addWidget(self.pending_head)
        left.addWidget(self.pending_empty)
        left.addWidget(self.pending, 1)
        right.addWidget(self.results_head)
        right.addLayout(search_row)
        right.addWidget(self.results_empty)
        right.addWidget(self.results, 1)
        right.addLayout(actions_row)
        right.addWidget(self.feedback)
        self._columns = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._columns.setSpacing(28)
        self._columns.addLayout(left, 1)
        self._columns.addLayout(right, 1)
        # Everything under the greeting scrolls: with the keyboard open (search) the screen
        # has half its height, and a fixed page squeezed every heading to a sliver.
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(14)
        inner.addWidget(self.sync_state)
        inner.addWidget(self.refused)
        inner.addLayout(self._columns, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 20, 36, 20)
        lay.setSpacing(14)
        lay.addLayout(top)
        lay.addLayout(self._desks)
        lay.addWidget(self.lending_overdue)
        lay.addWidget(scrolling(body), 1)
        self._place_desks(landscape=False)
        self._guard = QTimer(self)
        self._guard.setInterval(1000)
        self._guard.timeout.connect(self._on_guard_timeout)
        self._guard.start()
        # any touch or key anywhere counts as activity (the caretaker may be on a screen
        # opened from here); the filter goes away with this screen
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.retranslate()
        self._set_selected("")
        self._show_lists()

    def title(self) -> str:
        return self.tr("Espace gardien")

    def retranslate(self) -> None:
        name = self.session.display_name if self.session else ""
        self.hello.setText(self.tr("Bonjour {name}").format(name=name))
        self.enroll.setText(self.tr("Inscrire un foyer"))
        self.lending.setText(self.tr("Prêt d'outils"))
        self.fees.setText(self.tr("Cotisations"))
        self.time_desk.setText(self.tr("Banque de temps"))
        self.lending_overdue.setText(self.tr("{count} prêt(s) en retard").format(count=self._overdue_count))
        self.sign_out.setText(self.tr("Se déconnecter"))
        self.pending_head.setText(self.tr("Adresses à confirmer"))
        self.events_head.setText(self.tr("Pointer les présents à un événement"))
        self.search.setPlaceholderText(self.tr("Nom ou prénom"))
        self.search.setAccessibleName(self.tr("Chercher un membre"))
        self.search_go.setText(self.tr("Chercher"))
        self.results_head.setText(self.tr("Trouver un membre"))
        self.pending_empty.setText(self.tr("Aucune adresse à confirmer pour l'instant."))
        self.results_empty.setText(self.tr("Tapez un nom, puis « Chercher » : les membres trouvés s'affichent ici."))
        labels = {"confirm": self.tr("Confirmer l'adresse"), "card": self.tr("Voir la carte"),
                  "reissue": self.tr("Carte perdue"), "export": self.tr("Exporter ses données"),
                  "erase": self.tr("Effacer")}
        for k, b in self.actions.items():
            b.setText(labels[k])
        self._show_sync_state()
        self._show_refused()

    def entered(self) -> None:
        if self.session is not None and self.tasks.services is not None:
            session = self.session
            Op(self, lambda s: s.membership.members.pending(session)).success(self._on_pending_loaded) \
                .failure(self._on_failed).run()
            Op(self, lambda s: s.community.upcoming()).success(self._on_events_loaded).run()
            if getattr(self.tasks.services, "lending", None) is not None:
                Op(self, lambda s: len(s.lending.overdue())).success(self._on_overdue_loaded).run()
            Op(self, lambda s: s.membership.members.refused_changes(session, limit=1)) \
                .success(self._on_refused_loaded).run()

    def _on_overdue_loaded(self, count: int) -> None:
        self._overdue_count = count
        self.lending_overdue.setText(self.tr("{count} prêt(s) en retard").format(count=count))
        self.lending_overdue.setVisible(count > 0)

    def _on_lending_clicked(self) -> None:
        self.ctx.navigator.open("lending_desk", session=self.session)

    def _on_refused_loaded(self, result) -> None:  # noqa: ANN001 - (count, latest RefusedChange list)
        self._refused_count = result[0]
        self._show_refused()

    def _show_refused(self) -> None:
        self.refused.setText(self.tr("{count} modification(s) refusée(s) par le serveur : à signaler au bureau")
                             .format(count=self._refused_count))
        self.refused.setVisible(self._refused_count > 0)

    def _on_connectivity_status_changed(self, online: bool, last_sync: object) -> None:  # noqa: ARG002
        self._show_sync_state()

    def _show_sync_state(self) -> None:
        from kiosk.ui import formatting
        conn = self.ctx.connectivity
        if conn is None:
            return
        state = self.tr("en ligne") if conn.online else self.tr("hors ligne")
        text = self.tr("Synchronisation : {state} · {pending} modification(s) en attente").format(
            state=state, pending=conn.pending)
        if conn.last_sync is not None:
            text += " · " + self.tr("dernière réussite à {time}").format(time=formatting.short_time(conn.last_sync))
        if conn.error and not conn.online:
            text += " · " + self._sync_problem(conn.error)
        self.sync_state.setText(text)

    def _sync_problem(self, code: str) -> str:
        """The sync engine's error code in words a caretaker can act on (the code itself is
        for IT, in the log and `club-kiosk status`)."""
        words = {"sync.unreachable": self.tr("le serveur ne répond pas (réseau ?)"),
                 "sync.upgrade_required": self.tr("cette borne doit être mise à jour : appelez le service informatique"),
                 "sync.unauthorized": self.tr("le serveur ne reconnaît plus cette borne : appelez le service "
                                              "informatique"),
                 "sync.not_provisioned": self.tr("borne pas encore reliée au serveur"),
                 "sync.wipe": self.tr("cette borne a été retirée par le bureau")}
        return words.get(code) or self.tr("problème technique ({code}) : il sera réessayé").format(code=code)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        landscape = arrange_columns(self._columns, self)
        self._place_desks(landscape)
        super().resizeEvent(event)

    def _place_desks(self, landscape: bool) -> None:
        per_row = 4 if landscape else 2
        for i, b in enumerate((self.enroll, self.time_desk, self.lending, self.fees)):
            self._desks.addWidget(b, i // per_row, i % per_row)   # adding again moves it

    def _on_events_loaded(self, views) -> None:  # noqa: ANN001 - community EventView list
        from kiosk.ui.community import texts
        for b in self.event_buttons:
            b.deleteLater()
        self.event_buttons = []
        for view in views[:3]:  # the next three: the door is today or soon
            b = TextButton()
            b.setObjectName(f"staff_checkin_{view.event.id}")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)     # as action_button: the keyboard stays open
            b.set_words(view.event.title, texts.when(view.event.starts_at, view.event.ends_at))
            b.setAccessibleName(self.tr("Pointer les présents : {title}").format(title=view.event.title))
            b.clicked.connect(lambda _=False, eid=view.event.id: self._on_event_clicked(eid))
            self.events.addWidget(b)
            self.event_buttons.append(b)
        self.events_head.setVisible(bool(views))

    def _on_event_clicked(self, event_id: str) -> None:
        self.ctx.navigator.open("event_checkin", event_id=event_id, session=self.session)

    # -- session ------------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt name
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress) \
                and self.session is not None:
            services = self.tasks.services
            if services is not None and getattr(services, "membership", None):
                services.membership.staff.touch(self.session)
        return False

    def _on_guard_timeout(self) -> None:
        services = self.tasks.services
        if self.session is None or services is None or not getattr(services, "membership", None):
            return
        if not services.membership.staff.is_active(self.session):
            self._end("idle")

    def _end(self, reason: str) -> None:
        self._guard.stop()
        session, self.session = self.session, None
        if session is not None:
            Op(self, lambda s: s.membership.staff.sign_out(session, reason)).run()
        self.ctx.navigator.home()

    # -- lists ----------------------------------------------------------------------------------
    def _fill(self, lst: QListWidget, members) -> None:
        lst.clear()
        for m in members:
            iso = formatting.isolate   # each piece keeps its direction: no zigzag in Arabic (defect 8)
            item = QListWidgetItem(" · ".join((iso(f"{m.first_name} {m.last_name}"), formatting.place(m.flat_label),
                                               iso(m.masked_phone))))
            item.setData(256, m.id)
            lst.addItem(item)
        self._show_lists()

    def _show_lists(self) -> None:
        for lst, empty in ((self.pending, self.pending_empty), (self.results, self.results_empty)):
            lst.setVisible(lst.count() > 0)
            empty.setVisible(lst.count() == 0)

    def _on_pending_loaded(self, members) -> None:
        self._fill(self.pending, members)

    def _on_search_clicked(self) -> None:
        self.ctx.navigator.keyboard_controller.close()
        text, session = self.search.text(), self.session
        Op(self, lambda s: s.membership.members.search(text, session)) \
            .success(lambda ms: self._fill(self.results, ms)).failure(self._on_failed).run()

    def _on_list_current_changed(self, current, _previous) -> None:
        self._set_selected(current.data(256) if current is not None else "")

    def _set_selected(self, member_id: str) -> None:
        self.selected = member_id or ""
        for b in self.actions.values():
            b.setEnabled(bool(self.selected))

    # -- actions --------------------------------------------------------------------------------
    def _on_enroll_clicked(self) -> None:
        self.ctx.navigator.open("join", session=self.session)

    def _on_action_clicked(self, key: str) -> None:
        mid, session = self.selected, self.session
        if not mid:
            return
        if key == "confirm":
            Op(self, lambda s: s.membership.members.confirm_residence(mid, session)) \
                .success(lambda _m: (self.feedback.setText(self.tr("Adresse confirmée.")), self.entered())) \
                .failure(self._on_failed).run()
        elif key == "card":
            Op(self, lambda s: s.membership.members.card_for_staff(mid, session)) \
                .success(lambda text: self._open_card(mid, text)).failure(self._on_failed).run()
        elif key == "reissue":
            Op(self, lambda s: s.membership.members.reissue_card(mid, session)) \
                .success(lambda card: self._open_card(mid, card.text)).failure(self._on_failed).run()
        elif key == "export":
            folder = Path(self.ctx.config.data_dir) / "exports"
            Op(self, lambda s: _export(s, mid, session, folder)).success(self._on_exported) \
                .failure(self._on_failed).run()
        elif key == "erase":
            if self.actions["erase"].property("armed") != mid:
                self.actions["erase"].setProperty("armed", mid)
                self.feedback.setText(self.tr("Touchez encore « Effacer » pour effacer ce membre."))
                return
            self.actions["erase"].setProperty("armed", "")
            Op(self, lambda s: s.membership.privacy.erase(mid, session=session, reason="staff")) \
                .success(lambda _n: (self.feedback.setText(self.tr("Membre effacé.")), self.results.clear(),
                                     self.entered())).failure(self._on_failed).run()

    def _on_exported(self, result) -> None:
        """The JSON is written by the job; the PDF is drawn here (Qt painting: GUI thread)."""
        path, data = result
        pdf = path.with_suffix(".pdf")
        write_text_pdf(export_text(data), pdf, title=data["member"]["number"])
        os.chmod(pdf, 0o600)
        self.feedback.setText(self.tr("Export écrit : {path}").format(path=f"{path} + {pdf.name}"))

    def _open_card(self, member_id: str, text: str | None) -> None:
        if text:
            self.ctx.navigator.open("member_card", member_id=member_id, card_text=text, session=self.session)

    def _on_failed(self, exc: BaseException) -> None:
        from kiosk.services.staff import SessionExpired
        if isinstance(exc, SessionExpired):
            self._end("expired")
            return
        self.feedback.setText(self.tr("Action impossible."))


def _export(services, member_id: str, session, folder: Path) -> tuple[Path, dict]:
    """Background job: the member's data as JSON (0600) in the kiosk's exports folder."""
    data = services.membership.privacy.export(member_id, session=session)
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    path = folder / f"{data['member']['number']}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.chmod(path, 0o600)
    return path, data
