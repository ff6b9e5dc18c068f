""""Scanner ma carte": hosts the camera engineer's ``ScanPanel`` when it is available.

The panel (``kiosk/ui/scan_panel.py``) emits ``card_entered(str)`` with the card text;
the member space that verifies it comes later, so for now the text goes to the
"member" screen (a placeholder). Without the panel (not merged yet, or no camera
stack), this screen says "Bientôt disponible".
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.screen import Screen, UiContext
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

    def title(self) -> str:
        return self.tr("Scanner ma carte")

    def _on_panel_card_entered(self, text: str) -> None:
        if self.ctx.navigator is not None:
            self.ctx.navigator.open("member", card_text=text)


def _takes_config(cls: type) -> bool:
    import inspect
    try:
        params = list(inspect.signature(cls).parameters)
    except (TypeError, ValueError):
        return False
    return bool(params) and params[0] in ("config", "cfg")
