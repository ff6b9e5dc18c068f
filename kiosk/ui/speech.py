"""The GUI side of speech: "Écouter" mode, what is touched, and the bridge to the Speaker.

:class:`SpeechController` owns the Qt-free :class:`~kiosk.audio.speech.Speaker`. When a
person touches "Écouter" the mode is on: the current screen is read (title, main text,
choices: :mod:`kiosk.ui.spoken`), each new screen is read when it opens, and each
control touched says its name. "Arrêter" ends the mode; the idle reset ends it too and
puts the volume back to the default.

Constraints: the Speaker calls back from its own thread; ``_speaker_state`` is a
signal, so the state crosses to the GUI thread queued. The touch filter only reads
widget names and queues speech: it calls no service.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from kiosk.audio.sounds import load_sounds
from kiosk.audio.speech import VOLUME_STEPS_DB, Speaker
from kiosk.ui.resources import resources_dir
from kiosk.ui.spoken import control_name

log = logging.getLogger(__name__)


class SpeechController(QObject):
    mode_changed = Signal(bool)       # "Écouter" mode on or off
    speaking_changed = Signal(bool)
    volume_changed = Signal(int)      # step index
    _speaker_state = Signal(bool)     # from the Speaker's thread

    def __init__(self, speaker: Speaker, language: Callable[[], str], window: QWidget,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.speaker = speaker
        self._language = language
        self._window = window
        self._mode = False
        self._sounds = load_sounds(resources_dir() / "sounds")
        self._speaker_state.connect(self._on_speaker_state, Qt.ConnectionType.QueuedConnection)
        speaker.on_state = self._speaker_state.emit
        self.ignored: set[QWidget] = set()   # controls of the speech bar itself

    # -- state -----------------------------------------------------------------------------
    @property
    def mode(self) -> bool:
        return self._mode

    @property
    def step(self) -> int:
        return self.speaker.step

    @property
    def steps(self) -> int:
        return len(VOLUME_STEPS_DB)

    def _set_mode(self, on: bool) -> None:
        if on == self._mode:
            return
        self._mode = on
        app = QApplication.instance()
        if app is not None:
            (app.installEventFilter if on else app.removeEventFilter)(self)
        self.mode_changed.emit(on)

    # -- actions -----------------------------------------------------------------------------
    def listen(self, text: str) -> None:
        """"Écouter": the mode is on, and ``text`` (the screen) is read."""
        self._set_mode(True)
        self.say(text)

    def say(self, text: str) -> None:
        if text:
            self.speaker.say(text, self._language())

    def say_if_listening(self, text: str) -> None:
        if self._mode:
            self.say(text)

    def repeat(self) -> None:
        self.speaker.repeat()

    def stop(self) -> None:
        self.speaker.stop()
        self._set_mode(False)

    def louder(self) -> None:
        if self.speaker.louder():
            self.volume_changed.emit(self.speaker.step)
        self._sample()

    def quieter(self) -> None:
        if self.speaker.quieter():
            self.volume_changed.emit(self.speaker.step)
        self._sample()

    def _sample(self) -> None:
        # One can only judge a volume by hearing it: a short sound at the new level.
        sound = self._sounds.get("card_read")
        if sound is not None:
            self.speaker.play(sound)

    def sound(self, name: str, then_say: str = "") -> None:
        """A signal sound (card read, refused, done, error), then ``then_say`` if listening."""
        pcm = self._sounds.get(name)
        if pcm is not None:
            self.speaker.play(pcm)
        if then_say and self._mode:
            self.speaker.say_after(then_say, self._language())

    def reset(self) -> None:
        """The idle reset: silence, mode off, default volume."""
        self.speaker.reset()
        self._set_mode(False)
        self.volume_changed.emit(self.speaker.step)

    def close(self) -> None:
        self._set_mode(False)
        self.speaker.close()

    # -- what is touched -------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(obj, QWidget):
            target = obj
            while target is not None and not isinstance(target, (QAbstractButton, QLineEdit)):
                target = target.parentWidget()
            if target is not None and target.window() is self._window and target not in self.ignored:
                name = control_name(target)
                if name:
                    # after the click has been handled: a toggle then says its new state
                    QTimer.singleShot(0, self, lambda t=target: self._say_touched(t))
        return False

    def _say_touched(self, target: QWidget) -> None:
        try:
            name = control_name(target)
        except RuntimeError:  # the control went away with its screen
            return
        if self._mode and name:
            self.say(name)

    def _on_speaker_state(self, speaking: bool) -> None:
        self.speaking_changed.emit(speaking)
