"""Video clips of a card shown to the camera: it enters the frame, moves, then is held still.

Job: ``make_clip(...)`` writes a 640×480 MJPG ``.avi`` (what a USB webcam sends) and
returns where the card is held still, for ``bench/presentation.py`` (time to the read)
and the camera tests (the real worker on each hard condition). Built from
``bench/scenes.py``: a real card payload over a real scene (the no-code photos), the
camera model, and per frame:
  - empty scene, then the card sweeping in from one side (motion blur as long as the
    card moves in one exposure), then a few slower moves and turns, then held with a
    hand's tremor (a few tenths of a pixel);
  - auto-exposure: the frame darkens when the white card enters and recovers over half
    a second, plus a little flicker;
  - the hard condition held throughout (a thumb moves with the card, a reflection
    stays on it); ``motion``: the card is never slow nor held still, it appears and is
    waved back and forth at 13 px a frame (a smear of ~6.5 px in each frame).
Deterministic for a seed. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import cv2
import numpy as np

import scenes

CLIP_CONDITIONS = ("clean", "small+blur", "glare+tilt", "dim+noise", "curved", "thumb", "phone-moire", "motion")
HELD_CONDITIONS = CLIP_CONDITIONS[:-1]  # the clips where the card is held still at the end (presentation.py)
MOTION_SPEED = 13.0  # "motion": px a frame the card keeps moving at instead of holding still


@dataclass
class Clip:
    path: Path
    text: str | None      # None: no card in the clip
    condition: str
    still_frame: int      # index of the first frame the card is held still
    frames: int
    fps: float


def _held_pose(rng: np.random.Generator, condition: str, size: tuple[int, int]) -> tuple[scenes.Pose, int]:
    w, h = size
    share = {"small+blur": (0.17, 0.21), "phone-moire": (0.34, 0.42)}.get(condition, (0.32, 0.42))
    pose = scenes.Pose(cx=w * rng.uniform(0.4, 0.6), cy=h * rng.uniform(0.42, 0.58), code_px=rng.uniform(*share) * h,
                       roll=rng.uniform(-15, 15), yaw=rng.uniform(-10, 10), pitch=rng.uniform(-10, 10))
    strips = 1
    if condition == "glare+tilt":
        pose.yaw = rng.choice([-1, 1]) * rng.uniform(40, 50)
    elif condition == "curved":
        pose.bend, strips = rng.uniform(0.08, 0.12), 16
    return pose, strips


def make_clip(path: Path, text: str | None, condition: str, backgrounds: list[np.ndarray], seed: int, *,
              size: tuple[int, int] = (640, 480), fps: float = 30.0, empty_s: float = 0.3, enter_s: float = 0.5,
              move_s: float = 0.4, hold_s: float = 1.6) -> Clip:
    """Write the clip; ``text=None`` makes the same motion with a card that has no code."""
    if condition not in CLIP_CONDITIONS:
        raise ValueError(f"unknown clip condition {condition!r}")
    rng = np.random.default_rng(seed)
    base = scenes.scene(rng, backgrounds, size)
    held, strips = _held_pose(rng, condition, size)
    side_sign = rng.choice([-1, 1])
    swing = rng.uniform(0, np.pi) if condition == "motion" else 0.0  # the direction a "motion" card is waved in
    n_empty, n_enter, n_move, n_hold = (int(round(s * fps)) for s in (empty_s, enter_s, move_s, hold_s))
    total = n_empty + n_enter + n_move + n_hold
    if condition == "phone-moire":
        phone, code_side = scenes.phone_screen(text or "CK1:" + "A" * 149, rng)
        if text is None:
            phone[:] = np.where(phone > 40, 200.0, 12.0)  # a lit screen without a code
        picture = phone
    else:
        card = scenes.printed_card(text)
        picture, code_side = card.image, card.code_box[2]
    occluder_seed = int(rng.integers(1 << 30))
    dim = condition == "dim+noise"
    cam = scenes.Camera(blur_sigma=rng.uniform(0.9, 1.2) if condition == "small+blur" else 0.6,
                        jpeg_quality=85, noise_sigma=rng.uniform(6, 9) if dim else 2.5)
    start = replace(held, cx=held.cx + side_sign * size[0] * 0.9, cy=held.cy + rng.uniform(-0.2, 0.2) * size[1],
                    roll=held.roll + rng.uniform(-30, 30))
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, size)
    if not writer.isOpened():
        raise RuntimeError("OpenCV cannot write MJPG .avi here")
    previous = None
    for i in range(total):
        if i < n_empty:
            pose = None
        elif condition == "motion":  # never slow: waved back and forth at a steady speed
            travel = (i - n_empty) * MOTION_SPEED
            leg = 4 * MOTION_SPEED
            along = leg - abs(travel % (2 * leg) - leg) - leg / 2  # a triangle wave, ±2 frames of travel
            pose = replace(held, cx=held.cx + along * np.cos(swing), cy=held.cy + along * np.sin(swing))
        elif i < n_empty + n_enter:  # ease-out sweep in
            t = (i - n_empty + 1) / n_enter
            k = 1 - (1 - t) ** 2
            pose = scenes.Pose(*(a + (b - a) * k for a, b in zip(_vec(start), _vec(held))))
        elif i < n_empty + n_enter + n_move:  # a few slower adjustments
            t = (i - n_empty - n_enter) / max(1, n_move)
            wobble = np.sin(2 * np.pi * t)  # one swing each way, ~5 px a frame at the fastest
            pose = replace(held, cx=held.cx + 30 * wobble, cy=held.cy - 15 * wobble,
                           code_px=held.code_px * (1 + 0.05 * wobble), roll=held.roll + 5 * wobble)
        else:  # held: a hand's tremor
            pose = replace(held, cx=held.cx + rng.normal(0, 0.3), cy=held.cy + rng.normal(0, 0.3),
                           roll=held.roll + rng.normal(0, 0.1))
        frame = base.copy()
        # Auto-exposure: the white card entering darkens the picture, which recovers.
        since = (i - n_empty) / fps
        exposure = 1.0 - (0.25 * np.exp(-since / 0.35) if since >= 0 else 0.0) + rng.normal(0, 0.015)
        if dim:
            exposure *= 0.2
        cam.exposure = exposure
        cam.motion_px = 0.0
        if pose is not None:
            scenes.render(frame, picture, pose, code_side, strips=strips)
            if previous is not None:  # blur as long as the card moved during the exposure
                dx, dy = pose.cx - previous.cx, pose.cy - previous.cy
                cam.motion_px, cam.motion_angle = 0.5 * float(np.hypot(dx, dy)), float(np.degrees(np.arctan2(dy, dx)))
            elif condition == "motion":  # it came in at that speed too
                cam.motion_px, cam.motion_angle = 0.5 * MOTION_SPEED, float(np.degrees(swing))
            if condition in ("glare+tilt", "thumb"):
                corners = scenes.code_corners(card, pose, size)
                occluder = np.random.default_rng(occluder_seed)  # the same spot or thumb on every frame
                (scenes.add_glare if condition == "glare+tilt" else scenes.add_thumb)(frame, occluder, corners)
        previous = pose
        writer.write(cam.shoot(rng, frame))
    writer.release()
    return Clip(path, text, condition, n_empty + n_enter + n_move, total, fps)


def _vec(p: scenes.Pose) -> tuple[float, ...]:
    return (p.cx, p.cy, p.code_px, p.yaw, p.pitch, p.roll, p.bend)
