"""HTTP client of the central server, with an injected ``httpx`` transport.

Tests pass ``httpx.MockTransport`` or ``httpx.ASGITransport``-like transports; the
kiosk passes none (real sockets, TLS verified against the system CAs or ``ca_file``).
Every failure becomes a typed :class:`SyncError`: :class:`Retryable` (network, 5xx,
429, with the server's ``Retry-After``), :class:`Gone` (410: resync from a snapshot),
:class:`WipeOrdered`, :class:`Unauthorized`, :class:`UpgradeRequired`,
:class:`ProtocolError` (a 4xx that retrying will not fix). The server's error body is
:class:`wire.ErrorBody`; its ``code`` is kept as ``server_code`` (e.g. ``token_used``).
Enrollment proves possession of the card key (:meth:`SyncClient.enroll`). No Qt, no
database.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar

import httpx
from pydantic import BaseModel

from kiosk.protocol.version import __version__
from kiosk.domain.cards import CardSigner, public_key_raw
from kiosk.protocol import wire
from kiosk.protocol.health import HealthAnswer, HealthReport
from kiosk.protocol.screenshot import upload_path
from kiosk.protocol.enrollment import sign_enrollment

M = TypeVar("M", bound=BaseModel)


class SyncError(Exception):
    code = "sync.error"

    def __init__(self, message: str, *, code: str | None = None, retry_after: float | None = None,
                 server_code: str = "") -> None:
        super().__init__(message)
        if code:
            self.code = code
        self.retry_after = retry_after
        self.server_code = server_code  # ErrorBody.code of the server's answer, "" if none


class Retryable(SyncError):
    code = "sync.unreachable"


class Gone(SyncError):
    code = "sync.gone"


class WipeOrdered(SyncError):
    code = "sync.wipe"


class Unauthorized(SyncError):
    code = "sync.unauthorized"


class UpgradeRequired(SyncError):
    code = "sync.upgrade_required"


class ProtocolError(SyncError):
    code = "sync.protocol"


def _retry_after(resp: httpx.Response) -> float | None:
    raw = resp.headers.get("retry-after", "")
    try:
        return max(0.0, float(raw))
    except ValueError:
        return None


def _error_body(resp: httpx.Response) -> wire.ErrorBody | None:
    """The server's :class:`wire.ErrorBody`, or None (a proxy's or captive portal's page)."""
    try:
        return wire.ErrorBody.model_validate(resp.json())
    except ValueError:
        return None


def _parse(model: type[M], resp: httpx.Response) -> M:
    try:
        return model.model_validate(resp.json())
    except ValueError as exc:  # not JSON (a captive portal?) or not our schema
        raise Retryable(f"unexpected answer from the server: {str(exc)[:200]}", code="sync.bad_answer") from None


