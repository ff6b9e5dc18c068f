"""The Speaker behind "Écouter": say, repeat, stop, volume steps, on its own thread.

Job: turn a screen's text into speech in the screen's language and play it, sentence
by sentence (the first words come after one sentence is synthesised, not the whole
screen), and play the signal sounds through the same queue, so nothing talks over
anything else. ``stop`` is immediate: it kills the synthesis and the player.

Constraints:
- Qt-free. Every call returns at once; the work runs on one daemon thread (espeak-ng
  and the player are processes, so the thread mostly waits on them).
- Volume is a gain applied to the samples, in :data:`VOLUME_STEPS_DB` (5 steps over
  24 dB, EN 301 549 asks for at least 18). ``reset`` (the idle reset) stops and puts
  the volume back to :data:`DEFAULT_STEP`.
- ``on_state(speaking)`` is called from the Speaker's thread: the UI bridges it to the
  GUI thread (kiosk/ui/speech.py).
"""

from __future__ import annotations

import logging
import queue
import re
import subprocess
import threading
from dataclasses import dataclass
from typing import Callable, Protocol

from kiosk.audio.espeak import EspeakNg, SpeechUnavailable
from kiosk.domain.parts import BOARD
from kiosk.audio.pcm import Pcm
from kiosk.audio.player import Player

log = logging.getLogger(__name__)

VOLUME_STEPS_DB = (-24.0, -18.0, -12.0, -6.0, 0.0)
DEFAULT_STEP = 3
PAUSE_S = 0.25                      # between two sentences: the list of choices is easier to follow
_SENTENCE = re.compile(r"(?<=[.!?؟:…])\s+|\n+")


class Synthesizer(Protocol):
    def start(self, lang: str) -> subprocess.Popen: ...


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


@dataclass(frozen=True)
class _Job:
    generation: int
    text: str = ""
    lang: str = "fr"
    sound: Pcm | None = None


class Speaker:
    def __init__(self, player: Player, engine: Synthesizer | None = None,
                 on_state: Callable[[bool], None] | None = None) -> None:
        self.player = player
        self.engine = engine or EspeakNg()
        self.on_state = on_state or (lambda _speaking: None)
        self.step = DEFAULT_STEP
        self.last: tuple[str, str] | None = None
        self._generation = 0
        self._lock = threading.Lock()
        self._synth: subprocess.Popen | None = None
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._speaking = False
        self._thread = threading.Thread(target=self._run, name="kiosk-speech", daemon=True)
        self._thread.start()

    # -- what the UI calls --------------------------------------------------------------
    @property
    def gain_db(self) -> float:
        return VOLUME_STEPS_DB[self.step]

    @property
    def speaking(self) -> bool:
        return self._speaking

    def say(self, text: str, lang: str) -> None:
        """Stop what is said and say ``text`` instead."""
        self.last = (text, lang)
        self._queue.put(_Job(self._interrupt(), text=text, lang=lang))

    def say_after(self, text: str, lang: str) -> None:
        """Say ``text`` once what is queued is said (e.g. after a signal sound)."""
        self.last = (text, lang)
        self._queue.put(_Job(self._generation, text=text, lang=lang))

    def repeat(self) -> None:
        if self.last is not None:
            self.say(*self.last)

    def play(self, sound: Pcm, *, interrupt: bool = True) -> None:
        gen = self._interrupt() if interrupt else self._generation
        self._queue.put(_Job(gen, sound=sound))

    def stop(self) -> None:
        self._interrupt()

    def louder(self) -> bool:
        if self.step + 1 < len(VOLUME_STEPS_DB):
            self.step += 1
            return True
        return False

    def quieter(self) -> bool:
        if self.step > 0:
            self.step -= 1
            return True
        return False

    def reset(self) -> None:
        """The idle reset: silence, and the default volume for the next person."""
        self.stop()
        self.step = DEFAULT_STEP
        self.last = None

    def close(self) -> None:
        self.stop()
        self._queue.put(None)
        self._thread.join(timeout=2)

    def idle(self, timeout_s: float = 10.0) -> bool:
        """Wait until everything queued was said (tests)."""
        done = threading.Event()
        self._queue.put(_Marker(done))  # type: ignore[arg-type]
        return done.wait(timeout_s)

    # -- the thread ------------------------------------------------------------------------
    def _interrupt(self) -> int:
        with self._lock:
            self._generation += 1
            gen = self._generation
            synth = self._synth
        if synth is not None and synth.poll() is None:
            synth.kill()
        self.player.stop()
        return gen

    def _current(self, job: _Job) -> bool:
        return job.generation == self._generation

    def _set_speaking(self, on: bool) -> None:
        if on != self._speaking:
            self._speaking = on
            try:
                self.on_state(on)
            except Exception:  # noqa: BLE001 - a UI callback must not kill the thread
                log.exception("speech state callback failed")

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            if isinstance(job, _Marker):
                if self._queue.empty():
                    self._set_speaking(False)
                job.event.set()
                continue
            if self._current(job) and (job.sound is not None or job.text):
                self._set_speaking(True)
                try:
                    self._do(job)
                    BOARD.part_state("speech", "ok")
                except SpeechUnavailable as exc:
                    log.warning("speech unavailable: %s", exc)
                    BOARD.part_state("speech", "absent")
                except Exception:  # noqa: BLE001 - the next utterance must still work
                    log.exception("speech failed")
                    BOARD.part_state("speech", "error")
            if self._queue.empty():
                self._set_speaking(False)

    def _do(self, job: _Job) -> None:
        if job.sound is not None:
            self.player.play(job.sound.with_gain(self.gain_db))
            return
        for i, sentence in enumerate(sentences(job.text)):
            if not self._current(job):
                return
            pcm = self._synthesize(sentence, job.lang, job)
            if pcm is None or not self._current(job):
                return
            if i:
                pcm = Pcm.silence(pcm.rate, PAUSE_S) + pcm
            self.player.play(pcm.with_gain(self.gain_db))

    def _synthesize(self, text: str, lang: str, job: _Job) -> Pcm | None:
        proc = self.engine.start(lang)
        with self._lock:
            if not self._current(job):
                proc.kill()
            self._synth = proc
        try:
            wav, _ = proc.communicate(text.encode("utf-8"), timeout=20)
        finally:
            with self._lock:
                self._synth = None
        if proc.returncode != 0 or not wav:
            return None  # killed by stop(), or failed
        return Pcm.from_wav(wav)


@dataclass(frozen=True)
class _Marker:
    event: threading.Event
