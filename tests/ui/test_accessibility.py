"""Every interactive control on every screen has an accessible name and a big target."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from kiosk.ui.default_screens import default_registry
from kiosk.ui.theme import TOUCH_MIN

pytestmark = pytest.mark.gui


def _controls(root):
    for w in root.findChildren(QAbstractButton) + root.findChildren(QLineEdit):
        if w.isVisibleTo(root) and w.isEnabled():
            yield w


# The screens of this feature; feature teams' screens are checked by the report test below.
SHELL_SCREENS = ["attract", "scan", "directory", "partners", "partner"]


def _accessible_name(w) -> str:
    """The name assistive technology gets: the accessible name, else (buttons) the text."""
    iface = QAccessible.queryAccessibleInterface(w)
    return (iface.text(QAccessible.Text.Name) if iface is not None else w.accessibleName()).strip()


def _problems(window) -> list[str]:
    problems = []
    for w in list(_controls(window.current())) + [window.header.back, window.header.home]:
        if not w.isVisible():
            continue
        if not _accessible_name(w):
            problems.append(f"{w.objectName() or type(w).__name__}: no accessible name")
        if w.height() < TOUCH_MIN or w.width() < TOUCH_MIN:
            problems.append(f"{w.objectName() or type(w).__name__}: {w.width()}x{w.height()} px")
    return problems


def _open(window, name: str) -> None:
    if name != "attract":
        spec = window.registry.get(name)
        window.open(name, **(spec.sample_kwargs(window.ctx) if spec.sample_kwargs else {}))


@pytest.mark.parametrize("name", SHELL_SCREENS)
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_controls_have_names_and_touch_sized_targets(qtbot, window, name: str, lang: str) -> None:
    window.languages.set_language(lang)
    _open(window, name)
    qtbot.wait(10)
    assert _problems(window) == []


def test_every_registered_screen_too(qtbot, window) -> None:
    """The screens of the features (membership, community...): the same rules."""
    report = {}
    for name in default_registry().names():
        if name in SHELL_SCREENS:
            continue
        window.home()
        spec = window.registry.get(name)
        window.open(name, **(spec.sample_kwargs(window.ctx) if spec.sample_kwargs else {}))
        qtbot.wait(10)
        found = _problems(window)
        if found:
            report[name] = found
    assert report == {}


def test_keyboard_keys_have_names_and_height(qtbot, window) -> None:
    window.keyboard.show()
    qtbot.wait(10)
    for page in ("text", "arabic", "numeric"):
        window.keyboard.set_page(page)
        qtbot.wait(10)
        for key in window.keyboard.keys(page):
            assert key.accessibleName(), key.objectName()
            assert key.height() >= TOUCH_MIN, key.objectName()
