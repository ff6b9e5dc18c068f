"""Schemathesis against the served OpenAPI spec: no input makes the server fail (5xx), and
every answer, errors included, has the status and the body the spec documents
(``ErrorBody`` for every 4xx). SQLite and PostgreSQL (``backend``).

Calls carry a real device credential so the handlers behind authentication are fuzzed
too, not only the 401 path. Bounded to a few examples per operation to stay fast."""

from __future__ import annotations

import importlib.metadata

import packaging
import pytest

# tests/packaging/ (a test folder with an __init__.py) shadows the PyPI `packaging` that
# schemathesis imports; let the real one be found too until that folder is renamed.
_REAL_PACKAGING = str(importlib.metadata.distribution("packaging").locate_file("packaging"))
if _REAL_PACKAGING not in list(getattr(packaging, "__path__", [])):
    packaging.__path__.append(_REAL_PACKAGING)
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance, status_code_conformance

from central.demo import building_id
from central.devices import enroll_device
from kiosk.domain.cards import CardSigner, public_key_raw


@pytest.fixture
def device_headers(office) -> dict[str, str]:  # noqa: ANN001
    token = office.create_enrollment_token(building_id(1))
    with office.tx() as (conn, fw):
        device_id, secret, _, _ = enroll_device(conn, fw, token, "fuzz",
                                                public_key_raw(CardSigner.generate().public_key).hex(), "")
    return {"Authorization": f"Bearer {device_id}.{secret}"}


def test_no_input_makes_the_server_fail(app, device_headers):  # noqa: ANN001
    # The schemathesis pytest plugin does not run under pytest 9 here; drive its
    # strategies with Hypothesis directly, operation by operation.
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 5
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def fuzz(case) -> None:  # noqa: ANN001
            case.call_and_validate(headers=device_headers, checks=[not_a_server_error, status_code_conformance,
                                                                   response_schema_conformance])
        fuzz()
