"""Helpers of the camera tests: rendered card frames, videos, the QR development set path."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import cv2
import numpy as np
import segno


_REPO = Path(__file__).resolve().parents[2]
# shared/ sits beside the checkout (CI, the main clone) or beside a folder of worktrees.
QR_DEV = next((p / "shared/data/qr-dev" for p in _REPO.parents if (p / "shared/data/qr-dev").is_dir()),
              _REPO.parent / "shared/data/qr-dev")


def card_frame(text: str | None, size: tuple[int, int] = (640, 480), *, scale: int = 5,
               angle: float = 0.0) -> np.ndarray:
    """A BGR camera-like frame: grey background, the card's QR (or nothing) in the middle."""
    w, h = size
    frame = np.full((h, w), 120, np.uint8)
    cv2.circle(frame, (w // 5, h // 4), h // 8, 60, -1)  # some scenery, so it is not a blank page
    if text is not None:
        qr = segno.make_qr(text, error="m")
        modules = np.array([list(r) for r in qr.matrix], dtype=np.uint8)
        code = np.pad(np.where(modules > 0, 15, 240).astype(np.uint8), 4, constant_values=240)
        code = cv2.resize(code, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
        ch, cw = code.shape
        y, x = (h - ch) // 2, (w - cw) // 2
        frame[y:y + ch, x:x + cw] = code
        if angle:
            m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
            frame = cv2.warpAffine(frame, m, (w, h), borderValue=120)
    return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)


def write_video(path: Path, frames: Iterable[np.ndarray], fps: float = 15.0) -> Path:
    frames = list(frames)
    h, w = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (w, h))
    assert writer.isOpened(), "OpenCV cannot write MJPG .avi here"
    for f in frames:
        writer.write(f)
    writer.release()
    return path
