"""Online/offline and last-sync indicator, fed by a signal (sync comes later).

:class:`Connectivity` is the model the sync layer (or the app) updates with
``set_status(online, last_sync)``; :class:`StatusIndicator` shows it discreetly:
"Hors ligne" until told otherwise.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.ui import formatting
from kiosk.ui.resources import pixmap


class Connectivity(QObject):
    status_changed = Signal(bool, object)  # online, last sync (datetime | None)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.online = False
        self.last_sync: datetime | None = None
        self.pending = 0         # changes waiting for the server (shown in staff mode)
        self.error = ""          # last sync error code, e.g. "sync.unreachable"

    def set_status(self, online: bool, last_sync: datetime | None = None, *, pending: int | None = None,
                   error: str | None = None) -> None:
        self.online, self.last_sync = online, last_sync or self.last_sync
        if pending is not None:
            self.pending = pending
        if error is not None:
            self.error = error
        self.status_changed.emit(self.online, self.last_sync)


class StatusIndicator(QWidget):
    def __init__(self, connectivity: Connectivity, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._conn = connectivity
        self._colour = colour
        self._icon = QLabel()
        self._text = QLabel()
        self._text.setProperty("role", "muted")
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self._icon)
        lay.addWidget(self._text)
        connectivity.status_changed.connect(self._on_connectivity_status_changed)
        self.retranslate()

    def set_colour(self, colour: str) -> None:
        self._colour = colour
        self.retranslate()

    def _on_connectivity_status_changed(self, online: bool, last_sync: object) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        online = self._conn.online
        self._icon.setPixmap(pixmap("online" if online else "offline", self._colour, 28))
        if online:
            text = self.tr("En ligne")
        else:
            text = self.tr("Hors ligne")
        if self._conn.last_sync is not None:
            text = self.tr("{state} · mis à jour à {time}").format(
                state=text, time=formatting.short_time(self._conn.last_sync))
        self._text.setText(text)
        self.setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
