"""A card shown to the camera: time to the read, and from the read to the member screen.

Run from the repository root (offscreen, no camera needed):

    .venv/bin/python bench/presentation.py [--clips 3] [--data DIR] [--seed S]

Clips (bench/clips.py): for each condition (clean, small+blur, glare+tilt, dim+noise,
curved, thumb, phone-moire), ``--clips`` 640×480 30 fps MJPG videos where a real card of
a member of the demo store enters the frame, moves, then is held still, with motion
blur and auto-exposure changes; plus clips of a card with no code (false reads).

Each clip plays at camera speed (paced at 30 fps, newest frame wins, decoding at the
worker's 15 Hz) through the REAL camera worker (``kiosk/camera/worker.py``) inside the
kiosk's real window (``kiosk.app.build_window`` on a seeded encrypted store, the real
task pool): the scan screen is opened, its panel starts the worker, the read goes to the
member screen, which verifies the card on the pool and paints the member's space.
Measured per clip:
  still → read   from the moment the first held-still frame leaves the source to the
                 worker's ``card_read`` (a read before the card is still counts as 0 ms,
                 and is counted apart);
  read → paint   from ``card_read`` to the first paint of the member's greeting.
Both pipelines in the same run, clip by clip: today's (``decoder.build_pipeline()``,
confirmation on two consecutive reads) and the kiosk's (``reader.CardReader``).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import clips  # noqa: E402
import scenes  # noqa: E402

DEFAULT_DATA = next((p / "shared/data/qr-dev" for p in REPO.parents if (p / "shared/data/qr-dev").is_dir()),
                    REPO.parent / "shared/data/qr-dev")
TIMEOUT_S = 6.0


class TimedVideo:
    """A video file played like a camera (paced, live, its last frame repeated: a camera
    never ends) that notes when a given frame was delivered."""

    def __init__(self, path: Path, fps: float, mark_frame: int) -> None:
        from kiosk.camera.sources import VideoFileSource
        self._inner = VideoFileSource(path, fps=fps)
        self.live, self.description = True, self._inner.description
        self.mark_frame, self.marked_at, self._index, self._last = mark_frame, None, 0, None

    def open(self) -> None:
        self._inner.open()

    def read(self):
        from kiosk.camera.sources import SourceEnded
        try:
            frame = self._last = self._inner.read()
        except SourceEnded:  # a camera never ends: the card stays held in its last position
            time.sleep(1 / 30)
            frame = self._last.copy()
        if self._index == self.mark_frame:
            self.marked_at = time.monotonic()
        self._index += 1
        return frame

    def close(self) -> None:
        self._inner.close()


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _build_kiosk(tmp: Path, members: int = 5):
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.demo import data
    from kiosk.demo.seed import seed_demo
    from kiosk.services.notice import load_notice
    from kiosk.store.opening import open_store
    from kiosk.domain.members import EnrollmentForm

    config = load_config(env={}, data_dir=tmp / "data").with_values(
        key_store="file", buildings=list(data.DEMO_KIOSK_BUILDINGS), log_dir=tmp / "logs", fullscreen=False)
    app = create_qapp()
    store = open_store(config)
    seed_demo(store, members=members)
    services = compose_services(config, store)
    choices = services.membership.members.place_choices()
    b = choices.buildings[0]
    flat = choices.flats[choices.entrances[b.id][0].id][3]
    form = EnrollmentForm(first_name="Zénobie", last_name="Martin", building_id=flat.building_id, flat_id=flat.id,
                          phone="06 12 34 56 78", email="", language="fr", sms_opt_in=False,
                          newsletter_opt_in=False, notice_accepted=True)
    card = services.membership.members.enroll(form, load_notice("fr")).card.text
    from kiosk.tasks import Tasks
    # The synchronous task runner of the UI tests: with the pool, PySide6 6.12 hit a
    # refcount error ("deallocating None") within a few clips on this machine.
    window = build_window(config, services, tasks=Tasks(services, None))
    window.resize(1080, 1920)
    window.show()
    return app, window, store, card


def run_clip(app, window, clip: clips.Clip, decode, max_gap: int) -> tuple[float | None, float | None, bool]:
    """(still → read ms, read → paint ms, read before still) for one clip, or Nones."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QLabel
    from kiosk.camera.worker import CameraWorker

    source = TimedVideo(clip.path, clip.fps, clip.still_frame)
    marks: dict[str, float] = {}
    lock = threading.Lock()

    def make_worker(cls=None, config=None, parent=None):
        worker = CameraWorker(source, decode=decode, max_gap=max_gap)
        confirm = worker._confirmer.feed

        def feed(texts):  # camera thread: the worker emits card_read right after this returns a text
            text = confirm(texts)
            if text is not None:
                with lock:
                    marks.setdefault("read", time.monotonic())
                    marks.setdefault("text_ok", float(text == clip.text))
            return text
        worker._confirmer.feed = feed  # timing only; Qt signals untouched
        return worker

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt name
            if event.type() == QEvent.Type.Paint and "read" in marks:
                marks.setdefault("painted", time.monotonic())
            return False

    watch = PaintWatch()

    def on_screen_opened(name: str) -> None:
        if name == "member":  # watch the greeting of the member's space, which paints once verified
            label = window.current().findChild(QLabel, "space_hello")
            if label is not None:
                label.installEventFilter(watch)

    window.screen_opened.connect(on_screen_opened)
    original = CameraWorker.from_config
    CameraWorker.from_config = classmethod(make_worker)  # the scan panel builds its worker through this
    try:
        window.open("scan")
        deadline = time.monotonic() + clip.frames / clip.fps + TIMEOUT_S
        while time.monotonic() < deadline and "painted" not in marks:
            app.processEvents()
            time.sleep(0.001)
            if clip.text is None and "read" in marks:
                break
        if clip.text is None:
            end = time.monotonic() + 0.2
            while time.monotonic() < end:
                app.processEvents()
    finally:
        CameraWorker.from_config = original
        window.screen_opened.disconnect(on_screen_opened)
        window.reset()
        for _ in range(5):
            app.processEvents()
    if "read" not in marks or source.marked_at is None and marks.get("read") is None:
        return None, None, False
    if clip.text is None or not marks.get("text_ok"):
        return -1.0, None, False  # a false read
    still = source.marked_at
    early = still is None or marks["read"] < still
    to_read = 0.0 if early else (marks["read"] - still) * 1000
    to_paint = (marks["painted"] - marks["read"]) * 1000 if "painted" in marks else None
    return to_read, to_paint, early


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clips", type=int, default=3, help="clips per condition")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=20261202)
    args = parser.parse_args(argv)

    from kiosk.camera import decoder as dec
    from kiosk.camera.reader import CardReader

    backgrounds = scenes.load_backgrounds(args.data if args.data.is_dir() else None)
    with tempfile.TemporaryDirectory(prefix="kiosk-presentation-") as tmpdir:
        tmp = Path(tmpdir)
        app, window, store, card = _build_kiosk(tmp)
        made: list[clips.Clip] = []
        start = time.perf_counter()
        for ci, condition in enumerate(clips.HELD_CONDITIONS):
            for k in range(args.clips):
                seed = args.seed + 100 * ci + k
                made.append(clips.make_clip(tmp / f"{condition}-{k}.avi", card, condition, backgrounds, seed))
        for k in range(args.clips):
            made.append(clips.make_clip(tmp / f"nocode-{k}.avi", None, ("clean", "dim+noise", "thumb")[k % 3],
                                        backgrounds, args.seed + 999 + k))
        print(f"{len(made)} clips made in {time.perf_counter() - start:.0f} s; machine: {platform.machine()},"
              f" cores {len(os.sched_getaffinity(0))}, load {os.getloadavg()[0]:.1f}, python {platform.python_version()}")
        today_pipeline = dec.build_pipeline()
        pipelines = {
            "today": (lambda: (lambda gray: today_pipeline.read(gray).texts), 0),
            "new": (lambda: CardReader(), 1),
        }
        results: dict[str, dict[str, list]] = {name: {} for name in pipelines}
        for clip in made:
            for name, (factory, gap) in pipelines.items():  # clip by clip: the same load for both
                results[name].setdefault(clip.condition if clip.text else "no code", []).append(
                    run_clip(app, window, clip, factory(), gap))
        window.close()
        store.close()

    print()
    print("| pipeline | condition | read | read before still | still → read median ms | p95 ms |"
          " read → member screen median ms | p95 ms |")
    print("|---|---|---|---|---|---|---|---|")
    for name, by_condition in results.items():
        every: list[tuple] = []
        for condition, rows in by_condition.items():
            _row(name, condition, rows)
            if condition != "no code":
                every += rows
        _row(name, "all with a card", every)
    return 0


def _row(name: str, condition: str, rows: list[tuple]) -> None:
    if condition == "no code":
        false = sum(1 for r in rows if r[0] == -1.0)
        print(f"| {name} | no code ({len(rows)} clips) | false reads: {false} | | | | | |")
        return
    reads = [r for r in rows if r[0] is not None and r[0] >= 0]
    false = sum(1 for r in rows if r[0] == -1.0)
    early = sum(1 for r in reads if r[2])
    to_read = [r[0] for r in reads]
    to_paint = [r[1] for r in reads if r[1] is not None]

    def stat(values):
        return (f"{statistics.median(values):.0f}", f"{_percentile(values, 0.95):.0f}") if values else ("–", "–")

    med, p95 = stat(to_read)
    pmed, pp95 = stat(to_paint)
    extra = f" ({false} wrong)" if false else ""
    print(f"| {name} | {condition} | {len(reads)}/{len(rows)}{extra} | {early} | {med} | {p95} | {pmed} | {pp95} |",
          flush=True)


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # Leave without finalizing: Qt objects of the window and threads torn down by the
    # interpreter's shutdown have aborted it here, after the figures.
    os._exit(code)
