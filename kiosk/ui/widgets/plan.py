"""A small plan drawn locally (no internet, no map tiles): the kiosk and the partner.

Positions come from latitude/longitude through a flat projection around the kiosk
(fine over a few kilometres). North is up; a scale bar says how far; a dashed line
joins "Vous êtes ici" to the partner. Drawn with QPainter in the theme's colours and
never mirrored in right-to-left languages (a map is not text).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui.theme import Theme

M_PER_DEG_LAT = 110_540.0
M_PER_DEG_LON_EQ = 111_320.0


def project(lat0: float, lon0: float, lat: float, lon: float) -> tuple[float, float]:
    """Metres east and north of (lat0, lon0)."""
    return ((lon - lon0) * M_PER_DEG_LON_EQ * math.cos(math.radians(lat0)),
            (lat - lat0) * M_PER_DEG_LAT)


def nice_scale(metres: float) -> int:
    for step in (50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000):
        if step >= metres:
            return step
    return 10000


class PlanView(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setMinimumSize(420, 380)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._theme = theme
        self._kiosk = (0.0, 0.0)
        self._partner = (0.0, 0.0)
        self._here = "Vous êtes ici"
        self._name = ""

    def set_places(self, kiosk: tuple[float, float], partner: tuple[float, float],
                   here_label: str, partner_label: str) -> None:
        self._kiosk, self._partner = kiosk, partner
        self._here, self._name = here_label, partner_label
        self.setAccessibleName(partner_label)
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def paintEvent(self, event) -> None:
        t = self._theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        r = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        p.setPen(QPen(QColor(t["border"]), 2))
        p.setBrush(QColor(t["surface"]))
        p.drawRoundedRect(r, 18, 18)

        ex, ny = project(*self._kiosk, *self._partner)
        span = max(abs(ex), abs(ny), 60.0) * 1.35   # metres from the centre to the edge
        margin = 70
        half = min(r.width(), r.height()) / 2 - margin
        scale = half / span
        centre = QPointF(r.center().x() - ex * scale / 2, r.center().y() + ny * scale / 2)
        kiosk = centre
        partner = QPointF(centre.x() + ex * scale, centre.y() - ny * scale)

        # A faint street grid, so the plan reads as a plan.
        grid_pen = QPen(QColor(t["border"]), 1, Qt.PenStyle.DotLine)
        p.setPen(grid_pen)
        step = max(90.0, nice_scale(span / 3) * scale)
        x = r.left() + (centre.x() - r.left()) % step
        while x < r.right():
            p.drawLine(QPointF(x, r.top() + 8), QPointF(x, r.bottom() - 8))
            x += step
        y = r.top() + (centre.y() - r.top()) % step
        while y < r.bottom():
            p.drawLine(QPointF(r.left() + 8, y), QPointF(r.right() - 8, y))
            y += step

        p.setPen(QPen(QColor(t["primary"]), 5, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
        p.drawLine(kiosk, partner)

        font = QFont(self.font())
        font.setPixelSize(22)
        font.setBold(True)
        p.setFont(font)
        # Labels go on the far side of each point, away from the route line.
        partner_below = partner.y() >= kiosk.y()
        self._marker(p, kiosk, QColor(t["text"]), QColor(t["surface"]), self._here, r, above=partner_below)
        self._marker(p, partner, QColor(t["accent"]), QColor(t["surface"]), self._name, r, above=not partner_below)

        # North arrow and scale bar.
        p.setPen(QPen(QColor(t["text"]), 3))
        n = QPointF(r.right() - 40, r.top() + 60)
        path = QPainterPath(QPointF(n.x(), n.y() - 34))
        path.lineTo(n.x() - 12, n.y())
        path.lineTo(n.x() + 12, n.y())
        path.closeSubpath()
        p.setBrush(QColor(t["text"]))
        p.drawPath(path)
        p.drawText(QRectF(n.x() - 20, n.y() + 2, 40, 28), Qt.AlignmentFlag.AlignCenter, "N")
        bar_m = nice_scale(span / 2.5)
        bar_px = bar_m * scale
        y = r.bottom() - 28
        x0 = r.left() + 24
        p.drawLine(QPointF(x0, y), QPointF(x0 + bar_px, y))
        p.drawLine(QPointF(x0, y - 8), QPointF(x0, y + 8))
        p.drawLine(QPointF(x0 + bar_px, y - 8), QPointF(x0 + bar_px, y + 8))
        label = "\u2066" + (f"{bar_m} m" if bar_m < 1000 else f"{bar_m / 1000:g} km") + "\u2069"
        p.drawText(QRectF(x0 + bar_px + 10, y - 16, 140, 32), Qt.AlignmentFlag.AlignVCenter, label)
        p.end()

    @staticmethod
    def _marker(p: QPainter, at: QPointF, colour: QColor, back: QColor, text: str, bounds: QRectF,
                above: bool = False) -> None:
        p.setPen(QPen(back, 3))
        p.setBrush(colour)
        p.drawEllipse(at, 16, 16)
        fm = p.fontMetrics()
        w = min(fm.horizontalAdvance(text) + 20, bounds.width() - 20)
        x = min(max(at.x() - w / 2, bounds.left() + 10), bounds.right() - w - 10)
        fits_above, fits_below = at.y() - 58 > bounds.top(), at.y() + 70 < bounds.bottom()
        y = at.y() - 58 if (above and fits_above) or not fits_below else at.y() + 24
        box = QRectF(x, y, w, 34)
        p.setPen(QPen(colour, 2))
        p.setBrush(back)
        p.drawRoundedRect(box, 8, 8)  # the label stays readable over the route line
        p.setPen(colour)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, fm.elidedText(text, Qt.TextElideMode.ElideRight, int(w - 12)))
