"""The card-scan panel: live camera preview, read feedback, and typed entry as a fallback.

Job: show the camera mirrored (people hold a card up as to a mirror) with a framing
guide, say clearly when a card was read (pictogram + words + a short beep: never colour
alone), and when the camera is unavailable offer "Caméra indisponible — tapez votre
numéro de carte" with a plain ``QLineEdit`` (the on-screen keyboard attaches to focused
line edits) and a "Valider" button. Emits ``card_entered(str)`` for a camera read and for
a typed number alike.

Constraints:
- The camera runs on :class:`~kiosk.camera.worker.CameraWorker`'s thread. The panel
  starts it when shown and stops it when hidden (a read on another screen must not
  navigate, and the camera light goes off); stopping does not block the GUI thread.
- ``card_entered`` is emitted straight from the ``card_read`` slot, before any drawing:
  the next screen must be able to show within 150 ms of the confirming frame.
- Every visible string goes through ``self.tr()`` with French source text, and is set
  again on ``LanguageChange``; layouts only (no absolute x), so right-to-left mirrors.
- Touch targets are at least :data:`~kiosk.ui.theme.TOUCH_MIN` px; controls have
  accessible names.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSizePolicy, QVBoxLayout, QWidget)

from kiosk.ui.theme import TOUCH_MIN

if TYPE_CHECKING:
    from kiosk.camera.worker import CameraWorker
    from kiosk.config import Config

log = logging.getLogger(__name__)

FEEDBACK_MS = 2500  # how long "Carte lue" stays; long enough to read, short enough to rescan
HINT_MS = 8000      # no card read by then: say how to hold it, and offer typing the number
MAX_CARD_NUMBER_LEN = 200  # a pasted CK1: text is 153 characters; longer is not a card


def _pictogram(name: str, colour: str, size: int):
    """The project's pictogram, or an empty pixmap if the resources are not there."""
    try:
        from kiosk.ui.resources import pixmap
        return pixmap(name, colour, size)
    except Exception:  # noqa: BLE001 - a missing picture must not stop the scanner
        from PySide6.QtGui import QPixmap
        return QPixmap()


