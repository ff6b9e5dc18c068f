"""The camera worker's state reaches the health report (kiosk/domain/parts.py)."""

from __future__ import annotations

import pytest

from kiosk.camera.sources import VideoFileSource
from kiosk.camera.worker import CameraWorker
from kiosk.domain.parts import PartsBoard
from kiosk.protocol.health import HealthReport

from camera_helpers import card_frame, write_video

pytestmark = pytest.mark.gui
TIMEOUT_MS = 20000


def _report(board: PartsBoard) -> HealthReport:
    return HealthReport(version="t", uptime_s=1, disk_free_bytes=1, outbox_pending=0, **board.snapshot())


def test_a_missing_camera_file_is_an_error_in_the_health_report(qtbot, tmp_path):
    board = PartsBoard()
    assert _report(board).camera == "unknown"
    worker = CameraWorker(VideoFileSource(tmp_path / "no-such-camera.avi"), board=board,
                          failures_before_unavailable=1, retry_interval_s=0.01)
    with qtbot.waitSignal(worker.camera_state_changed, timeout=TIMEOUT_MS,
                          check_params_cb=lambda s: s == "unavailable"):
        worker.start()
    worker.stop()
    report = _report(board)
    assert report.camera == "error" and report.camera_fps == 0.0


def test_a_working_camera_is_ok_with_its_frame_rate(qtbot, tmp_path, card_texts):
    board = PartsBoard()
    board.camera_state("unavailable")
    video = write_video(tmp_path / "cards.avi", [card_frame(card_texts[0])] * 6)
    worker = CameraWorker(VideoFileSource(video), board=board)
    with qtbot.waitSignal(worker.source_ended, timeout=TIMEOUT_MS):
        worker.start()
    worker.stop()
    report = _report(board)
    assert report.camera == "ok" and report.camera_fps > 0


def test_printer_and_speech_states_are_reported_and_bad_values_are_unknown():
    board = PartsBoard()
    board.part_state("printer", "absent")
    board.part_state("speech", "bogus")
    report = _report(board)
    assert (report.printer, report.speech) == ("absent", "unknown")
    with pytest.raises(ValueError):
        board.part_state("camera", "ok")
