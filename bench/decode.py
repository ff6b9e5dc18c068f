"""Benchmark of the card reader's QR decoding: read rate, false reads and time per frame.

Run from the repository root:

    .venv/bin/python bench/decode.py [--data DIR] [--per-condition N] [--seed S] [--by-condition] [--explore]

Sets:
  photos      real photos (``<data>/photos``), expected text in the ``.txt`` beside each image
  nocode      real photos with no code (``<data>/nocode-*``): every read is a false read
  nocode@640  the same photos resized to 640×480 (the camera's default frame size)
  synth-640 / synth-1280
              card frames generated here from real signed ``CK1:`` payloads, at 640×480 and
              1280×720: rotation, perspective, blur, sensor noise, glare, low contrast,
              small (far) codes, and a clean reference
  hard-640    the conditions that fail today (bench/scenes.py): small+blur, glare+tilt,
              dim+noise, curved card, thumb over a corner, phone screen (moiré), motion
              blur, over the real no-code photos, through a webcam model (noise, MJPG)
  hard-nocode-640
              frames of the same camera with no code (empty cards, thumbs, dim light)
  hard-burst-640
              the hard conditions held still for 4 decoded frames (fresh noise, a hand's
              tremor): read when any frame is; the kiosk's reader keeps its state through
              a burst (tracking, averaging), the others read each frame alone

Variants: each library alone, both together, today's pipeline (``decoder.build_pipeline()``,
kept for this comparison) and the kiosk's (``reader.CardReader``); ``--explore`` adds the
preprocessing variants of issue 5 and the new pipeline's ablations. The run ends with, for
each set, how many of the frames today's pipeline misses the new one reads.

Each decoder variant runs alone on every frame, then the pipelines. A read counts when
the expected text is among the texts returned; any other text is a false read. Times are
per frame on the grayscale image, as the camera worker calls it. The figures go into
docs/performance-decode.md. Deterministic for a given ``--seed``.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

import cv2
import numpy as np
import segno

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a script from a checkout, without installing

sys.path.insert(0, str(REPO / "bench"))

import scenes  # noqa: E402  (bench/scenes.py: the hard conditions)
from kiosk.camera import decoder as dec  # noqa: E402
from kiosk.camera.reader import CardReader  # noqa: E402
from kiosk.camera.rescue import Rescuer  # noqa: E402
from kiosk.domain.cards import CardSigner, Role  # noqa: E402

# The QR development set sits in shared/ beside the checkout (CI, /work/main) or beside
# a folder of worktrees: the first parent that has it.
DEFAULT_DATA = next((p / "shared/data/qr-dev" for p in REPO.parents if (p / "shared/data/qr-dev").is_dir()),
                    REPO.parent / "shared/data/qr-dev")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp"}
CONDITIONS = ("clean", "rotation", "perspective", "blur", "noise", "glare", "low-contrast", "small")


@dataclass
class Frame:
    name: str
    gray: np.ndarray
    expected: str | None  # None: no code in the frame


# ---------------------------------------------------------------- real images


def load_photos(folder: Path) -> tuple[list[Frame], list[str]]:
    frames, skipped = [], []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            continue
        image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
        text_file = path.with_suffix(".txt")
        if image is None or not text_file.exists():
            skipped.append(path.name)
            continue
        frames.append(Frame(path.name, image, text_file.read_bytes().decode("utf-8")))
    return frames, skipped


def load_nocode(data: Path) -> tuple[list[Frame], list[str]]:
    frames, skipped = [], []
    for folder in sorted(data.glob("nocode-*")):
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in IMAGE_SUFFIXES:
                continue
            image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
            if image is None:  # OpenCV's libwebp rejects a few degenerate (1×1) files
                skipped.append(f"{folder.name}/{path.name}")
                continue
            frames.append(Frame(f"{folder.name}/{path.name}", image, None))
    return frames, skipped


# ---------------------------------------------------------------- synthetic frames


def card_payloads(count: int, rng: np.random.Generator | None = None, issued: date | None = None) -> list[str]:
    """Real card texts: signed CK1: payloads, as the kiosk prints them. With ``rng`` the
    key and member ids come from it (Ed25519 signatures are deterministic), so a run is
    repeatable on the same day (the issue date is today's unless ``issued`` is given)."""
    issued = issued or date.today()
    if rng is None:
        signer = CardSigner.generate()
        ids = [uuid.uuid4() for _ in range(count)]
    else:
        signer = CardSigner.from_private_bytes(rng.bytes(32))
        ids = [uuid.UUID(bytes=rng.bytes(16)) for _ in range(count)]
    return [signer.issue(Role.MEMBER, ids[i], 1000 + i, issued, 730)[0] for i in range(count)]


def card_image(text: str, module_px: int = 8) -> np.ndarray:
    """A printed card: the QR (4-module quiet zone) on a white card a bit larger than it."""
    qr = segno.make_qr(text, error="m")
    modules = np.array([list(row) for row in qr.matrix], dtype=np.uint8)
    code = np.where(modules > 0, 20, 235).astype(np.uint8)  # printed ink is not pure black
    code = np.pad(code, 4, constant_values=235)
    code = cv2.resize(code, None, fx=module_px, fy=module_px, interpolation=cv2.INTER_NEAREST)
    h, w = code.shape
    card = np.full((int(h * 1.25), int(w * 1.6)), 235, np.uint8)
    y, x = (card.shape[0] - h) // 2, int(card.shape[1] * 0.08)
    card[y:y + h, x:x + w] = code
    return card


def background(rng: np.random.Generator, size: tuple[int, int]) -> np.ndarray:
    """A lobby-ish scene: smooth shading and a few darker and lighter shapes."""
    w, h = size
    low = rng.uniform(60, 190, (6, 8)).astype(np.float32)
    scene = cv2.resize(low, (w, h), interpolation=cv2.INTER_CUBIC)
    for _ in range(rng.integers(2, 6)):
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
        cv2.rectangle(scene, (x0, y0), (x0 + int(rng.integers(20, w // 3)), y0 + int(rng.integers(20, h // 3))),
                      float(rng.uniform(30, 220)), -1)
    return scene


def synth_frame(rng: np.random.Generator, text: str, size: tuple[int, int], condition: str) -> np.ndarray:
    w, h = size
    card = card_image(text)
    ch, cw = card.shape
    code_px = card.shape[0] / 1.25  # side of the QR with its quiet zone, in card pixels
    # Code side as a share of the frame height: the same scene at both resolutions.
    share = rng.uniform(0.13, 0.2) if condition == "small" else rng.uniform(0.3, 0.5)
    scale = share * h / code_px
    angle = rng.uniform(0, 360) if condition == "rotation" else rng.uniform(-8, 8)
    src = np.float32([[0, 0], [cw, 0], [cw, ch], [0, ch]])
    centred = (src - [cw / 2, ch / 2]) * scale
    rad = np.deg2rad(angle)
    rot = np.float32([[np.cos(rad), -np.sin(rad)], [np.sin(rad), np.cos(rad)]])
    dst = centred @ rot.T
    jitter = 0.22 if condition == "perspective" else 0.03
    span = float(np.ptp(dst[:, 0]))
    dst = dst + rng.uniform(-jitter, jitter, dst.shape) * span
    margin = np.abs(dst).max(axis=0) + 4
    cx = rng.uniform(margin[0], max(margin[0] + 1, w - margin[0]))
    cy = rng.uniform(margin[1], max(margin[1] + 1, h - margin[1]))
    dst = (dst + [cx, cy]).astype(np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(card.astype(np.float32), matrix, (w, h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones_like(card, np.float32), matrix, (w, h), flags=cv2.INTER_LINEAR)
    scene = background(rng, size)
    frame = scene * (1 - mask) + warped * mask
    # Every frame gets a little light falloff and sensor noise; conditions push one harder.
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    frame *= 1.0 - 0.25 * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2)
    if condition == "low-contrast":
        lo, hi = rng.uniform(85, 115), rng.uniform(135, 160)
        frame = lo + (frame / 255.0) * (hi - lo)
        frame *= 1.0 + 0.25 * (xx / w - 0.5)  # side light across the card
    if condition == "glare":
        gx, gy = cx + rng.uniform(-0.3, 0.3) * span, cy + rng.uniform(-0.3, 0.3) * span
        radius = rng.uniform(0.15, 0.3) * span
        blob = np.exp(-(((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * radius ** 2)))
        frame = frame + blob * rng.uniform(140, 230)
    if condition == "blur":
        frame = cv2.GaussianBlur(frame, (0, 0), rng.uniform(1.0, 2.2) * h / 480)
    else:
        frame = cv2.GaussianBlur(frame, (0, 0), 0.6)  # lens softness
    sigma = rng.uniform(14, 30) if condition == "noise" else 3.0
    frame = frame + rng.normal(0, sigma, frame.shape)
    return np.clip(frame, 0, 255).astype(np.uint8)


def synth_frames(rng: np.random.Generator, payloads: list[str], size: tuple[int, int],
                 per_condition: int) -> list[Frame]:
    frames = []
    for condition in CONDITIONS:
        for i in range(per_condition):
            text = payloads[(i + len(frames)) % len(payloads)]
            frames.append(Frame(f"{condition}-{i}", synth_frame(rng, text, size, condition), text))
    return frames


# ---------------------------------------------------------------- measuring


@dataclass
class Score:
    frames: int = 0
    coded: int = 0
    read: int = 0
    false: int = 0
    times: list[float] | None = None
    read_names: set[str] | None = None

    def row(self) -> tuple[str, int, str, str]:
        rate = f"{self.read}/{self.coded} ({100 * self.read / self.coded:.0f} %)" if self.coded else "–"
        times = sorted(self.times or [0.0])
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        return rate, self.false, f"{statistics.median(times):.2f}", f"{p95:.2f}"


def measure(variant: dec.Decoder, frames: list[Frame]) -> tuple[Score, dict[str, Score]]:
    total, by_condition = Score(times=[], read_names=set()), {}
    for frame in frames:
        start = time.perf_counter()
        texts = variant.read(frame.gray).texts
        elapsed = (time.perf_counter() - start) * 1000
        cond = by_condition.setdefault(frame.name.rsplit("-", 1)[0], Score(times=[], read_names=set()))
        for score in (total, cond):
            score.frames += 1
            score.times.append(elapsed)
            if frame.expected is not None:
                score.coded += 1
                if frame.expected in texts:
                    score.read += 1
                    score.read_names.add(frame.name)
            score.false += sum(1 for t in texts if t != frame.expected)
    return total, by_condition


class EachFrameAlone:
    """The kiosk's reader on independent pictures: its tracking is reset before each one
    (frames of a set are unrelated scenes; tracking is measured on videos, in
    bench/presentation.py). Every stage runs as on the first frame a card is seen."""

    def __init__(self, reader: CardReader, name: str) -> None:
        self.reader, self.name = reader, name

    def read(self, gray: np.ndarray) -> dec.Reading:
        return self.reader.read_image(gray)


class InSequence:
    """The reader as the camera worker runs it: state kept from frame to frame (the
    sharpened pass every other frame). For times on empty frames."""

    def __init__(self, reader: CardReader, name: str) -> None:
        self.reader, self.name = reader, name

    def read(self, gray: np.ndarray) -> dec.Reading:
        return self.reader.read(gray)


TODAY = "today's pipeline: decoder.build_pipeline()"
NEW = "kiosk pipeline: reader.CardReader"


def variants(explore: bool = False) -> Iterator[dec.Decoder]:
    """Each library alone, both together, today's pipeline, the new one (and with
    ``explore`` the preprocessing variants of issue 5 and the new pipeline's ablations)."""
    zx, zb = dec.ZxingDecoder(), dec.ZbarDecoder()
    yield zx
    yield zb
    both = dec.Pipeline(zx, zb, fallback_always=True)
    both.name = "zxing+pyzbar (pyzbar on every frame zxing misses)"
    yield both
    if explore:
        yield dec.PreprocessedDecoder(zx, dec.clahe_preprocess, "zxing+clahe")
        yield dec.PreprocessedDecoder(zx, dec.upscale_preprocess, "zxing+upscale2x")
        yield dec.PreprocessedDecoder(zb, dec.clahe_preprocess, "pyzbar+clahe")
        for transform, label in ((dec.clahe_preprocess, "clahe"), (dec.upscale_preprocess, "upscale2x")):
            retry = dec.Pipeline(zx, zb, [dec.PreprocessedDecoder(zx, transform, f"zxing+{label}")])
            retry.name = f"pipeline + {label} retry (if located)"
            yield retry
    today = dec.build_pipeline()
    today.name = TODAY
    yield today
    yield EachFrameAlone(CardReader(), NEW)
    if explore:
        for label, kwargs in (("no finder search", dict(use_finders=False)),
                              ("no sharpened pass", dict(sharpen_every=0)),
                              ("no tracking", dict(use_tracking=False)),
                              ("no grid decoder", dict(use_grid=False)),
                              ("grid without summing frames", dict(grid_sum=False))):
            yield EachFrameAlone(CardReader(**kwargs), f"{NEW}, {label}")
        strategies = Rescuer(zx, zb).strategies
        rescue_zx = dec.ZxingDecoder(report_located=False)
        rescuer = Rescuer(rescue_zx, zb, strategies=("upscale",) + strategies)
        yield EachFrameAlone(CardReader(rescuer=rescuer), f"{NEW}, rescue with upscale first")
        for dropped in strategies:
            kept = tuple(x for x in strategies if x != dropped)
            rescuer = Rescuer(rescue_zx, zb, strategies=kept)
            yield EachFrameAlone(CardReader(rescuer=rescuer), f"{NEW}, rescue without {dropped}")


@dataclass
class Burst:
    name: str
    grays: list[np.ndarray]
    expected: str


def hard_bursts(rng: np.random.Generator, payloads: list[str], backgrounds: list[np.ndarray], per_condition: int,
                frames: int = 4, size: tuple[int, int] = (640, 480)) -> list[Burst]:
    """A card held still for ``frames`` decoded frames (~0.27 s at 15 Hz), per condition."""
    return [Burst(f"{cond}-{i}", [dec.to_gray(f) for f in scenes.hard_burst(rng, payloads[i % len(payloads)], size,
                                                                            cond, backgrounds, frames)],
                  payloads[i % len(payloads)])
            for cond in scenes.HARD_CONDITIONS for i in range(per_condition)]


def measure_bursts(variant: dec.Decoder, bursts: list[Burst]) -> tuple[Score, dict[str, Score]]:
    """A burst is read when any of its frames is; the reader keeps its state through a
    burst (tracking, averaging) and starts afresh on the next."""
    total, by_condition = Score(times=[], read_names=set()), {}
    for burst in bursts:
        reader = getattr(variant, "reader", None)
        if reader is not None:
            reader.reset()
        texts: set[str] = set()
        cond = by_condition.setdefault(burst.name.rsplit("-", 1)[0], Score(times=[], read_names=set()))
        for gray in burst.grays:
            start = time.perf_counter()
            got = reader.read(gray).texts if reader is not None else variant.read(gray).texts
            elapsed = (time.perf_counter() - start) * 1000
            texts.update(got)
            for score in (total, cond):
                score.times.append(elapsed)
        for score in (total, cond):
            score.frames += 1
            score.coded += 1
            if burst.expected in texts:
                score.read += 1
                score.read_names.add(burst.name)
            score.false += sum(1 for t in texts if t != burst.expected)
    return total, by_condition


def hard_sets(rng: np.random.Generator, payloads: list[str], backgrounds: list[np.ndarray],
              per_condition: int, size: tuple[int, int] = (640, 480)) -> dict[str, list[Frame]]:
    """The conditions that fail today (bench/scenes.py) and no-code frames of the same camera."""
    hard = [Frame(f"{cond}-{i}", dec.to_gray(scenes.hard_frame(rng, payloads[i % len(payloads)], size, cond,
                                                               backgrounds)), payloads[i % len(payloads)])
            for cond in scenes.HARD_CONDITIONS for i in range(per_condition)]
    nocode = [Frame(f"nocode-frame-{i}", dec.to_gray(scenes.nocode_frame(rng, size, backgrounds)), None)
              for i in range(per_condition * 4)]
    return {f"hard-{size[0]}": hard, f"hard-nocode-{size[0]}": nocode}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"QR development set (default {DEFAULT_DATA})")
    parser.add_argument("--per-condition", type=int, default=30, help="synthetic frames per condition and size")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--by-condition", action="store_true", help="also print synthetic read rates per condition")
    parser.add_argument("--explore", action="store_true",
                        help="also the preprocessing variants and the new pipeline's ablations (slower)")
    parser.add_argument("--sets", default="", help="comma-separated subset of the sets to run (default: all)")
    args = parser.parse_args(argv)

    sets: dict[str, list[Frame]] = {}
    backgrounds: list[np.ndarray] = []
    if not (args.data / "photos").is_dir():
        print(f"bench: the QR development set is not at {args.data} (expected photos/ and nocode-*/);"
              " pass --data DIR. Running on synthetic frames only, over synthetic scenes.", file=sys.stderr)
    else:
        photos, skipped = load_photos(args.data / "photos")
        nocode, skipped_nc = load_nocode(args.data)
        backgrounds = scenes.load_backgrounds(args.data)
        print(f"photos: {len(photos)} images read, {len(skipped)} skipped {skipped}")
        print(f"nocode: {len(nocode)} images read, {len(skipped_nc)} skipped (unreadable by OpenCV) {skipped_nc}")
        sets["photos"] = photos
        sets["nocode"] = nocode
        sets["nocode@640"] = [Frame(f.name, cv2.resize(f.gray, (640, 480)), None) for f in nocode]
    rng = np.random.default_rng(args.seed)
    payloads = card_payloads(12, rng)
    print(f"card payloads: {len(payloads[0])} characters, QR version {segno.make_qr(payloads[0], error='m').version}-M")
    sets["synth-640"] = synth_frames(rng, payloads, (640, 480), args.per_condition)
    sets["synth-1280"] = synth_frames(rng, payloads, (1280, 720), args.per_condition)
    sets.update(hard_sets(rng, payloads, backgrounds, args.per_condition))
    bursts = hard_bursts(rng, payloads, backgrounds, max(1, args.per_condition // 2))
    if args.sets:
        wanted = set(args.sets.split(","))
        sets = {k: v for k, v in sets.items() if k in wanted}
        if "hard-burst-640" not in wanted:
            bursts = []

    print(f"machine: {platform.machine()}, {platform.processor() or '?'}, cores: {len(os.sched_getaffinity(0))},"
          f" python {platform.python_version()}, opencv {cv2.__version__}, decoders {dec.available_decoders()},"
          f" load {os.getloadavg()[0]:.1f}")
    print()
    print("| set | decoder | read rate | false reads | median ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    details: list[str] = []
    read_by: dict[tuple[str, str], Score] = {}
    for set_name, frames in sets.items():
        for variant in variants(args.explore):
            total, by_condition = measure(variant, frames)
            read_by[(set_name, variant.name)] = total
            rate, false, med, p95 = total.row()
            print(f"| {set_name} ({len(frames)}) | {variant.name} | {rate} | {false} | {med} | {p95} |", flush=True)
            if set_name.startswith(("synth", "hard-6", "hard-1")):
                details.append(f"{set_name} {variant.name}: " + ", ".join(
                    f"{c} {s.read}/{s.coded}" for c, s in by_condition.items()))
        if set_name in ("nocode@640", "hard-nocode-640"):
            seq = InSequence(CardReader(), f"{NEW}, in sequence (as the worker runs it)")
            total, _ = measure(seq, frames)
            rate, false, med, p95 = total.row()
            print(f"| {set_name} ({len(frames)}) | {seq.name} | {rate} | {false} | {med} | {p95} |", flush=True)
    if bursts:
        name = f"hard-burst-640 ({len(bursts)} bursts of {len(bursts[0].grays)} frames)"
        for variant in variants(args.explore):
            total, by_condition = measure_bursts(variant, bursts)
            read_by[("hard-burst-640", variant.name)] = total
            rate, false, med, p95 = total.row()
            print(f"| {name} | {variant.name} | {rate} | {false} | {med} | {p95} |", flush=True)
            details.append(f"hard-burst-640 {variant.name}: " + ", ".join(
                f"{c} {s.read}/{s.coded}" for c, s in by_condition.items()))
    if args.by_condition:
        print()
        print("\n".join(details))
    coded_names = {name: {f.name for f in frames if f.expected is not None} for name, frames in sets.items()}
    if bursts:
        coded_names["hard-burst-640"] = {b.name for b in bursts}
    for set_name, names in coded_names.items():
        today, new = read_by.get((set_name, TODAY)), read_by.get((set_name, NEW))
        if today is None or new is None or not today.coded:
            continue
        missed = names - today.read_names
        rescued = missed & new.read_names
        lost = today.read_names - new.read_names
        share = f"{100 * len(rescued) / len(missed):.0f} %" if missed else "–"
        print(f"{set_name}: today's pipeline misses {len(missed)} frames, the new one reads {len(rescued)} of them"
              f" ({share}); it misses {len(lost)} that today's reads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
