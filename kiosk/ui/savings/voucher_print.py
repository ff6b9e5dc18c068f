"""Draw a voucher (A6 portrait, 105 × 148 mm) and print it, or write it as a PDF.

One painter routine (:func:`paint_voucher`) for the screen, the printer and the PDF, as
for cards (``kiosk/ui/membership/card_print.py``). The voucher shows the club, the
partner, the offer and its conditions, the QR (45 mm: read from arm's length by a
phone), the one-time code in groups of four for typing, the expiry and "valid once".
No name, phone or flat: the QR carries only ids, like the card. Right to left mirrors
the texts' alignment; the QR and the code stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from kiosk.domain.vouchers import grouped
from kiosk.ui import formatting
from kiosk.ui.printing import Page, Paint, page_image, print_page, write_pdf
from kiosk.ui.widgets.qr import qr_image

PAGE_MM = QSizeF(105.0, 148.0)
INK = QColor("#1B2A2C")
BAND = QColor("#0E5A61")


@dataclass(frozen=True)
class VoucherFace:
    club_name: str
    partner: str
    offer: str
    conditions: str
    code: str
    expires: str          # ISO date
    qr_text: str


def _tr(text: str) -> str:
    return QCoreApplication.translate("VoucherPrint", text)


def _isolated(text: str) -> str:
    return f"\u2068{text}\u2069"


def _font_px(font: QFont, text: str, width: float, height: float, start: int, flags: int) -> int:
    """The largest pixel size ≤ ``start`` at which ``text`` fits the box (wrapped)."""
    size = max(6, start)
    probe = QFont(font)
    while size > 6:
        probe.setPixelSize(size)
        box = QFontMetricsF(probe).boundingRect(QRectF(0, 0, width, 10_000), flags, text)
        if box.height() <= height and box.width() <= width:
            break
        size -= 1
    return size


def paint_voucher(p: QPainter, rect: QRectF, face: VoucherFace, rtl: bool | None = None) -> None:
    if rtl is None:
        from PySide6.QtWidgets import QApplication
        rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    wrap = int(Qt.TextFlag.TextWordWrap)
    p.save()
    p.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    w, h = rect.width(), rect.height()
    mm = w / PAGE_MM.width()
    p.fillRect(rect, QColor("#FFFFFF"))
    band = QRectF(rect.left(), rect.top(), w, 16 * mm)
    p.fillRect(band, BAND)
    font = QFont("DejaVu Sans")
    font.setBold(True)
    margin = 7 * mm
    inner = w - 2 * margin

    def block(text: str, top: float, height: float, start_px: float, *, bold: bool, color: QColor,
              align: Qt.AlignmentFlag = side) -> float:
        font.setBold(bold)
        flags = int(align) | wrap | int(Qt.AlignmentFlag.AlignTop)
        font.setPixelSize(_font_px(font, text, inner, height, int(start_px), flags))
        p.setFont(font)
        p.setPen(color)
        p.drawText(QRectF(rect.left() + margin, top, inner, height), flags, text)
        return top + height

    p.setPen(QColor("#FFFFFF"))
    font.setPixelSize(int(6 * mm))
    p.setFont(font)
    p.drawText(band.adjusted(margin, 0, -margin, 0), int(Qt.AlignmentFlag.AlignVCenter | side), face.club_name)
    y = band.bottom() + 4 * mm
    y = block(_tr("BON PLAN · sans carte"), y, 7 * mm, 5 * mm, bold=True, color=BAND)
    # the office's words keep their own direction inside an Arabic page (first-strong isolates)
    y = block(_isolated(face.partner), y, 11 * mm, 8 * mm, bold=True, color=INK)
    y = block(_isolated(face.offer), y, 10 * mm, 6 * mm, bold=False, color=INK)
    if face.conditions:
        y = block(_isolated(face.conditions), y, 7 * mm, 4 * mm, bold=False, color=QColor("#5B6668"))
    qr_side = 45 * mm
    qr_rect = QRectF(rect.left() + (w - qr_side) / 2, y + 2 * mm, qr_side, qr_side)
    p.drawImage(qr_rect, qr_image(face.qr_text, 900))
    y = qr_rect.bottom() + 3 * mm
    centre = Qt.AlignmentFlag.AlignHCenter
    y = block(_tr("Code à taper si le QR ne passe pas :"), y, 5 * mm, 3.6 * mm, bold=False, color=INK, align=centre)
    mono = QFont("DejaVu Sans Mono")
    mono.setBold(True)
    mono.setPixelSize(int(8 * mm))
    mono.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.6 * mm)
    p.setFont(mono)
    p.setPen(INK)
    code_box = QRectF(rect.left() + margin, y, inner, 11 * mm)
    p.setLayoutDirection(Qt.LayoutDirection.LeftToRight)   # a code reads left to right in every language
    p.drawText(code_box, int(Qt.AlignmentFlag.AlignCenter), grouped(face.code))
    p.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    y = code_box.bottom() + 2 * mm
    until = formatting.long_date(date.fromisoformat(face.expires)) if face.expires else ""
    block(_tr("Valable une seule fois, jusqu'au {date}.").format(date=until), y, 10 * mm, 4.2 * mm, bold=True,
          color=INK, align=centre)
    p.setPen(QPen(QColor("#9C9588"), max(1.0, 0.3 * mm), Qt.PenStyle.DashLine))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    p.restore()


VOUCHER_PAGE = Page(PAGE_MM, "A6")


def _painter(face: VoucherFace) -> Paint:
    return lambda p, rect, _dpi: paint_voucher(p, rect, face)


def voucher_image(face: VoucherFace, width_px: int = 827) -> QImage:
    """The voucher as an image (827 px wide ≈ 200 dpi), for the screen and tests."""
    return page_image(VOUCHER_PAGE, _painter(face), width_px)


def write_voucher_pdf(face: VoucherFace, path: Path) -> Path:
    return write_pdf(VOUCHER_PAGE, _painter(face), path)


def print_voucher(face: VoucherFace) -> bool:
    """Print on the default printer; False when there is none or it refused."""
    return print_page(VOUCHER_PAGE, _painter(face))
