"""Where camera frames come from: the :class:`FrameSource` protocol and file sources.

Job: one interface for the live camera (``capture.CameraSource``), a video file and a
folder of images, so the worker, the tests, the demo and ``kiosk --camera-source PATH``
(config key ``camera_source``) all run the same reading code.

Contract of a source (the worker relies on it):
- ``open()`` raises :class:`SourceUnavailable` when the device or file cannot be opened;
- ``read()`` returns a BGR or grayscale ``uint8`` frame, or ``None`` when no frame came
  (a camera glitch or an unplugged camera: the worker counts these and reopens);
- ``read()`` raises :class:`SourceEnded` when a finite source has no more frames;
- ``live`` is True when frames arrive in real time whether or not they are read (a
  camera): the worker then keeps only the newest frame. A file source is not live
  unless paced (``fps``): every frame is then processed, which keeps tests exact.

No Qt here. Blocking calls are fine: sources are read on the camera thread only.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Protocol, runtime_checkable

import cv2
import numpy as np

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp")


class SourceUnavailable(OSError):
    """The camera or file cannot be opened or stopped giving frames."""


class SourceEnded(Exception):
    """A finite source (file, folder) has given all its frames."""


@runtime_checkable
class FrameSource(Protocol):
    live: bool
    description: str

    def open(self) -> None: ...

    def read(self) -> np.ndarray | None: ...

    def close(self) -> None: ...


class _Pacer:
    """Sleeps so that a file plays at ``fps`` (demos); ``None`` means as fast as read."""

    def __init__(self, fps: float | None) -> None:
        self.interval = 1.0 / fps if fps else 0.0
        self._next = 0.0

    def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        if self._next > now:
            time.sleep(self._next - now)
        self._next = max(now, self._next) + self.interval


class VideoFileSource:
    """Frames of a video file (any container OpenCV's FFmpeg reads; MJPG .avi in tests)."""

    def __init__(self, path: str | Path, *, fps: float | None = None, loop: bool = False) -> None:
        self.path, self.loop = Path(path), loop
        self.live = fps is not None  # paced playback behaves like a camera: frames can be dropped
        self.description = f"video file {self.path}"
        self._pacer = _Pacer(fps)
        self._cap: cv2.VideoCapture | None = None

    def open(self) -> None:
        cap = cv2.VideoCapture(str(self.path))
        if not cap.isOpened():
            cap.release()
            raise SourceUnavailable(f"cannot open {self.description}")
        self._cap = cap

    def read(self) -> np.ndarray | None:
        if self._cap is None:
            return None
        self._pacer.wait()
        ok, frame = self._cap.read()
        if not ok:
            if not self.loop:
                raise SourceEnded(self.description)
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = self._cap.read()
            if not ok:
                raise SourceEnded(self.description)
        return frame

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


class ImageFolderSource:
    """The images of a folder in name order, each repeated ``frames_per_image`` times
    (a card held up to a camera is seen on many frames; the worker confirms a code on
    two consecutive reads)."""

    def __init__(self, path: str | Path, *, frames_per_image: int = 5, fps: float | None = None,
                 loop: bool = False) -> None:
        self.path, self.loop = Path(path), loop
        self.frames_per_image = max(1, frames_per_image)
        self.live = fps is not None
        self.description = f"image folder {self.path}"
        self._pacer = _Pacer(fps)
        self._files: list[Path] = []
        self._index = 0
        self._current: np.ndarray | None = None
        self._shown = 0

    def open(self) -> None:
        if not self.path.is_dir():
            raise SourceUnavailable(f"cannot open {self.description}: not a folder")
        self._files = sorted(p for p in self.path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        if not self._files:
            raise SourceUnavailable(f"cannot open {self.description}: no images ({', '.join(IMAGE_SUFFIXES)})")
        self._index, self._current, self._shown = 0, None, 0

    def read(self) -> np.ndarray | None:
        if not self._files:
            return None
        self._pacer.wait()
        while self._current is None or self._shown >= self.frames_per_image:
            if self._index >= len(self._files):
                if not self.loop:
                    raise SourceEnded(self.description)
                self._index = 0
            image = cv2.imread(str(self._files[self._index]), cv2.IMREAD_COLOR)
            self._index += 1
            if image is not None:  # an unreadable file is skipped, not fatal
                self._current, self._shown = image, 0
        self._shown += 1
        return self._current.copy()  # the worker owns each frame it gets

    def close(self) -> None:
        self._files, self._current = [], None


def file_source(path: str | Path, *, fps: float | None = None, loop: bool = False) -> FrameSource:
    """A folder of images or a video file, by what ``path`` is."""
    p = Path(path)
    if p.is_dir():
        return ImageFolderSource(p, fps=fps, loop=loop)
    return VideoFileSource(p, fps=fps, loop=loop)
