"""A card smeared by motion: where it is, which way it moved, and the smear undone.

Job: ``textured_patches(gray)`` finds the squarish patches of dense edges a code makes
even when motion blur hides its finder patterns (``kiosk.camera.locate`` needs the light
ring inside each finder, which a blur of one or two modules fills in);
``motion_direction(crop)`` estimates the direction of the smear from the gradients
(a code's edges are as strong across as along its axes, so the direction with the least
gradient energy is the motion); ``deconvolve(crop, length, angle)`` undoes a linear
smear of ``length`` pixels (Wiener, in the Fourier domain); ``oriented_quad(image, box)``
turns a patch's box into the code's corners TL, TR, BR, BL from where its three finders
correlate (after the deconvolution they are visible again). ``kiosk.camera.reader``
hands the result to the grid decoder (``kiosk.camera.gridread``), whose fixed-module
check and Reed-Solomon decide whether a card text comes out.

Constraints: ``textured_patches`` runs on frames where nothing else was located, so it
stays under a millisecond on an empty 640×480 frame (half-size Sobel, a box filter,
connected components filtered with numpy; the rectangle fit only on the few squarish
survivors). The rest runs only on a patch (a few ms each). No Qt, no state.
"""

from __future__ import annotations

import cv2
import numpy as np

from kiosk.camera import gridread
from kiosk.camera.gridread import N

_ENERGY = 60          # mean |gradient| (half-size Sobel, box 7×7) of a code's texture
_MIN_SIDE, _MAX_SIDE = 50, 400  # a code's side in frame pixels that this path looks for
_MAX_PATCHES = 2
LENGTHS = (4.5, 6.5, 8.5)  # smear lengths tried (pixels at 640×480: a hand's motion in 1/30 s)
GRIDS = 2             # deconvolutions (best finder contrast first) handed to the grid decoder
_DEFOCUS = 0.6        # the lens's own blur (σ, pixels), folded into the kernel


