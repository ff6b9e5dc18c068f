"""Second looks at a region that probably holds a code the engines could not read.

Job: ``Rescuer.read(gray, region)`` tries, inside one crop (``kiosk.camera.locate``),
what the engines do not try on a whole frame, cheapest first, and stops at the first
card read:
  sharpen     the crop resampled to about 4 px per module (bicubic), unsharp-masked:
              small, far and soft codes
  smooth      the same crop smoothed: a phone screen's pixel grid, aliased into moiré
  upscale     the resampled crop alone (not in the default list: it read nothing that
              sharpen and smooth miss, and cost a fifth of the rescue time)
  refinder    the crop mapped onto the code's grid from its finder patterns (an affine
              from three finders, or from two and each place the third can be) with
              clean finder patterns painted back: a thumb or a reflection over a
              finder, which stops both engines from locating the code at all
  zbar        pyzbar on the upscaled crop: it samples differently and reads some
              phone screens (moiré) zxing-cpp does not
Strategies measured and dropped (docs/performance-decode.md) are not here.

Constraints:
- Only texts that are well-formed cards (``kiosk.domain.cards.is_well_formed``) come out
  of a rescue: the kiosk only reads cards, and a second look at a patterned wall must
  never become a read (0 false reads on the no-code photos and frames).
- Bounded: each strategy works on a crop of at most ``MAX_SIDE`` pixels, and a region
  costs a few milliseconds at most.
- No Qt (import-linter contract); no state: one instance serves one thread.
"""

from __future__ import annotations

from typing import Callable, Iterable

import cv2
import numpy as np

from kiosk.camera.decoder import Decoder, Reading
from kiosk.camera.locate import Finder, Region
from kiosk.domain.cards import is_well_formed

# A card's text (CK1: + 149 base32 characters, alphanumeric mode, level M) is always a
# version 6 code: 41 modules a side (tests/camera/test_camera_rescue.py checks it).
CARD_MODULES = 41
MAX_SIDE = 480          # crops are resampled to at most this side
TARGET_MODULE_PX = 4.0  # what the engines sample best in the benchmark (3 reads less, 5 no more)

Strategy = Callable[[np.ndarray, Region], Reading]


def _cards(reading: Reading) -> Reading:
    return Reading([t for t in reading.texts if is_well_formed(t)], reading.located_unread)


