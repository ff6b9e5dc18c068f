"""IT's screenshot of the attract screen, between the sync thread and the window
(kiosk/protocol/screenshot.py). No Qt here.

The sync thread hands each health answer's ``screenshot_request`` to :meth:`asked`; a new
request calls ``on_request(request_id)`` (the app connects it to the window's
:class:`~kiosk.ui.screenshot.ScreenshotTaker` through a queued Qt signal), and a request
the server no longer sends is forgotten. The window, on the GUI thread, grabs itself
once the attract screen shows and gives :meth:`ready` an ``encode`` callable (scaling and
JPEG encoding, run here on the sync thread, off the GUI thread). :meth:`take` gives the
sync thread what is ready for the request still pending. Thread-safe (one lock).
"""

from __future__ import annotations

import threading
from typing import Callable

Encode = Callable[[], tuple[str, bytes]]   # -> (mime, picture bytes)


class ScreenshotDesk:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wanted = ""
        self._ready: tuple[str, Encode] | None = None
        self.on_request: Callable[[str], None] = lambda request_id: None

    @property
    def wanted(self) -> str:
        with self._lock:
            return self._wanted

    def asked(self, request_id: str) -> None:
        """The server's pending request ("" for none), from a health answer."""
        with self._lock:
            new = request_id != self._wanted
            self._wanted = request_id
            if self._ready is not None and self._ready[0] != request_id:
                self._ready = None
        if new:
            self.on_request(request_id)   # "" too: the window stops waiting

    def ready(self, request_id: str, encode: Encode) -> None:
        """The window grabbed itself on the attract screen (GUI thread)."""
        with self._lock:
            if request_id and request_id == self._wanted:
                self._ready = (request_id, encode)

    def take(self) -> tuple[str, Encode] | None:
        with self._lock:
            ready, self._ready = self._ready, None
            return ready

    def done(self, request_id: str) -> None:
        """Sent (or refused for good): nothing more to do for this request."""
        with self._lock:
            if self._wanted == request_id:
                self._wanted = ""