def textured_patches(gray: np.ndarray) -> list[np.ndarray]:
    """Boxes (4×2 float32, frame pixels) of squarish patches dense with edges, larger
    first, at most a couple."""
    small = cv2.resize(gray, (gray.shape[1] // 2, gray.shape[0] // 2), interpolation=cv2.INTER_AREA)
    gx = cv2.convertScaleAbs(cv2.Sobel(small, cv2.CV_16S, 1, 0))
    gy = cv2.convertScaleAbs(cv2.Sobel(small, cv2.CV_16S, 0, 1))
    energy = cv2.blur(cv2.add(gx, gy), (7, 7))
    mask = (energy > _ENERGY).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if count < 2:
        return []
    x, y, w, h, area = stats.T
    lo, hi = _MIN_SIDE // 2, _MAX_SIDE // 2
    keep = np.flatnonzero((np.maximum(w, h) >= lo) & (np.minimum(w, h) >= 0.6 * lo) & (np.maximum(w, h) <= 1.5 * hi)
                          & (area >= 0.35 * w * h))
    keep = keep[keep > 0]
    boxes: list[tuple[float, np.ndarray]] = []
    for i in keep[np.argsort(-area[keep])][:4]:
        x0, y0, bw, bh = int(x[i]), int(y[i]), int(w[i]), int(h[i])
        pts = cv2.findNonZero((labels[y0:y0 + bh, x0:x0 + bw] == i).astype(np.uint8))
        (cx, cy), (rw, rh), ang = cv2.minAreaRect(pts)
        if min(rw, rh) < lo or max(rw, rh) > 1.5 * min(rw, rh) or area[i] < 0.7 * rw * rh or max(rw, rh) > hi:
            continue
        boxes.append((float(area[i]), cv2.boxPoints(((cx + x0, cy + y0), (rw, rh), ang)).astype(np.float32) * 2))
    return [b for _, b in boxes[:_MAX_PATCHES]]


def motion_direction(crop: np.ndarray) -> tuple[float, float]:
    """The smear's direction in degrees (0–180, image axes) and how anisotropic the
    gradients are (0: not at all, 1: all across one direction)."""
    img = crop.astype(np.float32)
    gx = cv2.Sobel(img, cv2.CV_32F, 1, 0)
    gy = cv2.Sobel(img, cv2.CV_32F, 0, 1)
    a, b, c = float((gx * gx).sum()), float((gx * gy).sum()), float((gy * gy).sum())
    strongest = 0.5 * np.degrees(np.arctan2(2 * b, a - c))  # across the smear
    spread = np.hypot(a - c, 2 * b) / max(a + c, 1e-6)
    return float((strongest + 90.0) % 180.0), float(spread)


def motion_kernel(length: float, angle: float, defocus: float = _DEFOCUS) -> np.ndarray:
    """A line of ``length`` pixels at ``angle`` degrees, blurred by the lens (sums to 1)."""
    size = (int(np.ceil(length)) | 1) + 8
    kernel = np.zeros((size, size), np.float32)
    c = size // 2
    dx, dy = np.cos(np.radians(angle)) * length / 2, np.sin(np.radians(angle)) * length / 2
    cv2.line(kernel, (int(round(c - dx)), int(round(c - dy))), (int(round(c + dx)), int(round(c + dy))), 1.0, 1,
             cv2.LINE_AA)
    kernel = cv2.GaussianBlur(kernel, (0, 0), defocus)
    return kernel / kernel.sum()


def deconvolve(crop: np.ndarray, kernel: np.ndarray, noise: float = 0.02) -> np.ndarray:
    """Wiener deconvolution of ``crop`` (2-D) by ``kernel``, as uint8 (OpenCV's DFT at
    a size it factors well: ~1 ms for a 200×200 crop)."""
    pad = kernel.shape[0]
    h, w = crop.shape
    fh, fw = cv2.getOptimalDFTSize(h + 2 * pad), cv2.getOptimalDFTSize(w + 2 * pad)
    img = cv2.copyMakeBorder(crop.astype(np.float32), pad, fh - h - pad, pad, fw - w - pad, cv2.BORDER_REFLECT)
    psf = np.zeros((fh, fw), np.float32)
    kh, kw = kernel.shape
    psf[:kh, :kw] = kernel
    psf = np.roll(psf, (-(kh // 2), -(kw // 2)), (0, 1))
    g = cv2.dft(img, flags=cv2.DFT_COMPLEX_OUTPUT)
    k = cv2.dft(psf, flags=cv2.DFT_COMPLEX_OUTPUT)
    power = k[..., 0] ** 2 + k[..., 1] ** 2 + noise
    # G · conj(K) / (|K|² + noise)
    re = (g[..., 0] * k[..., 0] + g[..., 1] * k[..., 1]) / power
    im = (g[..., 1] * k[..., 0] - g[..., 0] * k[..., 1]) / power
    out = cv2.idft(np.dstack([re, im]), flags=cv2.DFT_SCALE | cv2.DFT_REAL_OUTPUT)
    return np.clip(out[pad:pad + h, pad:pad + w], 0, 255).astype(np.uint8)


_PX = 4  # pixels a module for the orientation check


def _finder_template() -> np.ndarray:
    t = np.zeros((9, 9), np.float32)  # a finder with its light separator, 1 = dark
    t[1:8, 1:8] = 1
    t[2:7, 2:7] = 0
    t[3:6, 3:6] = 1
    return np.asarray(255 - np.kron(t, np.ones((_PX, _PX), np.float32)) * 255, np.float32)


_FINDER = _finder_template()


def oriented_quad(image: np.ndarray, box: np.ndarray) -> tuple[np.ndarray, float] | None:
    """The code's corners (TL, TR, BR, BL) in ``box`` (4×2, any order of a rectangle's
    corners), and the weakest of the three finders' correlations: the corner whose finder
    correlates least is the bottom-right one (a code has no finder there)."""
    pts = np.asarray(box, np.float32)
    centre = pts.mean(axis=0)
    d = pts - centre
    pts = pts[np.argsort(np.arctan2(d[:, 1], d[:, 0]))]  # clockwise on screen (y down)
    side = N * _PX
    margin = 2 * _PX
    dst = np.float32([[margin, margin], [margin + side, margin], [margin + side, margin + side], [margin, margin + side]])
    rect = cv2.warpPerspective(image, cv2.getPerspectiveTransform(pts, dst), (side + 2 * margin, side + 2 * margin),
                               flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE).astype(np.float32)
    reach = 3 * _PX
    t = _FINDER.shape[0]
    scores = []
    for k, (cx, cy) in enumerate(((0, 0), (1, 0), (1, 1), (0, 1))):
        # the finder's window at this corner (its 9×9 with the separator, 1 module outside the code)
        x0 = margin - _PX + cx * (side - 7 * _PX)
        y0 = margin - _PX + cy * (side - 7 * _PX)
        xa, ya = max(0, x0 - reach), max(0, y0 - reach)
        window = rect[ya:y0 + t + reach, xa:x0 + t + reach]
        if window.shape[0] < t or window.shape[1] < t:
            return None
        scores.append(float(cv2.matchTemplate(window, _FINDER, cv2.TM_CCOEFF_NORMED).max()))
    br = int(np.argmin(scores))
    order = [(br + 2) % 4, (br + 3) % 4, br, (br + 1) % 4]
    others = [s for i, s in enumerate(scores) if i != br]
    return pts[order], min(others) - scores[br]


MIN_CONFIDENCE = 0.2  # finders' contrast over the empty corner below which no grid is tried
_SHRINK = 9.0         # pixels the energy box overhangs the code on each side (box filter, smear)


def read_smeared(gray: np.ndarray, box: np.ndarray) -> tuple[str, np.ndarray] | None:
    """The card text in the patch ``box`` of a frame smeared by motion, and the code's
    corners, or None: the smear's direction from the gradients, a few lengths
    deconvolved, the one whose finders stand out best fitted and decoded by the grid
    decoder (``kiosk.camera.gridread``: fixed modules checked, Reed-Solomon)."""
    height, width = gray.shape[:2]
    x0, y0 = np.maximum(box.min(axis=0) - 16, 0).astype(int)
    x1, y1 = np.minimum(box.max(axis=0) + 16, [width, height]).astype(int)
    if x1 - x0 < _MIN_SIDE or y1 - y0 < _MIN_SIDE:
        return None
    crop = gray[y0:y1, x0:x1]
    angle, _ = motion_direction(crop)
    centre = box.mean(axis=0)
    side = float(np.linalg.norm(box[1] - box[0]))
    # The box overhangs the code by the filter and the smear; when the quiet zone's edge
    # against a darker background made edges too, it holds the quiet zone (41 of 49).
    shrink = max(0.5, (side - 2 * _SHRINK) / side)
    inners = [(box - centre) * k + centre - np.float32([x0, y0]) for k in (shrink, shrink * N / (N + 8))]
    tries = []
    for length in LENGTHS:
        sharp = deconvolve(crop, motion_kernel(length, angle))
        for inner in inners:
            found = oriented_quad(sharp, inner)
            if found is not None and found[1] >= MIN_CONFIDENCE:
                tries.append((found[1], sharp, found[0]))
    tries.sort(key=lambda t: -t[0])
    for _, sharp, quad in tries[:GRIDS]:
        candidate = gridread.Candidate.from_quad(quad)
        samples = gridread.sample(sharp, candidate.centres, start=candidate.start)
        if samples is None:
            continue
        text = gridread.decode(samples)
        if text is not None:
            return text, gridread.quad_of(samples.transform) + np.float32([x0, y0])
    return None
