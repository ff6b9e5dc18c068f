"""The membership fee receipt, drawn by the same routine for screen, printer and PDF:
rendered in French and Arabic (right to left) into /tmp/fee-shots/ (looked at), its
texts translated, a PDF written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.ui.fees.receipt_print import ReceiptFace, receipt_image, receipt_lines, write_receipt_pdf
from kiosk.ui.i18n import LanguageSwitcher

SHOTS = Path("/tmp/fee-shots")
pytestmark = pytest.mark.gui
FACE = ReceiptFace("Conciergerie & Vous", "3F9A12BC-00042", "Samira Benkhelifa-Oumeddour", 3, 300,
                   date(2026, 3, 10), date(2026, 6, 9), "Gardienne K.")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_receipt_says_who_paid_what_until_when_with_its_number(qapp, lang: str, tmp_path: Path) -> None:  # noqa: ANN001
    SHOTS.mkdir(exist_ok=True)
    switcher = LanguageSwitcher(QApplication.instance())
    switcher.set_language(lang)
    try:
        face = ReceiptFace(**{**FACE.__dict__, "lang": lang})
        lines = dict(receipt_lines(face))
        if lang == "ar":
            assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
            assert "المبلغ المدفوع نقدًا" in lines
        else:
            assert lines["Montant payé en espèces"] == "\u20683,00\u00a0€\u2069"
            assert lines["Cotisation payée jusqu'au"] == "mardi 9 juin 2026"
        image = receipt_image(face)
        assert image.width() == 827 and image.height() > 1100
        assert image.save(str(SHOTS / f"receipt-{lang}.png"))
        pdf = write_receipt_pdf(face, tmp_path / "receipt.pdf")
        assert pdf.read_bytes().startswith(b"%PDF")
    finally:
        switcher.set_language("fr")
