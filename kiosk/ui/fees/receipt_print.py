"""Draw a membership fee receipt (A6 portrait) and print it, or write it as a PDF.

One painter routine (:func:`paint_receipt`) for the screen preview, the printer and the
PDF, as for vouchers (``kiosk/ui/savings/voucher_print.py``), through
``kiosk/ui/printing.py``. The receipt shows the club, "Reçu de cotisation", its number
(``<card key id>-<counter>``, unique across kiosks; left to right in every language), the
member's name, the months and the amount paid in cash, the day, the new paid-until and
who took the money. Right to left mirrors the texts' alignment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from kiosk.domain.fees import euros
from kiosk.ui import formatting
from kiosk.ui.printing import Page, Paint, page_image, print_page, write_pdf

PAGE_MM = QSizeF(105.0, 148.0)
INK = QColor("#1B2A2C")
BAND = QColor("#0E5A61")
RECEIPT_PAGE = Page(PAGE_MM, "A6")


@dataclass(frozen=True)
class ReceiptFace:
    club_name: str
    receipt_number: str
    member_name: str
    months: int
    amount_cents: int
    paid_on: date
    paid_until: date        # last day covered
    staff_name: str
    lang: str = "fr"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeeReceiptPrint", text)


def _isolated(text: str) -> str:
    return f"\u2068{text}\u2069"


def receipt_lines(face: ReceiptFace) -> list[tuple[str, str]]:
    """(caption, value) pairs printed under the title, in order."""
    months = _tr("{n} mois").format(n=face.months)
    return [
        (_tr("Membre"), _isolated(face.member_name)),
        (_tr("Période"), months),
        (_tr("Montant payé en espèces"), _isolated(euros(face.amount_cents, face.lang))),
        (_tr("Payé le"), formatting.long_date(face.paid_on)),
        (_tr("Cotisation payée jusqu'au"), formatting.long_date(face.paid_until)),
        (_tr("Reçu par"), _isolated(face.staff_name)),
    ]


def paint_receipt(p: QPainter, rect: QRectF, face: ReceiptFace, rtl: bool | None = None) -> None:
    if rtl is None:
        from PySide6.QtWidgets import QApplication
        rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # absolute: the painter's right-to-left direction would mirror a plain AlignRight back to the left
    side = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute) if rtl else Qt.AlignmentFlag.AlignLeft
    wrap = int(Qt.TextFlag.TextWordWrap)
    p.save()
    p.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    w = rect.width()
    mm = w / PAGE_MM.width()
    p.fillRect(rect, QColor("#FFFFFF"))
    band = QRectF(rect.left(), rect.top(), w, 16 * mm)
    p.fillRect(band, BAND)
    font = QFont("DejaVu Sans")
    margin = 7 * mm
    inner = w - 2 * margin

    def text(value: str, top: float, height: float, px: float, *, bold: bool, color: QColor = INK,
             align: Qt.AlignmentFlag = side) -> float:
        font.setBold(bold)
        font.setPixelSize(max(6, int(px)))
        p.setFont(font)
        p.setPen(color)
        p.drawText(QRectF(rect.left() + margin, top, inner, height), int(align) | wrap | int(Qt.AlignmentFlag.AlignTop),
                   value)
        return top + height

    font.setBold(True)
    font.setPixelSize(int(6 * mm))
    p.setFont(font)
    p.setPen(QColor("#FFFFFF"))
    p.drawText(band.adjusted(margin, 0, -margin, 0), int(Qt.AlignmentFlag.AlignVCenter | side),
               _isolated(face.club_name))
    y = text(_tr("Reçu de cotisation"), band.bottom() + 5 * mm, 10 * mm, 7 * mm, bold=True, color=BAND)
    # the number reads left to right in every language (isolated), big enough to be read out on the phone
    mono = QFont("DejaVu Sans Mono")
    mono.setBold(True)
    mono.setPixelSize(int(6.5 * mm))
    p.setFont(mono)
    p.setPen(INK)
    p.drawText(QRectF(rect.left() + margin, y, inner, 10 * mm), int(Qt.AlignmentFlag.AlignCenter),
               _tr("N° {number}").format(number=f"\u2066{face.receipt_number}\u2069"))
    y += 13 * mm
    for caption, value in receipt_lines(face):
        y = text(caption, y, 5.5 * mm, 3.6 * mm, bold=False, color=QColor("#5B6668"))
        y = text(value, y, 9 * mm, 5.2 * mm, bold=True) + 1 * mm
    p.setPen(QPen(QColor("#9C9588"), max(1.0, 0.3 * mm), Qt.PenStyle.DashLine))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    p.restore()


def _painter(face: ReceiptFace) -> Paint:
    return lambda p, rect, _dpi: paint_receipt(p, rect, face)


def receipt_image(face: ReceiptFace, width_px: int = 827) -> QImage:
    """The receipt as an image (827 px wide ≈ 200 dpi), for the screen and tests."""
    return page_image(RECEIPT_PAGE, _painter(face), width_px)


def write_receipt_pdf(face: ReceiptFace, path: Path) -> Path:
    return write_pdf(RECEIPT_PAGE, _painter(face), path)


def print_receipt(face: ReceiptFace) -> bool:
    """Print on the default printer; False when there is none or it refused."""
    return print_page(RECEIPT_PAGE, _painter(face))
