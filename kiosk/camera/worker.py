"""The camera thread: frames in, confirmed card texts and preview images out.

Job: read a :class:`~kiosk.camera.sources.FrameSource`, decode QR codes at a bounded
rate, confirm a code over consecutive frames and tell the GUI through signals:
``card_read(str)``, ``preview_frame(QImage)``, ``camera_state_changed(str)`` ("ok" or
"unavailable") and ``source_ended()`` (a file source gave all its frames).

Constraints (STYLE.md rule 4, ARCHITECTURE.md "Threads"):
- Newest frame wins. A grabber thread reads the source as fast as it delivers and keeps
  only the latest frame in a one-place :class:`FrameSlot`; the worker's loop takes it,
  so a slow decode never makes the kiosk react to the past. Sources that are not live
  (unpaced files, tests) hand over every frame instead, so results are exact.
- Decoding runs at most ``max_decode_hz`` times a second on a grayscale copy; the
  preview keeps the camera's pace up to ``max_preview_hz``.
- Frames are read by one ``kiosk.camera.reader.CardReader`` (engines, then rescues where
  a code was located, tracked over the frames); a code is accepted after
  ``confirmations`` identical reads with at most ``max_gap`` unread frames between them
  (Electrum's ``QrReaderValidatorCounted``), and a card held in view is reported once: it is
  reported again only after ``forget_after`` decoded frames without it.
- Only copies cross threads: the preview is a downscaled ``QImage`` owning its pixels.
- A missing or unplugged camera is reported ("unavailable") and reopened every
  ``retry_interval_s`` seconds, so it comes back without restarting the kiosk.
- ``stop()`` is idempotent and joins the thread.
This is the only camera module that imports PySide6.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from typing import TYPE_CHECKING, Callable, Sequence

import cv2
import numpy as np
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QImage

from kiosk.camera import decoder
from kiosk.camera.capture import source_from_config
from kiosk.camera.reader import CardReader
from kiosk.camera.sources import FrameSource, SourceEnded
from kiosk.domain.parts import BOARD, PartsBoard

if TYPE_CHECKING:
    from kiosk.config import Config

log = logging.getLogger(__name__)

STATE_OK = "ok"
STATE_UNAVAILABLE = "unavailable"


class FrameSlot:
    """One place for the newest frame, plus the queue of camera state changes.

    ``put(wait=False)`` replaces an untaken frame (counted in ``dropped``);
    ``put(wait=True)`` waits until the previous frame was taken (lossless sources)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._frame: np.ndarray | None = None
        self._states: deque[str] = deque()
        self._ended = False
        self._closed = False
        self.dropped = 0

    def put(self, frame: np.ndarray, *, wait: bool) -> bool:
        with self._cond:
            if wait:
                self._cond.wait_for(lambda: self._frame is None or self._closed)
            if self._closed:
                return False
            if self._frame is not None:
                self.dropped += 1
            self._frame = frame
            self._cond.notify_all()
            return True

    def push_state(self, state: str) -> None:
        with self._cond:
            self._states.append(state)
            self._cond.notify_all()

    def end(self) -> None:
        with self._cond:
            self._ended = True
            self._cond.notify_all()

    def close(self) -> None:
        """Wake and release everyone: the worker is stopping."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def take(self, timeout: float) -> tuple[np.ndarray | None, list[str], bool]:
        """(newest frame or None, state changes in order, source ended and drained)."""
        with self._cond:
            self._cond.wait_for(lambda: self._frame is not None or self._states or self._ended or self._closed,
                                timeout)
            frame, self._frame = self._frame, None
            states = list(self._states)
            self._states.clear()
            self._cond.notify_all()
            return frame, states, self._ended and frame is None


class ReadConfirmer:
    """Turns per-frame decode results into card events (Qt-free, unit-testable).

    ``max_gap`` decoded frames without any read may fall between two identical reads
    of a streak (a card in motion is read on one frame in two); a different text always
    starts the streak again, so two codes alternating are never confirmed."""

    def __init__(self, confirmations: int = 2, forget_after: int = 5, max_gap: int = 0) -> None:
        self.confirmations, self.forget_after = max(1, confirmations), max(1, forget_after)
        self.max_gap = max(0, max_gap)
        self._candidate: str | None = None
        self._streak = 0
        self._gap = 0
        self._shown: str | None = None  # the card already reported and still in view
        self._absent = 0

    def feed(self, texts: Sequence[str]) -> str | None:
        """The text to report for this frame's reads, or ``None``."""
        # Two codes in view (two cards): the smallest text, so the choice is stable.
        text = min(texts) if texts else None
        if text is not None and text == self._shown:
            self._absent = 0
        elif self._shown is not None:
            self._absent += 1
            if self._absent >= self.forget_after:
                self._shown = None  # the card left the view: it may be reported again
        if text is None:
            self._gap += 1
            if self._gap > self.max_gap:
                self._candidate, self._streak = None, 0
            return None
        self._streak = self._streak + 1 if text == self._candidate else 1
        self._candidate, self._gap = text, 0
        if self._streak >= self.confirmations and text != self._shown:
            self._shown, self._absent = text, 0
            return text
        return None


