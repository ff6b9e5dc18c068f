"""Text that does not fit: a label or button whose words need more room than it has.

For each visible label: with word wrap, the height its text needs at its width
(``heightForWidth``) against its height; without, the width of its text against its
width. For each visible push button: its text's width (plus icon and padding) against
its width. Used by ``kiosk screenshots`` (printed) and tests/ui/test_clipping.py.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

SLACK_PX = 2


def clipped(root: QWidget) -> list[str]:
    problems = []
    for lab in root.findChildren(QLabel):
        if not lab.isVisible() or not lab.text() or lab.pixmap() is not None and not lab.pixmap().isNull():
            continue
        m = lab.contentsMargins()
        if lab.wordWrap():
            need = lab.heightForWidth(lab.width())
            if need > lab.height() + SLACK_PX:
                problems.append(f"{_name(lab)}: needs {need} px high, has {lab.height()}")
            # a word longer than the line cannot wrap: it is cut at the side
            longest = max((lab.fontMetrics().horizontalAdvance(w) for w in lab.text().split()), default=0)
            if longest + m.left() + m.right() > lab.width() + SLACK_PX:
                problems.append(f"{_name(lab)}: a word needs {longest} px wide, has {lab.width()}")
        else:
            need = lab.fontMetrics().horizontalAdvance(lab.text().split("\n")[0]) + m.left() + m.right()
            if need > lab.width() + SLACK_PX:
                problems.append(f"{_name(lab)}: needs {need} px wide, has {lab.width()}")
    for b in root.findChildren(QPushButton):
        if not b.isVisible() or not b.text() or b.layout() is not None:
            continue
        text_w = max(b.fontMetrics().horizontalAdvance(line) for line in b.text().split("\n"))
        icon_w = b.iconSize().width() + 8 if not b.icon().isNull() else 0
        need = text_w + icon_w + 24   # the style's padding (theme: 20 px) and borders
        if need > b.width() + SLACK_PX:
            problems.append(f"{_name(b)}: needs {need} px wide, has {b.width()}")
    return problems


def _name(w: QWidget) -> str:
    text = (w.text() if hasattr(w, "text") else "").replace("\n", " ")
    return f"{w.objectName() or type(w).__name__} «{text[:40]}»"
