"""The loan slip (item, first name, due date, deposit) and an item's label (QR + name),
through :mod:`kiosk.ui.printing`: the default printer, or a PDF file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPainter

from kiosk.domain.lending import label_text
from kiosk.ui.printing import A6, Page, Paint, print_page, write_pdf

SLIP_PAGE = Page(A6.size_mm, "A6", margin_mm=8.0)
LABEL_PAGE = Page(QSizeF(62.0, 40.0), "label", margin_mm=3.0)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LendingSlip", text)


def _lines(p: QPainter, page: QRectF, dpi: float, lines: list[tuple[str, int, bool]]) -> None:
    y = page.top()
    for text, points, bold in lines:
        font = QFont()
        font.setPixelSize(max(8, int(points * dpi / 72)))
        font.setBold(bold)
        p.setFont(font)
        rect = QRectF(page.left(), y, page.width(), page.bottom() - y)
        used = p.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
        p.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)
        y += used.height() + points * dpi / 72 * 0.6


def slip_painter(item_name: str, first_name: str, due: str, deposit: str) -> Paint:
    lines = [(_tr("Prêt d'outils"), 11, True), (item_name, 16, True),
             (_tr("Pour : {name}").format(name=first_name), 12, False),
             (_tr("À rendre le {date}").format(date=due), 14, True)]
    if deposit:
        lines.append((_tr("Dépôt de garantie : {amount}").format(amount=deposit), 11, False))
    lines.append((_tr("Rapportez-le à la loge, propre. En cas de panne, prévenez le gardien."), 10, False))
    return lambda p, rect, dpi: _lines(p, rect, dpi, lines)


def label_painter(item_id: str, item_name: str) -> Paint:
    def paint(p: QPainter, rect: QRectF, dpi: float) -> None:
        from kiosk.ui.widgets.qr import qr_image
        side = min(rect.height(), rect.width() / 2)
        p.drawImage(QRectF(rect.left(), rect.top(), side, side), qr_image(label_text(item_id), int(side)))
        _lines(p, QRectF(rect.left() + side + 6, rect.top(), rect.width() - side - 6, rect.height()), dpi,
               [(item_name, 11, True), (_tr("Scannez à la loge"), 8, False)])
    return paint


def print_or_save(page: Page, paint: Paint, folder: Path | None, name: str) -> bool:
    if folder is not None:
        return bool(write_pdf(page, paint, folder / name))
    return print_page(page, paint)
