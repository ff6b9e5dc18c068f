"""The card reader of one camera: the engines, then second looks where a code was seen.

Job: ``CardReader.read(gray) -> Reading`` for each decoded frame of one camera, in order
(the worker holds one reader), and ``read_image(gray)`` for a single picture (the CLI,
``decode`` at the end of this module). Stages, each only when the one before read nothing:
  1. the engines as before (``decoder.build_pipeline()``: zxing-cpp; pyzbar and a 2×
     retry only when zxing-cpp located a code) — "today's pipeline" in the benchmark;
  2. finder patterns located (``kiosk.camera.locate``), and the rescue
     (``kiosk.camera.rescue``) inside each region they give;
  3. the card's modules read by the project's own decoder (``kiosk.camera.gridread``)
     where finders or an engine located a code (every other frame in sequence);
  3b. nothing located at all (on the sharpened pass's frames, and every frame while a
     card read that way is tracked): a card smeared by motion, found as a square patch
     of dense edges and deconvolved along the smear (``kiosk.camera.deblur``);
  4. the region tracked from the last frames where a code was located or read (the
     card moved a little, blurred, or a finger went over a finder), rescued the same way.
Averaging the tracked crop over the frames it held still was measured and dropped: it
read none of the bursts the rest missed (docs/performance-decode.md).

Constraints:
- A frame with no code costs one zxing-cpp pass and the finder search (≈1.5 ms at
  640×480); the rescues run only where finders or a tracked region are.
- The tracked region is forgotten after ``track_frames`` decoded frames without a code
  located or read, so a card taken away does not keep the reader busy.
- Rescue stages return only well-formed card texts (see ``kiosk.camera.rescue``).
- No Qt; one reader per camera thread (it keeps state between frames).
"""

from __future__ import annotations

import numpy as np

from kiosk.camera import decoder as dec
from kiosk.camera import deblur, gridread
from kiosk.camera.locate import Region, find_finders, group_regions, region_around
from kiosk.camera.rescue import CARD_MODULES, Rescuer, grid_hypotheses, unsharp
from kiosk.domain.cards import is_well_formed


def _quad_region(quad: np.ndarray, shape: tuple[int, ...]) -> Region:
    side = float(max(np.linalg.norm(quad[1] - quad[0]), np.linalg.norm(quad[3] - quad[0])))
    module = max(side / CARD_MODULES, 0.5)
    return region_around(quad, module, shape, margin_modules=8.0)


