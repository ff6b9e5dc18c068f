"""A card smeared by motion (kiosk.camera.deblur through kiosk.camera.reader): found
without its finders, deconvolved along the smear, read by the grid decoder; what is not
a card, smeared or not, never comes out of the reader."""

from __future__ import annotations

import uuid
from datetime import date

import cv2
import numpy as np
import pytest
import segno

from kiosk.camera import decoder as dec
from kiosk.camera import deblur
from kiosk.camera.reader import CardReader
from kiosk.domain.cards import CardSigner, Role

from camera_helpers import QR_DEV


@pytest.fixture(scope="module")
def card_text() -> str:
    signer = CardSigner.from_private_bytes(bytes(range(32)))
    return signer.issue(Role.MEMBER, uuid.UUID(int=42), 4242, date(2026, 12, 3), 730)[0]


def _smear(frame: np.ndarray, length: float, angle: float) -> np.ndarray:
    """The frame as a moving camera sees it: the mean of the frame shifted along
    ``angle`` over ``length`` pixels, in 0.25 px steps (not the reader's kernel model)."""
    steps = np.linspace(-length / 2, length / 2, int(length * 4) + 1)
    dx, dy = np.cos(np.radians(angle)), np.sin(np.radians(angle))
    acc = np.zeros(frame.shape, np.float32)
    for s in steps:
        m = np.float32([[1, 0, s * dx], [0, 1, s * dy]])
        acc += cv2.warpAffine(frame.astype(np.float32), m, frame.shape[::-1], borderMode=cv2.BORDER_REFLECT)
    return acc / len(steps)


def _frame(text: str, *, length: float, angle: float, module: float = 4.0, roll: float = 12.0,
           background: np.ndarray | None = None, seed: int = 0) -> np.ndarray:
    """A 640×480 frame of the code (quiet zone included) at ``module`` px a module,
    turned by ``roll``, over ``background`` (mid grey by default), smeared, noised and
    compressed as a webcam's MJPG."""
    rng = np.random.default_rng(seed)
    qr = segno.make_qr(text, error="m")
    modules = np.pad(np.array([list(r) for r in qr.matrix], np.uint8), 4)
    big = np.where(modules > 0, 30, 220).astype(np.float32)
    side = modules.shape[0] * module
    rot = cv2.getRotationMatrix2D((0, 0), roll, side / modules.shape[0])
    corners = np.array([[0, 0], [modules.shape[0], 0], [0, modules.shape[0]], [modules.shape[0]] * 2], np.float32)
    moved = corners @ rot[:, :2].T
    rot[:, 2] = np.array([320.0, 240.0]) - moved.mean(axis=0)
    frame = np.full((480, 640), 140, np.float32) if background is None else background.astype(np.float32)
    code = cv2.warpAffine(big, rot, (640, 480), flags=cv2.INTER_AREA, borderValue=-1.0)
    mask = cv2.warpAffine(np.ones_like(big), rot, (640, 480), flags=cv2.INTER_NEAREST) > 0
    frame[mask] = code[mask]
    frame = cv2.GaussianBlur(_smear(frame, length, angle), (0, 0), 0.6) + rng.normal(0, 2.5, frame.shape)
    ok, jpg = cv2.imencode(".jpg", np.clip(frame, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, 85])
    return cv2.imdecode(jpg, cv2.IMREAD_GRAYSCALE)


@pytest.mark.parametrize("length,angle,module", [(7.0, 30.0, 3.5), (7.0, 100.0, 3.5), (8.0, 160.0, 4.0),
                                                 (9.0, 100.0, 4.0)])
def test_a_card_smeared_by_motion_is_read_only_with_the_deblur(card_text, length, angle, module):
    # 2 modules of smear: neither the engines nor the reader's other stages read it.
    frame = _frame(card_text, length=length, angle=angle, module=module)
    assert card_text not in dec.build_pipeline().read(frame).texts
    assert CardReader(use_deblur=False).read_image(frame).texts == []
    assert CardReader().read_image(frame).texts == [card_text]


@pytest.mark.parametrize("angle", [20.0, 75.0, 140.0])
def test_the_smear_direction_is_found_from_the_gradients(card_text, angle):
    frame = _frame(card_text, length=7.0, angle=angle)
    (box,) = deblur.textured_patches(frame)
    x0, y0 = box.min(axis=0).astype(int)
    x1, y1 = box.max(axis=0).astype(int)
    found, _ = deblur.motion_direction(frame[y0:y1, x0:x1])
    assert abs((found - angle + 90) % 180 - 90) < 10


def test_a_smeared_code_that_is_not_a_card_is_never_returned(card_text):
    # A 6-M code of a card's length and alphabet that is not a card (wrong prefix and
    # signature): the grid decoder decodes it, the reader keeps it out.
    other = "XX9:" + card_text[4:]
    frame = _frame(other, length=7.0, angle=100.0, module=3.5)
    assert CardReader().read_image(frame).texts == []


def test_smeared_real_photos_without_a_code_give_no_read():
    photos = sorted(p for p in QR_DEV.glob("nocode-*/*") if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp"})
    grays = [cv2.imread(str(p), cv2.IMREAD_GRAYSCALE) for p in photos]
    grays = [cv2.resize(g, (640, 480), interpolation=cv2.INTER_AREA) for g in grays if g is not None and min(g.shape) > 50]
    if not grays:  # no development set here: textured generated scenes instead
        rng = np.random.default_rng(3)
        grays = [cv2.resize((rng.random((60, 80)) * 255).astype(np.uint8), (640, 480), interpolation=cv2.INTER_NEAREST)
                 for _ in range(10)]
    reader = CardReader()
    for i, gray in enumerate(grays):
        smeared = np.clip(_smear(gray, 7.0, 37.0 * i), 0, 255).astype(np.uint8)
        assert reader.read_image(smeared).texts == []