class PreviewView(QWidget):
    """Paints the newest preview frame, mirrored, with a square framing guide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._read_ok = False
        self._placeholder = ""  # shown until the first frame arrives (set by the panel, translated)
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage) -> None:
        self._image = image
        self.update()

    def clear(self) -> None:
        self._image = None
        self.update()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def set_read_ok(self, ok: bool) -> None:
        self._read_ok = ok
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The whole camera view, letterboxed: what the decoder sees is what people see.
        frame_size = self._image.size() if self._image is not None and not self._image.isNull() else QSize(4, 3)
        fitted = frame_size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        area = QRectF((self.width() - fitted.width()) / 2, (self.height() - fitted.height()) / 2,
                      fitted.width(), fitted.height())
        p.fillRect(area, QColor("#1B2A2C"))
        if self._image is not None and not self._image.isNull():
            p.save()
            # Mirror: moving the card right moves it right on screen, as in a mirror.
            p.translate(self.width(), 0)
            p.scale(-1, 1)
            p.drawImage(area, self._image)
            p.restore()

        side = min(area.width(), area.height()) * 0.62
        guide = QRectF(area.center().x() - side / 2, area.center().y() - side / 2, side, side)
        outside = QPainterPath()
        outside.addRect(area)
        hole = QPainterPath()
        hole.addRoundedRect(guide, 24, 24)
        p.fillPath(outside.subtracted(hole), QColor(0, 0, 0, 110))  # dim what is not the target
        # Corner brackets; thicker and solid after a read (shape change, not colour alone).
        pen = QPen(QColor("#FFFFFF"), 14 if self._read_ok else 8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        arm = side * 0.2
        for cx, cy, dx, dy in ((guide.left(), guide.top(), 1, 1), (guide.right(), guide.top(), -1, 1),
                               (guide.left(), guide.bottom(), 1, -1), (guide.right(), guide.bottom(), -1, -1)):
            p.drawLine(int(cx), int(cy), int(cx + dx * arm), int(cy))
            p.drawLine(int(cx), int(cy), int(cx), int(cy + dy * arm))
        if (self._image is None or self._image.isNull()) and self._placeholder:
            font = p.font()
            font.setPixelSize(30)
            p.setFont(font)
            p.setPen(QColor("#FFFFFF"))
            # Direction from the text itself: a French text keeps its "…" at the end even
            # in a right-to-left layout, and an Arabic one reads right to left.
            p.setLayoutDirection(Qt.LayoutDirection.LayoutDirectionAuto)
            p.drawText(area.adjusted(24, 24, -24, -24),
                       int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap),
                       self._placeholder)
        p.end()


class ScanPanel(QWidget):
    """Camera preview and typed fallback; ``card_entered(str)`` for both."""

    card_entered = Signal(str)

    def __init__(self, config: "Config | None" = None, parent: QWidget | None = None, *,
                 worker_factory: Callable[[], "CameraWorker"] | None = None,
                 beep: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanPanel")
        if worker_factory is None and config is not None:
            def worker_factory() -> "CameraWorker":
                from kiosk.camera.worker import CameraWorker  # lazy: the UI loads without OpenCV
                return CameraWorker.from_config(config)
        self._worker_factory = worker_factory
        self._worker: "CameraWorker | None" = None
        self._beep = beep            # None: the window's "card read" sound (kiosk/ui/speech.py)
        self._camera_state = "starting" if worker_factory is not None else "unavailable"
        self._typing = False         # the typed entry chosen although the camera works
        self._build()
        self._feedback_timer = QTimer(self, singleShot=True, interval=FEEDBACK_MS)
        self._feedback_timer.timeout.connect(self._on_feedback_timer_timeout)
        self._hint_timer = QTimer(self, singleShot=True, interval=HINT_MS)
        self._hint_timer.timeout.connect(self._on_hint_timer_timeout)
        self.retranslate()
        self._apply_state()

    # ------------------------------------------------------------- building

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 24, 32, 24)

        # Camera: instruction, preview, feedback, kept together and centred vertically.
        self.camera_area = QWidget(self)
        ca = QVBoxLayout(self.camera_area)
        ca.setContentsMargins(0, 0, 0, 0)
        ca.setSpacing(20)
        self.instruction = QLabel(self.camera_area, wordWrap=True)
        self.instruction.setProperty("role", "title")
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignCenter)
        ca.addWidget(self.instruction)
        ca.addStretch(1)
        self.preview = PreviewView(self.camera_area)
        ca.addWidget(self.preview, 20)

        # Feedback: pictogram + words (+ beep, + thicker guide), shown after a read.
        self.feedback = QFrame(self.camera_area)
        self.feedback.setProperty("role", "card")
        self.feedback.setMinimumHeight(TOUCH_MIN)
        fb = QHBoxLayout(self.feedback)
        fb.setContentsMargins(24, 12, 24, 12)
        self.feedback_icon = QLabel(self.feedback)
        self.feedback_icon.setFixedSize(QSize(64, 64))
        self.feedback_text = QLabel(self.feedback, wordWrap=True)
        self.feedback_text.setProperty("role", "title")
        fb.addStretch(1)
        fb.addWidget(self.feedback_icon)
        fb.addWidget(self.feedback_text)
        fb.addStretch(1)
        self.feedback.setMinimumWidth(420)
        ca.addWidget(self.feedback, 0, Qt.AlignmentFlag.AlignHCenter)
        # Never a dead end: how to hold the card (after a while without a read), and
        # the number printed on the card as another way in, at any time.
        self.hint = QLabel(self.camera_area, wordWrap=True)
        self.hint.setObjectName("scan_hint")
        self.hint.setProperty("role", "fact")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.hide()
        ca.addWidget(self.hint)
        self.type_button = QPushButton(self.camera_area)
        self.type_button.setObjectName("scan_type_number")
        self.type_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.type_button.setMinimumHeight(TOUCH_MIN)
        self.type_button.clicked.connect(self._on_type_button_clicked)
        ca.addWidget(self.type_button, 0, Qt.AlignmentFlag.AlignHCenter)
        ca.addStretch(1)
        lay.addWidget(self.camera_area, 1)

        # Fallback: typed card number when the camera is unavailable. A compact, centred
        # box: pictogram above centred words reads the same in both directions.
        self.manual = QFrame(self)
        self.manual.setProperty("role", "card")
        self.manual.setMaximumWidth(1000)
        mv = QVBoxLayout(self.manual)
        mv.setContentsMargins(32, 32, 32, 32)
        mv.setSpacing(24)
        self.unavailable_icon = QLabel(self.manual)
        self.unavailable_icon.setFixedSize(QSize(96, 96))
        mv.addWidget(self.unavailable_icon, 0, Qt.AlignmentFlag.AlignHCenter)
        self.unavailable_label = QLabel(self.manual, wordWrap=True)
        self.unavailable_label.setProperty("role", "title")
        self.unavailable_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mv.addWidget(self.unavailable_label)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.number_edit = QLineEdit(self.manual)
        self.number_edit.setMinimumHeight(TOUCH_MIN)
        self.number_edit.setMaxLength(MAX_CARD_NUMBER_LEN)
        self.number_edit.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText)
        self.number_edit.setProperty("keyboard", "text")   # a card number is Latin, even in Arabic
        self.number_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        font = self.number_edit.font()
        font.setPixelSize(34)
        self.number_edit.setFont(font)
        self.number_edit.returnPressed.connect(self._on_validate_clicked)
        self.validate_button = QPushButton(self.manual)
        self.validate_button.setProperty("role", "action")
        self.validate_button.setMinimumSize(QSize(max(TOUCH_MIN, 220), TOUCH_MIN))
        self.validate_button.clicked.connect(self._on_validate_clicked)
        row.addWidget(self.number_edit, 1)
        row.addWidget(self.validate_button)
        mv.addLayout(row)
        self.camera_button = QPushButton(self.manual)
        self.camera_button.setObjectName("scan_use_camera")
        self.camera_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.camera_button.setMinimumHeight(TOUCH_MIN)
        self.camera_button.clicked.connect(self._on_camera_button_clicked)
        mv.addWidget(self.camera_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.manual_area = QWidget(self)
        ma = QVBoxLayout(self.manual_area)
        ma.setContentsMargins(0, 0, 0, 0)
        ma.addStretch(1)
        ma.addWidget(self.manual, 0, Qt.AlignmentFlag.AlignHCenter)
        ma.addStretch(2)  # a little above the middle: the on-screen keyboard rises from below
        lay.addWidget(self.manual_area, 1)

    def retranslate(self) -> None:
        self.instruction.setText(self.tr("Montrez le QR code de votre carte à la caméra"))
        self.unavailable_label.setText(
            self.tr("Tapez le numéro écrit sur votre carte, sous votre prénom") if self._typing
            else self.tr("Caméra indisponible — tapez votre numéro de carte"))
        self.hint.setText(self.tr("Approchez la carte à une main de la caméra, le code bien à plat. "
                                  "Toujours rien ? Tapez le numéro de la carte, ou demandez au gardien."))
        self.type_button.setText(self.tr("Taper le numéro de ma carte"))
        self.camera_button.setText(self.tr("Utiliser la caméra"))
        self.number_edit.setPlaceholderText(self.tr("Numéro de carte"))
        self.number_edit.setAccessibleName(self.tr("Numéro de carte"))
        self.validate_button.setText(self.tr("Valider"))
        self.validate_button.setAccessibleName(self.tr("Valider le numéro de carte"))
        self.preview.setAccessibleName(self.tr("Image de la caméra"))
        self.preview.set_placeholder(self.tr("Démarrage de la caméra…"))
        self.preview.setAccessibleDescription(self.tr("Placez le QR code dans le cadre"))
        self.feedback_text.setText(self.tr("Carte lue"))
        self.feedback_icon.setAccessibleName(self.tr("Carte lue"))
        self.unavailable_icon.setAccessibleName(self.tr("Caméra indisponible"))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        # No taller than a 4:3 frame at full width: in portrait the feedback then sits
        # right under the picture instead of at the bottom of the screen.
        margins = self.layout().contentsMargins()
        self.preview.setMaximumHeight(max(240, (self.width() - margins.left() - margins.right()) * 3 // 4))
        self.fit_width(self.width())
        super().resizeEvent(event)

    def fit_width(self, width: int) -> None:
        """Size the typed-entry box for a panel ``width`` wide. A screen that sizes the
        panel by its height for a width calls it first (the lending screen)."""
        margins = self.layout().contentsMargins()
        # A fixed width for the typed-entry box: its wrapped message then gets the height
        # of the lines it really has (a width left to the size hint clipped the second
        # line, seen in Arabic).
        self.manual.setFixedWidth(max(320, min(1000, width - margins.left() - margins.right() - 48)))
        # ...and the height its wrapped lines need at that width (in landscape the layout
        # gave it one line less: seen on the scan, request and check-in screens).
        # The frame's border and the card style's padding take a few pixels more than the
        # layout's margins: measured on the exact width, a three-line title got two lines'
        # height (lending screen, landscape, large text). A little spare height is harmless.
        inner = self.manual.width() - 64 - 24
        self.unavailable_label.setMinimumHeight(self.unavailable_label.heightForWidth(inner))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._paint_pictograms()
        super().changeEvent(event)

    def _paint_pictograms(self) -> None:
        colour = self.palette().color(QPalette.ColorRole.WindowText).name()
        self.feedback_icon.setPixmap(_pictogram("open", colour, 64))
        self.unavailable_icon.setPixmap(_pictogram("camera-off", colour, 96))

    # ------------------------------------------------------------- state

    @property
    def camera_state(self) -> str:
        return self._camera_state

    def _apply_state(self) -> None:
        unavailable = self._camera_state == "unavailable"
        typed = unavailable or self._typing
        self.manual_area.setVisible(typed)
        self.camera_area.setVisible(not typed)
        self.camera_button.setVisible(self._typing and not unavailable)
        if unavailable:
            self.preview.clear()
            self.feedback.setVisible(False)
        else:
            self.feedback.setVisible(self._feedback_timer.isActive())

    @Slot(str)
    def set_camera_state(self, state: str) -> None:
        """"ok", "unavailable" (from the worker), or "starting"."""
        self._camera_state = state
        self._apply_state()

    # ------------------------------------------------------------- camera lifecycle

    def attach_worker(self, worker: "CameraWorker") -> None:
        """Connect a worker (started and stopped by this panel from now on)."""
        self._worker = worker
        # The application, not this panel, owns the thread object: a QThread destroyed
        # while running aborts the process, and the panel may be deleted first.
        app = QApplication.instance()
        if app is not None and worker.parent() is None:
            worker.setParent(app)
            app.aboutToQuit.connect(worker.stop)
        worker.finished.connect(worker.deleteLater)
        worker.card_read.connect(self._on_worker_card_read)
        worker.preview_frame.connect(self._on_worker_preview_frame)
        worker.camera_state_changed.connect(self.set_camera_state)

    def start_camera(self) -> None:
        if self._worker is None and self._worker_factory is not None:
            try:
                self.attach_worker(self._worker_factory())
            except Exception:  # noqa: BLE001 - no camera stack: typed entry still works
                log.exception("cannot create the camera worker")
                self.set_camera_state("unavailable")
                return
        if self._worker is not None and not self._worker.isRunning():
            self._worker.start()

    def stop_camera(self, *, wait: bool = False) -> None:
        """Stop the camera. Without ``wait`` the GUI thread does not block: the thread
        finishes on its own and is deleted then."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        worker.card_read.disconnect(self._on_worker_card_read)
        if wait:
            worker.stop()
            return
        worker.request_stop()  # finishes on its own; deleteLater was connected on attach

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        self._paint_pictograms()
        self.start_camera()
        self._hint_timer.start()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt name
        self._hint_timer.stop()
        self.stop_camera()
        self.number_edit.clear()  # nothing personal left on screen
        super().hideEvent(event)

    # ------------------------------------------------------------- reads

    @Slot(str)
    def _on_worker_card_read(self, text: str) -> None:
        if not self.isVisible():  # a read queued just before the panel was hidden
            return
        self.card_entered.emit(text)  # first: the next screen must not wait on our drawing
        self._show_feedback()

    @Slot(QImage)
    def _on_worker_preview_frame(self, image: QImage) -> None:
        if self._camera_state != "unavailable":
            self.preview.set_image(image)

    def enter_card(self, text: str) -> None:
        """A card read another way (a keyboard-wedge scanner): as a camera read."""
        if not text:
            return
        self.card_entered.emit(text)
        self._show_feedback()

    def show_typing(self, on: bool = True) -> None:
        self._typing = on
        self.retranslate()
        self._apply_state()
        if on:
            from kiosk.ui.widgets.keyboard import focus_with_keyboard
            focus_with_keyboard(self.number_edit)

    def _on_type_button_clicked(self) -> None:
        self.show_typing(True)

    def _on_camera_button_clicked(self) -> None:
        self.number_edit.clear()
        self.show_typing(False)

    @Slot()
    def _on_hint_timer_timeout(self) -> None:
        self.hint.setVisible(self._camera_state != "unavailable")

    @Slot()
    def _on_validate_clicked(self) -> None:
        text = self.number_edit.text().strip()
        if not text:
            from kiosk.ui.widgets.keyboard import focus_with_keyboard
            focus_with_keyboard(self.number_edit)
            return
        self.card_entered.emit(text)
        self.number_edit.clear()

    def _show_feedback(self) -> None:
        if self._beep is not None:
            self._beep()
        else:
            speech = getattr(self.window(), "speech", None)
            if speech is not None:
                speech.sound("card_read")
        self.hint.hide()
        self._hint_timer.start()
        self.preview.set_read_ok(True)
        self.feedback.setVisible(self._camera_state != "unavailable")
        self._feedback_timer.start()

    @Slot()
    def _on_feedback_timer_timeout(self) -> None:
        self.preview.set_read_ok(False)
        self.feedback.setVisible(False)
