"""Find the text of QR codes in one camera frame.

Job: the engines behind the :class:`Decoder` protocol, their pipeline
(``build_pipeline()``: the first stage of ``kiosk.camera.reader.CardReader``, and "today's
pipeline" in bench/decode.py), ``decode(image) -> list[str]`` for one grayscale or BGR
``numpy`` image (the reader on a single picture), and
``available_decoders()`` for ``kiosk doctor``. Each engine sits behind the
:class:`Decoder` protocol so it can be swapped or benchmarked alone (``bench/decode.py``).

Constraints:
- QR only, in every engine: a product barcode (EAN-13 on a yoghurt pot held up to the
  camera) must never read as a card.
- zxing-cpp first: it reads everything pyzbar reads on the development photos and is
  about ten times faster (≈0.8 ms against ≈8.5 ms on an empty 640×480 frame, see
  docs/performance-decode.md). pyzbar is asked only when zxing-cpp *located* a QR code
  it could not decode, so frames with no code (most of a camera's frames) cost one
  zxing-cpp pass; the same gate guards the 2× upscale retry (kept on the benchmark's
  evidence). If libzbar is missing (pyzbar's import raises) zxing-cpp works alone.
- Texts are returned exactly as encoded (zxing-cpp ``TextMode.Plain``: no GS1
  "human readable" rewriting), pyzbar bytes read as UTF-8.
- No Qt here (import-linter contract); called from the camera thread, so no shared
  mutable state beyond lazily built, read-only engine objects.
"""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass, field
from typing import Callable, Protocol, Sequence

import cv2
import numpy as np

try:  # zxing-cpp is a hard dependency, but `kiosk doctor` must still run without it.
    import zxingcpp
    _ZXING_ERROR: str | None = None
except ImportError as exc:  # pragma: no cover - depends on the installation
    zxingcpp = None  # type: ignore[assignment]
    _ZXING_ERROR = f"zxing-cpp cannot be imported: {exc}"

try:  # pyzbar raises ImportError at import time when the libzbar shared library is absent.
    from pyzbar import pyzbar as _pyzbar
    from pyzbar.pyzbar import ZBarSymbol
    _ZBAR_ERROR: str | None = None
except ImportError as exc:  # pragma: no cover - depends on the installation
    _pyzbar = None  # type: ignore[assignment]
    ZBarSymbol = None  # type: ignore[assignment]
    _ZBAR_ERROR = f"pyzbar/libzbar cannot be loaded: {exc}"


@dataclass
class Reading:
    """What one engine saw: decoded texts, and whether it located a QR it could not read."""

    texts: list[str] = field(default_factory=list)
    located_unread: bool = False
    # Corners (4×2, frame pixels) of each symbol the engine located, read or not: where
    # the reader looks again on the next frames (zxing-cpp gives them; pyzbar's are not used).
    quads: list[np.ndarray] = field(default_factory=list)


class Decoder(Protocol):
    """A QR engine. ``read`` takes a 2-D uint8 grayscale array."""

    name: str

    def read(self, gray: np.ndarray) -> Reading: ...


def to_gray(image: np.ndarray) -> np.ndarray:
    """A contiguous 2-D uint8 view of a grayscale, BGR or BGRA image."""
    if image.ndim == 3:
        code = cv2.COLOR_BGRA2GRAY if image.shape[2] == 4 else cv2.COLOR_BGR2GRAY
        image = cv2.cvtColor(image, code)
    if image.dtype != np.uint8:
        image = np.clip(image, 0, 255).astype(np.uint8)
    return np.ascontiguousarray(image)


def _unique(texts: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(texts))


class ZxingDecoder:
    """zxing-cpp restricted to QR codes (models 1 and 2; no Micro QR or rMQR)."""

    name = "zxing"

    def __init__(self, *, report_located: bool = True) -> None:
        if zxingcpp is None:
            raise RuntimeError(_ZXING_ERROR)
        # report_located=False: no return_errors, for callers that only want reads (the
        # rescue on a crop it already located).
        self.report_located = report_located
        # Not BarcodeFormat.QRCode: in zxing-cpp 3 that is the whole family, Micro QR and
        # rMQR included, and the benchmark caught a Micro QR "read" ("6322") inside the
        # modules of a rotated card. Cards are Model 2; Model 1 costs nothing to keep.
        fmt = zxingcpp.BarcodeFormat
        if hasattr(fmt, "QRCodeModel2"):  # zxing-cpp 3
            self._formats = (fmt.QRCodeModel2, fmt.QRCodeModel1)
        else:  # zxing-cpp 2: QRCode is Model 2 alone
            self._formats = fmt.QRCode
        self._refused = {getattr(fmt, name) for name in ("MicroQRCode", "RMQRCode") if hasattr(fmt, name)}

    def read(self, gray: np.ndarray) -> Reading:
        # return_errors=True: a located but undecodable symbol tells the pipeline that
        # asking the slower engine is worth its time. try_rotate only matters for linear
        # codes, but its cost on QR-only scans was not measurable, so defaults stay.
        results = zxingcpp.read_barcodes(gray, formats=self._formats,
                                         text_mode=zxingcpp.TextMode.Plain, return_errors=self.report_located)
        reading = Reading()
        for r in results:
            if r.format in self._refused:  # belt and braces, should the format filter widen
                continue
            p = r.position
            reading.quads.append(np.array([(p.top_left.x, p.top_left.y), (p.top_right.x, p.top_right.y),
                                           (p.bottom_right.x, p.bottom_right.y),
                                           (p.bottom_left.x, p.bottom_left.y)], np.float32))
            if r.valid and r.text:
                reading.texts.append(r.text)
            else:
                reading.located_unread = True
        reading.texts = _unique(reading.texts)
        return reading


