""""Scanner ma carte": hosts the camera engineer's ``ScanPanel`` when it is available.

The panel (``kiosk/ui/scan_panel.py``) emits ``card_entered(str)`` with the card text,
which goes to the "member" screen: it verifies the card and opens the member's space (or,
for a staff badge, the staff sign-in). A discreet button leads caretakers to the staff
sign-in by id and PIN. Without the panel (no camera stack), the screen says so.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.screen import Screen, UiContext
from kiosk.ui.theme import TOUCH_MIN
from kiosk.ui.screens.placeholder import PlaceholderScreen

log = logging.getLogger(__name__)


class ScanScreen(Screen):
    name = "scan"
    holds_personal_data = True

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.panel: QWidget | None = None
        try:
            from kiosk.ui.scan_panel import ScanPanel  # owned by the camera feature
            self.panel = ScanPanel(ctx.config) if _takes_config(ScanPanel) else ScanPanel()
            self.panel.card_entered.connect(self._on_panel_card_entered)
            lay.addWidget(self.panel)
        except Exception as exc:  # noqa: BLE001 - any failure falls back to the placeholder
            log.info("scan panel unavailable: %s", exc)
            self.panel = None
            lay.addWidget(PlaceholderScreen(ctx, "scan", self))
        # Caretakers without their badge sign in with staff id + PIN: a discreet way in,
        # here rather than on the attract screen, where tenants should not stumble on it.
        self.staff = QPushButton()
        self.staff.setObjectName("scan_staff")
        self.staff.setProperty("role", "")
        self.staff.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff.setMinimumHeight(TOUCH_MIN)
        self.staff.clicked.connect(self._on_staff_clicked)
        row = QHBoxLayout()
        row.setContentsMargins(24, 0, 24, 24)
        row.addStretch(1)
        row.addWidget(self.staff)
        lay.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.staff.setText(self.tr("Personnel du club : se connecter"))

    def _on_staff_clicked(self) -> None:
        self.ctx.navigator.open("staff")

    def title(self) -> str:
        return self.tr("Scanner ma carte")

    def _on_panel_card_entered(self, text: str) -> None:
        self.ctx.navigator.open("member", card_text=text)


def _takes_config(cls: type) -> bool:
    import inspect
    try:
        params = list(inspect.signature(cls).parameters)
    except (TypeError, ValueError):
        return False
    return bool(params) and params[0] in ("config", "cfg")
