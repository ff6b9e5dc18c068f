"""What "Écouter" reads on a screen: its title, its main text, then its choices.

:func:`screen_text` walks the visible widgets of a screen in reading order (top to
bottom, then in the language's direction): labels first (the text people read), then
the buttons and fields as choices ("Vous pouvez toucher : …"). A screen may give its
own text with a ``spoken_text()`` method. Markup never reaches the synthesiser: rich
text is reduced to its plain words first.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import Qt as QtGuiNamespace, QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTextEdit, QWidget

MAX_CHOICES = 14
_PICTO = re.compile(r"[☐☑⚠✓✗●○⌫⇧]")


def plain(text: str, fmt: Qt.TextFormat = Qt.TextFormat.PlainText) -> str:
    if fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text)):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = text.replace("\u2066", "").replace("\u2069", "").replace("\u200f", "")
    return " ".join(_PICTO.sub(" ", text).split())


def control_name(w: QWidget) -> str:
    name = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
    if not name and isinstance(w, QLineEdit):
        name = w.placeholderText()
    name = plain(name)
    if isinstance(w, QAbstractButton) and w.isCheckable():
        state = (QCoreApplication.translate("Speech", "activé") if w.isChecked()
                 else QCoreApplication.translate("Speech", "désactivé"))
        name = QCoreApplication.translate("Speech", "{name}, {state}").format(name=name, state=state)
    return name


def _inside_button(w: QWidget, root: QWidget) -> bool:
    node = w.parentWidget()
    while node is not None and node is not root:
        if isinstance(node, QAbstractButton):
            return True
        node = node.parentWidget()
    return False


def _reading_order(root: QWidget, widgets: list[QWidget]) -> list[QWidget]:
    rtl = root.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def key(w: QWidget) -> tuple[int, int]:
        p = w.mapTo(root, QPoint(0, 0))
        x = p.x() + w.width() if rtl else p.x()
        return (p.y() // 24, -x if rtl else x)   # same line within 24 px
    return sorted(widgets, key=key)


def screen_text(root: QWidget, title: str = "") -> str:
    """Title, texts, then choices of the visible widgets under ``root``."""
    own = getattr(root, "spoken_text", None)
    if callable(own):
        text = own()
        if text:
            return text
    parts: list[str] = [plain(title)] if title else []
    labels = [w for w in root.findChildren(QLabel)
              if w.isVisibleTo(root) and w.text() and not _inside_button(w, root)]
    for w in _reading_order(root, labels):
        line = plain(w.text(), w.textFormat())
        if line and line not in parts:
            parts.append(line)
    for w in root.findChildren(QTextEdit):
        if w.isVisibleTo(root) and w.isReadOnly() and w.toPlainText().strip():
            parts.append(plain(w.toPlainText()))
    controls = [w for w in root.findChildren(QAbstractButton) + root.findChildren(QLineEdit)
                if w.isVisibleTo(root) and w.isEnabled()]
    names: list[str] = []
    for w in _reading_order(root, controls):
        name = control_name(w)
        if name and name not in names:
            names.append(name)
    if names:
        parts.append(QCoreApplication.translate("Speech", "Vous pouvez toucher : {choices}.").format(
            choices=" ; ".join(names[:MAX_CHOICES])))
    return "\n".join(p if p.endswith((".", "!", "?", "؟", ":", "…")) else p + "." for p in parts if p)
