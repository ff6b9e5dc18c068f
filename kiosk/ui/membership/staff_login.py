"""Staff sign-in: a caretaker's badge (scanned on the scan screen, which brings it here)
or their staff id, then the PIN (≥ 6 digits, numeric pad, hidden).

Refusals say "wrong id or PIN" with the attempts left, or until when the account is
locked (3 wrong PINs lock it 5 minutes, doubling). On success the staff home opens with
the session; the session lives only in those screens, so the idle reset ends it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.tasks import Op
from kiosk.ui.widgets.forms import Field, action_button, label
from kiosk.ui.screen import Screen, UiContext


class StaffLoginScreen(Screen):
    name = "staff"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, badge: str = "", parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.badge = badge
        self.intro = label(role="title")
        self.staff_id = Field("staff_id", max_length=63)
        self.staff_id.edit.setProperty("keyboard", "text")   # ids are Latin, even when Arabic is on
        self.staff_id.setVisible(not badge)
        self.pin = Field("staff_pin", numeric=True, password=True, max_length=12)
        self.error = label(role="closed")
        self.error.setObjectName("staff_error")
        self.error.hide()
        self.go = action_button(name="staff_sign_in")
        self.go.clicked.connect(self._on_go_clicked)
        self.pin.edit.returnPressed.connect(self._on_go_clicked)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(36, 24, 36, 24)
        lay.setSpacing(18)
        for w in (self.intro, self.staff_id, self.pin, self.error, self.go):
            lay.addWidget(w)
        lay.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Espace gardien")

    def retranslate(self) -> None:
        self.intro.setText(self.tr("Badge lu. Tapez votre code.") if self.badge else
                           self.tr("Scannez votre badge sur l'écran « Scanner ma carte », ou tapez votre identifiant."))
        self.staff_id.set_caption(self.tr("Identifiant"))
        self.pin.set_caption(self.tr("Code (6 chiffres ou plus)"))
        self.go.setText(self.tr("Se connecter"))

    def _on_go_clicked(self) -> None:
        self.ctx.navigator.keyboard_controller.close()
        badge, staff_id, pin = self.badge, self.staff_id.text(), self.pin.text()
        self.pin.edit.setText("")
        if badge:
            job = lambda s: s.membership.staff.sign_in_with_badge(badge, pin)  # noqa: E731
        else:
            job = lambda s: s.membership.staff.sign_in(staff_id, pin)  # noqa: E731
        Op(self, job).success(self._on_signed_in).failure(self._on_refused).run()

    def _on_signed_in(self, session) -> None:
        self.error.hide()
        self.ctx.navigator.open("staff_home", session=session)

    def _on_refused(self, exc: BaseException) -> None:
        from kiosk.services.staff import BadgeRefused, SignInRefused, StaffLocked
        if isinstance(exc, StaffLocked):
            local = exc.until.astimezone()
            text = self.tr("Trop d'essais. Compte bloqué jusqu'à {time}.").format(time=local.strftime("%H:%M"))
        elif isinstance(exc, SignInRefused) and exc.attempts_left:
            text = self.tr("Identifiant ou code incorrect. Encore {n} essai(s) avant le blocage.").format(
                n=exc.attempts_left)
        elif isinstance(exc, BadgeRefused):
            text = self.tr("Ce badge n'est pas valable.")
        else:
            text = self.tr("Identifiant ou code incorrect.")
        self.error.setText(f"⚠ {text}")
        self.error.show()
