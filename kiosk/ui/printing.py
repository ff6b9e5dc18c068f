"""One way to put a page on paper, in a PDF or in an image: cards, vouchers, slips.

A printable is a page (size in millimetres, margins) and a paint routine
``paint(painter, rect, dpi)`` that draws in the page's rectangle. The same routine serves
the screen preview (:func:`page_image`), the default printer (:func:`print_page`) and the
PDF file written on kiosks without a printer and in tests (:func:`write_pdf`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.domain.parts import BOARD

Paint = Callable[[QPainter, QRectF, float], None]


@dataclass(frozen=True)
class Page:
    """A page size in millimetres, its name for the printer, and its margins."""

    size_mm: QSizeF
    name: str = ""
    margin_mm: float = 0.0

    def page_size(self) -> QPageSize:
        return QPageSize(self.size_mm, QPageSize.Unit.Millimeter, self.name)


A6 = Page(QSizeF(105.0, 148.0), "A6")


def has_printer() -> bool:
    return not QPrinterInfo.defaultPrinter().isNull()


def _lay_out(printer: QPrinter, page: Page) -> None:
    printer.setPageSize(page.page_size())
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    m = page.margin_mm
    printer.setPageMargins(QMarginsF(m, m, m, m), QPageLayout.Unit.Millimeter)
    printer.setFullPage(m == 0)


def _paint_on(printer: QPrinter, paint: Paint) -> bool:
    p = QPainter()
    if not p.begin(printer):
        return False
    # The painter's origin is the top left of the printable area (inside the margins).
    area = printer.pageRect(QPrinter.Unit.DevicePixel)
    paint(p, QRectF(0, 0, area.width(), area.height()), float(printer.resolution()))
    p.end()
    return True


def write_pdf(page: Page, paint: Paint, path: Path) -> Path:
    """Write the page as a PDF file; OSError when it cannot be written."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    _lay_out(printer, page)
    if not _paint_on(printer, paint):
        raise OSError(f"cannot write {path}")
    return Path(path)


def print_page(page: Page, paint: Paint) -> bool:
    """Print on the default printer; False when there is none or it refused."""
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        BOARD.part_state("printer", "absent")   # the health report (kiosk/domain/parts.py)
        return False
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    _lay_out(printer, page)
    ok = _paint_on(printer, paint)
    BOARD.part_state("printer", "ok" if ok else "error")
    return ok


def page_image(page: Page, paint: Paint, width_px: int) -> QImage:
    """The page as an image ``width_px`` wide (margins left out), for the screen and tests."""
    size = page.size_mm
    height = round(width_px * size.height() / size.width())
    img = QImage(width_px, height, QImage.Format.Format_RGB32)
    img.fill(QColor("#FFFFFF"))
    p = QPainter(img)
    paint(p, QRectF(0, 0, width_px, height), width_px / (size.width() / 25.4))
    p.end()
    return img
