"""16-bit mono PCM: the one sound format between the synthesiser, the files and the player.

Volume is applied here, in software (a gain in dB on the samples), so what the person
hears and what a test measures are the same numbers whatever the sound card's mixer.
"""

from __future__ import annotations

import io
import math
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class Pcm:
    rate: int                 # samples per second
    samples: np.ndarray       # int16, mono

    @classmethod
    def from_wav(cls, data: bytes | Path) -> "Pcm":
        raw = data.read_bytes() if isinstance(data, Path) else data
        with wave.open(io.BytesIO(raw)) as w:
            if w.getsampwidth() != 2:
                raise ValueError("only 16-bit WAV is supported")
            frames = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
            if w.getnchannels() > 1:  # mix down: the kiosk has one speaker
                frames = frames.reshape(-1, w.getnchannels()).mean(axis=1).astype(np.int16)
            return cls(w.getframerate(), frames.astype(np.int16))

    @classmethod
    def silence(cls, rate: int, seconds: float) -> "Pcm":
        return cls(rate, np.zeros(int(rate * seconds), dtype=np.int16))

    def to_wav(self) -> bytes:
        buf = io.BytesIO()
        with wave.open(buf, "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(self.rate)
            w.writeframes(self.samples.astype("<i2").tobytes())
        return buf.getvalue()

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate if self.rate else 0.0

    def with_gain(self, db: float) -> "Pcm":
        """The same sound ``db`` decibels louder (negative: quieter), clipped to 16 bits."""
        if db == 0:
            return self
        scaled = self.samples.astype(np.float64) * (10 ** (db / 20))
        return Pcm(self.rate, np.clip(np.round(scaled), -32768, 32767).astype(np.int16))

    def level_dbfs(self) -> float:
        """RMS level in dB below full scale (-inf for silence)."""
        if not len(self.samples):
            return -math.inf
        rms = math.sqrt(float(np.mean(self.samples.astype(np.float64) ** 2)))
        return 20 * math.log10(rms / 32768) if rms > 0 else -math.inf

    def __add__(self, other: "Pcm") -> "Pcm":
        if other.rate != self.rate:
            raise ValueError("cannot join sounds of different rates")
        return Pcm(self.rate, np.concatenate([self.samples, other.samples]))
