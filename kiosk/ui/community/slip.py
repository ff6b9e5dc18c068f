"""The reminder slip of a sign-up: event, day and hours, place, first name, status.

Drawn with ``QPainter`` on a ``QPrinter``: the default printer when the kiosk has one
(a small receipt-like A6 page), or a PDF file (tests, and "save" on kiosks without a
printer). Carries the first name only: a slip left on the floor tells nobody's address.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.ui.community import texts


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


def has_printer() -> bool:
    return not QPrinterInfo.defaultPrinter().isNull()


def _layout(printer: QPrinter) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageMargins(QMarginsF(8, 8, 8, 8), QPageLayout.Unit.Millimeter)


def _paint(printer: QPrinter, slip: Slip) -> bool:
    p = QPainter()
    if not p.begin(printer):
        return False
    page = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
    dpi = printer.resolution()
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
    p.end()
    return True


def write_slip_pdf(slip: Slip, path: Path) -> Path:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    _layout(printer)
    if not _paint(printer, slip):
        raise OSError(f"cannot write {path}")
    return Path(path)


def print_slip(slip: Slip) -> bool:
    """Print on the default printer; False when there is none or it refused."""
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        return False
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    _layout(printer)
    return _paint(printer, slip)
