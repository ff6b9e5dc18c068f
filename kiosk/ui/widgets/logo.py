"""Partner logos on screen: decoded off the GUI thread, kept as pixmaps.

:func:`load_badges` is a job for a task (``Op``): it reads the logos through the
directory service and decodes each one into a ``QImage`` (safe in any thread, unlike
``QPixmap``), drawn centred on a white rounded card ``side`` px high with a thin grey
border, so that a transparent or dark logo reads on the calm and the contrast themes
alike. Back on the GUI thread :func:`pixmap_of` turns it into a ``QPixmap`` once and keeps
it (LRU, :data:`CACHE_SIZE` entries, keyed by partner, image digest and size): scrolling
the list again, a language switch or the next visit do not decode again. A logo already
kept is not decoded by the job either. An unreadable image is left out (the pictogram
of the partner's category stays). Images are the server's small re-encoded renditions
(``kiosk.domain.partners.PartnerLogo``).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap

CACHE_SIZE = 512
ROW_SIDE = 96        # in a list row, where the category pictogram (72 px) would be
DETAIL_SIDE = 160    # at the head of the partner's screen
WIDEST = 1.6         # a wide logo's card: at most this many times as wide as high

_CACHE: "OrderedDict[tuple[str, str, int], QPixmap]" = OrderedDict()


def badge_image(data: bytes, side: int) -> QImage | None:
    """The logo decoded and drawn on a white rounded card ``side`` px high (any thread);
    None if unreadable. A wide logo (a word mark) gets a card up to 1.6 × wider, so
    its letters stay readable."""
    logo = QImage()
    if not logo.loadFromData(data) or logo.isNull():
        return None
    width = int(side * min(WIDEST, max(1.0, logo.width() / max(1, logo.height()))))
    out = QImage(width, side, QImage.Format.Format_ARGB32_Premultiplied)
    out.fill(Qt.GlobalColor.transparent)
    p = QPainter(out)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    path = QPainterPath()
    path.addRoundedRect(QRectF(1, 1, width - 2, side - 2), side * 0.12, side * 0.12)
    p.fillPath(path, QColor("#FFFFFF"))
    p.setPen(QPen(QColor("#9C9588"), 2))
    p.drawPath(path)
    pad = 2 * max(6, side // 12)
    scaled = logo.scaled(width - pad, side - pad, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    p.setClipPath(path)
    p.drawImage((width - scaled.width()) // 2, (side - scaled.height()) // 2, scaled)
    p.end()
    return out


def load_badges(services: Any, partner_ids: Iterable[str], side: int) -> dict[str, tuple[str, QImage | None]]:
    """Job (any thread): partner id → (digest, decoded badge, or None when already kept)."""
    out: dict[str, tuple[str, QImage | None]] = {}
    for pid, logo in services.directory.logos(list(partner_ids)).items():
        if (pid, logo.digest, side) in _CACHE:     # a key lookup only: the pixmap is not touched here
            out[pid] = (logo.digest, None)
            continue
        img = badge_image(logo.image(), side)
        if img is not None:
            out[pid] = (logo.digest, img)
    return out


def pixmap_of(partner_id: str, digest: str, side: int, image: QImage | None) -> QPixmap | None:
    """GUI thread: the kept pixmap of that image, made from ``image`` the first time."""
    key = (partner_id, digest, side)
    pm = _CACHE.get(key)
    if pm is not None:
        _CACHE.move_to_end(key)
        return pm
    if image is None:
        return None
    pm = QPixmap.fromImage(image)
    _CACHE[key] = pm
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return pm


def forget_all() -> None:
    """Drop every kept pixmap (tests; a kiosk has no reason to)."""
    _CACHE.clear()
