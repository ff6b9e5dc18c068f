"""IT's screenshot of the attract screen, on the window's side (kiosk/protocol/screenshot.py).

The one privacy rule: the window is grabbed only while the attract screen alone is up
(:func:`on_attract_screen`): no member, staff or any other screen on the stack, no card
answer (it shows a first name), no idle countdown, no on-screen keyboard. A request that
arrives on another screen waits; the grab happens the next time the attract screen
shows (Home, Back, the idle reset, the card answer gone), checked again just before it.
If nobody goes back to it, the server gives the request up after ``WAIT_S`` and its
next heartbeat answer (``""``) stops the wait here.

The grab is on the GUI thread (a few ms); scaling to ``MAX_SIDE`` and JPEG encoding are
in the ``encode`` callable handed on, run by the sync thread (kiosk/sync/screenshot.py).
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QBuffer, QIODevice, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from kiosk.protocol.screenshot import MAX_BYTES, MAX_SIDE

log = logging.getLogger(__name__)
SETTLE_MS = 300        # after the attract screen shows: let it lay out and paint first
RECHECK_MS = 5000      # while waiting, also look now and then (a dialog closed, a keyboard hidden)


def on_attract_screen(window) -> bool:  # noqa: ANN001 - the MainWindow
    """True only when nothing but the attract screen is up (nothing personal to see)."""
    if window.history() != ["attract"] or window.current().holds_personal_data:
        return False
    return not (window.flash.isVisible() or window.overlay.isVisible() or window.keyboard.isVisible())


def jpeg_of(image: QImage) -> tuple[str, bytes]:
    """At most MAX_SIDE px a side, as JPEG under MAX_BYTES (any thread)."""
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    for quality in (80, 60, 40, 25):
        buf = QBuffer()
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "JPG", quality)
        data = bytes(buf.data().data())
        if len(data) <= MAX_BYTES:
            break
    return "image/jpeg", data


class ScreenshotTaker(QObject):
    requested = Signal(str)           # from any thread: the pending request id ("" none)
    grabbed = Signal(str)             # a picture of the attract screen was handed on
    looked = Signal(bool)             # while waiting, the screen was looked at: attract (True) or not

    def __init__(self, window: QWidget, hand_over: Callable[[str, Callable[[], tuple[str, bytes]]], None]) -> None:
        super().__init__(window)
        self.window = window
        self._hand_over = hand_over
        self.waiting = ""
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._on_settle_timeout)
        self._recheck = QTimer(self, interval=RECHECK_MS)
        self._recheck.timeout.connect(self._on_shown)
        self.requested.connect(self._on_requested, Qt.ConnectionType.QueuedConnection)
        window.screen_shown.connect(self._on_shown)
        window.flash.finished.connect(self._on_shown)
        window.reset_done.connect(self._on_shown)

    def _on_requested(self, request_id: str) -> None:
        self.waiting = request_id
        if request_id:
            self._recheck.start()
            self._on_shown()
        else:
            self._recheck.stop()
            self._settle.stop()

    def _on_shown(self, *_: object) -> None:
        if not self.waiting:
            return
        attract = on_attract_screen(self.window)
        if attract:
            self._settle.start()
        self.looked.emit(attract)

    def _on_settle_timeout(self) -> None:
        if not self.waiting or not on_attract_screen(self.window):
            return   # someone came meanwhile: wait for the next time
        request_id, self.waiting = self.waiting, ""
        self._recheck.stop()
        image = self.window.grab().toImage()
        self._hand_over(request_id, lambda: jpeg_of(image))
        log.info("attract screen grabbed for IT's screenshot request")
        self.grabbed.emit(request_id)
