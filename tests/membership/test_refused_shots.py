"""Renders the caretaker's home with changes refused by the server, in French and Arabic
(right to left), at 1080×1920 and 1920×1080, into /tmp/membership-shots/ (looked at by
a person); checks the line is not cut off."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.domain.records import OutboxState

from .test_screens import make_window, sign_in

SHOTS = Path("/tmp/membership-shots")
pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_render_staff_home_with_refused_changes(qtbot, config, store, clock, lang, size):
    SHOTS.mkdir(exist_ok=True)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    for _ in range(3):
        seq = store.repos.outbox.append("submit_idea", {"id": "x"})
        store.repos.outbox.mark(seq, OutboxState.REJECTED, {"code": "invalid_payload"})
    window = make_window(qtbot, config, store, clock)
    window.resize(*size)
    sign_in(qtbot, window)
    window.languages.set_language(lang)
    window.ctx.connectivity.set_status(True, None, pending=0, error="")
    home = window.current()   # its entries were there before sign-in: entering loaded them
    window.keyboard_controller.close()
    window.resize(*size)
    QApplication.processEvents()
    assert window.grab().save(str(SHOTS / f"staff-refused-{lang}-{size[0]}x{size[1]}.png"))
    assert not home.refused.isHidden()
    fits = home.refused.fontMetrics().horizontalAdvance(home.refused.text()) <= home.refused.width()
    assert fits or home.refused.wordWrap(), "the line is cut off"
    # Offline with a problem the caretaker must pass on: the longest sync line.
    window.ctx.connectivity.set_status(False, None, pending=2, error="sync.upgrade_required")
    QApplication.processEvents()
    assert window.grab().save(str(SHOTS / f"staff-sync-problem-{lang}-{size[0]}x{size[1]}.png"))
    line = home.sync_state
    assert "sync." not in line.text()
    assert line.fontMetrics().horizontalAdvance(line.text()) <= line.width() or line.wordWrap(), "cut off"
