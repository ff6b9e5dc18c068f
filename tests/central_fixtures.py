"""Fixtures of the server and sync tests (imported by their conftest.py files): central
databases on SQLite and PostgreSQL, a live server on 127.0.0.1, and real encrypted kiosk
stores (file key store, temp dirs).

Every test using ``central_url`` runs once per backend. PostgreSQL is skipped (with the
reason) only outside CI when it is unreachable; with ``CI=true`` an unreachable
PostgreSQL fails the test loudly.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

import pytest

from central.app import create_app
from central.db import create_schema, make_engine
from central.demo import seed
from central.office import Office
from central.testing import TEST_SETTINGS, LiveServer, postgres_unreachable_reason, temporary_database
from kiosk.config import load_config
from kiosk.domain.cards import CardSigner, public_key_raw
from kiosk.protocol.enrollment import sign_enrollment
from kiosk.store.opening import Store, open_store


def enrollment_body(client, token: str, signer: CardSigner, **extra: object) -> dict:  # noqa: ANN001
    """What an honest kiosk posts to /v1/devices/enroll: a fresh nonce signed with its key."""
    r = client.post("/v1/devices/nonce")
    assert r.status_code == 200, r.text
    nonce, public_hex = r.json()["nonce"], public_key_raw(signer.public_key).hex()
    return {"token": token, "public_key": public_hex, "nonce": nonce,
            "proof": sign_enrollment(signer, token, nonce, public_hex)} | extra


def enroll_over_http(client, office, building: str, signer: CardSigner | None = None,  # noqa: ANN001
                     name: str = "t") -> tuple[dict, dict]:
    """(enrollment answer, auth headers) of a new device of ``building``, over HTTP."""
    signer = signer or CardSigner.generate()
    r = client.post("/v1/devices/enroll", json=enrollment_body(client, office.create_enrollment_token(building),
                                                              signer, name=name))
    assert r.status_code == 200, r.text
    body = r.json()
    return body, {"Authorization": f"Bearer {body['device_id']}.{body['secret']}"}

def _require_backend(backend: str) -> None:
    if backend != "postgres":
        return
    reason = postgres_unreachable_reason()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    _require_backend(request.param)
    return request.param


@pytest.fixture
def central_url(backend: str, tmp_path: Path) -> Iterator[str]:
    with temporary_database(backend, tmp_path) as url:
        engine = make_engine(url)
        create_schema(engine)
        seed(Office(engine), buildings=2, flats_per_building=10, partners=2)
        engine.dispose()
        yield url


@pytest.fixture
def app(central_url: str):  # noqa: ANN201
    app = create_app(central_url, TEST_SETTINGS)
    yield app
    app.state.engine.dispose()


@pytest.fixture
def office(app) -> Office:  # noqa: ANN001
    return app.state.office


@pytest.fixture
def live_server(app) -> Iterator[LiveServer]:  # noqa: ANN001
    server = LiveServer(app).start()
    yield server
    server.stop()


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    stores: list[Store] = []

    def make(name: str) -> Store:
        data_dir = tmp_path / f"kiosk-{name}"
        config = load_config(env={}, data_dir=data_dir).with_values(key_store="file", data_dir=data_dir)
        store = open_store(config)
        stores.append(store)
        return store

    yield make
    for s in stores:
        s.close()


@pytest.fixture
def kiosk(live_server, office, make_store):  # noqa: ANN001, ANN201
    """make(name, building, transport=None) -> a provisioned, synced kiosk with its real
    services (:class:`sync_helpers.Kiosk`)."""
    from sync_helpers import kiosk_factory
    make, close = kiosk_factory(live_server, office, make_store)
    yield make
    close()
