"""The live camera as a :class:`~kiosk.camera.sources.FrameSource`, camera discovery, and
the choice between the camera and a file source (:func:`source_from_config`).

Job: open the configured camera (config ``camera``: an index such as ``"0"`` or a device
path such as ``/dev/video0``) at ``camera_resolution`` (640×480 by default, 1280×720 as
a setting), asking for MJPG where the camera offers it (a USB 2 camera sends YUYV at
1280×720 at only a few frames a second), and list the cameras present with the sizes
they accept (``kiosk cameras``, ``kiosk doctor``).

Constraints: Qt-free (import-linter contract). A missing or unplugged camera is reported
as :class:`SourceUnavailable` from ``open()`` and as ``None`` from ``read()``; the
worker reopens periodically, so the camera comes back without restarting the kiosk.
"""

from __future__ import annotations

import platform
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import cv2
import numpy as np

from kiosk.camera.sources import FrameSource, SourceUnavailable, file_source

if TYPE_CHECKING:
    from kiosk.config import Config

RESOLUTIONS: tuple[tuple[int, int], ...] = ((640, 480), (1280, 720))
DEFAULT_RESOLUTION = RESOLUTIONS[0]


def parse_resolution(text: str) -> tuple[int, int]:
    """``"640x480"`` → ``(640, 480)``; the config already restricts the allowed values."""
    width, _, height = text.lower().partition("x")
    try:
        return int(width), int(height)
    except ValueError:
        raise ValueError(f"resolution {text!r} is not WIDTHxHEIGHT") from None


def _device_arg(device: str) -> int | str:
    """OpenCV wants an int for an index and a str for a path."""
    return int(device) if device.strip().isdigit() else device


def _backend() -> int:
    # V4L2 directly on Linux: the GStreamer backend, when present, is slower to open and
    # ignores the FOURCC request. Elsewhere let OpenCV choose (MSMF/DirectShow, AVFoundation).
    return cv2.CAP_V4L2 if sys.platform.startswith("linux") else cv2.CAP_ANY


def _fourcc_text(value: float) -> str:
    code = int(value)
    return "".join(chr((code >> (8 * i)) & 0xFF) for i in range(4)).strip("\x00") or "?"


@contextmanager
def _quiet_opencv() -> Iterator[None]:
    """OpenCV prints a warning for every failed open; the worker retries every few
    seconds while a camera is unplugged, which would flood the log."""
    log = cv2.utils.logging
    previous = log.getLogLevel()
    log.setLogLevel(log.LOG_LEVEL_ERROR)
    try:
        yield
    finally:
        log.setLogLevel(previous)


class CameraSource:
    """An OpenCV ``VideoCapture`` on one camera."""

    live = True

    def __init__(self, device: str = "0", resolution: tuple[int, int] = DEFAULT_RESOLUTION) -> None:
        self.device, self.resolution = device, resolution
        self.description = f"camera {device}"
        self.actual_resolution: tuple[int, int] | None = None
        self.fourcc: str | None = None
        self._cap: cv2.VideoCapture | None = None

    def open(self) -> None:
        with _quiet_opencv():
            cap = cv2.VideoCapture(_device_arg(self.device), _backend())
        if not cap.isOpened():
            cap.release()
            raise SourceUnavailable(f"cannot open {self.description}")
        # FOURCC before the size: some drivers only offer the larger sizes in MJPG.
        cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter_fourcc(*"MJPG"))
        width, height = self.resolution
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        # One buffered frame: with the default four, a slow decode would see the past.
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        ok, frame = cap.read()
        if not ok or frame is None:  # e.g. a V4L2 metadata node, or a camera in use
            cap.release()
            raise SourceUnavailable(f"{self.description} gives no frames")
        self.actual_resolution = (frame.shape[1], frame.shape[0])
        self.fourcc = _fourcc_text(cap.get(cv2.CAP_PROP_FOURCC))
        self._cap = cap

    def read(self) -> np.ndarray | None:
        if self._cap is None:
            return None
        ok, frame = self._cap.read()
        return frame if ok else None  # unplugged: read fails; the worker counts and reopens

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


@dataclass
class CameraInfo:
    device: str
    name: str
    resolutions: list[str] = field(default_factory=list)
    fourcc: str = ""


def _candidate_devices() -> list[str]:
    if sys.platform.startswith("linux"):
        nodes = sorted(Path("/dev").glob("video*"), key=lambda p: (len(p.name), p.name))
        return [str(p) for p in nodes]
    return [str(i) for i in range(5)]  # Windows/macOS have no device nodes to list


def _device_name(device: str) -> str:
    sys_name = Path("/sys/class/video4linux") / Path(device).name / "name"
    try:
        return sys_name.read_text(encoding="utf-8").strip()
    except OSError:
        return platform.system() + " camera"


def probe_camera(device: str) -> CameraInfo | None:
    """The sizes among :data:`RESOLUTIONS` a camera delivers, or ``None`` if it gives no
    frame (absent, busy, or not a capture node)."""
    info = CameraInfo(device, _device_name(device))
    for size in RESOLUTIONS:
        source = CameraSource(device, size)
        try:
            source.open()
        except SourceUnavailable:
            return None if not info.resolutions else info
        actual = source.actual_resolution
        info.fourcc = source.fourcc or ""
        source.close()
        if actual == size:
            info.resolutions.append(f"{size[0]}x{size[1]}")
    return info


def list_cameras() -> list[CameraInfo]:
    """Cameras that deliver frames, with the supported sizes among 640x480 and 1280x720."""
    return [info for dev in _candidate_devices() if (info := probe_camera(dev)) is not None]


def source_from_config(config: "Config") -> FrameSource:
    """The configured source: ``camera_source`` if set (played at camera speed, looping,
    for demos), else the camera ``camera`` at ``camera_resolution``."""
    if config.camera_source:
        return file_source(config.camera_source, fps=15.0, loop=True)
    return CameraSource(config.camera, parse_resolution(config.camera_resolution))
