"""A kiosk's health report (``POST /v1/devices/health``): what IT needs to see on the
fleet page, and nothing personal. The kiosk builds it (kiosk/sync/health.py) and sends it
after a sync cycle, at most every ``HEARTBEAT_S``; the server keeps the latest per kiosk
and judges it (central/fleet_health.py). The answer carries the server's clock, from
which the kiosk measures its own offset for the next report."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from kiosk.protocol.wire import _Strict

HEARTBEAT_S = 60.0

CameraState = Literal["ok", "absent", "error", "unknown"]
PartState = Literal["ok", "absent", "error", "unknown"]


class HealthReport(_Strict):  # unknown fields and NUL characters refused

    version: str = Field(max_length=40)
    uptime_s: float = Field(ge=0)
    camera: CameraState = "unknown"
    camera_fps: float = Field(default=0.0, ge=0, le=240)
    printer: PartState = "unknown"
    speech: PartState = "unknown"
    disk_free_bytes: int = Field(ge=0)
    integrity_ok: bool | None = None          # the last daily integrity check (None: not run yet)
    integrity_checked_at: str = Field(default="", max_length=40)
    last_sync_ok_at: str = Field(default="", max_length=40)
    outbox_pending: int = Field(ge=0)
    outbox_oldest_age_s: float = Field(default=0.0, ge=0)
    clock_offset_s: float | None = Field(default=None, ge=-10 ** 9, le=10 ** 9)  # server minus kiosk
    watchdog_restarts: int = Field(default=0, ge=0)
    last_crash_at: str = Field(default="", max_length=40)


class HealthAnswer(BaseModel):
    server_time: float          # seconds since the epoch, when the server answered
    # IT asked for a picture of the attract screen (kiosk/protocol/screenshot.py): the
    # request's id, "" when none is pending. An older kiosk ignores the field.
    screenshot_request: str = Field(default="", max_length=64)
