"""Items' pictures on the kiosk: decoded off the GUI thread, checked, cached once, drawn
scaled with their aspect kept and rounded corners; the category's pictogram otherwise.

:func:`decode` runs in the task thread (a ``QImage`` may be made there, a ``QPixmap`` may
not) and gives ``None`` for anything it cannot trust: bytes that are not the picture the
item names (its ``photo`` is the first 16 hex digits of the file's SHA-256), a file that
stops short (a JPEG without its end marker, a PNG without ``IEND`` decodes as a grey
half), a picture Qt cannot read or absurdly large. :func:`picture` then gives the pixmap
to show, from a cache keyed by the photo's digest, so a list is decoded once
(:func:`image_for` keeps the decoded images the same way).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPainterPath, QPixmap

from kiosk.domain.lending import Item
from kiosk.ui.resources import pixmap

MAX_SIDE = 2048              # the server sends 480 px at most; more is not a picture we sent
RADIUS = 18                  # the theme's card corners (QFrame[role="card"])

_cache: OrderedDict[tuple[str, int, int], QPixmap] = OrderedDict()
_images: dict[str, QImage] = {}    # photo digest → decoded image
_CACHE_SIZE = 256


def complete(data: bytes) -> bool:
    """The file is whole: JPEG ends with its EOI marker, PNG has its IEND chunk."""
    if data.startswith(b"\xff\xd8"):
        return data.rstrip(b"\x00").endswith(b"\xff\xd9")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return b"IEND" in data[-16:]
    return False


def decode(item: Item, found: tuple[str, bytes] | None) -> QImage | None:
    """The item's picture, or ``None`` to show its pictogram (task thread)."""
    if found is None or not item.photo:
        return None
    _mime, data = found
    if hashlib.sha256(data).hexdigest()[:16] != item.photo or not complete(data):
        return None
    buf = QBuffer()
    buf.setData(QByteArray(data))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buf)
    size = reader.size()
    if not size.isValid() or max(size.width(), size.height()) > MAX_SIDE:
        return None
    image = reader.read()
    return None if image.isNull() else image


def image_for(item: Item, load: Callable[[], tuple[str, bytes] | None]) -> QImage | None:
    """:func:`decode` once per photo digest (task thread): a list reloaded after each
    reservation reads and decodes nothing again. ``load`` reads the photo from the store."""
    if not item.photo:
        return None
    image = _images.get(item.photo)
    if image is None:
        image = decode(item, load())
        if image is not None:
            _images[item.photo] = image
            while len(_images) > _CACHE_SIZE:
                _images.pop(next(iter(_images)))
    return image


def clear_caches() -> None:
    _images.clear()
    _cache.clear()


def rounded(image: QImage, box: QSize, radius: int = RADIUS) -> QPixmap:
    """The image scaled into ``box`` with its aspect kept, corners rounded."""
    scaled = image.scaled(box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    out = QPixmap(scaled.size())
    out.fill(Qt.GlobalColor.transparent)
    p = QPainter(out)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(QRectF(0, 0, scaled.width(), scaled.height()), radius, radius)
    p.setClipPath(path)
    p.drawImage(0, 0, scaled)
    p.end()
    return out


def pictogram(item: Item, box: QSize, colour: str, background: str) -> QPixmap:
    """The category's pictogram centred on a rounded tile the size of a photo."""
    out = QPixmap(box)
    out.fill(Qt.GlobalColor.transparent)
    p = QPainter(out)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(background))
    p.drawRoundedRect(QRectF(0, 0, box.width(), box.height()), RADIUS, RADIUS)
    side = int(min(box.width(), box.height()) * 0.6)
    p.drawPixmap((box.width() - side) // 2, (box.height() - side) // 2, pixmap(item.pictogram, colour, side))
    p.end()
    return out


def picture(item: Item, image: QImage | None, box: QSize, colour: str, background: str) -> tuple[QPixmap, bool]:
    """(pixmap, is_photo): the photo if there is a good one, the pictogram otherwise."""
    if image is None:
        return pictogram(item, box, colour, background), False
    key = (item.photo, box.width(), box.height())
    px = _cache.get(key)
    if px is None:
        px = _cache[key] = rounded(image, box)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return px, True
