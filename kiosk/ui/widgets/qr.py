"""A QR code as a Qt image, made locally with segno (for a partner's website).

Always dark modules on white with a quiet zone, whatever the theme: phone cameras
read that best. The module size is a whole number of pixels (sharp edges).
"""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QImage, QPixmap

BORDER = 3


def qr_image(text: str, size: int = 260) -> QImage:
    code = segno.make(text, error="m", micro=False)
    width, _ = code.symbol_size(scale=1, border=BORDER)
    scale = max(2, size // width)
    buf = io.BytesIO()
    code.save(buf, kind="png", scale=scale, border=BORDER, dark="#000000", light="#FFFFFF")
    img = QImage()
    img.loadFromData(buf.getvalue(), "PNG")
    return img


def qr_pixmap(text: str, size: int = 260) -> QPixmap:
    return QPixmap.fromImage(qr_image(text, size))
