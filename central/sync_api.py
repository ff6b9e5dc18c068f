"""The kiosk-facing HTTP API: ``/v1/devices/nonce|enroll``, ``/v1/sync/push|pull|snapshot``.

Every sync call authenticates with ``Authorization: Bearer <device id>.<secret>``; the
scopes come from that device's row, never from the request. The secret is checked
before anything is charged to the device: a refused credential costs the *client
address* one token of its failure bucket (``auth_failure_*`` settings; past it, 429), so
someone who knows a device id cannot use up that kiosk's own rate limit; only
authenticated requests spend the device's bucket. Errors are :class:`wire.ErrorBody`
(``{"code": ..., "message": ...}``, rendered by ``central/app.py``): 400 refused input,
401 bad credential, 403 ``wipe`` (a revoked kiosk must erase its data), 410
``cursor_expired``/``scope_changed``, 413 too large, 422 ``invalid_request``, 426 client
too old, 429 rate limited. Push applies each mutation in its own transaction with its
``(device_id, seq)`` record, so a retried push returns the stored results.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
import weakref
from datetime import datetime, timedelta, timezone
from typing import Any

import anyio
from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response
from pydantic import ValidationError
from sqlalchemy import Connection, Engine, bindparam, exc as sa_exc, select, update

from central import db
from central import devices, screenshots
from central.device_cache import credential_key
from central.devices import EnrollmentRefused, check_secret
from central.feed import BadCursor, Cursor, FeedWriter, counters, read_page, scopes_of
from central.limits import too_many
from central.mutations import Device, Rejected, apply_mutation, validation_errors
from central.settings import ServerSettings, version_tuple
from kiosk.protocol import wire
from kiosk.protocol.health import HealthAnswer, HealthReport

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1", tags=["sync"])
SEEN_EVERY = timedelta(seconds=30)  # last_seen is written at most this often (no write per pull)


def _err(status: int, code: str, message: str = "", headers: dict[str, str] | None = None) -> HTTPException:
    return HTTPException(status, detail={"code": code, "message": message}, headers=headers)


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=``: these statuses answer with :class:`wire.ErrorBody`."""
    return {s: {"model": wire.ErrorBody} for s in sorted({*statuses, 422, 429})}


def client_address(request: Request) -> str:
    # Behind a proxy, run uvicorn with --proxy-headers so this is the kiosk's address.
    return request.client.host if request.client else "?"


def _state(request: Request) -> tuple[Engine, ServerSettings]:
    return request.app.state.engine, request.app.state.settings


def check_version(settings: ServerSettings, client_version: str | None) -> None:
    if version_tuple(client_version or "0") < version_tuple(settings.min_client_version):
        raise _err(426, "upgrade_required", f"kiosk version {settings.min_client_version} or later is needed")


_DEVICE = select(db.devices).where(db.devices.c.id == bindparam("id"))


def _authenticated_row(request: Request, engine: Engine, authorization: str) -> tuple[str, dict[str, Any]]:
    """(cache key, device row) of a valid credential, else 401 (429 once this address has
    had too many refusals). Nothing is charged to the device before its secret is checked.
    A credential that passed lately comes from the process's cache (central/device_cache.py),
    which any revocation or scope change empties."""
    cache = request.app.state.device_cache
    key = credential_key(authorization)
    cached = cache.get(key)
    if cached is not None:
        return key, cached
    scheme, _, token = authorization.partition(" ")
    device_id, _, secret = token.partition(".")
    row = None
    generation = cache.start()  # before the read: a change committed meanwhile voids the entry
    if scheme.lower() == "bearer" and device_id and secret:
        with engine.connect().execution_options(readonly=True) as conn:
            with conn.begin():
                row = conn.execute(_DEVICE, {"id": device_id}).mappings().first()
    if row is None or not check_secret(row["secret_hash"], secret):
        wait = request.app.state.auth_failure_limiter.take(client_address(request))
        if wait is not None:
            raise too_many(wait, "too many refused credentials from this address")
        if not device_id or not secret:
            raise _err(401, "unauthenticated", "device credential required")
        raise _err(401, "unauthenticated", "unknown device or wrong secret")
    good = dict(row)
    cache.put(key, generation, good)
    return key, good


