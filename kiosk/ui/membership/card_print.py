"""Draw a membership card (ID-1, 85.6 × 54 mm) and print it, or write it as a PDF.

One painter routine (:func:`paint_card`) serves the screen preview, the printer
(``QPrinter`` to the default printer) and the PDF (``QPrinter`` in ``PdfFormat``), so
what the member sees is what comes out. The face shows the club name, the first name,
the member number, the building and the QR; never a phone, e-mail or last name. The QR
is dark on white with its quiet zone whatever the theme, at least 20 mm wide so a
lobby camera reads it. Also writes the access-request export as a PDF.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageSize, QPainter, QPen, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from kiosk.services.cards import CardFace
from kiosk.ui.printing import Page, Paint, page_image, print_page, write_pdf
from kiosk.ui.widgets.qr import qr_image

CARD_MM = QSizeF(85.6, 54.0)
INK = QColor("#1B2A2C")
BAND = QColor("#0E5A61")


def _fit(font: QFont, lines: list[str], width: float, start_px: int) -> int:
    """The largest pixel size ≤ ``start_px`` at which every line fits ``width``."""
    size = max(5, start_px)
    probe = QFont(font)
    while size > 5:
        probe.setPixelSize(size)
        metrics = QFontMetricsF(probe)
        if all(metrics.horizontalAdvance(line) <= width for line in lines):
            break
        size -= 1
    return size


def paint_card(p: QPainter, rect: QRectF, face: CardFace, rtl: bool | None = None) -> None:
    """Paint the card face into ``rect`` (any resolution: sizes are fractions of it).

    Right to left (the application's direction unless ``rtl`` says otherwise) mirrors the
    face: the QR on the left, the words on the right, aligned right (defect 8: an Arabic
    card stayed left to right)."""
    if rtl is None:
        from PySide6.QtWidgets import QApplication
        rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    p.save()
    p.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    w, h = rect.width(), rect.height()
    p.fillRect(rect, QColor("#FFFFFF"))
    band = QRectF(rect.left(), rect.top(), w, h * 0.22)
    p.fillRect(band, BAND)
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(max(6, int(h * 0.085)))
    p.setFont(font)
    p.setPen(QColor("#FFFFFF"))
    p.drawText(band.adjusted(w * 0.04, 0, -w * 0.04, 0),
               Qt.AlignmentFlag.AlignVCenter | side, face.club_name)

    qr_side = h * 0.66          # 35.6 mm on the printed card: read from arm's length
    qr_x = rect.left() + w * 0.03 if rtl else rect.right() - qr_side - w * 0.03
    qr_rect = QRectF(qr_x, band.bottom() + (h - band.height() - qr_side) / 2, qr_side, qr_side)
    p.drawImage(qr_rect, qr_image(face.qr_text, 600))

    if rtl:
        text_left = qr_rect.right() + w * 0.03
        text_w = rect.right() - w * 0.05 - text_left
    else:
        text_left = rect.left() + w * 0.05
        text_w = qr_rect.left() - text_left - w * 0.03
    y = band.bottom() + h * 0.05
    p.setPen(INK)
    font.setPixelSize(_fit(font, [face.first_name], text_w, int(h * 0.12)))
    p.setFont(font)
    p.drawText(QRectF(text_left, y, text_w, h * 0.17), side | Qt.AlignmentFlag.AlignVCenter, face.first_name)
    y += h * 0.18
    font.setBold(False)
    expires = ""
    if face.expires:
        expires = date.fromisoformat(face.expires).strftime("%d/%m/%Y")
    lines = [QCoreApplication.translate("CardPrint", "N° {number}").format(number=face.number), face.building,
             QCoreApplication.translate("CardPrint", "Valable jusqu'au"), expires]
    lines = [line for line in lines if line]
    font.setPixelSize(_fit(font, lines, text_w, int(h * 0.065)))
    p.setFont(font)
    for line in lines:
        p.drawText(QRectF(text_left, y, text_w, h * 0.10), side | Qt.AlignmentFlag.AlignVCenter, line)
        y += h * 0.105
    p.setPen(QPen(QColor("#9C9588"), max(1.0, h * 0.004)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), h * 0.06, h * 0.06)
    p.restore()


CARD_PAGE = Page(CARD_MM, "ID-1")


def _painter(face: CardFace) -> Paint:
    return lambda p, rect, _dpi: paint_card(p, rect, face)


def card_image(face: CardFace, width_px: int = 1012) -> QImage:
    """The card as an image (1012 px wide ≈ 300 dpi), for the screen and tests."""
    return page_image(CARD_PAGE, _painter(face), width_px)


def write_card_pdf(face: CardFace, path: Path) -> Path:
    return write_pdf(CARD_PAGE, _painter(face), path)


def print_card(face: CardFace) -> bool:
    """Print on the default printer; False when there is none or it refused."""
    return print_page(CARD_PAGE, _painter(face))


def write_text_pdf(text: str, path: Path, title: str = "") -> Path:
    """A plain A4 PDF of ``text`` (the access-request export)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setDocName(title)
    doc = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSize(9)
    doc.setDefaultFont(font)
    doc.setPlainText(text)
    doc.print_(printer)
    return Path(path)
