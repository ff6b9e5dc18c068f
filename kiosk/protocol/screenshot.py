"""IT's screenshot of a kiosk's attract screen (issue 16), the rule both programs share.

IT asks on the fleet page; the request id rides on the health answer
(:class:`~kiosk.protocol.health.HealthAnswer` ``screenshot_request``). The kiosk grabs its
window only while the attract screen shows (no member, no staff screen, no card answer
on top) and uploads the picture to ``POST /v1/devices/{device_id}/screenshot/{request_id}``
with its own credential. A kiosk that does not come back to the attract screen within
``WAIT_S`` sends nothing: the server stops asking and the fleet page says so.
"""

from __future__ import annotations

MAX_SIDE = 1080              # px, the longer side of the picture sent
MAX_BYTES = 800_000          # an upload over this is refused (under the server's 1 MB body limit)
WAIT_S = 15 * 60             # a request not answered within this is given up
MIMES = ("image/jpeg", "image/png")
REQUEST_ID_PATTERN = r"^[A-Za-z0-9_-]{8,64}$"


def upload_path(device_id: str, request_id: str) -> str:
    return f"/v1/devices/{device_id}/screenshot/{request_id}"