def current_device(request: Request,
                   authorization: str = Header(default="", max_length=512),
                   x_client_version: str = Header(default="", max_length=40),
                   x_pending_count: str = Header(default="", max_length=9, pattern=r"^[0-9]*$")) -> Device:
    engine, settings = _state(request)
    key, row = _authenticated_row(request, engine, authorization)
    device_id = row["id"]
    request.app.state.device_limiter.check(device_id, "too many requests from this kiosk: slow down")
    if row["revoked"]:
        if row["wipe"]:
            raise _err(403, "wipe", "this kiosk was withdrawn: erase its data")
        raise _err(401, "revoked", "this kiosk's credential was revoked")
    check_version(settings, x_client_version)
    pending = int(x_pending_count) if x_pending_count else row["pending_count"]  # ASCII digits (pattern)
    now = datetime.now(timezone.utc)
    last = datetime.fromisoformat(row["last_seen"]) if row["last_seen"] else None
    if last is None or now - last > SEEN_EVERY or pending != row["pending_count"] \
            or (x_client_version and x_client_version != row["client_version"]):
        seen = {"last_seen": now.isoformat(), "pending_count": pending,
                "client_version": x_client_version or row["client_version"]}
        with engine.begin() as conn:
            conn.execute(update(db.devices).where(db.devices.c.id == device_id).values(**seen))
        request.app.state.device_cache.update(key, **seen)
    return Device(id=row["id"], building_ids=list(row["building_ids"]), key_id=row["key_id"],
                  epoch=int(row["scope_epoch"]))


@router.post("/devices/nonce", response_model=wire.EnrollmentNonce, responses=_errors())
def enrollment_nonce(request: Request) -> wire.EnrollmentNonce:
    """A single-use challenge to sign with the card key being enrolled (valid a few minutes)."""
    engine, _ = _state(request)
    request.app.state.public_limiter.check(client_address(request))
    return devices.issue_nonce(engine)


_REFUSALS = {"nonce_unknown": "unknown, used or expired nonce: ask for a new one",
             "bad_proof": "the proof does not verify with this public key",
             "public_key_registered": "this card key is already registered: make a new one",
             "token_unknown": "unknown enrollment token", "token_used": "enrollment token already used",
             "token_expired": "enrollment token expired", "bad_public_key": "not an Ed25519 public key"}


@router.post("/devices/enroll", response_model=wire.EnrollDeviceResponse, responses=_errors(400, 413, 426))
def enroll(body: wire.EnrollDeviceRequest, request: Request) -> wire.EnrollDeviceResponse:
    """Exchange a one-time token for a device credential, proving possession of the card
    key it registers (kiosk/protocol/enrollment.py)."""
    engine, settings = _state(request)
    request.app.state.public_limiter.check(client_address(request))
    check_version(settings, body.client_version)
    try:
        device_id, secret, buildings, key_id = devices.enroll(engine, body)
    except EnrollmentRefused as exc:
        raise _err(400, exc.code, _REFUSALS.get(exc.code, "enrollment refused")) from None
    return wire.EnrollDeviceResponse(device_id=device_id, secret=secret, building_ids=buildings, key_id=key_id)


class Busy(Exception):
    """A retryable database error inside one mutation (lock timeout, serialisation)."""


_DONE = select(db.processed_mutations).where((db.processed_mutations.c.device_id == bindparam("d")) &
                                            (db.processed_mutations.c.seq == bindparam("s")))
_RECORD = db.processed_mutations.insert()