class CardReader:
    """Stateful reader of consecutive frames (see the module docstring)."""

    name = "reader"

    def __init__(self, engines: dec.Decoder | None = None, rescuer: Rescuer | None = None, *,
                 track_frames: int = 8, use_finders: bool = True, use_tracking: bool = True,
                 sharpen_every: int = 3, use_grid: bool = True, grid_every: int = 2, grid_max: int = 4,
                 grid_sum: bool = True, use_deblur: bool = True) -> None:
        self.engines = engines if engines is not None else dec.build_pipeline()
        if rescuer is None:
            zbar = dec.ZbarDecoder() if dec.available_decoders()["pyzbar"] else None
            rescuer = Rescuer(dec.ZxingDecoder(report_located=False), zbar)
        self.rescuer = rescuer
        self._locating = dec.ZxingDecoder()  # the sharpened pass wants located codes too
        self.track_frames = track_frames
        self.use_finders, self.use_tracking = use_finders, use_tracking
        self.sharpen_every = sharpen_every
        self.use_grid, self.grid_every, self.grid_max, self.grid_sum = use_grid, grid_every, grid_max, grid_sum
        self.use_deblur = use_deblur
        self._single = False
        self.last_stage: str | None = None  # which stage read the last frame (benchmark attribution)
        self.reset()

    def reset(self) -> None:
        """Forget the tracked region."""
        self._tracked: Region | None = None
        self._age = 0
        self._frame = 0
        self._grid_fit: gridread.Candidate | None = None  # the last grid whose fixed modules agreed
        self._grid_sum: np.ndarray | None = None         # its equalised values summed over frames
        self._grid_turn = 0
        self._grid_pending: list[gridread.Candidate] = []  # quads located on a frame the grid skipped
        self._smeared = False  # the tracked card was read deblurred: deblur every frame while tracked

    def __call__(self, gray: np.ndarray) -> list[str]:
        """The worker's ``decode`` callable."""
        return self.read(gray).texts

    def read_image(self, gray: np.ndarray) -> dec.Reading:
        """One picture on its own: no tracking from earlier frames."""
        self.reset()
        self._single = True
        try:
            reading = self.read(gray)
        finally:
            self._single = False
            self.reset()
        return reading

    def read(self, gray: np.ndarray) -> dec.Reading:
        self.last_stage = None
        first = self.engines.read(gray)
        if first.quads:
            self._track(_quad_region(first.quads[0], gray.shape))
        if first.texts:
            self.last_stage = "engines"
            return first
        regions = group_regions(find_finders(gray), gray.shape) if self.use_finders else []
        self._frame += 1
        idle = not regions and self._tracked is None and self.sharpen_every
        quads = list(first.quads)
        if idle and self._frame % self.sharpen_every == 1 % self.sharpen_every:
            # Nothing located: one frame in three, one more engine pass on a sharpened frame
            # (≈1 ms). It locates small, soft codes the finder search misses (two pixels
            # a module, blurred); their crop is then rescued, here and on the next frames.
            sharpened = unsharp(gray, 1.0)
            sharp = self._locating.read(sharpened)
            texts = [t for t in sharp.texts if is_well_formed(t)]
            if texts:
                self.last_stage = "sharpened"
                if sharp.quads:
                    self._track(_quad_region(sharp.quads[0], gray.shape))
                return dec.Reading(texts)
            if sharp.quads:
                regions = [_quad_region(sharp.quads[0], gray.shape)]
                quads += sharp.quads
        for region in regions:
            reading = self.rescuer.read(gray, region)
            if reading.texts:
                self.last_stage = f"finders/{self.rescuer.last_strategy}"
                self._track(region)
                return reading
        if self.use_grid:
            text = self._read_grid(gray, regions, quads)
            if text is not None:
                self.last_stage = "grid"
                return dec.Reading([text])
        if (self.use_deblur and not regions and not quads and self.sharpen_every
                and (self._single or self._smeared or self._frame % self.sharpen_every == 1 % self.sharpen_every)):
            text = self._read_smeared(gray)
            if text is not None:
                self.last_stage = "deblur"
                return dec.Reading([text])
        if regions and not first.quads:
            self._track(regions[0])
        tracked = self._tracked if self.use_tracking else None
        if tracked is None:
            return dec.Reading(located_unread=first.located_unread)
        if not (regions or first.quads):
            self._age += 1
            if self._age > self.track_frames:
                self.reset()
                return dec.Reading()
        if tracked in regions:  # just tried above
            return dec.Reading()
        reading = self.rescuer.read(gray, tracked)
        if reading.texts:
            self.last_stage = f"tracked/{self.rescuer.last_strategy}"
        return reading

    def _read_grid(self, gray: np.ndarray, regions: list[Region], quads: list[np.ndarray]) -> str | None:
        """The card's modules read by the project's decoder (``kiosk.camera.gridread``)
        where finders or an engine located a code: on every other frame in sequence, a
        few grid hypotheses a frame (turning through them), the last grid that fitted
        first, its values summed with the previous frames' while it stays in place."""
        located = [gridread.Candidate.from_quad(quad) for quad in quads]
        if not self._single and self._frame % self.grid_every:
            if located:
                self._grid_pending = located
            return None
        candidates: list[gridread.Candidate] = []
        if self._grid_fit is not None and self._tracked is not None:
            candidates.append(self._grid_fit)
        candidates += located or (self._grid_pending if self._tracked is not None else [])
        self._grid_pending = []
        hypotheses = [gridread.Candidate(c) for region in regions if len(region.finders) >= 2
                      for c in grid_hypotheses(region.finders)]
        if len(hypotheses) > self.grid_max and not self._single:
            turn = self._grid_turn % len(hypotheses)
            hypotheses = hypotheses[turn:] + hypotheses[:turn]
            self._grid_turn += self.grid_max
        candidates += hypotheses
        for candidate in candidates[:self.grid_max]:
            samples = gridread.sample(gray, candidate.centres, start=candidate.start)
            if samples is None or samples.agreement < gridread.MIN_AGREEMENT:
                continue
            text = gridread.decode(samples)
            summed = None
            if self.grid_sum and not self._single:
                eq = gridread.equalise(samples.soft)
                last = self._grid_fit
                if last is not None and self._grid_sum is not None and last.near(samples.transform):
                    self._grid_sum = self._grid_sum + eq
                    summed = self._grid_sum
                else:
                    self._grid_sum = eq
            self._grid_fit = gridread.Candidate.from_transform(samples.transform)
            if text is None and summed is not None:
                text = gridread.qrcodec.decode_modules(summed)
            if text is not None and is_well_formed(text):
                if self._tracked is None:
                    self._track(_quad_region(gridread.quad_of(samples.transform), gray.shape))
                return text
        return None

    def _read_smeared(self, gray: np.ndarray) -> str | None:
        """Nothing located (on the sharpened pass's frames): a card smeared by motion,
        its patch of dense edges deconvolved along the smear (``kiosk.camera.deblur``).
        Once a smeared card was read, on every frame while it is tracked (the worker
        confirms a card on two reads at most one frame apart)."""
        for box in deblur.textured_patches(gray):
            found = deblur.read_smeared(gray, box)
            if found is not None and is_well_formed(found[0]):
                self._track(_quad_region(found[1], gray.shape))
                self._smeared = True
                return found[0]
        return None

    def _track(self, region: Region) -> None:
        self._tracked, self._age = region, 0


_default: CardReader | None = None  # the reader behind decode(), built on first use


def decode(image: np.ndarray) -> list[str]:
    """Texts of the QR codes in ``image`` (grayscale or BGR), or ``[]``: the camera's
    reader (``kiosk.camera.reader.CardReader``) on one picture, without tracking."""
    global _default
    if _default is None:  # built on first use
        _default = CardReader()
    if image is None or image.size == 0 or min(image.shape[:2]) < 21:
        return []  # smaller than a version-1 QR at one pixel per module
    return _default.read_image(dec.to_gray(image)).texts
