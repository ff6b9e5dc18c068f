"""The bar at the foot of every screen: "Écouter", "Aide", and the display choices.

- :class:`AccessBar`: three big buttons, always in the same place on every screen
  (including the attract screen). Its order does not mirror in Arabic: "Écouter" stays
  in the bottom-left corner, where a person who cannot read finds it by touch whatever
  language the previous person left on.
- :class:`SpeechPanel` (shown while "Écouter" is on): Répéter, Arrêter, quieter,
  louder, and the volume in words ("Volume 4 sur 5") and bars.
- :class:`DisplayPanel` ("Affichage"): Grand texte, Contraste, Facile à lire.

The window wires them (kiosk/ui/main_window.py); these widgets only emit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.resources import pixmap
from kiosk.ui.theme import TOUCH_MIN, Theme

ICON = 44


def _button(name: str, icon: str, *, checkable: bool = False, role: str = "access") -> QPushButton:
    b = QPushButton()
    b.setObjectName(name)
    b.setProperty("role", role)
    b.setProperty("icon_name", icon)
    b.setCheckable(checkable)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # a tap here never closes the keyboard
    b.setIconSize(QSize(ICON, ICON))
    b.setMinimumHeight(TOUCH_MIN)
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return b


def _tint(buttons: list[QPushButton], theme: Theme) -> None:
    for b in buttons:
        on = b.isChecked() or b.property("role") == "access_main"
        b.setIcon(pixmap(b.property("icon_name"), theme["on_primary"] if on else theme["on_secondary"], ICON))


class _Row(QFrame):
    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(24, 10, 24, 10)
        self.row.setSpacing(14)
        self.buttons: list[QPushButton] = []

    def add(self, b: QPushButton, stretch: int = 1) -> QPushButton:
        self.row.addWidget(b, stretch)
        self.buttons.append(b)
        return b

    def restyle(self, theme: Theme) -> None:
        _tint(self.buttons, theme)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        pass


class AccessBar(_Row):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("accessbar", parent)
        self.listen = self.add(_button("access_listen", "speaker", checkable=True, role="access_main"), 3)
        self.help = self.add(_button("access_help", "help"), 3)
        self.row.addStretch(1)
        self.display = self.add(_button("access_display", "display", checkable=True), 3)
        self.retranslate()

    def retranslate(self) -> None:
        self.listen.setText(self.tr("Écouter"))
        self.listen.setAccessibleName(self.tr("Écouter : la borne lit l'écran à voix haute"))
        self.help.setText(self.tr("Aide"))
        self.help.setAccessibleName(self.tr("Besoin d'aide ?"))
        self.display.setText(self.tr("Affichage"))
        self.display.setAccessibleName(self.tr("Affichage : grand texte, contraste, facile à lire"))


class SpeechPanel(_Row):
    def __init__(self, steps: int, parent: QWidget | None = None) -> None:
        super().__init__("accesspanel", parent)
        self._steps = steps
        self._step = 0
        self.repeat = self.add(_button("speech_repeat", "repeat"), 3)
        self.stop = self.add(_button("speech_stop", "stop"), 3)
        self.quieter = self.add(_button("speech_quieter", "quieter"), 2)
        self.level = QLabel()
        self.level.setObjectName("speech_level")
        self.level.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.level.setProperty("role", "level")
        self.row.addWidget(self.level, 2)
        self.louder = self.add(_button("speech_louder", "louder"), 2)
        self.retranslate()

    def set_step(self, step: int) -> None:
        self._step = step
        self.quieter.setEnabled(step > 0)
        self.louder.setEnabled(step < self._steps - 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.repeat.setText(self.tr("Répéter"))
        self.stop.setText(self.tr("Arrêter"))
        self.quieter.setAccessibleName(self.tr("Moins fort"))
        self.louder.setAccessibleName(self.tr("Plus fort"))
        words = self.tr("Volume {level} sur {steps}").format(level=self._step + 1, steps=self._steps)
        bars = "▮" * (self._step + 1) + "▯" * (self._steps - self._step - 1)
        self.level.setText(f"{bars}\n{words}")
        self.level.setAccessibleName(words)


class DisplayPanel(_Row):
    toggled = Signal(str, bool)   # "large" | "contrast" | "easy", on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("accesspanel", parent)
        self.large = self.add(_button("toggle_large_text", "textsize", checkable=True, role="toggle"))
        self.contrast = self.add(_button("toggle_contrast", "contrast", checkable=True, role="toggle"))
        self.easy = self.add(_button("toggle_easy_read", "easyread", checkable=True, role="toggle"))
        for key, b in (("large", self.large), ("contrast", self.contrast), ("easy", self.easy)):
            b.toggled.connect(lambda on, k=key: self.toggled.emit(k, on))
        self.retranslate()

    def mirror(self, *, large: bool, contrast: bool, easy: bool) -> None:
        """Show the current choices (whoever changed them: reset, screenshots)."""
        for b, on in ((self.large, large), (self.contrast, contrast), (self.easy, easy)):
            b.blockSignals(True)
            b.setChecked(on)
            b.blockSignals(False)

    def retranslate(self) -> None:
        self.large.setText(self.tr("Grand texte"))
        self.large.setAccessibleName(self.tr("Grand texte"))
        self.contrast.setText(self.tr("Contraste"))
        self.contrast.setAccessibleName(self.tr("Contraste élevé"))
        self.easy.setText(self.tr("Facile à lire"))
        self.easy.setAccessibleName(self.tr("Facile à lire : phrases courtes et images"))
