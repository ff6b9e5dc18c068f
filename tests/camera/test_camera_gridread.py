"""The grid reader (kiosk.camera.gridread) on generated frames: a card's code too blurred,
too dim or too curved for the engines, whose finders are known or found, is read module
by module; what is not a card never comes out of the reader."""

from __future__ import annotations

import uuid
from datetime import date

import cv2
import numpy as np
import pytest
import segno

from kiosk.camera import gridread
from kiosk.camera.reader import CardReader
from kiosk.domain.cards import CardSigner, Role

SIZE = 41


@pytest.fixture(scope="module")
def card_texts() -> list[str]:
    """Three real signed cards, always the same (the frames, hence what is read, must not
    change from run to run: on random cards the small blurred frame reads 19 of 20)."""
    signer = CardSigner.from_private_bytes(bytes(range(32)))
    return [signer.issue(Role.MEMBER, uuid.uuid5(uuid.NAMESPACE_URL, f"member-{i}"), 300 + i, date(2026, 12, 3), 730)[0]
            for i in range(3)]


def _frame(text: str, *, module: float, blur: float, tilt: float = 0.0, contrast: float = 1.0,
           noise: float = 2.0, bend: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A 640×480 grey frame of the code and its finder centres (TL, TR, BL) in the frame:
    drawn sharp at 8 px a module, bent (``bend``: a cylinder's bulge, in modules), warped
    in perspective to ``module`` px a module, blurred, dimmed and noised."""
    rng = np.random.default_rng(seed)
    qr = segno.make_qr(text, error="m")
    modules = np.pad(np.array([list(r) for r in qr.matrix], np.uint8), 4)
    big = cv2.resize(np.where(modules > 0, 25, 225).astype(np.uint8), None, fx=8, fy=8,
                     interpolation=cv2.INTER_NEAREST)
    n = big.shape[0]
    if bend:
        yy, xx = np.mgrid[0:n, 0:n].astype(np.float32)
        shift = bend * 8 * np.sin(np.pi * xx / n)
        big = cv2.remap(big, xx, yy - shift, cv2.INTER_LINEAR, borderValue=225)
    side = module * (SIZE + 8)
    cx, cy = 330.0, 250.0
    k = np.tan(np.radians(tilt)) * 0.35
    dst = np.float32([[cx - side / 2 * (1 - k), cy - side / 2], [cx + side / 2 * (1 - k), cy - side / 2 * (1 - k)],
                      [cx + side / 2 * (1 + k), cy + side / 2 * (1 + k)], [cx - side / 2 * (1 + k), cy + side / 2]])
    src = np.float32([[0, 0], [n, 0], [n, n], [0, n]])
    h = cv2.getPerspectiveTransform(src, dst)
    frame = cv2.warpPerspective(big, h, (640, 480), flags=cv2.INTER_AREA, borderValue=140).astype(np.float32)
    frame = cv2.GaussianBlur(frame, (0, 0), blur) * contrast + rng.normal(0, noise, frame.shape)
    centres = np.float32([[(4 + 3.5) * 8, (4 + 3.5) * 8], [(4 + SIZE - 3.5) * 8, (4 + 3.5) * 8],
                          [(4 + 3.5) * 8, (4 + SIZE - 3.5) * 8]])
    frame_centres = cv2.perspectiveTransform(centres[None], h)[0]
    return np.clip(frame, 0, 255).astype(np.uint8), frame_centres


def test_a_blurred_small_code_is_read_from_its_finder_centres(card_texts):
    for i, text in enumerate(card_texts):
        gray, centres = _frame(text, module=2.0, blur=1.1, tilt=4, seed=i)
        off = centres + np.random.default_rng(i).normal(0, 0.8, centres.shape)  # a locator's error
        assert gridread.read_grid(gray, off) == text


def test_the_equaliser_is_what_reads_the_blurred_code(card_texts):
    gray, centres = _frame(card_texts[0], module=2.0, blur=1.1, tilt=4)
    samples = gridread.sample(gray, centres)
    assert samples is not None and samples.agreement > gridread.MIN_AGREEMENT
    assert gridread.decode(samples) == card_texts[0]
    assert gridread.decode(samples, equalised=False) is None


def test_a_curved_dim_code_is_read_by_the_camera_reader(card_texts):
    text = card_texts[1]
    gray, _ = _frame(text, module=4.0, blur=0.8, bend=1.0, contrast=0.3, noise=3.0, seed=3)
    assert CardReader().read_image(gray).texts == [text]


def test_a_code_that_is_not_a_card_never_comes_out_of_the_grid_reader():
    other = "HTTPS://EXAMPLE.ORG/" + "A" * 133  # a 6-M alphanumeric code of a card's length
    gray, centres = _frame(other, module=2.0, blur=1.1, tilt=4)
    assert gridread.read_grid(gray, centres) == other  # the decoder reads it ...
    reader = CardReader(engines=_Nothing())
    assert reader.read_image(gray).texts == []           # ... the reader keeps cards only


class _Nothing:
    """Engines that read nothing (so only the reader's own stages can read)."""

    name = "nothing"

    def read(self, gray):
        from kiosk.camera.decoder import Reading
        return Reading()
