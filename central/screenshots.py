"""IT's screenshot of a kiosk's attract screen (kiosk/protocol/screenshot.py).

One row a kiosk in ``device_screenshots``: IT's pending request (its id, when, who) and
the latest picture received. The health answer carries the pending request to the kiosk
(:func:`pending_request`, given up after ``WAIT_S``); the kiosk's upload
(central/screenshot_api.py) is decoded and re-encoded here as JPEG, at most
``MAX_SIDE`` px a side (whatever else the file carried is dropped, as for the partner
logos), stored and the request cleared. Only the upload answering the pending request
of the sending kiosk is taken.
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from central import audit
from central.images import ImageRefused, decode_checked
from central.db import device_screenshots as shots
from kiosk.protocol.screenshot import MAX_BYTES, MAX_SIDE, WAIT_S

FORMATS = ("PNG", "JPEG")


class ScreenshotRefused(ValueError):
    pass


@dataclass(frozen=True)
class Screenshot:
    """What the fleet page shows of a kiosk's screenshots."""
    requested_at: str = ""       # the pending request ("" when none)
    given_up: bool = False       # the pending request is older than WAIT_S
    taken_at: str = ""           # the latest picture ("" when none)
    width: int = 0
    height: int = 0


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _expired(requested_at: str, now: datetime) -> bool:
    return bool(requested_at) and now - datetime.fromisoformat(requested_at) > timedelta(seconds=WAIT_S)


def ask(engine: Engine, device_id: str, *, by: str) -> str:
    """IT asks for a new screenshot (replacing a pending one); returns the request id."""
    request_id = secrets.token_urlsafe(12)
    values = {"request_id": request_id, "requested_at": _now().isoformat(timespec="seconds"), "requested_by": by}
    with engine.begin() as conn:
        if not conn.execute(update(shots).where(shots.c.device_id == device_id).values(**values)).rowcount:
            conn.execute(shots.insert().values(device_id=device_id, **values))
        audit.record(conn, by, "update", "device", device_id, summary="capture d'écran demandée")
    return request_id


def pending_request(conn: Connection, device_id: str) -> str:
    """The request id the health answer carries to this kiosk ("" when none or given up)."""
    row = conn.execute(select(shots.c.request_id, shots.c.requested_at)
                       .where(shots.c.device_id == device_id)).first()
    if row is None or not row.request_id or _expired(row.requested_at, _now()):
        return ""
    return str(row.request_id)


def reencode(data: bytes) -> tuple[bytes, int, int]:
    """A JPEG of the upload, at most MAX_SIDE px a side; ScreenshotRefused if it is not a
    PNG or JPEG picture, is too heavy or too big."""
    try:
        img = decode_checked(data, max_bytes=MAX_BYTES, formats=FORMATS, max_pixels=4 * MAX_SIDE * MAX_SIDE)
    except ImageRefused as exc:
        raise ScreenshotRefused(exc.message) from None
    img.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    img.convert("RGB").save(out, "JPEG", quality=82, optimize=True)
    return out.getvalue(), img.width, img.height


def receive(engine: Engine, device_id: str, request_id: str, data: bytes) -> None:
    """The kiosk's answer to its own pending request: stored, request cleared. An unknown,
    answered or given-up request is refused like one of another kiosk (LookupError)."""
    with engine.connect() as conn:
        if not request_id or pending_request(conn, device_id) != request_id:
            raise LookupError(request_id)
    jpeg, width, height = reencode(data)
    with engine.begin() as conn:
        done = conn.execute(update(shots).where((shots.c.device_id == device_id) & (shots.c.request_id == request_id))
                            .values(request_id="", mime="image/jpeg", image=jpeg, width=width, height=height,
                                    taken_at=_now().isoformat(timespec="seconds"))).rowcount
    if not done:  # answered meanwhile (a retry on another process)
        raise LookupError(request_id)


def state_of(engine: Engine, device_id: str) -> Screenshot:
    with engine.connect() as conn:
        row = conn.execute(select(shots.c.request_id, shots.c.requested_at, shots.c.taken_at, shots.c.width,
                                  shots.c.height).where(shots.c.device_id == device_id)).first()
    if row is None:
        return Screenshot()
    pending = row.requested_at if row.request_id else ""
    return Screenshot(requested_at=pending, given_up=_expired(pending, _now()), taken_at=row.taken_at,
                      width=row.width, height=row.height)


def image_of(engine: Engine, device_id: str) -> tuple[str, bytes] | None:
    with engine.connect() as conn:
        row: Any = conn.execute(select(shots.c.mime, shots.c.image).where(shots.c.device_id == device_id)).first()
    if row is None or row.image is None:
        return None
    return str(row.mime), bytes(row.image)
