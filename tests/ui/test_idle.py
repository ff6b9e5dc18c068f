"""Idle reset: the countdown overlay, then Home with nothing of the last person left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from ui_helpers import make_window

pytestmark = pytest.mark.gui


def _typed_texts() -> list[str]:
    found = []
    for w in QApplication.allWidgets():
        if isinstance(w, QLineEdit) and w.text():
            found.append(w.text())
        elif isinstance(w, (QTextEdit, QPlainTextEdit)) and w.toPlainText():
            found.append(w.toPlainText())
    return found


@pytest.fixture
def quick(qtbot, ui_config, services):
    w = make_window(qtbot, ui_config, services, idle_timeout_s=0.3, idle_countdown_s=0.3)
    yield w
    w.languages.set_language("fr")
    w.set_appearance(theme="calm", large_text=False)


def test_idle_shows_the_overlay_then_resets_everything(qtbot, quick) -> None:
    window = quick
    directory = window.open("directory")
    qtbot.keyClicks(directory.search, "Mme Dupont 06 12 34 56 78")
    window.open("partners", query="boulangerie")
    QGuiApplication.clipboard().setText("06 12 34 56 78")
    window.languages.set_language("ar")
    window.set_appearance(theme="contrast", large_text=True)
    assert _typed_texts()

    with qtbot.waitSignal(window.reset_done, timeout=5000):
        qtbot.waitUntil(lambda: window.overlay.isVisible(), timeout=3000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.history() == ["attract"]
    assert window.stack.count() == 1
    assert _typed_texts() == []
    assert QGuiApplication.clipboard().text() == ""
    assert window.languages.language == "fr"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert window.ctx.appearance.theme.name == "calm" and not window.ctx.appearance.large_text
    assert not window.overlay.isVisible()


def test_undo_history_does_not_bring_text_back(qtbot, quick) -> None:
    directory = quick.open("directory")
    qtbot.keyClicks(directory.search, "secret")
    quick.reset()
    assert not directory.isVisible() or directory.search.text() == ""
    attract_fields = quick.current().findChildren(QLineEdit)
    for field in attract_fields:
        field.undo()
        assert field.text() == ""


def test_a_touch_on_the_overlay_keeps_the_session(qtbot, ui_config, services) -> None:
    window = make_window(qtbot, ui_config, services, idle_timeout_s=0.2, idle_countdown_s=2)
    window.open("directory")
    qtbot.waitUntil(lambda: window.overlay.isVisible(), timeout=3000)
    button = window.overlay.findChild(object, "idle_continue")
    assert button.text() == "Oui, je continue"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not window.overlay.isVisible()
    assert window.current().name == "directory"


def test_activity_restarts_the_idle_timer(qtbot, ui_config, services) -> None:
    window = make_window(qtbot, ui_config, services, idle_timeout_s=1.0, idle_countdown_s=2)
    screen = window.open("directory")
    for _ in range(6):   # 1.5 s in all, a key every 250 ms: never 1 s without activity
        qtbot.wait(250)
        qtbot.keyClick(screen.search, "a")
    assert not window.overlay.isVisible()


def test_idle_at_rest_on_the_attract_screen_shows_no_overlay(qtbot, ui_config, services) -> None:
    window = make_window(qtbot, ui_config, services, idle_timeout_s=0.1, idle_countdown_s=2)
    qtbot.wait(400)
    assert not window.overlay.isVisible()