class SyncClient:
    def __init__(self, base_url: str, *, transport: httpx.BaseTransport | None = None, ca_file: str = "",
                 credential: Callable[[], tuple[str, str] | None] = lambda: None,
                 pending_count: Callable[[], int] = lambda: 0, timeout: float = 20.0) -> None:
        verify: Any = ca_file if ca_file else True
        self._credential = credential
        self._pending_count = pending_count
        self._etag: tuple[str, str] | None = None  # (cursor, ETag) of the last pull's answer
        self.not_modified = 0  # pulls answered 304 (nothing new), for the logs and the tests
        self._http = httpx.Client(base_url=base_url.rstrip("/"), transport=transport, verify=verify,
                                  timeout=timeout, headers={"X-Client-Version": __version__})

    def close(self) -> None:
        self._http.close()

    def _request(self, method: str, path: str, **kw: Any) -> httpx.Response:
        headers = {"X-Pending-Count": str(self._pending_count()), **kw.pop("headers", {})}
        cred = self._credential()
        if cred is not None:
            headers["Authorization"] = f"Bearer {cred[0]}.{cred[1]}"
        try:
            resp = self._http.request(method, path, headers=headers, **kw)
        except httpx.HTTPError as exc:  # connect, read, timeouts, dropped connections
            raise Retryable(f"{type(exc).__name__}: {exc}") from None
        if resp.status_code < 400:
            return resp
        error = _error_body(resp)
        code = error.code if error is not None else ""
        # The class says what to do; the code and the server's words are for logs and IT staff.
        message = f"{resp.status_code} {code or 'no error body'}" + (f": {error.message}" if error and error.message else "")
        if resp.status_code == 410:
            raise Gone(message, server_code=code)
        if resp.status_code == 403 and code == "wipe":
            raise WipeOrdered(message, server_code=code)
        if resp.status_code == 401:
            raise Unauthorized(message, server_code=code)
        if resp.status_code == 426:
            raise UpgradeRequired(message, server_code=code)
        if resp.status_code in (408, 425, 429) or resp.status_code >= 500:
            raise Retryable(message, retry_after=_retry_after(resp), server_code=code)
        raise ProtocolError(message, server_code=code)

    def enroll(self, token: str, name: str, signer: CardSigner, first_seq: int = 1) -> wire.EnrollDeviceResponse:
        """Register this kiosk and its card key: a fresh server nonce, signed with the key."""
        public_hex = public_key_raw(signer.public_key).hex()
        nonce = _parse(wire.EnrollmentNonce, self._request("POST", "/v1/devices/nonce")).nonce
        body = wire.EnrollDeviceRequest(token=token, name=name, public_key=public_hex, nonce=nonce,
                                        proof=sign_enrollment(signer, token, nonce, public_hex),
                                        client_version=__version__, first_seq=first_seq)
        resp = self._request("POST", "/v1/devices/enroll", json=body.model_dump())
        return _parse(wire.EnrollDeviceResponse, resp)

    def push(self, mutations: list[wire.Mutation]) -> wire.PushResponse:
        body = wire.PushRequest(mutations=mutations)
        resp = self._request("POST", "/v1/sync/push", json=body.model_dump(mode="json"))
        return _parse(wire.PushResponse, resp)

    def pull(self, cursor: str) -> wire.PullResponse:
        """The page after ``cursor``. The same cursor as last time is sent with that answer's
        ETag: 304 (nothing new for this kiosk's scopes) is an empty page at the same cursor."""
        extra = {"If-None-Match": self._etag[1]} if self._etag and self._etag[0] == cursor else {}
        resp = self._request("GET", "/v1/sync/pull", params={"cursor": cursor}, headers=extra)
        if resp.status_code == 304:
            self.not_modified += 1
            return wire.PullResponse(changes=[], cursor=cursor, more=False, scopes=[])
        page = _parse(wire.PullResponse, resp)
        tag = resp.headers.get("etag", "")
        self._etag = (page.cursor, tag) if tag and page.cursor == cursor and not page.changes else None
        return page

    def wait_for_changes(self, cursor: str, timeout_s: float) -> bool:
        """``GET /v1/sync/wait``: True as soon as the feed has changes after ``cursor``,
        False after ``timeout_s`` (the read timeout leaves the server 10 s more)."""
        resp = self._request("GET", "/v1/sync/wait", params={"cursor": cursor, "timeout": timeout_s},
                             timeout=httpx.Timeout(10.0, read=timeout_s + 10.0))
        return _parse(wire.WaitResponse, resp).changed

    def send_health(self, report: HealthReport) -> HealthAnswer:
        resp = self._request("POST", "/v1/devices/health", json=report.model_dump(mode="json"))
        return _parse(HealthAnswer, resp)

    def upload_screenshot(self, device_id: str, request_id: str, mime: str, data: bytes) -> None:
        """IT's screenshot of the attract screen (kiosk/protocol/screenshot.py)."""
        self._request("POST", upload_path(device_id, request_id), content=data, headers={"Content-Type": mime})

    def snapshot(self) -> wire.SnapshotResponse:
        resp = self._request("GET", "/v1/sync/snapshot")
        return _parse(wire.SnapshotResponse, resp)