def preview_image(frame: np.ndarray, width: int) -> QImage:
    """A downscaled RGB (or grayscale) copy that owns its pixels, safe to send across threads."""
    h, w = frame.shape[:2]
    if w > width:
        frame = cv2.resize(frame, (width, max(1, round(h * width / w))), interpolation=cv2.INTER_AREA)
    if frame.ndim == 2:
        frame = np.ascontiguousarray(frame)
        fmt, bytes_per_line = QImage.Format.Format_Grayscale8, frame.shape[1]
    else:
        frame = np.ascontiguousarray(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB))
        fmt, bytes_per_line = QImage.Format.Format_RGB888, frame.shape[1] * 3
    # .copy(): the QImage constructor only wraps the numpy buffer, which dies with this call.
    return QImage(frame.data, frame.shape[1], frame.shape[0], bytes_per_line, fmt).copy()


class CameraWorker(QThread):
    """Reads cards from one frame source on its own thread. ``start()``, then ``stop()``."""

    card_read = Signal(str)
    preview_frame = Signal(QImage)
    camera_state_changed = Signal(str)
    source_ended = Signal()

    def __init__(self, source: FrameSource, *, decode: Callable[[np.ndarray], list[str]] | None = None,
                 max_decode_hz: float = 15.0, max_preview_hz: float = 15.0, preview_width: int = 480,
                 confirmations: int = 2, forget_after: int = 8, max_gap: int = 1,
                 failures_before_unavailable: int = 10, retry_interval_s: float = 2.0,
                 board: PartsBoard | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("camera")
        self._source = source
        # One CardReader per worker: it tracks the code over this camera's frames (kept
        # state, used on the camera thread only).
        self._decode = decode if decode is not None else CardReader()
        self._decode_interval = 1.0 / max_decode_hz if max_decode_hz > 0 else 0.0
        self._preview_interval = 1.0 / max_preview_hz if max_preview_hz > 0 else 0.0
        self._preview_width = preview_width
        self._confirmer = ReadConfirmer(confirmations, forget_after, max_gap)
        # A camera may drop a frame now and then; only a run of failures means it is gone.
        self._failures_before_unavailable = max(1, failures_before_unavailable)
        self._retry_interval_s = retry_interval_s
        self._slot = FrameSlot()
        self._stop = threading.Event()
        self._state: str | None = None
        self._board = board if board is not None else BOARD   # read by the health report

    @classmethod
    def from_config(cls, config: "Config", parent: QObject | None = None) -> "CameraWorker":
        """The worker on the configured camera, or on ``camera_source`` when set."""
        return cls(source_from_config(config), parent=parent)

    @property
    def dropped_frames(self) -> int:
        """Frames replaced before the worker took them (newest-frame-wins)."""
        return self._slot.dropped

    def request_stop(self) -> None:
        """Ask the thread to finish without waiting (the GUI thread must not block)."""
        self._stop.set()
        self._slot.close()

    def stop(self) -> None:
        """Ask the thread to finish and wait for it. Safe to call twice, or before start().
        A stopped worker does not start again: make a new one."""
        self.request_stop()
        if self.isRunning():
            self.wait()

    # ------------------------------------------------------------- camera thread

    def run(self) -> None:
        if self._stop.is_set():
            return
        grabber = threading.Thread(target=self._grab_loop, name="camera-grab", daemon=True)
        grabber.start()
        try:
            self._process_loop()
        finally:
            self._stop.set()
            self._slot.close()
            # A camera read blocks at most a few seconds (V4L2 select timeout) when unplugged;
            # the grabber is a daemon, so a stuck driver cannot hang the kiosk's exit.
            grabber.join(timeout=5.0)

    def _grab_loop(self) -> None:
        source, opened, failures = self._source, False, 0
        try:
            while not self._stop.is_set():
                if not opened:
                    try:
                        source.open()
                    except Exception as exc:  # SourceUnavailable, or a driver error
                        log.info("camera unavailable: %s", exc)
                        self._slot.push_state(STATE_UNAVAILABLE)
                        self._stop.wait(self._retry_interval_s)
                        continue
                    opened, failures = True, 0
                    self._slot.push_state(STATE_OK)
                try:
                    frame = source.read()
                except SourceEnded:
                    self._slot.end()
                    return
                except Exception as exc:  # an unplugged camera may raise rather than return nothing
                    log.warning("camera read failed: %s", exc)
                    frame = None
                if frame is None:
                    failures += 1
                    if failures >= self._failures_before_unavailable:
                        source.close()
                        opened = False
                        self._slot.push_state(STATE_UNAVAILABLE)
                        self._stop.wait(self._retry_interval_s)
                    continue
                failures = 0
                self._slot.put(frame, wait=not source.live)
        finally:
            source.close()

    def _process_loop(self) -> None:
        next_decode = next_preview = 0.0
        live = self._source.live
        while not self._stop.is_set():
            frame, states, ended = self._slot.take(timeout=0.25)
            for state in states:
                if state != self._state:
                    self._state = state
                    self._board.camera_state(state)
                    self.camera_state_changed.emit(state)
            if ended:
                self.source_ended.emit()
                return
            if frame is None:
                continue
            self._board.camera_frame()
            now = time.monotonic()
            # Unpaced files are decoded frame by frame: there is no real time to keep up with.
            if not live or now >= next_decode:
                next_decode = now + self._decode_interval
                self._decode_frame(frame)
            if now >= next_preview:
                next_preview = now + self._preview_interval
                self.preview_frame.emit(preview_image(frame, self._preview_width))

    def _decode_frame(self, frame: np.ndarray) -> None:
        try:
            texts = self._decode(decoder.to_gray(frame))
        except Exception:  # a decoder bug must not kill the camera thread
            log.exception("decoding a frame failed")
            texts = []
        text = self._confirmer.feed(texts)
        if text is not None:
            # Emitted at once: the GUI shows the next screen from this signal (≤ 150 ms budget).
            self.card_read.emit(text)
