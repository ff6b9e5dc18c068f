"""Where the sound goes: the speaker (ALSA, through ``aplay``), WAV files, or nowhere.

:func:`player_for` reads the ``audio_device`` setting: an ALSA device name ("default"
goes through PipeWire or PulseAudio when the session has one), ``none`` for silence, or
``wav:DIR`` to write every sound played into DIR (tests, and IT staff checking what the
kiosk said without a speaker).

``play`` never blocks the caller for the length of the sound: :class:`AlsaPlayer` feeds
``aplay``'s stdin from the calling thread (the Speaker's own thread) and ``stop`` kills
it at once. ``aplay`` comes with ``alsa-utils`` (Debian), a light player: PySide6-
Essentials has no Qt Multimedia.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Protocol

from kiosk.audio.pcm import Pcm


class Player(Protocol):
    name: str

    def play(self, pcm: Pcm) -> bool:
        """Play to the end (or until :meth:`stop`); True if it played to the end."""

    def stop(self) -> None:
        """Stop what is playing, now. Safe to call from any thread."""


class SilentPlayer:
    name = "none"

    def play(self, pcm: Pcm) -> bool:  # noqa: ARG002
        return True

    def stop(self) -> None:
        pass


class WavRecorder:
    """Keeps every sound played, and writes it to ``folder`` when given (``wav:DIR``)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.name = f"wav:{folder}" if folder else "memory"
        self.folder = folder
        self.played: list[Pcm] = []
        self.stopped = 0
        self._lock = threading.Lock()

    def play(self, pcm: Pcm) -> bool:
        with self._lock:
            self.played.append(pcm)
            n = len(self.played)
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / f"{n:04d}.wav").write_bytes(pcm.to_wav())
        return True

    def stop(self) -> None:
        self.stopped += 1


class AlsaPlayer:
    """``aplay`` on an ALSA device; one sound at a time."""

    def __init__(self, device: str = "default", executable: str = "aplay") -> None:
        self.name = f"alsa:{device}"
        self.device = device
        self.executable = executable
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def available(self) -> bool:
        return shutil.which(self.executable) is not None

    def play(self, pcm: Pcm) -> bool:
        exe = shutil.which(self.executable)
        if exe is None:
            return False
        cmd = [exe, "-q", "-D", self.device, "-t", "raw", "-f", "S16_LE", "-c", "1", "-r", str(pcm.rate), "-"]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.DEVNULL)
        with self._lock:
            self._proc = proc
        try:
            assert proc.stdin is not None
            proc.stdin.write(pcm.samples.astype("<i2").tobytes())
            proc.stdin.close()
        except (BrokenPipeError, OSError):  # stopped (killed) while we were writing
            pass
        code = proc.wait()
        with self._lock:
            if self._proc is proc:
                self._proc = None
        return code == 0

    def stop(self) -> None:
        with self._lock:
            proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.kill()


def player_for(device: str) -> Player:
    """The player the ``audio_device`` setting names (see the module docstring)."""
    if device in ("", "none"):
        return SilentPlayer()
    if device.startswith("wav:"):
        return WavRecorder(Path(device[4:]).expanduser())
    return AlsaPlayer(device)


def wait_until(predicate, timeout_s: float = 5.0) -> bool:  # noqa: ANN001 - tests and doctor
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()