def _apply_one(conn: Connection, device: Device, header: wire.MutationHeader, raw: dict[str, Any], last_seq: int,
               batch: FeedWriter) -> wire.MutationResult | None:
    """Apply one mutation exactly once (its effect and its record together); None means
    a retryable stop (a hole in the sequence). Its feed changes join ``batch``, written
    once before the push's commit (one counter lock and update per scope per push).
    An entry that can never be accepted (not a valid :class:`wire.Mutation`, a payload
    its definition refuses, data the database refuses) is recorded ``rejected`` with its
    code, like any final answer, and the entries after it go on."""
    # Sequences follow on, so only a seq at or below last_seq can have been processed.
    done = conn.execute(_DONE, {"d": device.id, "s": header.seq}).mappings().first() \
        if header.seq <= last_seq else None
    if done is not None:
        if done["client_id"] != header.client_id:
            return wire.MutationResult(seq=header.seq, client_id=header.client_id, status=wire.ResultStatus.REJECTED,
                                       code="seq_reused")
        return wire.MutationResult.model_validate(done["result"])
    if header.seq != last_seq + 1:
        return None
    fw = FeedWriter(conn)
    name = str(raw.get("mutation", ""))[:64]
    try:
        m = wire.Mutation.model_validate(raw)
    except ValidationError as exc:
        outcome = Rejected("invalid_mutation", errors=validation_errors(exc)).outcome()
    else:
        try:
            with conn.begin_nested():
                outcome = apply_mutation(conn, fw, device, m.mutation, m.payload)
        except Rejected as exc:
            outcome = exc.outcome()
        except sa_exc.DataError:
            # The database refuses the values themselves (PostgreSQL: NUL in text, out of
            # range): retrying cannot help. Only this mutation's savepoint was rolled back.
            outcome = Rejected("invalid_data").outcome()
        except (sa_exc.OperationalError, sa_exc.IntegrityError) as exc:
            raise Busy() from exc  # only this mutation's savepoint was rolled back
    if outcome.status is wire.ResultStatus.REJECTED:
        fw.pending.clear()
    result = wire.MutationResult(seq=header.seq, client_id=header.client_id, status=outcome.status,
                                 code=outcome.code, data=outcome.data)
    conn.execute(_RECORD, {"device_id": device.id, "seq": header.seq, "client_id": header.client_id,
                           "mutation": name, "result": result.model_dump(mode="json"),
                           "at": datetime.now(timezone.utc).isoformat()})
    batch.pending.update(fw.pending)
    return result


def _headers(body: wire.PushEnvelope) -> list[tuple[wire.MutationHeader, dict[str, Any]]]:
    """Each entry with its seq and client id, in seq order; 422 if an entry has no usable ones
    (it cannot be placed in the device's sequence, so nothing after it could be either)."""
    entries = []
    for i, raw in enumerate(body.mutations):
        try:
            entries.append((wire.MutationHeader.model_validate(raw), raw))
        except ValidationError:
            raise _err(422, "invalid_mutation_header", f"mutations[{i}]: a seq (1 to 2^53) and a client_id "
                                                       "(1 to 64 characters) are needed") from None
    return sorted(entries, key=lambda e: e[0].seq)


@router.post("/sync/push", response_model=wire.PushResponse, responses=_errors(401, 403, 413, 422, 426))
def push(body: wire.PushEnvelope, request: Request, device: Device = Depends(current_device)) -> wire.PushResponse:
    """One transaction per request, one savepoint per mutation's effect: a retryable error
    there rolls back only that mutation, the ones before it commit, the push stops; any
    other database error rolls the whole request back (nothing applied, retry later).
    The body is a :class:`wire.PushRequest`; each entry is validated on its own."""
    engine, _ = _state(request)
    entries = _headers(body)
    results: list[wire.MutationResult] = []
    stopped, retry_code = False, ""
    try:
        with engine.begin() as conn:
            q = select(db.devices.c.last_seq).where(db.devices.c.id == device.id)
            if conn.dialect.name == "postgresql":
                q = q.with_for_update()  # one push at a time per device
            start_seq = last_seq = int(conn.execute(q).scalar_one())
            batch = FeedWriter(conn)
            for header, raw in entries:
                try:
                    result = _apply_one(conn, device, header, raw, last_seq, batch)
                except Busy as exc:
                    # Lock timeouts, serialisation failures: retry later, in order.
                    log.warning("push of device %s stopped at seq %s: %s", device.id, header.seq,
                                type(exc.__cause__).__name__)
                    stopped, retry_code = True, "busy"
                    break
                if result is None:
                    stopped, retry_code = True, "seq_gap"
                    break
                results.append(result)
                last_seq = max(last_seq, header.seq)
            if last_seq != start_seq:
                conn.execute(update(db.devices).where(db.devices.c.id == device.id).values(last_seq=last_seq))
            batch.flush()
    except (sa_exc.OperationalError, sa_exc.IntegrityError) as exc:  # the commit itself failed: nothing happened
        log.warning("push of device %s not committed: %s", device.id, type(exc).__name__)
        return wire.PushResponse(results=[], stopped=True, retry_code="busy", last_seq=0)
    return wire.PushResponse(results=results, stopped=stopped, retry_code=retry_code, last_seq=last_seq)


def _change(row: dict[str, Any]) -> wire.Change:
    return wire.Change(scope=row["scope"], version=row["version"], entity=row["entity"], id=row["entity_id"],
                       op=row["op"], data=row["data"] if row["op"] == "upsert" else None,
                       merged_into=row["merged_into"])


