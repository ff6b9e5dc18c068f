"""The ScanPanel: typed entry without a camera, camera reads, translation, direction, sizes."""

from __future__ import annotations

import cv2
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from kiosk.camera.sources import ImageFolderSource
from kiosk.camera.worker import CameraWorker
from kiosk.ui.scan_panel import ScanPanel
from kiosk.ui.theme import TOUCH_MIN

from camera_helpers import card_frame
from test_camera_worker import ScriptedSource

pytestmark = pytest.mark.gui
TIMEOUT_MS = 20000
UNAVAILABLE_FR = "Caméra indisponible — tapez votre numéro de carte"


def _running(worker: CameraWorker) -> bool:
    # Once finished, the worker deletes itself (deleteLater): a deleted one is not running.
    return shiboken6.isValid(worker) and worker.isRunning()


@pytest.fixture
def beeps() -> list[int]:
    return []


def _panel(qtbot, beeps, **kwargs) -> ScanPanel:
    panel = ScanPanel(beep=lambda: beeps.append(1), **kwargs)
    qtbot.addWidget(panel)
    panel.resize(1080, 1920)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_without_camera_a_typed_number_is_entered(qtbot, beeps):
    panel = _panel(qtbot, beeps)
    assert panel.camera_state == "unavailable"
    assert panel.unavailable_label.isVisible() and panel.unavailable_label.text() == UNAVAILABLE_FR
    assert panel.number_edit.isVisible() and not panel.preview.isVisible()
    qtbot.keyClicks(panel.number_edit, " 004217 ")
    with qtbot.waitSignal(panel.card_entered, timeout=TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.validate_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["004217"]
    assert panel.number_edit.text() == ""


def test_enter_key_validates_and_empty_entry_is_ignored(qtbot, beeps):
    panel = _panel(qtbot, beeps)
    entered: list[str] = []
    panel.card_entered.connect(entered.append)
    qtbot.mouseClick(panel.validate_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.number_edit, "   ")
    qtbot.mouseClick(panel.validate_button, Qt.MouseButton.LeftButton)
    assert entered == []
    qtbot.keyClicks(panel.number_edit, "77")
    qtbot.keyClick(panel.number_edit, Qt.Key.Key_Return)
    assert entered == ["77"]


def test_a_camera_read_is_entered_with_feedback_not_by_colour_alone(qtbot, beeps, card_texts):
    source = ScriptedSource([True], [card_frame(card_texts[0])] * 3)
    panel = ScanPanel(worker_factory=lambda: CameraWorker(source), beep=lambda: beeps.append(1))
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.card_entered, timeout=TIMEOUT_MS) as blocker:
        panel.show()
    assert blocker.args == [card_texts[0]]
    assert panel.feedback.isVisible()
    assert panel.feedback_text.text() == "Carte lue" and not panel.feedback_icon.pixmap().isNull()
    assert beeps == [1]
    assert not panel.manual_area.isVisible()
    panel.stop_camera(wait=True)


def test_the_panel_switches_to_typed_entry_when_the_camera_goes_away(qtbot, beeps):
    source = ScriptedSource([False] * 1000, [])
    worker = CameraWorker(source, retry_interval_s=0.05)
    panel = ScanPanel(worker_factory=lambda: worker, beep=lambda: None)
    qtbot.addWidget(panel)
    assert panel.camera_state == "starting" and not panel.manual_area.isVisible()
    panel.show()
    qtbot.waitUntil(lambda: panel.camera_state == "unavailable", timeout=TIMEOUT_MS)
    assert panel.unavailable_label.isVisible() and not panel.preview.isVisible()
    panel.stop_camera(wait=True)
    assert not _running(worker)


def test_hiding_the_panel_stops_the_camera_and_clears_the_typed_number(qtbot, beeps, card_texts):
    source = ScriptedSource([True], [card_frame(None)] * 100000)
    worker = CameraWorker(source)
    panel = ScanPanel(worker_factory=lambda: worker, beep=lambda: None)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(worker.camera_state_changed, timeout=TIMEOUT_MS):
        panel.show()
    panel.number_edit.setText("123")
    panel.hide()  # must not block: the thread ends on its own, then the worker is deleted
    qtbot.waitUntil(lambda: not _running(worker), timeout=TIMEOUT_MS)
    assert source.close_calls == 1  # the camera was released
    assert panel.number_edit.text() == ""


def test_reads_the_card_from_the_configured_camera_source(qtbot, config, tmp_path, card_texts):
    """Through the real parts: config → source → worker → decoder → panel."""
    folder = tmp_path / "frames"
    folder.mkdir()
    cv2.imwrite(str(folder / "card.png"), card_frame(card_texts[1]))
    panel = ScanPanel(config.with_values(camera_source=str(folder)), beep=lambda: None)
    qtbot.addWidget(panel)
    entered: list[str] = []
    panel.card_entered.connect(entered.append)
    with qtbot.waitSignal(panel.card_entered, timeout=TIMEOUT_MS):
        panel.show()
    assert isinstance(panel._worker._source, ImageFolderSource)
    panel.stop_camera(wait=True)
    assert entered == [card_texts[1]]  # the looping card stayed in view: one entry


class _Tagging(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):
        return f"[en] {source_text}" if context == "ScanPanel" else ""

    def isEmpty(self) -> bool:
        return False


def test_language_change_retranslates(qtbot, beeps):
    panel = _panel(qtbot, beeps)
    translator = _Tagging()
    QCoreApplication.installTranslator(translator)  # Qt sends LanguageChange to every widget
    try:
        qtbot.waitUntil(lambda: panel.unavailable_label.text() == f"[en] {UNAVAILABLE_FR}", timeout=TIMEOUT_MS)
        assert panel.validate_button.text() == "[en] Valider"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: panel.unavailable_label.text() == UNAVAILABLE_FR, timeout=TIMEOUT_MS)


def test_right_to_left_mirrors_the_entry_row(qtbot, beeps):
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        panel = _panel(qtbot, beeps)
        edit_x = panel.number_edit.mapTo(panel, panel.number_edit.rect().center()).x()
        button_x = panel.validate_button.mapTo(panel, panel.validate_button.rect().center()).x()
        assert button_x < edit_x
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_touch_targets_and_accessible_names(qtbot, beeps, size):
    panel = _panel(qtbot, beeps)
    panel.resize(*size)
    qtbot.waitUntil(lambda: panel.width() == size[0])
    for widget in (panel.number_edit, panel.validate_button):
        assert widget.height() >= TOUCH_MIN and widget.width() >= TOUCH_MIN
        assert widget.accessibleName()
    assert panel.preview.accessibleName()