class ZbarDecoder:
    """pyzbar (libzbar) restricted to QR codes."""

    name = "pyzbar"

    def __init__(self) -> None:
        if _pyzbar is None:
            raise RuntimeError(_ZBAR_ERROR)

    def read(self, gray: np.ndarray) -> Reading:
        results = _pyzbar.decode(gray, symbols=[ZBarSymbol.QRCODE])
        texts = [r.data.decode("utf-8", errors="replace") for r in results if r.data]
        return Reading(_unique(texts))


def clahe_preprocess(gray: np.ndarray) -> np.ndarray:
    """Local contrast equalisation: lifts a card lit from one side or seen under glare."""
    return cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8)).apply(gray)


def upscale_preprocess(gray: np.ndarray) -> np.ndarray:
    """Twice the size: gives small, far-away codes two pixels per module or more."""
    return cv2.resize(gray, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)


class PreprocessedDecoder:
    """Another decoder run on a transformed image (benchmark variants and retries)."""

    def __init__(self, inner: Decoder, transform: Callable[[np.ndarray], np.ndarray], name: str) -> None:
        self.inner, self.transform, self.name = inner, transform, name

    def read(self, gray: np.ndarray) -> Reading:
        return self.inner.read(self.transform(gray))


class Pipeline:
    """zxing-cpp, then, only when zxing-cpp located a QR it could not read, pyzbar and
    the retries. Stops at the first stage that reads something.

    The gate keeps a frame with no code at one zxing-cpp pass (≈0.8 ms at 640×480).
    Asking pyzbar on every empty frame costs ≈9 ms and read only 7 more of 800 synthetic
    frames (noisy, glare): the camera reads those cards on the next frames instead."""

    name = "pipeline"

    def __init__(self, primary: Decoder | None, fallback: Decoder | None = None,
                 retries: Sequence[Decoder] = (), *, fallback_always: bool = False) -> None:
        self.primary, self.fallback, self.retries = primary, fallback, list(retries)
        # fallback_always=True asks the later stages on every empty frame (benchmark only).
        self.fallback_always = fallback_always

    def read(self, gray: np.ndarray) -> Reading:
        located = False
        if self.primary is not None:
            first = self.primary.read(gray)
            if first.texts:
                return first
            located = first.located_unread
        if not (located or self.fallback_always or self.primary is None):
            return Reading()
        if self.fallback is not None:
            second = self.fallback.read(gray)
            if second.texts:
                second.quads = first.quads if self.primary is not None else []
                return second
        for retry in self.retries:
            again = retry.read(gray)
            if again.texts:  # a retry may work on a resized image: keep the frame's corners
                again.quads = first.quads if self.primary is not None else []
                return again
        return Reading(located_unread=located, quads=first.quads if self.primary is not None else [])


# Kept because bench/decode.py shows it raises the read rate: a 2× upscale retry reads
# blurred codes at 1280×720 that both engines miss (and keeps the pipeline at or above
# the best single variant on every set). A CLAHE retry read nothing more and is not used.
# See docs/performance-decode.md.
USE_PREPROCESSING_RETRY = True


def build_pipeline(*, with_retry: bool = USE_PREPROCESSING_RETRY) -> Pipeline:
    """The default pipeline from the engines this installation has."""
    primary = ZxingDecoder() if zxingcpp is not None else None
    fallback = ZbarDecoder() if _pyzbar is not None else None
    retries: list[Decoder] = []
    if with_retry and primary is not None:
        retries.append(PreprocessedDecoder(primary, upscale_preprocess, "zxing+upscale2x"))
    return Pipeline(primary, fallback, retries)


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def available_decoders() -> dict[str, str | None]:
    """Decoder name → library version, or ``None`` when it cannot be used
    (the reason is in :func:`decoder_problems`)."""
    return {
        "zxing": _version("zxing-cpp") if zxingcpp is not None else None,
        "pyzbar": _version("pyzbar") if _pyzbar is not None else None,
    }


def decoder_problems() -> dict[str, str]:
    """Decoder name → why it is missing and what to do; empty when all work."""
    problems: dict[str, str] = {}
    if _ZXING_ERROR:
        problems["zxing"] = _ZXING_ERROR + " (reinstall the kiosk: zxing-cpp is required)"
    if _ZBAR_ERROR:
        problems["pyzbar"] = _ZBAR_ERROR + " (install libzbar0; zxing-cpp still reads cards)"
    return problems
