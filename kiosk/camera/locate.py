"""Where a QR code may be in a frame the engines could not read: finder patterns, cheaply.

Job: ``find_finders(gray)`` returns the QR finder patterns (the three 7×7-module
squares-in-a-square) seen in a grayscale frame, and ``group_regions(finders, shape)``
the crops worth a second look: two or three finders of similar size at distances a QR
code can have. The rescue (``kiosk.camera.rescue``) works only inside those crops.

Constraints:
- Runs on every frame the engines did not read, so it must stay well under a
  millisecond on an empty 640×480 frame (the whole frame's budget is 3 ms median,
  zxing-cpp takes ~0.7 of it): a half-size local-mean threshold and OpenCV's connected
  components, filtered with numpy. No per-blob Python work, except for the few rings
  found (a contour walk in Python cost ~1.5 ms on textured scenes and was dropped).
- A finder is a dark ring (its bounding box about half filled) with a dark core about
  3/7 of its size centred inside it; the light ring between them is what the threshold
  must keep, so codes under ~1.6 px per module at full size are not found (the engines'
  own upscaled retry covers those when they locate them).
- No Qt (import-linter contract).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

# A finder is 7 modules; the centres of two finders of one code are 4V+10 modules apart
# (version V: 14 for V1 ... 50 for V10); cards are version 6 (34 modules apart).
_MIN_SPAN, _MAX_SPAN = 1.7, 8.0  # distance between centres / finder side
_MAX_GROUPS = 3  # regions rescued per frame at most: bounds the time a cluttered frame costs


@dataclass(frozen=True)
class Finder:
    """One finder pattern: centre and side, in full-frame pixels."""

    x: float
    y: float
    side: float


@dataclass(frozen=True)
class Region:
    """A crop that probably holds a code: the box (x0, y0, x1, y1), the estimated module
    size in pixels, and the finders it was built from (empty when tracked or located by
    an engine)."""

    x0: int
    y0: int
    x1: int
    y1: int
    module_px: float
    finders: tuple[Finder, ...] = ()

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    def grown(self, share: float, shape: tuple[int, ...]) -> "Region":
        """The box enlarged by ``share`` of its size on each side, clipped to the frame."""
        dx, dy = int(self.width * share), int(self.height * share)
        return Region(max(0, self.x0 - dx), max(0, self.y0 - dy), min(shape[1], self.x1 + dx),
                      min(shape[0], self.y1 + dy), self.module_px, self.finders)


def region_around(points: np.ndarray, module_px: float, shape: tuple[int, ...], margin_modules: float = 6.0) -> Region:
    """The box around ``points`` (N×2) plus a margin in modules, clipped to the frame."""
    pad = margin_modules * module_px
    x0, y0 = np.floor(points.min(axis=0) - pad).astype(int)
    x1, y1 = np.ceil(points.max(axis=0) + pad).astype(int)
    return Region(max(0, int(x0)), max(0, int(y0)), min(shape[1], int(x1)), min(shape[0], int(y1)), module_px)


def find_finders(gray: np.ndarray) -> list[Finder]:
    """Finder patterns in a 2-D uint8 frame, found at half resolution."""
    small = cv2.resize(gray, (gray.shape[1] // 2, gray.shape[0] // 2), interpolation=cv2.INTER_AREA)
    # Mean over 15 px (7 at full size = about two modules of a card at arm's length);
    # C=5 keeps flat areas (walls, paper) from turning into noise blobs.
    dark = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 5)
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(dark, connectivity=8)
    if count < 3:
        return []
    x, y, w, h, area = stats.T
    side = np.maximum(w, h)
    squareish = np.minimum(w, h) >= 0.4 * side  # a tilt of ~65° still passes
    fill = area / np.maximum(1, w * h)
    rings = np.flatnonzero(squareish & (side >= 6) & (fill > 0.3) & (fill < 0.72))  # 24/49 ≈ 0.49 when flat
    rings = rings[rings > 0]  # label 0 is the light background
    if not len(rings):
        return []
    # The core is whatever dark component covers the ring's centre: one lookup per ring,
    # not a ring × blob comparison (that cost up to 7 ms on a textured photo).
    cx = np.clip((x[rings] + w[rings] / 2).astype(int), 0, small.shape[1] - 1)
    cy = np.clip((y[rings] + h[rings] / 2).astype(int), 0, small.shape[0] - 1)
    cores = labels[cy, cx]
    ratio = side[cores] / side[rings]  # 3/7 ≈ 0.43 when sharp
    offset = np.maximum(np.abs(centroids[cores, 0] - (x[rings] + w[rings] / 2)),
                        np.abs(centroids[cores, 1] - (y[rings] + h[rings] / 2)))
    ok = ((cores > 0) & (cores != rings) & squareish[cores] & (fill[cores] > 0.6) & (ratio > 0.25) & (ratio < 0.62)
          & (offset < 0.12 * side[rings] + 1))
    found = rings[ok]
    ring_centre = {int(i): (float(x[i] + w[i] / 2), float(y[i] + h[i] / 2)) for i in found}
    # The side from the ring's area (24 of its 49 modules are dark), not from its box: a
    # box grows up to 1.4× with the rotation, an area does not.
    return [Finder(2.0 * ring_centre[int(i)][0], 2.0 * ring_centre[int(i)][1],
                   2.0 * 7.0 * float(np.sqrt(area[i] / 24.0))) for i in found]


def group_regions(finders: list[Finder], shape: tuple[int, ...], *, lone: bool = True) -> list[Region]:
    """Regions of two or three finders that can belong to one code, best first (three
    finders before two, larger before smaller), at most a few; with no such group, the
    surroundings of a lone finder."""
    groups: list[tuple[Finder, ...]] = []
    n = len(finders)
    if n == 0 or n > 40:  # more than 40 "finders": a patterned surface, not a card
        return []
    pts = np.array([(f.x, f.y) for f in finders])
    sides = np.array([f.side for f in finders])
    dist = np.hypot(*(pts[:, None, :] - pts[None, :, :]).transpose(2, 0, 1))
    mean_side = (sides[:, None] + sides[None, :]) / 2
    similar = np.maximum(sides[:, None], sides[None, :]) <= 1.7 * np.minimum(sides[:, None], sides[None, :])
    span = dist / mean_side
    pair = similar & (span > _MIN_SPAN) & (span < _MAX_SPAN * 1.45)  # the diagonal is √2 longer
    used: set[int] = set()
    order = np.argsort(-sides)
    for i in order:
        if i in used:
            continue
        mates = [j for j in np.flatnonzero(pair[i]) if j not in used]
        if not mates:
            continue
        members = [i] + sorted(mates, key=lambda j: dist[i, j])[:2]
        used.update(members)
        groups.append(tuple(finders[k] for k in members))
    groups.sort(key=lambda g: (-len(g), -max(f.side for f in g)))
    regions = []
    for group in groups[:_MAX_GROUPS]:
        centres = np.array([(f.x, f.y) for f in group])
        module = float(np.mean([f.side for f in group])) / 7.0
        if len(group) == 2:  # along an edge or across the diagonal, on either side: cover all
            a, b = centres
            perp = np.array([a[1] - b[1], b[0] - a[0]])
            centres = np.vstack([centres, a + perp, a - perp, b + perp, b - perp])
        else:  # the corner finder is the one facing the longest side; add the fourth corner
            d = [np.linalg.norm(centres[(k + 1) % 3] - centres[(k + 2) % 3]) for k in range(3)]
            k = int(np.argmax(d))
            centres = np.vstack([centres, centres[(k + 1) % 3] + centres[(k + 2) % 3] - centres[k]])
        regions.append(region_around(centres, module, shape, margin_modules=6.0))
        regions[-1] = Region(regions[-1].x0, regions[-1].y0, regions[-1].x1, regions[-1].y1, module, group)
    if lone and not regions and n <= 3:
        # One finder alone (glare or a steep tilt hides the others): the code may lie on
        # any side of it, up to a card's 41 modules away. What today's pipeline did when
        # zxing-cpp "located" a code (pyzbar, a 2× retry) runs on this crop instead.
        lone = max(finders, key=lambda f: f.side)
        module = lone.side / 7.0
        regions.append(region_around(np.array([[lone.x, lone.y]]), module, shape, margin_modules=38.0))
    return regions
