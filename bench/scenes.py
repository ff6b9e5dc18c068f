"""Hard camera frames of a membership card, made from real card payloads over real scenes.

Job: the frames today's decoders miss, generated reproducibly for ``bench/decode.py``,
``bench/presentation.py`` and the camera tests: a printed card (or a phone showing it)
placed in 3-D in front of a pinhole camera over a real photo (the QR development set's
no-code photos), then what a cheap lobby webcam does to it: defocus and motion blur,
exposure, vignetting, sensor noise and MJPG compression.

Hard conditions (``HARD_CONDITIONS``), each a combination seen at a kiosk:
  small+blur    a far card (code 14-20 % of the frame height) slightly out of focus
  glare+tilt    a laminated card tilted 35-60° with a saturated light reflection on it
  dim+noise     a dim lobby: the paper 25-50 grey levels, high sensor gain (noise)
  curved        a card bent in the hand (cylinder), a little tilted
  thumb         a thumb over a corner of the code
  phone-moire   the card shown on a phone screen: pixel grid aliased into moiré, glass
                reflection, bezel
  motion        the card moving: linear motion blur 4-9 px
No-code frames (``nocode_frame``) go through the same camera, with an empty card or a
thumb in view: every text read on them is a false read.

No Qt, no kiosk imports: numpy and OpenCV only. Deterministic for a given generator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
import segno

HARD_CONDITIONS = ("small+blur", "glare+tilt", "dim+noise", "curved", "thumb", "phone-moire", "motion")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp"}
PAPER, INK = 232.0, 22.0  # printed card: the ink is not pure black, nor the paper white


# ---------------------------------------------------------------- scenes


def load_backgrounds(data: Path | None) -> list[np.ndarray]:
    """The QR development set's photos without a code (BGR), as real scenes behind the
    card. Without the set, smooth synthetic scenes stand in (said by the caller)."""
    images = []
    if data is not None:
        for folder in sorted(data.glob("nocode-*")):
            for path in sorted(folder.iterdir()):
                if path.suffix.lower() in IMAGE_SUFFIXES:
                    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
                    if image is not None and min(image.shape[:2]) >= 64:
                        images.append(image)
    return images


def scene(rng: np.random.Generator, backgrounds: list[np.ndarray], size: tuple[int, int]) -> np.ndarray:
    """A float32 BGR scene of ``size`` (w, h): a random crop of a real photo, or shading."""
    w, h = size
    if not backgrounds:
        low = rng.uniform(50, 200, (6, 8, 3)).astype(np.float32)
        return cv2.resize(low, (w, h), interpolation=cv2.INTER_CUBIC)
    image = backgrounds[int(rng.integers(len(backgrounds)))]
    ih, iw = image.shape[:2]
    zoom = rng.uniform(1.0, 1.6)
    cw, ch = min(iw, int(iw / zoom)), min(ih, int(iw / zoom * h / w))
    ch = min(ch, ih)
    x0, y0 = int(rng.integers(0, iw - cw + 1)), int(rng.integers(0, ih - ch + 1))
    crop = image[y0:y0 + ch, x0:x0 + cw]
    if rng.random() < 0.5:
        crop = crop[:, ::-1]
    return cv2.resize(crop, (w, h), interpolation=cv2.INTER_AREA).astype(np.float32)


# ---------------------------------------------------------------- the card


def qr_modules(text: str) -> np.ndarray:
    """The QR's modules (1 = dark) with its 4-module quiet zone, as segno makes them."""
    qr = segno.make_qr(text, error="m")
    return np.pad(np.array([list(row) for row in qr.matrix], dtype=np.uint8), 4)


@dataclass
class Card:
    """A printed card image (float32 grey) and where its code is on it (x, y, side)."""

    image: np.ndarray
    code_box: tuple[int, int, int]


def printed_card(text: str | None, module_px: int = 8) -> Card:
    """A white card with the QR (and its quiet zone) on the left and a few grey text
    lines on the right; ``text=None``: the same card without a code."""
    modules = qr_modules(text or "CK1:" + "A" * 149)
    side = modules.shape[0] * module_px
    card = np.full((int(side * 1.25), int(side * 1.6)), PAPER, np.float32)
    y, x = (card.shape[0] - side) // 2, int(card.shape[1] * 0.06)
    if text is not None:
        code = np.where(modules > 0, INK, PAPER).astype(np.float32)
        card[y:y + side, x:x + side] = cv2.resize(code, (side, side), interpolation=cv2.INTER_NEAREST)
    tx = x + side + module_px * 2
    for i in range(4):  # name and number lines: dark shapes that are not a code
        ty = y + module_px * (4 + 7 * i)
        card[ty:ty + module_px * 3, tx:tx + int((card.shape[1] - tx - module_px * 3) * (1 - 0.2 * (i % 2)))] = 90
    return Card(card, (x, y, side))


