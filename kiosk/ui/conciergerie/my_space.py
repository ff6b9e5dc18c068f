"""The member's exchanges and time credits in "Mon espace": my posts with their state
(waiting for the office, shown, closed), the contact requests received and sent (never a
phone number: the author sees only that someone asked, and on which post), and the time
balance with its recent entries ("1 h 30"). Texts typed by members are plain text.

An open post (waiting or shown) has "Retirer mon annonce", asked once more ("Oui,
retirer" / "Non, la garder") before the service closes it; the list is then reloaded."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.timebank import hours
from kiosk.tasks import Op
from kiosk.ui import formatting
from kiosk.ui.conciergerie import texts
from kiosk.ui.widgets.forms import action_button, label

RECENT = 5          # time entries listed under the balance
OPEN = ("pending", "published")     # the posts their author can still take down


def _short(text: str, n: int = 60) -> str:
    """A member's text, cut, and isolated so that French inside Arabic keeps its order."""
    return formatting.isolate(text if len(text) <= n else text[: n - 1].rstrip() + "…")


def _duration(minutes: int, sign: str = "") -> str:
    """"1 h 30", kept left to right inside an Arabic line (else "h 30 1")."""
    return formatting.isolate(sign + hours(minutes))


class ConciergeriePanel(QWidget):
    """Filled by :meth:`show_for` through the background tasks (``Op``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: dict[str, Any] | None = None
        self.failed = False
        self._owner: QWidget | None = None
        self._member_id = ""
        self._asking = ""                   # the post whose withdrawal is being confirmed
        self._error = ""                    # the post whose withdrawal failed
        self.open_rows: list[OpenPostRow] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        self.sections: dict[str, tuple] = {}
        for key in ("posts", "received", "sent", "time"):
            head, body = label(role="title"), label()
            body.setObjectName(f"space_{key}")
            lay.addWidget(head)
            if key == "posts":              # open posts first, each with its own button
                self._open_box = QVBoxLayout()
                self._open_box.setSpacing(12)
                lay.addLayout(self._open_box)
            lay.addWidget(body)
            self.sections[key] = (head, body)
        self.hide()

    def show_for(self, owner: QWidget, member_id: str) -> None:
        self._owner, self._member_id = owner, member_id

        def load(s: Any) -> dict[str, Any]:
            c = s.conciergerie
            received, sent = c.contacts_received(member_id), c.contacts_sent(member_id)
            return {"posts": c.my_posts(member_id), "received": received, "sent": sent,
                    "texts": c.exchange_texts([x.exchange_id for x in received + sent]),
                    "balance": c.balance(member_id).minutes, "history": c.history(member_id)[:RECENT]}
        Op(owner, load).success(self._on_loaded).failure(self._on_failed).run()

    def _on_loaded(self, data: dict[str, Any]) -> None:
        self.data, self.failed = data, False
        self.retranslate()
        self.show()

    def _on_failed(self, _exc: BaseException) -> None:
        self.data, self.failed = None, True
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        heads = {"posts": self.tr("Mes annonces"), "received": self.tr("Demandes de contact reçues"),
                 "sent": self.tr("Mes demandes de contact"), "time": self.tr("Mon temps donné et reçu")}
        for key, (head, _body) in self.sections.items():
            head.setText(heads[key])
        for key, (head, body) in self.sections.items():    # one message, not four empty heads
            head.setVisible(not self.failed or key == "posts")
            body.setVisible(not self.failed or key == "posts")
        if self.failed:
            self._fill_open_rows([])
            self.sections["posts"][1].setText(self.tr("Impossible d'afficher vos annonces et votre temps pour "
                                                      "l'instant. Réessayez plus tard."))
            return
        d = self.data
        if d is None:
            return
        nothing = self.tr("Rien pour l'instant.")
        self._fill_open_rows([e for e in d["posts"] if e.status.value in OPEN])
        posts = [_post_line(e) for e in d["posts"] if e.status.value not in OPEN]
        received = [self.tr("Un voisin voudrait vous joindre pour « {text} » : il attend votre appel ou "
                            "le gardien vous préviendra.").format(text=_short(d["texts"].get(c.exchange_id, "")))
                    for c in d["received"]]
        sent = [self.tr("Vous avez demandé le contact pour « {text} »").format(
                    text=_short(d["texts"].get(c.exchange_id, ""))) for c in d["sent"]]
        lines = [self.tr("Solde : {time}").format(time=_duration(d["balance"]))]
        for transfer, minutes in d["history"]:
            sign = "+" if minutes > 0 else ""
            when = formatting.long_date(date.fromisoformat(transfer.created_at[:10])) if transfer.created_at else ""
            lines.append(f"{when} : {_duration(minutes, sign)}" + (f" — {_short(transfer.note, 40)}" if transfer.note else ""))
        if not d["history"]:
            lines.append(self.tr("Aucun échange de temps pour l'instant."))
        for key, items in (("posts", posts), ("received", received), ("sent", sent), ("time", lines)):
            self.sections[key][1].setText("\n".join(items) or nothing)
        if self.open_rows and not posts:         # "Rien" only when there is no post at all
            self.sections["posts"][1].setText("")
        self.sections["posts"][1].setVisible(bool(posts) or not self.open_rows)

    # -- withdrawing an open post ---------------------------------------------------------
    def _fill_open_rows(self, posts: list[Any]) -> None:
        for row in self.open_rows:
            self._open_box.removeWidget(row)
            row.deleteLater()
        self.open_rows = []
        for e in posts:
            row = OpenPostRow(e.id, _post_line(e), self)
            row.withdraw.clicked.connect(lambda _=False, i=e.id: self._ask(i))
            row.yes.clicked.connect(lambda _=False, i=e.id: self._withdraw(i))
            row.no.clicked.connect(lambda _=False: self._ask(""))
            row.set_asking(e.id == self._asking, self._error == e.id)
            self._open_box.addWidget(row)
            self.open_rows.append(row)

    def _ask(self, exchange_id: str) -> None:
        self._asking, self._error = exchange_id, ""
        for row in self.open_rows:
            row.set_asking(row.exchange_id == exchange_id, False)

    def _withdraw(self, exchange_id: str) -> None:
        if self._owner is None:
            return
        owner, member_id = self._owner, self._member_id

        def done(_none: object) -> None:
            self._asking = ""
            self.show_for(owner, member_id)

        def failed(_exc: BaseException) -> None:
            self._asking, self._error = "", exchange_id
            for row in self.open_rows:
                row.set_asking(False, row.exchange_id == exchange_id)
        Op(owner, lambda s: s.conciergerie.close(member_id, exchange_id)).success(done).failure(failed).run()


def _post_line(e: Any) -> str:
    # The member's text on its own line: French wrapped inside an Arabic line lost its
    # first letters at the edge (seen in the renders).
    return (f"{texts.kind(e.kind.value)} · {texts.category(e.category.value)} — {texts.status(e.status.value)}\n"
            f"« {_short(e.text)} »")


class OpenPostRow(QWidget):
    """One open post: its line, "Retirer mon annonce", and the question asked before."""

    def __init__(self, exchange_id: str, line: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exchange_id = exchange_id
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        self.text = label(line)
        self.text.setObjectName("space_open_post")
        self.withdraw = action_button(self.tr("Retirer mon annonce"), role="", name="space_withdraw")
        self.question = label(self.tr("Retirer cette annonce ? Elle ne sera plus affichée dans le hall."),
                              role="title")
        self.question.setObjectName("space_withdraw_question")
        self.error = label(self.tr("L'annonce n'a pas pu être retirée. Réessayez ou demandez au gardien."),
                           role="closed")
        self.error.setObjectName("space_withdraw_error")
        self.yes = action_button(self.tr("Oui, retirer"), name="space_withdraw_yes")
        self.no = action_button(self.tr("Non, la garder"), role="", name="space_withdraw_no")
        answers = QHBoxLayout()
        answers.addWidget(self.yes, 1)
        answers.addWidget(self.no, 1)
        for w in (self.text, self.withdraw, self.question, self.error):
            lay.addWidget(w)
        lay.addLayout(answers)

    def set_asking(self, asking: bool, failed: bool) -> None:
        self.withdraw.setVisible(not asking)
        for w in (self.question, self.yes, self.no):
            w.setVisible(asking)
        self.error.setVisible(failed)
