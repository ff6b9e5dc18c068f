"""Where the bundled resources live, and the pictograms tinted for the current theme.

``resources/`` sits at the repository root in a checkout and beside the executable in a
PyInstaller bundle (``sys._MEIPASS``). Pictograms are single-colour SVGs drawn in
``#000000`` (see ``resources/icons/LICENSE``); :func:`icon` swaps that colour for the
theme's and caches the rendered pixmaps, so both themes share one file per pictogram.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer


def resources_dir() -> Path:
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


@lru_cache(maxsize=None)
def _svg(name: str) -> str:
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


@lru_cache(maxsize=512)
def pixmap(name: str, colour: str, size: int, dpr: float = 1.0) -> QPixmap:
    data = _svg(name).replace("#000000", colour)
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    px = QPixmap(round(size * dpr), round(size * dpr))
    px.fill(Qt.GlobalColor.transparent)
    painter = QPainter(px)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, px.width(), px.height()))
    painter.end()
    px.setDevicePixelRatio(dpr)
    return px


def icon(name: str, colour: str, size: int = 64) -> QIcon:
    ic = QIcon()
    ic.addPixmap(pixmap(name, colour, size))
    return ic


def icon_size(size: int) -> QSize:
    return QSize(size, size)
