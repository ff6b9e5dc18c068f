"""Make the kiosk's four signal sounds (CC0, see LICENSE): python resources/sounds/make_sounds.py

Synthesised from sine tones with soft attacks and decays, so they are the project's own
work (no sample library) and can be remade or tuned. 22 050 Hz, 16-bit mono WAV, peaks
at -6 dBFS: the Speaker's volume steps (kiosk/audio/speech.py) then set the level.

- card_read: a short bright two-note "ding" (the card was seen).
- done: a rising three-note chime (welcome, saved, checked in).
- refused: two low falling notes (card not recognised).
- error: a low double buzz (something went wrong).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

RATE = 22050
PEAK = 10 ** (-6 / 20)


def tone(freq: float, seconds: float, *, decay: float = 6.0, harmonics: tuple[float, ...] = (1.0,)) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    wave = sum(a * np.sin(2 * np.pi * freq * (i + 1) * t) for i, a in enumerate(harmonics))
    attack = np.minimum(1.0, t / 0.008)                 # 8 ms: no click
    envelope = attack * np.exp(-decay * t)
    return wave * envelope


def gap(seconds: float) -> np.ndarray:
    return np.zeros(int(RATE * seconds))


def normalise(x: np.ndarray) -> np.ndarray:
    return (x / np.max(np.abs(x)) * PEAK * 32767).astype("<i2")


SOUNDS = {
    "card_read": lambda: np.concatenate([tone(1318.5, 0.09, decay=20), tone(1760.0, 0.16, decay=14)]),
    "done": lambda: np.concatenate([tone(523.3, 0.12, decay=9), tone(659.3, 0.12, decay=9),
                                    tone(784.0, 0.30, decay=6)]),
    "refused": lambda: np.concatenate([tone(392.0, 0.20, decay=5, harmonics=(1.0, 0.0, 0.3)), gap(0.03),
                                       tone(311.1, 0.32, decay=4, harmonics=(1.0, 0.0, 0.3))]),
    "error": lambda: np.concatenate([tone(220.0, 0.16, decay=3, harmonics=(1.0, 0.5, 0.3)), gap(0.06),
                                     tone(220.0, 0.22, decay=3, harmonics=(1.0, 0.5, 0.3))]),
}


def main(folder: Path) -> None:
    import wave
    for name, make in SOUNDS.items():
        with wave.open(str(folder / f"{name}.wav"), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(normalise(make()).tobytes())
        print(folder / f"{name}.wav")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
