"""Profile a "nothing new" ``GET /v1/sync/pull`` with pyinstrument (PostgreSQL).

    .venv/bin/pip install pyinstrument    # into this checkout's .venv only
    .venv/bin/python bench/profile_pull.py [--pulls 2000] [--no-etag] [--html out.html]

One app, one enrolled kiosk, ``--pulls`` pulls from the same cursor through the ASGI app
in this thread (FastAPI's thread-pool hops are made inline here, so that pyinstrument,
which samples one thread, sees the whole request: routing, authentication, the change
marker, the database, the answer). Without ``--no-etag`` the kiosk sends the ETag of its
first answer, as kiosk/sync/client.py does, and gets 304s.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import fastapi.dependencies.utils as fdu  # noqa: E402
import fastapi.routing as fr  # noqa: E402

from central.app import create_app  # noqa: E402
from central.cli import migrate  # noqa: E402
from central.demo import building_id, seed  # noqa: E402
from central.settings import ServerSettings  # noqa: E402
from central.testing import temporary_database  # noqa: E402
from kiosk.domain.cards import CardSigner  # noqa: E402
from kiosk.sync.client import SyncClient  # noqa: E402


async def _inline(func: Any, *args: Any, **kwargs: Any) -> Any:
    return func(*args, **kwargs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pulls", type=int, default=2000)
    ap.add_argument("--no-etag", action="store_true")
    ap.add_argument("--html", default="")
    args = ap.parse_args(argv)
    from pyinstrument import Profiler
    fr.run_in_threadpool = _inline  # type: ignore[assignment]
    fdu.run_in_threadpool = _inline  # type: ignore[assignment]
    with temporary_database("postgres", Path(tempfile.mkdtemp())) as url:
        migrate(url)
        app = create_app(url, ServerSettings(device_rate_per_s=0, public_rate_per_s=0))
        seed(app.state.office, buildings=2, flats_per_building=1, partners=1)

        async def run() -> float:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://central") as c:
                r = await c.post("/v1/devices/nonce")
                from kiosk.protocol.enrollment import sign_enrollment
                from kiosk.domain.cards import public_key_raw
                signer = CardSigner.generate()
                token = app.state.office.create_enrollment_token(building_id(1))
                nonce, pub = r.json()["nonce"], public_key_raw(signer.public_key).hex()
                body = (await c.post("/v1/devices/enroll", json={
                    "token": token, "public_key": pub, "nonce": nonce, "name": "p",
                    "proof": sign_enrollment(signer, token, nonce, pub)})).json()
                h = {"Authorization": f"Bearer {body['device_id']}.{body['secret']}"}
                cursor = (await c.get("/v1/sync/snapshot", headers=h)).json()["cursor"]
                first = await c.get("/v1/sync/pull", headers=h, params={"cursor": cursor})
                if not args.no_etag and first.headers.get("etag"):
                    h["If-None-Match"] = first.headers["etag"]
                profiler = Profiler(async_mode="enabled", interval=0.0005)
                profiler.start()
                t0 = time.perf_counter()
                statuses: dict[int, int] = {}
                for _ in range(args.pulls):
                    r = await c.get("/v1/sync/pull", headers=h, params={"cursor": cursor})
                    statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                wall = time.perf_counter() - t0
                profiler.stop()
                print(f"{args.pulls} pulls in {wall:.2f} s: {wall / args.pulls * 1e6:.0f} us each; {statuses}")
                print(profiler.output_text(unicode=False, color=False, show_all=False))
                if args.html:
                    Path(args.html).write_text(profiler.output_html())
                return wall
        asyncio.run(run())
        app.state.engine.dispose()
    return 0


if __name__ == "__main__":
    _ = SyncClient  # the kiosk's client is what sends If-None-Match in production
    sys.exit(main())
