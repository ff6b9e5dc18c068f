"""A card's code read module by module: the grid fitted on the frame, sampled, decoded.

Job: ``read_grid(gray, centres)`` fits the 41×41 module grid of a card (version 6-M) from
its three finder centres (TL, TR, BL, as ``kiosk.camera.rescue.grid_hypotheses`` gives
them), samples a soft value at each module centre and decodes them with the project's
own decoder (``kiosk.camera.qrcodec``: errors and erasures). It reads codes both engines
give up on because it does not need to binarize the whole frame nor find the finders
again: blurred, dim, glared and curved codes whose finders ``kiosk.camera.locate`` found.

Steps (each measured in docs/performance-decode.md):
  fit      an affine from the finders, then the finders and the alignment pattern found
           again by template matching on the rectified crop, and a perspective from the
           four; then a per-block shift of the grid from the phase of the module edges
           (a curved card, a grid a fraction of a module off)
  levels   paper and ink levels from a dilation / erosion of the rectified crop over 5
           modules, blurred: each module's value relative to its own local threshold,
           divided by the local contrast (glare, dim light, vignetting)
  soft     the value at each module centre; saturated glare gives 0 (unknown)
  decode   the grid rejected unless its fixed modules (finders, timing, alignment)
           agree; then RS with erasures of the least sure bytes

Constraints: only on a located region (a few ms a grid); no state (``GridSamples``
summed by the caller over consecutive frames); no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.camera import qrcodec

N = qrcodec.SIZE
P = 6              # rectified pixels per module
Q = 3              # modules of margin around the code in the rectified crop
SIDE = (N + 2 * Q) * P
_FIXED = qrcodec.FIXED
_FIXED_MASK = _FIXED >= 0
_FIXED_SIGN = np.where(_FIXED == 1, 1.0, -1.0)


@dataclass
class GridSamples:
    """The soft module values of one fitted grid and how well its fixed modules agree."""

    soft: np.ndarray           # 41×41 float32, > 0 dark
    agreement: float           # weighted share of fixed modules with the right sign
    transform: np.ndarray      # canonical rectified pixel -> frame pixel (3×3)


def _to_pixels(u: np.ndarray) -> np.ndarray:
    """Module coordinates (module centres at k + 0.5) -> rectified pixel coordinates."""
    return (np.asarray(u, np.float64) + Q) * P


def _templates() -> tuple[np.ndarray, np.ndarray]:
    finder = np.zeros((9, 9), np.float32)  # with its light separator
    finder[1:8, 1:8] = 1
    finder[2:7, 2:7] = 0
    finder[3:6, 3:6] = 1
    align = np.ones((5, 5), np.float32)
    align[1:4, 1:4] = 0
    align[2, 2] = 1
    def big(t: np.ndarray) -> np.ndarray:  # dark = low, at P pixels a module
        return np.asarray(255 - np.kron(t, np.ones((P, P), np.float32)) * 255, np.float32)

    return big(finder), big(align)


_FINDER_T, _ALIGN_T = _templates()
_CENTRES = np.array([[3.5, 3.5], [N - 3.5, 3.5], [3.5, N - 3.5]])
_ALIGN_CENTRE = np.array([34.5, 34.5])
_CORNERS = np.array([[0.0, 0.0], [N, 0.0], [N, N], [0.0, N]])


def _affine(centres: np.ndarray) -> np.ndarray:
    src = _to_pixels(_CENTRES).astype(np.float32)
    m = cv2.getAffineTransform(src, centres.astype(np.float32))
    return np.vstack([m, [0, 0, 1]])


def _apply(t: np.ndarray, pts: np.ndarray) -> np.ndarray:
    h = np.hstack([pts, np.ones((len(pts), 1))]) @ t.T
    return h[:, :2] / h[:, 2:3]


def _warp(gray: np.ndarray, t: np.ndarray) -> np.ndarray:
    return cv2.warpPerspective(gray, t, (SIDE, SIDE), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                               borderMode=cv2.BORDER_REPLICATE)


def _match(rect: np.ndarray, template: np.ndarray, centre: np.ndarray, reach: float) -> tuple[np.ndarray, float]:
    """Where ``template`` (centred on ``centre``, rectified pixels) best matches within
    ``reach`` modules, sub-pixel, and the normalised correlation there."""
    th, tw = template.shape
    r = int(round(reach * P))
    x0, y0 = int(round(centre[0] - tw / 2)) - r, int(round(centre[1] - th / 2)) - r
    x1, y1 = x0 + tw + 2 * r, y0 + th + 2 * r
    if x0 < 0 or y0 < 0 or x1 > rect.shape[1] or y1 > rect.shape[0]:
        pad = max(0, -x0, -y0, x1 - rect.shape[1], y1 - rect.shape[0])
        rect = cv2.copyMakeBorder(rect, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
        x0, y0, x1, y1 = x0 + pad, y0 + pad, x1 + pad, y1 + pad
        shift = pad
    else:
        shift = 0
    res = cv2.matchTemplate(np.ascontiguousarray(rect[y0:y1, x0:x1], np.float32), template, cv2.TM_CCOEFF_NORMED)
    _, best, _, (bx, by) = cv2.minMaxLoc(res)

    def sub(a: float, b: float, c: float) -> float:
        d = a - 2 * b + c
        return 0.0 if d >= 0 else 0.5 * (a - c) / d

    dx = sub(res[by, bx - 1], res[by, bx], res[by, bx + 1]) if 0 < bx < res.shape[1] - 1 else 0.0
    dy = sub(res[by - 1, bx], res[by, bx], res[by + 1, bx]) if 0 < by < res.shape[0] - 1 else 0.0
    found = np.array([x0 + bx + dx + tw / 2 - shift, y0 + by + dy + th / 2 - shift])
    return found, float(best)


def fit(gray: np.ndarray, centres: np.ndarray, start: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray] | None:
    """The transform (rectified pixel -> frame pixel) of the card's grid whose finder
    centres are about ``centres`` (TL, TR, BL), or that ``start`` (the same kind of
    transform, from an engine's quad) roughly is, and its rectified crop."""
    t = _affine(centres) if start is None else start
    rect = _warp(gray, t)
    found, scores = [], []
    for c in _CENTRES:
        f, s = _match(rect, _FINDER_T, _to_pixels(c), 1.5)
        found.append(f)
        scores.append(s)
    src = list(_to_pixels(_CENTRES))
    dst = [f if s > 0.3 else _to_pixels(c) for f, s, c in zip(found, scores, _CENTRES)]
    # The alignment pattern where the refined affine puts it.
    t1 = t @ _affine_between(np.array(src[:3]), np.array(dst[:3]))
    rect = _warp(gray, t1)
    a, s = _match(rect, _ALIGN_T, _to_pixels(_ALIGN_CENTRE), 1.5)
    if s > 0.4:
        pts_src = np.vstack([_to_pixels(_CENTRES), _to_pixels(_ALIGN_CENTRE)[None]]).astype(np.float32)
        pts_dst = _apply(t1, np.vstack([_to_pixels(_CENTRES), a[None]])).astype(np.float32)
        t1 = cv2.getPerspectiveTransform(pts_src, pts_dst)
        rect = _warp(gray, t1)
    return t1, rect


def _affine_between(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    m = cv2.getAffineTransform(src.astype(np.float32), dst.astype(np.float32))
    return np.vstack([m, [0, 0, 1]])


def _levels(rect: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(value - local threshold) / local contrast, > 0 dark; and the saturation mask."""
    img = rect.astype(np.float32)
    k = cv2.getStructuringElement(cv2.MORPH_RECT, (5 * P + 1, 5 * P + 1))
    paper = cv2.GaussianBlur(cv2.dilate(img, k), (0, 0), 1.5 * P)
    ink = cv2.GaussianBlur(cv2.erode(img, k), (0, 0), 1.5 * P)
    contrast = np.maximum(paper - ink, 8.0)
    soft = ((paper + ink) / 2 - img) / contrast * 2
    saturated = cv2.dilate((rect >= 250).astype(np.uint8), np.ones((P, P), np.uint8)) > 0
    return soft, saturated


def _phase_shifts(norm: np.ndarray, nodes: int = 8, unwrap: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Per-block shift (pixels, x and y) of the module edges from where the grid puts
    them, on a ``nodes``×``nodes`` lattice over the code. The phase gives it modulo a
    module; with ``unwrap`` it is followed along each row from the left edge and along
    each column from the top (where the finders hold the fit), so a curved card's
    middle may be more than half a module off."""
    gx = np.abs(cv2.Sobel(norm, cv2.CV_32F, 1, 0, ksize=3))
    gy = np.abs(cv2.Sobel(norm, cv2.CV_32F, 0, 1, ksize=3))
    i = np.arange(SIDE, dtype=np.float32)
    wave = np.exp(-2j * np.pi * i / P)
    lo, hi = Q * P, (Q + N) * P
    edges = np.linspace(lo, hi, nodes + 1).astype(int)
    dx = np.zeros((nodes, nodes), np.float32)
    dy = np.zeros((nodes, nodes), np.float32)
    pad = P
    for r in range(nodes):
        for c in range(nodes):
            ys = slice(max(0, edges[r] - pad), min(SIDE, edges[r + 1] + pad))
            xs = slice(max(0, edges[c] - pad), min(SIDE, edges[c + 1] + pad))
            zx = (gx[ys, xs].sum(axis=0) * wave[xs]).sum()
            zy = (gy[ys, xs].sum(axis=1) * wave[ys]).sum()
            dx[r, c] = -np.angle(zx) * P / (2 * np.pi)
            dy[r, c] = -np.angle(zy) * P / (2 * np.pi)
    if unwrap:
        dx = np.unwrap(dx, period=P, axis=1).astype(np.float32)
        dy = np.unwrap(dy, period=P, axis=0).astype(np.float32)
    return dx, dy


def _dense(field: np.ndarray) -> np.ndarray:
    """A node field spread over the rectified crop (the code's area; constant outside)."""
    inner = cv2.resize(field, (N * P, N * P), interpolation=cv2.INTER_LINEAR)
    return cv2.copyMakeBorder(inner, Q * P, Q * P, Q * P, Q * P, cv2.BORDER_REPLICATE)


def sample(gray: np.ndarray, centres: np.ndarray, *, local: bool = True,
           start: np.ndarray | None = None) -> GridSamples | None:
    """Fit the grid and sample its soft module values."""
    fitted = fit(gray, centres, start)
    if fitted is None:
        return None
    t, rect = fitted
    norm, saturated = _levels(rect)
    smooth = cv2.blur(norm, (P // 2, P // 2))
    u = _to_pixels(np.arange(N) + 0.5).astype(np.float32)
    mx, my = np.meshgrid(u, u)
    if local:
        jj, ii = np.meshgrid(np.arange(SIDE, dtype=np.float32), np.arange(SIDE, dtype=np.float32))
        fx, fy = jj, ii
        for unwrap in (False, False):
            moved = cv2.remap(norm, fx, fy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
            dx, dy = _phase_shifts(moved, unwrap=unwrap)
            fx, fy = fx + _dense(dx), fy + _dense(dy)
        mx, my = cv2.remap(fx, mx, my, cv2.INTER_LINEAR), cv2.remap(fy, mx, my, cv2.INTER_LINEAR)
    soft = cv2.remap(smooth, mx.astype(np.float32), my.astype(np.float32), cv2.INTER_LINEAR)
    glare = cv2.remap(saturated.astype(np.uint8), mx.astype(np.float32), my.astype(np.float32), cv2.INTER_NEAREST)
    soft = np.clip(soft, -2, 2)
    soft[glare > 0] = 0
    weight = np.abs(soft[_FIXED_MASK])
    agree = float((weight * (np.sign(soft[_FIXED_MASK]) == _FIXED_SIGN[_FIXED_MASK])).sum() / max(weight.sum(), 1e-6))
    return GridSamples(soft.astype(np.float32), agree, t)


MIN_AGREEMENT = 0.75  # fixed modules' agreement below which a grid is not decoded


@dataclass(frozen=True)
class Candidate:
    """Where a card's grid may be: its finder centres (TL, TR, BL), and the engine's
    perspective when it came from a located quad or an earlier fit."""

    centres: np.ndarray
    start: np.ndarray | None = None

    @classmethod
    def from_quad(cls, quad: np.ndarray) -> "Candidate":
        return cls(centres_from_quad(quad), transform_from_quad(quad))

    @classmethod
    def from_transform(cls, t: np.ndarray) -> "Candidate":
        return cls(_apply(t, _to_pixels(_CENTRES)), t)

    def near(self, t: np.ndarray, modules: float = 1.0) -> bool:
        """Whether the grid ``t`` puts the finders within ``modules`` of these."""
        other = _apply(t, _to_pixels(_CENTRES))
        module = float(np.linalg.norm(self.centres[1] - self.centres[0])) / (N - 7)
        return bool(np.abs(other - self.centres).max() <= modules * module)


def quad_of(t: np.ndarray) -> np.ndarray:
    """The code's corners (TL, TR, BR, BL) in the frame for the grid ``t``."""
    return _apply(t, _to_pixels(_CORNERS)).astype(np.float32)


def decode(samples: GridSamples, min_agreement: float = MIN_AGREEMENT, *, equalised: bool = True) -> str | None:
    """The card text of ``samples`` or None (see ``kiosk.camera.qrcodec.decode_modules``):
    the equalised values first, then the values as sampled."""
    if samples.agreement < min_agreement:
        return None
    for soft in ((equalise(samples.soft), samples.soft) if equalised else (samples.soft,)):
        text = qrcodec.decode_modules(soft)
        if text is not None:
            return text
    return None


def read_grid(gray: np.ndarray, centres: np.ndarray, start: np.ndarray | None = None) -> str | None:
    samples = sample(gray, centres, start=start)
    return decode(samples) if samples is not None else None


def centres_from_quad(quad: np.ndarray) -> np.ndarray:
    """The finder centres (TL, TR, BL) of a code whose corners an engine located
    (``quad``: TL, TR, BR, BL in frame pixels)."""
    h = cv2.getPerspectiveTransform(_CORNERS.astype(np.float32), quad.astype(np.float32))
    return _apply(h, _CENTRES)


def transform_from_quad(quad: np.ndarray) -> np.ndarray:
    """The rectified-pixel -> frame transform of the code whose corners are ``quad``."""
    return cv2.getPerspectiveTransform(_to_pixels(_CORNERS).astype(np.float32), quad.astype(np.float32))


def equalise(soft: np.ndarray, reach: int = 2, ridge: float = 1.0, rounds: int = 0) -> np.ndarray:
    """The module values after a linear equaliser learned on this very grid: each
    module's value from its (2·reach+1)² neighbours' samples, the weights fitted by
    ridge least squares to the fixed modules (finders, timing, alignment), whose colours
    are known. It undoes the blur's spill between modules (and a threshold a little off).
    ``rounds`` more fits take the whole grid's decisions as targets (decision-directed)."""
    k = 2 * reach + 1
    padded = np.pad(soft, reach, mode="edge")
    feats = np.stack([padded[r:r + N, c:c + N] for r in range(k) for c in range(k)] + [np.ones((N, N), np.float32)],
                     axis=-1).astype(np.float64)
    x = feats[_FIXED_MASK]
    y = _FIXED_SIGN[_FIXED_MASK]
    w = np.linalg.solve(x.T @ x + ridge * np.eye(x.shape[1]), x.T @ y)
    out = feats @ w
    flat = feats.reshape(-1, feats.shape[-1])
    for _ in range(rounds):
        target = np.where(out > 0, 1.0, -1.0)
        target[_FIXED_MASK] = _FIXED_SIGN[_FIXED_MASK]
        t = target.reshape(-1)
        w = np.linalg.solve(flat.T @ flat + ridge * np.eye(flat.shape[1]), flat.T @ t)
        out = feats @ w
    return out.astype(np.float32)

