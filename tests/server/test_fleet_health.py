"""The fleet page: each kiosk green, amber or red with the reason, from what the kiosk
itself reports after its syncs (real kiosk stores, the real server, the admin's page).

The parts the UI owns (camera...) and the disk are given to the kiosk's collector by
injectable probes, as the app gives them: a broken camera or a full disk without
unplugging or filling anything.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from admin_helpers import PASSWORD, login
from central import db
from central.demo import building_id
from central.fleet_health import GB, Level, assess
from kiosk.protocol.health import HealthReport
from kiosk.sync.health import HealthCollector

B1 = building_id(1)
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)


def _report(**kw) -> HealthReport:  # noqa: ANN003
    values = dict(version="0.1.0", uptime_s=60, camera="ok", camera_fps=15.0, printer="ok", speech="ok",
                  disk_free_bytes=20 * GB, integrity_ok=True, last_sync_ok_at=(NOW - timedelta(minutes=1)).isoformat(),
                  outbox_pending=0, clock_offset_s=0.2)
    values.update(kw)
    return HealthReport(**values)


@pytest.mark.parametrize("changes, level, reason", [
    ({}, Level.GREEN, None),
    ({"camera": "absent"}, Level.RED, "camera_absent"),
    ({"camera_fps": 3.0}, Level.AMBER, "camera_slow"),
    ({"disk_free_bytes": 900_000_000}, Level.AMBER, "disk_low"),
    ({"disk_free_bytes": 150_000_000}, Level.RED, "disk_full"),
    ({"integrity_ok": False}, Level.RED, "integrity"),
    ({"outbox_pending": 3, "outbox_oldest_age_s": 2 * 3600}, Level.AMBER, "outbox_hour"),
    ({"outbox_pending": 3, "outbox_oldest_age_s": 30 * 3600}, Level.RED, "outbox_day"),
    ({"outbox_pending": 0, "outbox_oldest_age_s": 30 * 3600}, Level.GREEN, None),
    ({"clock_offset_s": -300.0}, Level.AMBER, "clock"),
    ({"last_sync_ok_at": (NOW - timedelta(hours=2)).isoformat()}, Level.AMBER, "sync_stale"),
    ({"printer": "error"}, Level.AMBER, "printer"),
    ({"last_crash_at": (NOW - timedelta(hours=2)).isoformat(), "watchdog_restarts": 1}, Level.AMBER, "crash"),
    ({"last_crash_at": (NOW - timedelta(hours=30)).isoformat(), "watchdog_restarts": 1}, Level.GREEN, None),
])
def test_thresholds(changes, level, reason) -> None:  # noqa: ANN001
    health = assess(_report(**changes), NOW, NOW)
    assert health.level is level
    assert health.reasons[:1] == ([reason] if reason else [])


def test_silence_and_the_worst_reason_first() -> None:
    assert assess(None, None, NOW).reasons == ["never"]
    assert assess(_report(), NOW - timedelta(minutes=4), NOW).level is Level.GREEN
    late = assess(_report(), NOW - timedelta(minutes=6), NOW)
    assert late.level is Level.RED and late.reasons == ["offline"]
    both = assess(_report(camera_fps=2.0, disk_free_bytes=100), NOW, NOW)
    assert both.level is Level.RED and both.reasons == ["disk_full", "camera_slow"]


def _health_cell(html: str, kiosk_name: str) -> str:
    row = re.search(r"<tr><td data-label=\"Santé\">(.*?)</td><td data-label=\"Nom\"><a [^>]*>" + re.escape(kiosk_name),
                    html, re.S)
    assert row, f"{kiosk_name} is not on the fleet page"
    return re.sub(r"<[^>]+>", " ", row.group(1))


def test_the_fleet_page_follows_what_the_kiosks_report(kiosk, office, app) -> None:  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    k = kiosk("Hall A", B1)
    parts = {"camera": "ok", "camera_fps": 14.0, "printer": "ok", "speech": "ok"}
    disk = [50 * GB]
    k.engine.health = HealthCollector(k.store, parts=lambda: dict(parts), disk_free=lambda: disk[0])

    def report_now() -> None:
        k.engine._health_sent_at = 0.0  # the next cycle reports (the heartbeat's minute has passed)
        k.sync()

    with TestClient(app) as admin:
        login(admin)
        report_now()
        cell = _health_cell(admin.get("/admin/kiosks").text, "Hall A")
        assert "Vert" in cell
        page = admin.get("/admin/kiosks").text
        assert "Vert : 1" in page

        parts["camera"] = "absent"                      # the camera was unplugged
        report_now()
        cell = _health_cell(admin.get("/admin/kiosks").text, "Hall A")
        assert "Rouge" in cell and "caméra débranchée" in cell

        parts["camera"] = "ok"
        disk[0] = 500_000_000                           # the disk fills up
        report_now()
        cell = _health_cell(admin.get("/admin/kiosks").text, "Hall A")
        assert "Orange" in cell and "disque presque plein" in cell

        disk[0] = 50 * GB                               # recovery
        report_now()
        assert "Vert" in _health_cell(admin.get("/admin/kiosks").text, "Hall A")

        # A kiosk that stops reporting (cable pulled) turns red after 5 minutes.
        device_id = k.store.repos.kv.get("sync.device_id")
        stale = (datetime.now(timezone.utc) - timedelta(minutes=6)).isoformat()
        with app.state.engine.begin() as conn:
            conn.execute(update(db.device_health).values(received_at=stale))
        cell = _health_cell(admin.get("/admin/kiosks").text, "Hall A")
        assert "Rouge" in cell and "aucune nouvelle depuis plus de 5 minutes" in cell
        detail = admin.get(f"/admin/kiosks/{device_id}").text
        assert "Disque libre" in detail and "50.0 Go" in detail and "Rouge" in detail


def test_a_report_with_a_field_the_server_does_not_know_is_refused(kiosk) -> None:  # noqa: ANN001
    k = kiosk("Hall B", B1)
    body = _report().model_dump(mode="json") | {"member_name": "Nadia"}
    r = k.engine.client._request  # noqa: SLF001 - the kiosk's own authenticated client
    from kiosk.sync.client import ProtocolError
    with pytest.raises(ProtocolError):
        r("POST", "/v1/devices/health", json=body)