def _rotation(yaw: float, pitch: float, roll: float) -> np.ndarray:
    y, p, r = np.deg2rad([yaw, pitch, roll])
    ry = np.array([[np.cos(y), 0, np.sin(y)], [0, 1, 0], [-np.sin(y), 0, np.cos(y)]])
    rx = np.array([[1, 0, 0], [0, np.cos(p), -np.sin(p)], [0, np.sin(p), np.cos(p)]])
    rz = np.array([[np.cos(r), -np.sin(r), 0], [np.sin(r), np.cos(r), 0], [0, 0, 1]])
    return rz @ ry @ rx


@dataclass
class Pose:
    """Where the card is: centre (pixels), code side at zero tilt (pixels), angles (°),
    bend (cylinder sagitta as a share of the card width)."""

    cx: float
    cy: float
    code_px: float
    yaw: float = 0.0
    pitch: float = 0.0
    roll: float = 0.0
    bend: float = 0.0


def render(base: np.ndarray, card: np.ndarray, pose: Pose, code_side: float, *,
           strips: int = 1, colour: tuple[float, float, float] = (1.0, 1.0, 1.0),
           gain: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Project ``card`` (float32 grey or BGR) into ``base`` (float32 BGR, changed in
    place) through a pinhole camera; ``strips`` > 1 bends it as a cylinder, piecewise
    planar. Returns (base, coverage mask)."""
    h, w = base.shape[:2]
    ch, cw = card.shape[:2]
    focal = 0.9 * w  # a webcam's ~60° horizontal field of view
    scale = pose.code_px / code_side  # card pixels → camera-plane units at the distance `focal`
    rot = _rotation(pose.yaw, pose.pitch, pose.roll)
    sag = pose.bend * cw

    def project(u: np.ndarray, v: np.ndarray) -> np.ndarray:
        x = (u - cw / 2) * scale
        y = (v - ch / 2) * scale
        t = (u - cw / 2) / (cw / 2)
        z = sag * (1 - t ** 2) * scale  # the middle bends away from the camera
        pts = np.stack([x, y, z], axis=-1) @ rot.T
        pts[..., 2] += focal
        return np.stack([focal * pts[..., 0] / pts[..., 2] + pose.cx,
                         focal * pts[..., 1] / pts[..., 2] + pose.cy], axis=-1)

    mask_total = np.zeros((h, w), np.float32)
    edges = np.linspace(0, cw, strips + 1)
    tint = np.array(colour, np.float32) * gain
    for a, b in zip(edges[:-1], edges[1:]):
        a_i, b_i = int(np.floor(a)), min(cw, int(np.ceil(b)) + (1 if strips > 1 else 0))
        src = np.float32([[a_i, 0], [b_i, 0], [b_i, ch], [a_i, ch]])
        dst = project(src[:, 0], src[:, 1]).astype(np.float32)
        x0, y0 = np.floor(dst.min(axis=0)).astype(int) - 2
        x1, y1 = np.ceil(dst.max(axis=0)).astype(int) + 2
        x0, y0, x1, y1 = max(0, x0), max(0, y0), min(w, x1), min(h, y1)
        if x1 <= x0 or y1 <= y0:
            continue
        piece = card[:, a_i:b_i]
        m = cv2.getPerspectiveTransform((src - [a_i, 0]).astype(np.float32), (dst - [x0, y0]).astype(np.float32))
        roi = (x1 - x0, y1 - y0)
        warped = cv2.warpPerspective(piece, m, roi, flags=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
        mask = cv2.warpPerspective(np.ones(piece.shape[:2], np.float32), m, roi, flags=cv2.INTER_LINEAR)
        if warped.ndim == 2:
            warped = warped[..., None] * tint
        else:
            warped = warped * gain
        region = base[y0:y1, x0:x1]
        region[:] = region * (1 - mask[..., None]) + warped * mask[..., None]
        mask_total[y0:y1, x0:x1] = np.maximum(mask_total[y0:y1, x0:x1], mask)
    return base, mask_total


def code_corners(card: Card, pose: Pose, size: tuple[int, int]) -> np.ndarray:
    """Where the code's four corners land in the frame (for the glare, the thumb and
    the tests); ignores the bend."""
    x, y, side = card.code_box
    ch, cw = card.image.shape[:2]
    w, _ = size
    focal = 0.9 * w
    scale = pose.code_px / side
    rot = _rotation(pose.yaw, pose.pitch, pose.roll)
    u = np.array([x, x + side, x + side, x], float)
    v = np.array([y, y, y + side, y + side], float)
    pts = np.stack([(u - cw / 2) * scale, (v - ch / 2) * scale, np.zeros(4)], axis=-1) @ rot.T
    pts[:, 2] += focal
    return np.stack([focal * pts[:, 0] / pts[:, 2] + pose.cx, focal * pts[:, 1] / pts[:, 2] + pose.cy], axis=-1)


# ---------------------------------------------------------------- occluders and light


def add_glare(frame: np.ndarray, rng: np.random.Generator, corners: np.ndarray) -> None:
    """A reflection on the laminate: an elongated saturating spot over part of the code."""
    h, w = frame.shape[:2]
    centre = corners.mean(axis=0) + rng.uniform(-0.25, 0.25, 2) * np.ptp(corners, axis=0)
    side = float(np.linalg.norm(corners[1] - corners[0]))
    a, b = side * rng.uniform(0.22, 0.4), side * rng.uniform(0.08, 0.16)
    angle = rng.uniform(0, np.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dx, dy = xx - centre[0], yy - centre[1]
    u = dx * np.cos(angle) + dy * np.sin(angle)
    v = -dx * np.sin(angle) + dy * np.cos(angle)
    blob = np.exp(-((u / a) ** 2 + (v / b) ** 2))
    frame += (blob * rng.uniform(260, 380))[..., None]


def add_thumb(frame: np.ndarray, rng: np.random.Generator, corners: np.ndarray) -> None:
    """A thumb (skin-coloured, shaded ellipse) over one corner of the code, covering
    up to about half of a finder pattern or the corner without one."""
    h, w = frame.shape[:2]
    k = int(rng.integers(4))
    corner, centre = corners[k], corners.mean(axis=0)
    side = float(np.linalg.norm(corners[1] - corners[0]))
    direction = (corner - centre) / (np.linalg.norm(corner - centre) + 1e-6)
    tip = corner - direction * side * rng.uniform(0.16, 0.3)  # how far in from the quiet zone's corner
    axis_a, axis_b = side * rng.uniform(0.28, 0.38), side * rng.uniform(0.16, 0.22)
    along = direction * axis_a
    ellipse_centre = tip + along
    angle = np.degrees(np.arctan2(direction[1], direction[0])) + rng.uniform(-25, 25)
    mask = np.zeros((h, w), np.float32)
    cv2.ellipse(mask, (int(ellipse_centre[0]), int(ellipse_centre[1])), (int(axis_a), int(axis_b)),
                angle, 0, 360, 1.0, -1, cv2.LINE_AA)
    shade = cv2.GaussianBlur(mask, (0, 0), max(1.0, axis_b / 3))
    skin = np.array([120, 150, 200], np.float32) * rng.uniform(0.6, 1.1)  # BGR
    thumb = skin * (0.65 + 0.35 * shade[..., None])
    frame[:] = frame * (1 - mask[..., None]) + thumb * mask[..., None]


def phone_screen(text: str, rng: np.random.Generator) -> tuple[np.ndarray, int]:
    """A phone showing the card's QR: each screen pixel is three vertical RGB subpixels
    with dark gaps (the grid the camera aliases into moiré), inside a black bezel.
    Returns the BGR image at subpixel resolution and the code side in its pixels."""
    modules = qr_modules(text)
    px_per_module = int(rng.integers(4, 7))  # an app draws the code at a few screen pixels a module
    code = np.where(modules > 0, 0.03, 1.0).astype(np.float32)
    code = cv2.resize(code, None, fx=px_per_module, fy=px_per_module, interpolation=cv2.INTER_NEAREST)
    side = code.shape[0]
    screen = np.ones((int(side * 1.5), int(side * 1.1)), np.float32) * 0.92  # app background
    y0, x0 = int(side * 0.2), (screen.shape[1] - side) // 2
    screen[y0:y0 + side, x0:x0 + side] = code
    sub = 3  # subpixels per screen pixel
    big = np.repeat(np.repeat(screen, sub, axis=0), sub, axis=1)
    stripes = np.zeros((sub, sub, 3), np.float32)
    for c in range(3):  # B, G, R columns; the last row is the dark gap between pixel rows
        stripes[:sub - 1, 2 - c, c] = 1.0
    pattern = np.tile(stripes, (screen.shape[0], screen.shape[1], 1))
    lit = big[..., None] * pattern * 255.0 * 1.6  # an emissive screen is brighter than paper
    bezel = int(side * 0.12) * sub
    phone = np.full((lit.shape[0] + 2 * bezel, lit.shape[1] + 2 * bezel, 3), 12.0, np.float32)
    phone[bezel:-bezel, bezel:-bezel] = lit
    return phone, side * sub


# ---------------------------------------------------------------- the camera


def motion_kernel(length: float, angle: float) -> np.ndarray:
    size = int(np.ceil(length)) | 1
    kernel = np.zeros((size, size), np.float32)
    c = size // 2
    dx, dy = np.cos(np.deg2rad(angle)) * length / 2, np.sin(np.deg2rad(angle)) * length / 2
    cv2.line(kernel, (int(round(c - dx)), int(round(c - dy))), (int(round(c + dx)), int(round(c + dy))), 1.0, 1,
             cv2.LINE_AA)
    return kernel / kernel.sum()


@lru_cache(maxsize=8)
def _falloff(w: int, h: int, vignetting: float) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return 1.0 - vignetting * (((xx - w / 2) / w) ** 2 + ((yy - h / 2) / h) ** 2) * 2


@dataclass
class Camera:
    """What a cheap webcam does after the optics: blur, exposure, noise, MJPG."""

    blur_sigma: float = 0.6      # lens softness / defocus at 480 lines
    motion_px: float = 0.0       # length of the motion blur
    motion_angle: float = 0.0
    exposure: float = 1.0        # gain on the scene
    noise_sigma: float = 2.5     # sensor noise at mid-grey (grows with the gain)
    jpeg_quality: int = 85       # a USB webcam's MJPG stream
    vignetting: float = 0.25
    extra: dict = field(default_factory=dict)

    def shoot(self, rng: np.random.Generator, frame: np.ndarray) -> np.ndarray:
        h, w = frame.shape[:2]
        if self.motion_px > 1:
            frame = cv2.filter2D(frame, -1, motion_kernel(self.motion_px, self.motion_angle))
        sigma = self.blur_sigma * h / 480
        if sigma > 0.2:
            frame = cv2.GaussianBlur(frame, (0, 0), sigma)
        frame = frame * (_falloff(w, h, self.vignetting) * self.exposure)[..., None]
        shot = np.sqrt(np.clip(frame, 0, None) / 128.0)  # shot noise grows with the signal
        frame = frame + rng.normal(0, 1, frame.shape).astype(np.float32) * self.noise_sigma * (0.5 + shot)
        out = np.clip(frame, 0, 255).astype(np.uint8)
        if self.jpeg_quality < 100:
            ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, self.jpeg_quality])
            out = cv2.imdecode(buf, cv2.IMREAD_COLOR)
        return out


# ---------------------------------------------------------------- frames


def _placement(rng: np.random.Generator, size: tuple[int, int], code_share: tuple[float, float]) -> Pose:
    w, h = size
    code_px = rng.uniform(*code_share) * h
    margin = code_px * 0.9
    return Pose(cx=rng.uniform(margin, w - margin), cy=rng.uniform(margin * 0.8, h - margin * 0.8),
                code_px=code_px, roll=rng.uniform(-20, 20), yaw=rng.uniform(-12, 12), pitch=rng.uniform(-12, 12))


def hard_shot(rng: np.random.Generator, text: str, size: tuple[int, int], condition: str,
              backgrounds: list[np.ndarray]) -> tuple[np.ndarray, Camera]:
    """What the lens sees of the card ``text`` under ``condition`` (HARD_CONDITIONS), and
    the camera that takes it: ``camera.shoot(rng, scene)`` makes a frame."""
    if condition not in HARD_CONDITIONS:
        raise ValueError(f"unknown condition {condition!r}")
    base = scene(rng, backgrounds, size)
    cam = Camera(blur_sigma=rng.uniform(0.5, 0.8), jpeg_quality=int(rng.integers(75, 92)))
    light = rng.uniform(0.85, 1.05)
    colour = tuple(rng.uniform(0.92, 1.04, 3))
    if condition == "phone-moire":
        phone, side = phone_screen(text, rng)
        pose = _placement(rng, size, (0.3, 0.45))
        base *= rng.uniform(0.55, 0.8)  # auto-exposure set for the bright screen darkens the room
        render(base, phone, pose, side)
        corners = None
        glass = rng.uniform(0, 1)
        if glass > 0.4:  # a window reflected on the glass
            h, w = size[1], size[0]
            xx = np.linspace(0, 1, w, dtype=np.float32)[None, :]
            yy = np.linspace(0, 1, h, dtype=np.float32)[:, None]
            base += (np.clip(1 - np.abs(xx - rng.uniform(0.2, 0.8) + 0.5 * yy), 0, 1) * 60 * glass)[..., None]
        return base, cam
    card = printed_card(text)
    share = (0.14, 0.2) if condition == "small+blur" else (0.3, 0.48)
    pose = _placement(rng, size, share)
    strips = 1
    if condition == "glare+tilt":
        pose.yaw, pose.pitch = rng.choice([-1, 1]) * rng.uniform(45, 65), rng.uniform(-15, 15)
    elif condition == "curved":
        pose.bend, strips = rng.uniform(0.08, 0.16), 24
        pose.yaw = rng.uniform(-20, 20)
    render(base, card.image, pose, card.code_box[2], strips=strips, colour=colour, gain=light)
    corners = code_corners(card, pose, size)
    if condition == "small+blur":
        cam.blur_sigma = rng.uniform(0.7, 1.2)
    elif condition == "glare+tilt":
        add_glare(base, rng, corners)
    elif condition == "dim+noise":
        cam.exposure = rng.uniform(0.12, 0.22)
        cam.noise_sigma = rng.uniform(6, 10)
    elif condition == "thumb":
        add_thumb(base, rng, corners)
    elif condition == "motion":
        cam.motion_px, cam.motion_angle = rng.uniform(4, 9), rng.uniform(0, 180)
    return base, cam


def hard_frame(rng: np.random.Generator, text: str, size: tuple[int, int], condition: str,
               backgrounds: list[np.ndarray]) -> np.ndarray:
    """One BGR camera frame of the card ``text`` under ``condition`` (HARD_CONDITIONS)."""
    base, cam = hard_shot(rng, text, size, condition, backgrounds)
    return cam.shoot(rng, base)


def hard_burst(rng: np.random.Generator, text: str, size: tuple[int, int], condition: str,
               backgrounds: list[np.ndarray], frames: int = 4) -> list[np.ndarray]:
    """Consecutive frames of the card held still: the same scene, a hand's tremor (a few
    tenths of a pixel), fresh sensor noise and compression on each."""
    base, cam = hard_shot(rng, text, size, condition, backgrounds)
    shots = []
    for _ in range(frames):
        shift = np.float32([[1, 0, rng.normal(0, 0.3)], [0, 1, rng.normal(0, 0.3)]])
        moved = cv2.warpAffine(base, shift, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
        shots.append(cam.shoot(rng, moved))
    return shots


def nocode_frame(rng: np.random.Generator, size: tuple[int, int], backgrounds: list[np.ndarray]) -> np.ndarray:
    """A frame with no code: the real scene, sometimes with an empty card or a thumb in
    view, through the same camera under a random one of the hard conditions' settings."""
    base = scene(rng, backgrounds, size)
    kind = rng.random()
    if kind < 0.5:
        card = printed_card(None)
        pose = _placement(rng, size, (0.2, 0.45))
        render(base, card.image, pose, card.code_box[2])
        if kind < 0.2:
            add_thumb(base, rng, code_corners(card, pose, size))
        elif kind < 0.35:
            add_glare(base, rng, code_corners(card, pose, size))
    cam = Camera(blur_sigma=rng.uniform(0.5, 1.4), jpeg_quality=int(rng.integers(75, 92)))
    if rng.random() < 0.3:
        cam.exposure, cam.noise_sigma = rng.uniform(0.17, 0.3), rng.uniform(5, 9)
    return cam.shoot(rng, base)
