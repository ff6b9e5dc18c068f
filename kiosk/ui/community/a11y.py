"""Accessible names for the community screens' buttons: the visible words, set again
after each retranslation (screen readers and the accessibility test read them)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QWidget


def name_controls(root: QWidget) -> None:
    for b in root.findChildren(QAbstractButton):
        text = b.text().replace("☐", "").replace("☑", "").strip()
        if text:
            b.setAccessibleName(text)
