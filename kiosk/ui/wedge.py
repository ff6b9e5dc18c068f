"""Keyboard-wedge USB scanners: a card read by a scanner that types its text, then Enter.

Job: an application-wide event filter that tells a scanner from a person by two things
together: the text starts with the card prefix ``CK1:`` AND its keys arrive in a burst
(each within :data:`MAX_GAP_MS` of the previous one; a scanner types a character every
5–15 ms, a person every 100 ms or more). Keys that may start such a burst are held back
(not delivered); if the burst does not happen, they are delivered to the widget that
had them, in order, after at most ``MAX_GAP_MS``: a person typing "C" in a field sees
it 50 ms later, and nothing else changes. A confirmed burst never reaches any field,
whatever has the focus; its text is handed over with ``card_scanned`` after the event
has been handled (queued: the filter calls no service and opens no screen itself).

Scanners configured to send no Enter are recognised too: a burst of at least
:data:`MIN_CARD_LEN` characters followed by silence.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

PREFIX = "CK1:"
MAX_GAP_MS = 50
MIN_CARD_LEN = 24
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class WedgeScanner(QObject):
    card_scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, clock: Callable[[], float] = time.monotonic,
                 max_gap_ms: int = MAX_GAP_MS) -> None:
        super().__init__(parent)
        self._clock = clock
        self._max_gap = max_gap_ms / 1000
        self._held: list[tuple[QObject, int, Qt.KeyboardModifier, str]] = []
        self._last = 0.0
        self._replaying = False
        self._seen: tuple | None = None
        self._timer = QTimer(self, singleShot=True, interval=max_gap_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @property
    def text(self) -> str:
        return "".join(t for _o, _k, _m, t in self._held)

    def _confirmed(self) -> bool:
        return self.text.startswith(PREFIX)

    # -- the filter ------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        kind = event.type()
        if self._replaying or kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        window = self.parent()
        if isinstance(window, QWidget) and isinstance(obj, QWidget) and obj.window() is not window:
            return False   # another window's keys (a closing window's filter lives until deleted)
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.KeyRelease:
            # the releases of held keys go nowhere (their presses are replayed as pairs)
            return bool(self._held) and bool(event.text()) and not event.isAutoRepeat()
        if self._propagated(obj, event):
            return False
        now = self._clock()
        if self._held and now - self._last > self._max_gap:
            self._give_up()
        self._last = now
        key, text = event.key(), event.text()
        if key in ENTER_KEYS:
            if self._confirmed() and len(self.text) > len(PREFIX):
                self._finish()
                return True
            self._release_held()
            return False
        if len(text) != 1 or not text.isprintable() or event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._release_held()
            return False
        candidate = self.text + text
        if PREFIX.startswith(candidate) or candidate.startswith(PREFIX):
            self._held.append((obj, key, event.modifiers(), text))
            self._timer.start()
            return True
        self._release_held()
        return False

    def _propagated(self, obj: QObject, event: QKeyEvent) -> bool:
        """Qt offers an unaccepted key to each parent in turn: count it once."""
        stamp = (event.key(), event.text(), event.timestamp())
        seen, self._seen = self._seen, (obj, stamp)
        if seen is None or seen[1] != stamp or not isinstance(obj, QWidget):
            return False
        child = seen[0]
        # (isAncestorOf is true of the widget itself: "AA" typed twice is two keys)
        return isinstance(child, QWidget) and child is not obj and obj.isAncestorOf(child)

    def _on_timer_timeout(self) -> None:
        self._give_up()

    def _give_up(self) -> None:
        """The burst stopped without Enter: a card if long enough, else a person's keys."""
        if self._confirmed() and len(self.text) >= MIN_CARD_LEN:
            self._finish()
        elif self._confirmed():
            self._held.clear()      # a broken read: never typed into a field
        else:
            self._release_held()

    def _finish(self) -> None:
        text = self.text
        self._held.clear()
        self._timer.stop()
        QTimer.singleShot(0, self, lambda: self.card_scanned.emit(text))

    def _release_held(self) -> None:
        held, self._held = self._held, []
        self._timer.stop()
        self._replaying = True
        try:
            for obj, key, mods, text in held:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    try:
                        QCoreApplication.sendEvent(obj, QKeyEvent(kind, key, mods, text))
                    except RuntimeError:   # the widget went away meanwhile
                        break
        finally:
            self._replaying = False
