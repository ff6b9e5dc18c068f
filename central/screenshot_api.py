"""``POST /v1/devices/{device_id}/screenshot/{request_id}``: a kiosk's picture of its own
attract screen, answering IT's pending request (central/screenshots.py).

The body is the picture itself (``Content-Type: image/jpeg`` or ``image/png``, at most
``MAX_BYTES``). The device is the credential's (central/sync_api.py ``current_device``):
a path naming another kiosk, an unknown, answered or given-up request are all answered
404 ``no_request``, alike, so a kiosk learns nothing of the others. A body that is not
a picture is 400 ``not_an_image``; the stored one is the server's re-encoding.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from central import screenshots
from central.mutations import Device
from central.sync_api import _err, _errors, current_device
from kiosk.protocol.screenshot import MAX_BYTES, MIMES, REQUEST_ID_PATTERN

router = APIRouter(prefix="/v1", tags=["sync"])


@router.post("/devices/{device_id}/screenshot/{request_id}", status_code=204,
             responses=_errors(400, 401, 403, 404, 413, 415, 426))
async def upload_screenshot(request: Request, device_id: str = Path(max_length=64),
                            request_id: str = Path(pattern=REQUEST_ID_PATTERN),
                            device: Device = Depends(current_device)) -> Response:
    if device_id != device.id:
        raise _err(404, "no_request", "no screenshot was asked of this kiosk")
    if request.headers.get("content-type", "").split(";")[0].strip() not in MIMES:
        raise _err(415, "unsupported_media_type", "a JPEG or PNG picture")
    data = await request.body()
    if len(data) > MAX_BYTES:
        raise _err(413, "too_large", f"at most {MAX_BYTES} bytes")
    try:
        await run_in_threadpool(screenshots.receive, request.app.state.engine, device.id, request_id, data)
    except LookupError:
        raise _err(404, "no_request", "no screenshot was asked of this kiosk") from None
    except screenshots.ScreenshotRefused:
        raise _err(400, "not_an_image", "the body is not a readable JPEG or PNG picture") from None
    return Response(status_code=204)
