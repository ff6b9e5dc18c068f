"""The camera worker: confirmed reads once per card, reconnection, newest frame wins, stop()."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from kiosk.camera.sources import SourceEnded, SourceUnavailable, VideoFileSource
from kiosk.camera.worker import CameraWorker, FrameSlot, ReadConfirmer, preview_image

from camera_helpers import card_frame, write_video

pytestmark = pytest.mark.gui
TIMEOUT_MS = 20000  # generous: a loaded CI machine; the tests wait on signals, not on time


def _record(worker: CameraWorker) -> tuple[list[str], list[str]]:
    reads: list[str] = []
    states: list[str] = []
    worker.card_read.connect(reads.append)
    worker.camera_state_changed.connect(states.append)
    return reads, states


def _run_to_end(qtbot, worker: CameraWorker) -> None:
    with qtbot.waitSignal(worker.source_ended, timeout=TIMEOUT_MS):
        worker.start()
    worker.stop()


@pytest.mark.parametrize("second", ["B", "A"])
def test_video_reports_each_card_shown_exactly_once(qtbot, tmp_path, card_texts, second):
    a = card_texts[0]
    b = card_texts[1] if second == "B" else a  # the same card shown again after leaving view
    frames = [card_frame(a)] * 12 + [card_frame(None)] * 8 + [card_frame(b, angle=10)] * 12
    worker = CameraWorker(VideoFileSource(write_video(tmp_path / "cards.avi", frames)))
    reads, states = _record(worker)
    _run_to_end(qtbot, worker)
    assert reads == [a, b]
    assert states == ["ok"]


def test_a_code_seen_on_a_single_frame_is_not_reported(qtbot, tmp_path, card_texts):
    frames = [card_frame(None)] * 3 + [card_frame(card_texts[0])] + [card_frame(None)] * 3
    worker = CameraWorker(VideoFileSource(write_video(tmp_path / "flash.avi", frames)))
    reads, _ = _record(worker)
    _run_to_end(qtbot, worker)
    assert reads == []


class ScriptedSource:
    """A fake camera: ``opens`` says whether each open() succeeds; ``frames`` is what each
    read() gives: an image, None (no frame) or an exception to raise."""

    live = False
    description = "scripted camera"

    def __init__(self, opens: list[bool], frames: list) -> None:
        self.opens, self.frames = list(opens), list(frames)
        self.open_calls = self.close_calls = 0

    def open(self) -> None:
        self.open_calls += 1
        if self.opens and not self.opens.pop(0):
            raise SourceUnavailable("unplugged")

    def read(self):
        if not self.frames:
            raise SourceEnded(self.description)
        item = self.frames.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    def close(self) -> None:
        self.close_calls += 1


@pytest.mark.parametrize("failure", [None, OSError("device disconnected")], ids=["no-frame", "raises"])
def test_a_camera_that_goes_away_is_reported_and_comes_back(qtbot, card_texts, failure):
    a, b = card_texts[0], card_texts[1]
    source = ScriptedSource(opens=[True, False, False, True],
                            frames=[card_frame(a)] * 4 + [failure] + [card_frame(b)] * 4)
    worker = CameraWorker(source, failures_before_unavailable=1, retry_interval_s=0.01)
    reads, states = _record(worker)
    _run_to_end(qtbot, worker)
    assert states == ["ok", "unavailable", "ok"]
    assert reads == [a, b]
    assert source.open_calls == 4


def test_a_camera_absent_at_start_is_unavailable_then_ok(qtbot, card_texts):
    source = ScriptedSource(opens=[False, True], frames=[card_frame(card_texts[2])] * 3)
    worker = CameraWorker(source, retry_interval_s=0.01)
    reads, states = _record(worker)
    _run_to_end(qtbot, worker)
    assert states == ["unavailable", "ok"]
    assert reads == [card_texts[2]]


def test_isolated_missing_frames_do_not_make_the_camera_unavailable(qtbot, card_texts):
    frames = [card_frame(card_texts[0]), None, card_frame(card_texts[0]), None, None] * 2
    worker = CameraWorker(ScriptedSource([True], frames), failures_before_unavailable=3)
    reads, states = _record(worker)
    _run_to_end(qtbot, worker)
    assert states == ["ok"]
    assert reads == [card_texts[0]]


def test_a_decoder_error_does_not_stop_the_camera(qtbot, card_texts):
    calls = []

    def flaky(gray):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("decoder bug")
        return [card_texts[0]]

    worker = CameraWorker(ScriptedSource([True], [card_frame(None)] * 4), decode=flaky)
    reads, _ = _record(worker)
    _run_to_end(qtbot, worker)
    assert len(calls) == 4 and reads == [card_texts[0]]


class EndlessCamera:
    """A live source delivering frames like a camera, until closed."""

    live = True
    description = "endless camera"

    def __init__(self, frame: np.ndarray) -> None:
        self.frame = frame
        self.closed = threading.Event()

    def open(self) -> None:
        pass

    def read(self):
        time.sleep(0.002)
        return self.frame.copy()

    def close(self) -> None:
        self.closed.set()


def test_stop_is_idempotent_and_joins(qtbot, card_texts):
    source = EndlessCamera(card_frame(card_texts[0]))
    worker = CameraWorker(source, max_decode_hz=50)
    reads, _ = _record(worker)
    worker.stop()  # before start: harmless
    worker = CameraWorker(source, max_decode_hz=50)
    reads, _ = _record(worker)
    with qtbot.waitSignal(worker.card_read, timeout=TIMEOUT_MS):
        worker.start()
    with qtbot.waitSignal(worker.preview_frame, timeout=TIMEOUT_MS):
        pass
    worker.stop()
    assert not worker.isRunning() and worker.isFinished()
    assert source.closed.is_set()
    worker.stop()  # second call: no error, still stopped
    assert not worker.isRunning()
    assert reads == [card_texts[0]]  # a card held in view the whole time: one event


def test_a_live_source_drops_stale_frames(qtbot, card_texts):
    """The decoder is slower than the camera: the worker must skip frames, not queue them."""
    source = EndlessCamera(card_frame(None))
    decoded = []

    def slow_decode(gray):
        decoded.append(1)
        time.sleep(0.03)
        return []

    worker = CameraWorker(source, decode=slow_decode, max_decode_hz=0)
    with qtbot.waitSignal(worker.preview_frame, timeout=TIMEOUT_MS):
        worker.start()
    qtbot.waitUntil(lambda: len(decoded) >= 5, timeout=TIMEOUT_MS)
    worker.stop()
    assert worker.dropped_frames > 0


def test_frame_slot_keeps_the_newest_frame():
    slot = FrameSlot()
    for value in (1, 2, 3):
        slot.put(np.full((2, 2), value, np.uint8), wait=False)
    slot.push_state("ok")
    frame, states, ended = slot.take(timeout=0)
    assert frame[0, 0] == 3 and slot.dropped == 2
    assert states == ["ok"] and not ended
    slot.end()
    assert slot.take(timeout=0) == (None, [], True)


def test_confirmer_needs_two_reads_and_reports_a_card_in_view_once():
    c = ReadConfirmer(confirmations=2, forget_after=3)
    seq = ["A", "A", "A", None, "A", "A", None, None, None, "A", "A", "B", "B", "A"]
    out = [c.feed([t] if t else []) for t in seq]
    assert [o for o in out if o] == ["A", "A", "B"]
    assert out[1] == "A" and out[10] == "A" and out[12] == "B"  # the confirming frames


def test_confirmer_ignores_alternating_reads():
    c = ReadConfirmer(confirmations=2)
    assert [c.feed([t]) for t in "ABABAB"] == [None] * 6


def test_preview_is_a_downscaled_copy_owning_its_pixels():
    frame = np.zeros((720, 1280, 3), np.uint8)
    frame[:, :, 2] = 255  # red in BGR
    image = preview_image(frame, 480)
    assert (image.width(), image.height()) == (480, 270)
    frame[:] = 0
    colour = image.pixelColor(10, 10)
    assert (colour.red(), colour.green(), colour.blue()) == (255, 0, 0)
    gray = preview_image(np.full((480, 640), 77, np.uint8), 320)
    assert (gray.width(), gray.height()) == (320, 240) and gray.pixelColor(0, 0).red() == 77
