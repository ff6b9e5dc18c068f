"""The decoder pipeline on real photos, on rendered cards and on product barcodes."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from kiosk.camera import decoder as dec
from kiosk.camera.decoder import available_decoders
from kiosk.camera.reader import decode

from camera_helpers import QR_DEV, card_frame

# Measured 22/22 with bench/decode.py (docs/performance-decode.md); one image of margin.
PHOTO_READ_FLOOR = 21


def _photos() -> list[tuple[Path, str]]:
    folder = QR_DEV / "photos"
    if not folder.is_dir():
        pytest.skip(f"QR development set not found at {folder}")
    pairs = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".png", ".jpg", ".webp") and path.with_suffix(".txt").exists():
            pairs.append((path, path.with_suffix(".txt").read_bytes().decode("utf-8")))
    return pairs


def test_development_photos_read_exactly_with_no_wrong_text():
    photos = _photos()
    assert len(photos) == 22
    read, wrong = [], []
    for path, expected in photos:
        image = cv2.imread(str(path))
        assert image is not None, f"OpenCV cannot read {path.name}"
        texts = decode(image)
        if expected in texts:
            read.append(path.name)
        wrong += [(path.name, t) for t in texts if t != expected]
    assert wrong == []
    assert len(read) >= PHOTO_READ_FLOOR, f"read only {len(read)}: missing {sorted({p.name for p, _ in photos} - set(read))}"


def test_gs1_photo_text_is_the_raw_content_not_the_human_readable_form():
    path = QR_DEV / "photos" / "gs1-figure-4.15.1-2.png"
    if not path.exists():
        pytest.skip("QR development set not found")
    texts = decode(cv2.imread(str(path), cv2.IMREAD_GRAYSCALE))
    assert texts == [path.with_suffix(".txt").read_bytes().decode("utf-8")]
    assert "\x1d" in texts[0]  # group separators kept, no "(01)" rewriting


def test_photos_without_code_give_nothing():
    folders = sorted(QR_DEV.glob("nocode-*"))
    if not folders:
        pytest.skip("QR development set not found")
    found = {}
    count = 0
    for folder in folders:
        for path in sorted(folder.iterdir()):
            image = cv2.imread(str(path))
            if image is None:
                continue  # two 1-pixel WebP files OpenCV rejects
            count += 1
            if texts := decode(image):
                found[path.name] = texts
    assert count >= 40
    assert found == {}


@pytest.mark.parametrize("angle", [0, 30, 90, 200])
def test_a_card_rendered_by_segno_round_trips(card_texts, angle):
    frame = card_frame(card_texts[0], (640, 480), scale=4, angle=angle)
    assert decode(frame) == [card_texts[0]]  # BGR
    assert decode(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)) == [card_texts[0]]  # grayscale


def test_a_card_is_read_at_1280x720(card_texts):
    assert decode(card_frame(card_texts[1], (1280, 720), scale=6)) == [card_texts[1]]


def _barcode_image(content: str, fmt) -> np.ndarray:
    image = np.asarray(zxingcpp.write_barcode_to_image(zxingcpp.create_barcode(content, fmt), scale=4))
    if image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    h, w = image.shape[:2]
    canvas = np.full((max(480, h + 200), max(640, w + 120)), 255, np.uint8)
    canvas[100:100 + h, 60:60 + w] = image
    return canvas


@pytest.mark.parametrize("content, fmt", [
    ("4006381333931", zxingcpp.BarcodeFormat.EAN13),
    ("CK1:NOT-A-CARD-BUT-CODE128", zxingcpp.BarcodeFormat.Code128),
    ("CK1:DATAMATRIX", zxingcpp.BarcodeFormat.DataMatrix),
    ("6322", zxingcpp.BarcodeFormat.MicroQRCode),  # zxing-cpp 3 counts it as a "QRCode"
    ("CK1:RMQR", zxingcpp.BarcodeFormat.RMQRCode),
])
def test_product_and_other_barcodes_are_not_returned(content, fmt):
    image = _barcode_image(content, fmt)
    # The picture is readable: an all-format reader finds it, so QR-only is what refuses it.
    assert content in [r.text for r in zxingcpp.read_barcodes(image)]
    assert decode(image) == []
    assert dec.ZbarDecoder().read(image).texts == []


def test_no_micro_qr_read_inside_a_rotated_card():
    """Regression: zxing-cpp's QRCode family found a Micro QR "6322" inside this card."""
    frame = cv2.imread(str(Path(__file__).with_name("data") / "micro-qr-false-read.png"), cv2.IMREAD_GRAYSCALE)
    assert frame is not None
    texts = decode(frame)
    assert len(texts) == 1 and texts[0].startswith("CK1:") and len(texts[0]) == 153


def test_blank_tiny_and_empty_images_give_nothing():
    assert decode(np.zeros((480, 640), np.uint8)) == []
    assert decode(np.full((10, 10, 3), 255, np.uint8)) == []
    assert decode(np.zeros((0, 0), np.uint8)) == []


class _FakeDecoder:
    def __init__(self, name: str, texts: list[str], located: bool = False) -> None:
        self.name, self.texts, self.located, self.calls = name, texts, located, 0

    def read(self, gray):
        self.calls += 1
        return dec.Reading(list(self.texts), self.located)


def test_pipeline_asks_the_fallback_only_when_the_first_engine_located_a_code():
    gray = np.zeros((64, 64), np.uint8)
    fallback = _FakeDecoder("fallback", ["B"])
    retry = _FakeDecoder("retry", ["C"])
    nothing_seen = dec.Pipeline(_FakeDecoder("first", []), fallback, [retry])
    assert nothing_seen.read(gray).texts == [] and fallback.calls == 0 and retry.calls == 0
    located = dec.Pipeline(_FakeDecoder("first", [], located=True), fallback, [retry])
    assert located.read(gray).texts == ["B"] and retry.calls == 0
    first_reads = dec.Pipeline(_FakeDecoder("first", ["A"]), fallback, [retry])
    assert first_reads.read(gray).texts == ["A"] and fallback.calls == 1
    fallback_fails = dec.Pipeline(_FakeDecoder("first", [], located=True), _FakeDecoder("fb", []), [retry])
    assert fallback_fails.read(gray).texts == ["C"]


def test_zxing_works_alone_when_libzbar_is_missing(monkeypatch, card_texts):
    monkeypatch.setattr(dec, "_pyzbar", None)
    monkeypatch.setattr(dec, "_ZBAR_ERROR", "pyzbar/libzbar cannot be loaded: Unable to find zbar shared library")
    pipeline = dec.build_pipeline()
    assert pipeline.fallback is None
    assert pipeline.read(cv2.cvtColor(card_frame(card_texts[0]), cv2.COLOR_BGR2GRAY)).texts == [card_texts[0]]
    assert available_decoders()["pyzbar"] is None
    assert "libzbar0" in dec.decoder_problems()["pyzbar"]


def test_available_decoders_names_both_engines_with_versions():
    found = available_decoders()
    assert set(found) == {"zxing", "pyzbar"}
    assert found["zxing"] and found["zxing"][0].isdigit()
    assert found["pyzbar"] and found["pyzbar"][0].isdigit()  # libzbar0 is installed here
    assert dec.decoder_problems() == {}
