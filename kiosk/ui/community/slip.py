"""The reminder slip of a sign-up: event, day and hours, place, first name, status.

Drawn with ``QPainter`` on a ``QPrinter``: the default printer when the kiosk has one
(a small receipt-like A6 page), or a PDF file (tests, and "save" on kiosks without a
printer). Carries the first name only: a slip left on the floor tells nobody's address.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QPainter

from kiosk.ui.community import texts
from kiosk.ui.printing import A6, Page, Paint, print_page, write_pdf


@dataclass(frozen=True)
class Slip:
    title: str
    when: str
    place: str
    first_name: str
    status: str


def slip_for(view, registration, first_name: str) -> Slip:  # noqa: ANN001
    e = view.event
    return Slip(e.title, texts.when(e.starts_at, e.ends_at), e.place, first_name,
                texts.registration_status(registration.status.value, registration.waitlist_position))


SLIP_PAGE = Page(A6.size_mm, "A6", margin_mm=8.0)


def _paint(p: QPainter, page: QRectF, dpi: float, slip: Slip) -> None:
    y = page.top()
    lines = [(QCoreApplication.translate("CommunitySlip", "Rappel d'inscription"), 11, True),
             (slip.title, 16, True), (slip.when, 12, False), (slip.place, 12, False),
             (QCoreApplication.translate("CommunitySlip", "Pour : {name}").format(name=slip.first_name), 12, False),
             (slip.status, 12, True),
             (QCoreApplication.translate("CommunitySlip", "Empêché(e) ? Annulez à la borne : "
                                                          "votre place ira à quelqu'un d'autre."), 10, False)]
    for text, points, bold in lines:
        font = QFont()
        font.setPixelSize(max(8, int(points * dpi / 72)))
        font.setBold(bold)
        p.setFont(font)
        rect = QRectF(page.left(), y, page.width(), page.bottom() - y)
        used = p.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
        p.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)
        y += used.height() + points * dpi / 72 * 0.6


def _painter(slip: Slip) -> Paint:
    return lambda p, rect, dpi: _paint(p, rect, dpi, slip)


def write_slip_pdf(slip: Slip, path: Path) -> Path:
    return write_pdf(SLIP_PAGE, _painter(slip), path)


def print_slip(slip: Slip) -> bool:
    """Print on the default printer; False when there is none or it refused."""
    return print_page(SLIP_PAGE, _painter(slip))
