"""What Chromium's fake camera shows: a printed page (PDF from the kiosk) as a Y4M video.

``pdf_to_png`` renders the kiosk's PDF with Debian's pdftoppm, as a person would print
it; ``y4m_of`` lays the picture on a grey table in a 1280×720 frame, slightly turned
as a hand holds it, and writes a few frames of YUV 4:2:0 (Chromium loops the file).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import cv2
import numpy as np

W, H = 1280, 720


def pdf_to_png(pdf: Path, out_stem: Path, dpi: int = 200) -> Path:
    exe = shutil.which("pdftoppm")
    assert exe, "pdftoppm (poppler-utils) renders the kiosk's PDF: apt-get install poppler-utils"
    subprocess.run([exe, "-r", str(dpi), "-png", "-singlefile", str(pdf), str(out_stem)], check=True)
    return out_stem.with_suffix(".png")


def frame_of(picture: np.ndarray, *, width_share: float = 0.62, angle: float = 4.0) -> np.ndarray:
    """The picture held in front of the camera: scaled to a share of the frame's width, turned a little."""
    h, w = picture.shape[:2]
    scale = min(W * width_share / w, H * 0.92 / h)
    small = cv2.resize(picture, (int(w * scale), int(h * scale)), interpolation=cv2.INTER_AREA)
    frame = np.full((H, W, 3), (118, 124, 126), np.uint8)
    y, x = (H - small.shape[0]) // 2, (W - small.shape[1]) // 2
    frame[y:y + small.shape[0], x:x + small.shape[1]] = small
    turn = cv2.getRotationMatrix2D((W / 2, H / 2), angle, 1.0)
    return cv2.warpAffine(frame, turn, (W, H), borderValue=(118, 124, 126))


def y4m_of(picture_path: Path, out: Path, frames: int = 6, **kw: float) -> Path:
    picture = cv2.imread(str(picture_path), cv2.IMREAD_COLOR)
    assert picture is not None, picture_path
    yuv = cv2.cvtColor(frame_of(picture, **kw), cv2.COLOR_BGR2YUV_I420)
    with open(out, "wb") as f:
        f.write(f"YUV4MPEG2 W{W} H{H} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            f.write(b"FRAME\n")
            f.write(yuv.tobytes())
    return out
