"""The members a staff desk's name search found, one row each: "name · flat"."""

from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtWidgets import QListWidget, QListWidgetItem

from kiosk.ui import formatting

MEMBER_ID = 256   # Qt.ItemDataRole.UserRole: the row's member id


def fill_member_results(results: QListWidget, members: Iterable[Any]) -> int:
    """Replace the rows with ``members`` (MemberSummary); how many there are."""
    results.clear()
    for m in members:
        item = QListWidgetItem(" · ".join((formatting.isolate(f"{m.first_name} {m.last_name}"),
                                           formatting.place(m.flat_label))))
        item.setData(MEMBER_ID, m.id)
        results.addItem(item)
    return results.count()
