"""The state of the kiosk's parts (camera, printer, speech) for the health report.

Written from whichever thread owns a part (the camera worker's thread, the GUI thread
for the printer and speech) and read on the sync thread by the health collector
(kiosk/sync/health.py), so every access holds a lock. Plain Python: no Qt, no store.
``BOARD`` is the process's one board; tests make their own.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Any, Callable

# The camera worker says "ok" or "unavailable"; the health report says "ok"/"error"/...
_CAMERA_STATES = {"ok": "ok", "unavailable": "error", "absent": "absent", "error": "error"}
_PART_STATES = {"ok", "absent", "error", "unknown"}
_FPS_WINDOW_S = 5.0


class PartsBoard:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._lock = threading.Lock()
        self._clock = clock
        self._states: dict[str, str] = {}
        self._frames: deque[float] = deque()

    def camera_state(self, state: str) -> None:
        with self._lock:
            self._states["camera"] = _CAMERA_STATES.get(state, "unknown")
            if self._states["camera"] != "ok":
                self._frames.clear()

    def camera_frame(self) -> None:
        """One frame processed (frames per second over the last few seconds)."""
        now = self._clock()
        with self._lock:
            self._frames.append(now)
            while self._frames and now - self._frames[0] > _FPS_WINDOW_S:
                self._frames.popleft()

    def part_state(self, part: str, state: str) -> None:
        """``part`` is "printer" or "speech"."""
        if part not in ("printer", "speech"):
            raise ValueError(part)
        with self._lock:
            self._states[part] = state if state in _PART_STATES else "unknown"

    def snapshot(self) -> dict[str, Any]:
        """The HealthReport fields known so far (camera, camera_fps, printer, speech)."""
        now = self._clock()
        with self._lock:
            out: dict[str, Any] = dict(self._states)
            recent = [t for t in self._frames if now - t <= _FPS_WINDOW_S]
            if "camera" in out:
                fps = len(recent) / _FPS_WINDOW_S if out["camera"] == "ok" else 0.0
                out["camera_fps"] = round(min(fps, 240.0), 1)
        return out


BOARD = PartsBoard()