def crop(gray: np.ndarray, region: Region) -> tuple[np.ndarray, float]:
    """The region's pixels resampled to about TARGET_MODULE_PX per module (at most
    MAX_SIDE on a side, never below the original), and the scale used."""
    patch = gray[region.y0:region.y1, region.x0:region.x1]
    side = max(patch.shape[:2])
    if side == 0:
        return patch, 1.0
    scale = TARGET_MODULE_PX / max(region.module_px, 0.5)
    scale = float(np.clip(scale, 1.0, max(1.0, MAX_SIDE / side)))
    if scale > 1.05:
        patch = cv2.resize(patch, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    return np.ascontiguousarray(patch), scale


def unsharp(image: np.ndarray, sigma: float, amount: float = 1.5) -> np.ndarray:
    soft = cv2.GaussianBlur(image, (0, 0), sigma)
    return cv2.addWeighted(image, 1 + amount, soft, -amount, 0)


# ---------------------------------------------------------------- finder repair

_FINDER = np.ones((7, 7), np.uint8)
_FINDER[1:6, 1:6] = 0
_FINDER[2:5, 2:5] = 1


def _painted(canvas: np.ndarray, n: int, px: int, quiet: int, dark: int, light: int) -> None:
    """Paint the three finder patterns (and their light separators) of an n-module code
    drawn at ``px`` pixels a module after ``quiet`` modules of margin."""
    big = np.kron(_FINDER, np.ones((px, px), np.uint8))
    for mx, my in ((0, 0), (n - 7, 0), (0, n - 7)):
        x0, y0 = (quiet + mx) * px, (quiet + my) * px
        sx0, sy0 = max(0, x0 - px), max(0, y0 - px)
        canvas[sy0:y0 + 8 * px, sx0:x0 + 8 * px] = light  # separator band around it
        canvas[y0:y0 + 7 * px, x0:x0 + 7 * px] = np.where(big > 0, dark, light)


def grid_hypotheses(finders: tuple[Finder, ...]) -> Iterable[np.ndarray]:
    """Finder centres (3×2, in TL, TR, BL order) of the card codes these finders can
    belong to: the three themselves, or two of them and each place the third can be
    (along an edge or across the diagonal, on either side), the implausible dropped."""
    pts = [np.array([f.x, f.y]) for f in finders]
    module = float(np.mean([f.side for f in finders])) / 7.0
    span = CARD_MODULES - 7  # finder centre to finder centre along an edge

    def oriented(tl, a, b):
        # In image coordinates (y down) an unmirrored code has TR × BL > 0 around TL.
        u, v = a - tl, b - tl
        return np.array((tl, a, b) if u[0] * v[1] - u[1] * v[0] > 0 else (tl, b, a))

    def plausible(distance: float, modules: float) -> bool:
        return 0.6 < distance / modules / module < 1.6

    if len(pts) >= 3:
        a, b, c = pts[:3]
        d = [np.linalg.norm(b - c), np.linalg.norm(a - c), np.linalg.norm(a - b)]
        k = int(np.argmax(d))  # the corner finder faces the longest side
        others = [p for i, p in enumerate((a, b, c)) if i != k]
        yield oriented((a, b, c)[k], *others)
        return
    a, b = pts[0], pts[1]
    distance = float(np.linalg.norm(b - a))
    perp = np.array([a[1] - b[1], b[0] - a[0]])
    if plausible(distance, span):
        for s in (1, -1):  # a, b along one edge; the third finder beside a or beside b
            yield oriented(a, b, a + s * perp)
            yield oriented(b, a, b + s * perp)
    if plausible(distance, span * np.sqrt(2)):
        mid = (a + b) / 2
        for s in (1, -1):  # a, b across the diagonal: the corner finder on either side
            yield oriented(mid + s * perp / 2, a, b)


def refinder(gray: np.ndarray, finders: tuple[Finder, ...], engine: Decoder, px: int = 4,
             quiet: int = 4) -> Reading:
    """The code's grid from its finders, finders painted back, read by ``engine``."""
    n = CARD_MODULES
    for centres in grid_hypotheses(finders):
        c = 3.5 + quiet  # finder centres on the canonical grid, in modules
        canon = np.float32([[c, c], [c + n - 7, c], [c, c + n - 7]]) * px
        m = cv2.getAffineTransform(canon, centres.astype(np.float32))
        side = (n + 2 * quiet) * px
        grid = cv2.warpAffine(gray, m, (side, side), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                              borderMode=cv2.BORDER_REPLICATE)
        lo, hi = np.percentile(grid, (5, 95))
        _painted(grid, n, px, quiet, int(lo), int(hi))
        reading = _cards(engine.read(grid))
        if reading.texts:
            return reading
    return Reading()


# ---------------------------------------------------------------- the strategies


class Rescuer:
    """The strategies in order, on one region; ``zbar`` may be None (no libzbar)."""

    def __init__(self, zxing: Decoder, zbar: Decoder | None,
                 strategies: tuple[str, ...] = ("sharpen", "smooth", "refinder", "zbar")) -> None:
        self.zxing, self.zbar, self.strategies = zxing, zbar, strategies
        self.last_strategy: str | None = None  # which one read (benchmark attribution)

    def read(self, gray: np.ndarray, region: Region) -> Reading:
        self.last_strategy = None
        if region.width < 21 or region.height < 21:
            return Reading()
        patch, scale = crop(gray, region)
        for name in self.strategies:
            reading = self._try(name, gray, patch, scale, region)
            if reading.texts:
                self.last_strategy = name
                return reading
        return Reading()

    def _try(self, name: str, gray: np.ndarray, patch: np.ndarray, scale: float, region: Region) -> Reading:
        if name == "upscale":
            return _cards(self.zxing.read(patch))
        if name == "sharpen":
            return _cards(self.zxing.read(unsharp(patch, sigma=max(1.0, 0.5 * scale))))
        if name == "refinder":
            return refinder(gray, region.finders, self.zxing) if len(region.finders) >= 2 else Reading()
        if name == "smooth":  # a phone screen: its pixel grid, aliased, is fine texture
            soft = cv2.GaussianBlur(patch, (0, 0), max(1.0, 0.5 * scale))
            reading = _cards(self.zxing.read(soft))
            if not reading.texts and self.zbar is not None:
                reading = _cards(self.zbar.read(soft))
            return reading
        if name == "zbar":
            return _cards(self.zbar.read(patch)) if self.zbar is not None else Reading()
        raise ValueError(f"unknown rescue strategy {name!r}")
