"""Idle detection and the "Besoin de plus de temps ?" countdown overlay.

:class:`IdleWatcher` is an application-wide event filter: any touch, click, key or
wheel restarts its timer. After ``timeout_s`` without activity it emits ``idle_reached``;
the window then shows :class:`IdleOverlay`, which counts ``countdown_s`` seconds down and
emits ``expired`` (go home and forget) or ``dismissed`` (the person is still there).
Both durations are injectable (seconds as floats) so tests run in milliseconds.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

ACTIVITY_EVENTS = {
    QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress, QEvent.Type.Wheel, QEvent.Type.InputMethod,
}


class IdleWatcher(QObject):
    idle_reached = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle_reached)
        self.set_timeout(timeout_s)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._timer.start()

    def set_timeout(self, timeout_s: float) -> None:
        self._timer.setInterval(max(1, int(timeout_s * 1000)))

    def restart(self) -> None:
        self._timer.start()

    def pause(self) -> None:
        self._timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self._timer.start()
        return False

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()


class IdleOverlay(QWidget):
    """Dims the screen; big question, big button, a seconds counter."""

    dismissed = Signal()
    expired = Signal()
    started = Signal()

    def __init__(self, countdown_s: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._countdown_s = countdown_s
        self._remaining = 0
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._on_tick_timeout)
        card = QFrame(self)
        card.setProperty("role", "overlay_card")
        card.setMaximumWidth(900)
        self._card = card
        self._question = QLabel()
        self._question.setProperty("role", "hero")
        self._question.setWordWrap(True)
        self._question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._seconds = QLabel()
        self._seconds.setProperty("role", "title")
        self._seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._button = QPushButton()
        self._button.setObjectName("idle_continue")
        self._button.setProperty("role", "overlay_button")
        self._button.setMinimumHeight(140)
        self._button.clicked.connect(self._on_button_clicked)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 48, 48, 48)
        inner.setSpacing(32)
        inner.addWidget(self._question)
        inner.addWidget(self._seconds)
        inner.addWidget(self._button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 60, 60, 60)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.hide()
        self.retranslate()

    def set_countdown(self, seconds: float) -> None:
        self._countdown_s = seconds

    @property
    def remaining(self) -> int:
        return self._remaining

    def start(self) -> None:
        self._remaining = max(1, math.ceil(self._countdown_s))
        # One tick a second; a sub-second countdown (tests) ticks faster.
        self._tick.setInterval(max(1, int(1000 * self._countdown_s / self._remaining)))
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
            # A fixed width: the wrapped question then gets the height of the lines it
            # really has (left to its size hint it was cut at the top and bottom, defect 4).
            self._card.setFixedWidth(max(320, min(900, parent.width() - 120)))
        self.retranslate()
        inner = self._card.width() - 96   # the card's margins
        for lab in (self._question, self._seconds):
            lab.setMinimumHeight(lab.heightForWidth(inner))
        self.show()
        self.raise_()
        self._tick.start()
        self.started.emit()

    def spoken_text(self) -> str:
        return "\n".join((self._question.text(), self._seconds.text(), self._button.text()))

    def stop(self) -> None:
        self._tick.stop()
        self.hide()

    def _on_tick_timeout(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self.stop()
            self.expired.emit()
        else:
            self._seconds.setText(self._seconds_text())

    def _on_button_clicked(self) -> None:
        self.stop()
        self.dismissed.emit()

    def mousePressEvent(self, event) -> None:  # a touch anywhere also means "still here"
        self._on_button_clicked()

    def _seconds_text(self) -> str:
        return self.tr("Retour à l'accueil dans {seconds} s").format(seconds=self._remaining)

    def retranslate(self) -> None:
        self._question.setText(self.tr("Besoin de plus de temps ?"))
        self._button.setText(self.tr("Oui, je continue"))
        self._button.setAccessibleName(self.tr("Oui, je continue"))
        self._seconds.setText(self._seconds_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        # Nearly opaque: behind the countdown, the phone number or name being typed must
        # not stay readable for the next person in the queue (defect 4).
        p.fillRect(self.rect(), QColor(0, 0, 0, 242))
