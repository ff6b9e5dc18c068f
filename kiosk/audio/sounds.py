"""The four signal sounds: card read, refused, done, error.

Files ``resources/sounds/<name>.wav`` (CC0, made for the project by
``resources/sounds/make_sounds.py``; see ``resources/sounds/LICENSE``). They are
loaded once and played through the same :class:`~kiosk.audio.speech.Speaker` as speech,
so a sound and a sentence never talk over each other.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.audio.pcm import Pcm

SOUNDS = ("card_read", "refused", "done", "error")


def load_sounds(folder: Path) -> dict[str, Pcm]:
    """Every signal sound found in ``folder`` (a missing file is a missing sound, not a crash)."""
    found = {}
    for name in SOUNDS:
        path = folder / f"{name}.wav"
        if path.exists():
            found[name] = Pcm.from_wav(path)
    return found
