"""A kiosk whose real camera worker finds no camera turns red on the fleet page, through
the real server; a camera that works again turns it green (kiosk/domain/parts.py)."""

from __future__ import annotations

import html as html_text
import re
from datetime import datetime, timedelta, timezone

import cv2
import numpy as np
import pytest
from fastapi.testclient import TestClient

from admin_helpers import PASSWORD, login
from central.demo import building_id
from kiosk.camera.sources import VideoFileSource
from kiosk.camera.worker import CameraWorker
from kiosk.domain.parts import PartsBoard
from kiosk.sync.health import HealthCollector, note_clean_exit, note_start

pytestmark = pytest.mark.gui
TIMEOUT_MS = 20000
GB = 1024 ** 3


def _health_cell(html: str, kiosk_name: str) -> str:
    row = re.search(r"<tr><td data-label=\"Santé\">(.*?)</td><td data-label=\"Nom\"><a [^>]*>" + re.escape(kiosk_name),
                    html, re.S)
    assert row, f"{kiosk_name} is not on the fleet page"
    return html_text.unescape(re.sub(r"<[^>]+>", " ", row.group(1)))


def _video(path, frames: int = 40) -> VideoFileSource:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15.0, (160, 120))
    assert writer.isOpened()
    for i in range(frames):
        writer.write(np.full((120, 160, 3), i % 255, np.uint8))
    writer.release()
    return VideoFileSource(path)


def test_a_broken_camera_turns_the_kiosk_red_and_recovery_green(qtbot, kiosk, office, app, tmp_path) -> None:  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    k = kiosk("Hall C", building_id(1))
    board = PartsBoard()
    board.part_state("printer", "ok")
    board.part_state("speech", "ok")
    k.engine.health = HealthCollector(k.store, parts=board.snapshot, disk_free=lambda: 50 * GB)

    def report_now() -> str:
        k.engine._health_sent_at = 0.0  # the next cycle reports (the heartbeat's minute has passed)
        k.sync()
        return _health_cell(admin.get("/admin/kiosks").text, "Hall C")

    with TestClient(app) as admin:
        login(admin)
        broken = CameraWorker(VideoFileSource(tmp_path / "video0-missing.avi"), board=board,
                              failures_before_unavailable=1, retry_interval_s=0.01)
        with qtbot.waitSignal(broken.camera_state_changed, timeout=TIMEOUT_MS,
                              check_params_cb=lambda s: s == "unavailable"):
            broken.start()
        broken.stop()
        cell = report_now()
        assert "Rouge" in cell and "la caméra ne donne plus d'images" in cell

        working = CameraWorker(_video(tmp_path / "video0.avi"), board=board)
        with qtbot.waitSignal(working.source_ended, timeout=TIMEOUT_MS):
            working.start()
        working.stop()
        # 40 frames in the last 5 s: 8 images a second, above the slow-camera threshold.
        cell = report_now()
        assert "Vert" in cell, cell


def test_a_run_that_did_not_end_cleanly_is_a_restart_shown_on_the_fleet_page(kiosk, office, app) -> None:  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    k = kiosk("Hall D", building_id(1))
    k.engine.health = HealthCollector(k.store, parts=lambda: {"camera": "ok", "camera_fps": 15.0},
                                      disk_free=lambda: 50 * GB)
    assert note_start(k.store) is False
    note_clean_exit(k.store)
    assert note_start(k.store) is False      # a clean exit before: no restart counted
    assert note_start(k.store) is True       # killed (watchdog, crash): counted
    with TestClient(app) as admin:
        login(admin)
        k.engine._health_sent_at = 0.0
        k.sync()
        cell = _health_cell(admin.get("/admin/kiosks").text, "Hall D")
        assert "Orange" in cell and "plantage" in cell
        report = k.engine.health.report()
        assert report.watchdog_restarts == 1
        crash = datetime.fromisoformat(report.last_crash_at)
        assert datetime.now(timezone.utc) - crash < timedelta(minutes=1)
