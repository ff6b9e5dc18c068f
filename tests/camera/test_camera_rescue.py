"""The finder search, the rescue and the reader on pictures made here: a card with a
finder pattern covered (which no engine reads), a non-card code under the same damage
(never returned by a rescue), the confirmation across one unread frame."""

from __future__ import annotations

import cv2
import numpy as np
import segno

from kiosk.camera import decoder as dec
from kiosk.camera.locate import find_finders, group_regions
from kiosk.camera.reader import CardReader
from kiosk.camera.rescue import CARD_MODULES, Rescuer
from kiosk.camera.worker import ReadConfirmer
from kiosk.domain.cards import is_well_formed


def _code_frame(text: str, module: int = 4, angle: float = 12.0, cover: str | None = None) -> np.ndarray:
    """A grey frame with the code, rotated; ``cover`` = "tr" puts a thumb-grey patch over
    the top-right finder pattern (and a little around it)."""
    qr = segno.make_qr(text, error="m")
    modules = np.pad(np.array([list(r) for r in qr.matrix], np.uint8), 4)
    code = np.where(modules > 0, 25, 230).astype(np.uint8)
    code = cv2.resize(code, None, fx=module, fy=module, interpolation=cv2.INTER_NEAREST)
    if cover == "tr":
        n = modules.shape[0]
        code[2 * module:13 * module, (n - 13) * module:(n - 2) * module] = 150
    frame = np.full((480, 640), 110, np.uint8)
    h, w = code.shape
    y, x = (480 - h) // 2, (640 - w) // 2
    frame[y:y + h, x:x + w] = code
    m = cv2.getRotationMatrix2D((320, 240), angle, 1.0)
    frame = cv2.warpAffine(frame, m, (640, 480), borderValue=110)
    return cv2.GaussianBlur(frame, (0, 0), 0.7)


def test_a_card_is_always_a_41_module_code(card_texts):
    for text in card_texts:
        assert is_well_formed(text)
        assert segno.make_qr(text, error="m").symbol_size(border=0)[0] == CARD_MODULES


def test_the_three_finders_of_a_card_are_found(card_texts):
    finders = find_finders(_code_frame(card_texts[0]))
    assert len(finders) == 3
    regions = group_regions(finders, (480, 640))
    assert len(regions) == 1 and len(regions[0].finders) == 3


def test_a_card_with_a_finder_covered_is_read_by_the_rescue_only(card_texts):
    frame = _code_frame(card_texts[0], cover="tr")
    assert dec.build_pipeline().read(frame).texts == []  # no engine reads it
    assert dec.ZbarDecoder().read(frame).texts == []
    reader = CardReader()
    assert reader.read_image(frame).texts == [card_texts[0]]
    assert reader.last_stage == "finders/refinder"


def test_a_rescue_never_returns_a_text_that_is_not_a_card():
    frame = _code_frame("https://example.org/" + "x" * 90, cover="tr")  # same damage, not a card
    regions = group_regions(find_finders(frame), frame.shape)
    assert regions, "the two visible finders are found"
    rescuer = Rescuer(dec.ZxingDecoder(report_located=False), dec.ZbarDecoder())
    assert all(rescuer.read(frame, r).texts == [] for r in regions)
    assert CardReader().read_image(frame).texts == []


def test_the_reader_forgets_a_tracked_region_after_a_while(card_texts):
    reader = CardReader(track_frames=2)
    assert reader.read_image(_code_frame(card_texts[1])).texts == [card_texts[1]]
    blank = np.full((480, 640), 110, np.uint8)
    reader.read(_code_frame(card_texts[1]))
    for _ in range(4):
        assert reader.read(blank).texts == []
    assert reader._tracked is None


def test_confirmation_allows_one_unread_frame_between_two_reads():
    c = ReadConfirmer(confirmations=2, max_gap=1)
    assert [c.feed(t) for t in (["A"], [], ["A"])] == [None, None, "A"]
    c = ReadConfirmer(confirmations=2, max_gap=1)
    assert [c.feed(t) for t in (["A"], [], [], ["A"])] == [None, None, None, None]
    c = ReadConfirmer(confirmations=2, max_gap=1)
    assert [c.feed(t) for t in (["A"], [], ["B"], [], ["A"])] == [None] * 5
    assert [ReadConfirmer(max_gap=0).feed(t) for t in (["A"], [], ["A"])] == [None, None, None]