def _device_cursor(device: Device, cursor: str) -> tuple[Cursor, list[str]]:
    """The device's cursor and scopes, or the answer that sends it to a snapshot."""
    scopes = scopes_of(device.building_ids)
    if not cursor:
        raise _err(410, "snapshot_required", "no cursor: fetch a snapshot first")
    try:
        cur = Cursor.decode(cursor)
    except BadCursor:
        raise _err(400, "bad_cursor", "malformed cursor") from None
    if cur.device_id != device.id or cur.epoch != device.epoch or sorted(cur.versions) != sorted(scopes):
        raise _err(410, "scope_changed", "this kiosk's scopes changed: fetch a snapshot")
    return cur, scopes


def _heads(engine: Engine, scopes: list[str]) -> dict[str, tuple[int, int]]:
    """The scopes' counters in one statement (on PostgreSQL without BEGIN/COMMIT round trips:
    a single SELECT is consistent on its own)."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            return counters(conn, scopes)
    with engine.connect().execution_options(readonly=True) as conn:
        with conn.begin():
            return counters(conn, scopes)


@router.get("/sync/wait", response_model=wire.WaitResponse, responses=_errors(400, 401, 403, 410, 426))
async def wait(request: Request, cursor: str = Query(default="", max_length=4000),
               timeout: float = Query(default=25.0, ge=0, le=60),
               device: Device = Depends(current_device)) -> wire.WaitResponse:
    """Answer ``changed: true`` as soon as the feed has something after ``cursor`` for this
    kiosk, else ``false`` after ``timeout`` seconds (at most ``sync_wait_max_s``). The kiosk
    then pulls as usual. Waiting costs an idle task: woken by the feed writers of this
    process, PostgreSQL notifications of the others (central/feed_signal.py)."""
    engine, settings = _state(request)
    cur, scopes = _device_cursor(device, cursor)
    signal = request.app.state.feed_signal
    deadline = time.monotonic() + min(timeout, settings.sync_wait_max_s)
    since = time.monotonic()
    while True:
        waiter = signal.arm()  # before the read: a change committed after it still wakes us
        heads = await signal.heads(since)  # shared by the kiosks woken together (central/feed_signal.py)
        if any(heads.get(scope, (0, 0))[0] != cur.versions[scope] for scope in scopes):
            waiter.disarm()
            return wire.WaitResponse(changed=True)
        left = deadline - time.monotonic()
        if left <= 0:
            waiter.disarm()
            return wire.WaitResponse(changed=False)
        since = await waiter.wait(min(left, signal.recheck_s))


def change_marker(device: Device, cursor: str, heads: dict[str, tuple[int, int]]) -> str:
    """The pull's ETag: what its answer depends on. The request's cursor, the device and its
    scope epoch, each scope's version and horizon: any feed write in one of the device's
    scopes raises its version (central/feed.py), a purge its horizon, a scope change the
    epoch; writes in other scopes change nothing here."""
    parts = [device.id, str(device.epoch), cursor] + [f"{s}:{v}:{h}" for s, (v, h) in sorted(heads.items())]
    return '"' + hashlib.sha256("|".join(parts).encode()).hexdigest()[:32] + '"'


def _matches(if_none_match: str, tag: str) -> bool:
    """RFC 9110 weak comparison; ``*`` is not honoured (it would skip the check)."""
    return any(t.strip().removeprefix("W/") == tag for t in if_none_match.split(","))


def _check_horizons(cur: Cursor, heads: dict[str, tuple[int, int]]) -> None:
    for scope, (version, horizon) in heads.items():
        if cur.versions[scope] < horizon or cur.versions[scope] > version:
            raise _err(410, "cursor_expired", "cursor older than the tombstone horizon: fetch a snapshot")


@router.get("/sync/pull", response_model=wire.PullResponse, responses=_errors(400, 401, 403, 410, 426))
async def pull(request: Request, response: Response, cursor: str = Query(default="", max_length=4000),
               if_none_match: str = Header(default="", max_length=400),
               device: Device = Depends(current_device)) -> Any:
    """The changes after ``cursor`` (a page). With ``sync_etag`` the answer carries an ETag
    (:func:`change_marker`); a request whose ``If-None-Match`` still matches gets 304 and
    no body, after one read of the scope counters.

    At most ``pull_concurrency`` pulls are computed at once in a process; the others wait
    in the event loop, not in threads. Under a flood of pulls a push (an enrollment made
    offline) then shares the process with a few threads instead of dozens: it missed the
    kiosk's 20 s timeout behind 64 busy connections (docs/performance-sync.md)."""
    limiter = pull_limiter(request)
    if limiter is None:
        return await anyio.to_thread.run_sync(_pull, request, response, cursor, if_none_match, device)
    return await anyio.to_thread.run_sync(_pull, request, response, cursor, if_none_match, device, limiter=limiter)


