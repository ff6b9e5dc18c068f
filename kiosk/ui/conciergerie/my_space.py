"""The member's exchanges and time credits in "Mon espace": my posts with their state
(waiting for the office, shown, closed), the contact requests received and sent (never a
phone number: the author sees only that someone asked, and on which post), and the time
balance with its recent entries ("1 h 30"). Texts typed by members are plain text."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.domain.timebank import hours
from kiosk.tasks import Op
from kiosk.ui import formatting
from kiosk.ui.conciergerie import texts
from kiosk.ui.widgets.forms import label

RECENT = 5          # time entries listed under the balance


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
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        self.sections: dict[str, tuple] = {}
        for key in ("posts", "received", "sent", "time"):
            head, body = label(role="title"), label()
            body.setObjectName(f"space_{key}")
            lay.addWidget(head)
            lay.addWidget(body)
            self.sections[key] = (head, body)
        self.hide()

    def show_for(self, owner: QWidget, member_id: str) -> None:
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
            self.sections["posts"][1].setText(self.tr("Impossible d'afficher vos annonces et votre temps pour "
                                                      "l'instant. Réessayez plus tard."))
            return
        d = self.data
        if d is None:
            return
        nothing = self.tr("Rien pour l'instant.")
        posts = [f"{texts.kind(e.kind.value)} · {texts.category(e.category.value)} : « {_short(e.text)} » — "
                 f"{texts.status(e.status.value)}" for e in d["posts"]]
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