def pull_limiter(request: Request) -> anyio.CapacityLimiter | None:
    """The process's bound on pulls computed at once, one per event loop (a test client
    runs its own loop), made on first use in that loop."""
    size = _state(request)[1].pull_concurrency
    if size <= 0:
        return None
    state = request.app.state
    limiters = getattr(state, "pull_limiters", None)
    if limiters is None:
        limiters = state.pull_limiters = weakref.WeakKeyDictionary()
    loop = asyncio.get_running_loop()
    if loop not in limiters:
        limiters[loop] = anyio.CapacityLimiter(size)
    return limiters[loop]


def _pull(request: Request, response: Response, cursor: str, if_none_match: str, device: Device) -> Any:
    engine, settings = _state(request)
    cur, scopes = _device_cursor(device, cursor)
    if settings.sync_etag and if_none_match:
        heads = _heads(engine, scopes)
        _check_horizons(cur, heads)
        tag = change_marker(device, cursor, heads)
        if _matches(if_none_match, tag):
            return Response(status_code=304, headers={"ETag": tag, "Cache-Control": "private, no-cache"})
    with engine.connect().execution_options(readonly=True) as conn:
        with conn.begin():
            heads = counters(conn, scopes)
            _check_horizons(cur, heads)
            rows, versions, more = read_page(conn, cur.versions, settings.page_limit)
    if settings.sync_etag:
        response.headers["ETag"] = change_marker(device, cursor, heads)
        response.headers["Cache-Control"] = "private, no-cache"
    new_cursor = Cursor(device.id, device.epoch, versions).encode()
    return wire.PullResponse(changes=[_change(r) for r in rows], cursor=new_cursor, more=more, scopes=scopes)


@router.post("/devices/health", response_model=HealthAnswer, responses=_errors(401, 403, 413, 422, 426))
def health(request: Request, report: HealthReport, device: Device = Depends(current_device)) -> HealthAnswer:
    """Keep the kiosk's latest health report (the fleet page judges it); answer with the
    server's clock so that the kiosk can measure its offset, and IT's pending screenshot
    request (central/screenshots.py)."""
    engine, _ = _state(request)
    now = datetime.now(timezone.utc)
    row = {"device_id": device.id, "report": report.model_dump(mode="json"), "received_at": now.isoformat()}
    with engine.begin() as conn:
        updated = conn.execute(update(db.device_health).where(db.device_health.c.device_id == device.id)
                               .values(report=row["report"], received_at=row["received_at"])).rowcount
        if not updated:
            conn.execute(db.device_health.insert().values(**row))
        shot = screenshots.pending_request(conn, device.id)
    return HealthAnswer(server_time=time.time(), screenshot_request=shot)


@router.get("/sync/snapshot", response_model=wire.SnapshotResponse, responses=_errors(401, 403, 426))
def snapshot(request: Request, device: Device = Depends(current_device)) -> wire.SnapshotResponse:
    engine, _ = _state(request)
    scopes = scopes_of(device.building_ids)
    conn_opts: dict[str, Any] = {"readonly": True}
    if engine.dialect.name == "postgresql":
        conn_opts["isolation_level"] = "REPEATABLE READ"  # counters and rows from one snapshot
    with engine.connect().execution_options(**conn_opts) as conn:
        with conn.begin():
            heads = counters(conn, scopes)
            rows = conn.execute(select(db.feed.c.scope, db.feed.c.entity, db.feed.c.entity_id, db.feed.c.data)
                                .where(db.feed.c.scope.in_(scopes) & (db.feed.c.op == "upsert"))
                                .order_by(db.feed.c.scope, db.feed.c.version)).all()
    items = [wire.SnapshotItem(scope=r.scope, entity=r.entity, id=r.entity_id, data=r.data) for r in rows]
    items.sort(key=lambda i: i.scope != "catalog")  # catalog first; stable keeps version order
    cursor = Cursor(device.id, device.epoch, {s: v for s, (v, _) in heads.items()}).encode()
    return wire.SnapshotResponse(cursor=cursor, scopes=scopes, items=items)
