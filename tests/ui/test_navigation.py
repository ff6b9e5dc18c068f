"""Navigation: every screen opens from Home, and Back and Home work from each of them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from kiosk.ui.default_screens import default_registry
from kiosk.ui.registry import ScreenSpec
from kiosk.ui.screen import Screen

pytestmark = pytest.mark.gui

SCREENS = [n for n in default_registry().names() if n != "attract"]


def _flush() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def _open(window, name: str):
    spec = window.registry.get(name)
    kwargs = spec.sample_kwargs(window.ctx) if spec.sample_kwargs else {}
    return window.open(name, **kwargs)


def test_starts_on_the_attract_screen_without_header(window) -> None:
    assert window.history() == ["attract"]
    assert not window.header.isVisible()


@pytest.mark.parametrize("name", SCREENS)
def test_back_and_home_from_every_screen(qtbot, window, name: str) -> None:
    screen = _open(window, name)
    assert window.current() is screen and window.header.isVisible()
    assert window.header.title.text()
    qtbot.mouseClick(window.header.back, Qt.MouseButton.LeftButton)
    assert window.history() == ["attract"]

    _open(window, "directory")
    _open(window, name)
    qtbot.mouseClick(window.header.home, Qt.MouseButton.LeftButton)
    assert window.history() == ["attract"]
    assert window.stack.count() == 1          # the others are gone, not hidden
    assert window.stack.currentWidget().name == "attract"


@pytest.mark.parametrize("action, expected", [
    ("scan", "scan"), ("join", "join"), ("directory", "directory"), ("events", "events"), ("ideas", "ideas"),
])
def test_attract_buttons_open_their_screens(qtbot, window, action: str, expected: str) -> None:
    button = window.current().findChild(object, f"action_{action}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current().name == expected


@pytest.mark.parametrize("name", ["join", "events", "ideas", "member"])
def test_placeholders_say_coming_soon(window, name: str) -> None:
    from kiosk.ui.screens.placeholder import PlaceholderScreen
    window.registry.load_pending()
    window.registry.register(ScreenSpec(name, lambda ctx, **kw: PlaceholderScreen(ctx, name)))
    screen = window.open(name)
    texts = [lab.text() for lab in screen.findChildren(type(window.header.title))]
    assert "Bientôt disponible" in texts and window.header.title.text()


def test_back_destroys_the_screen(qtbot, window) -> None:
    screen = window.open("directory")
    destroyed = []
    screen.destroyed.connect(lambda: destroyed.append(True))
    window.back()
    _flush()
    assert destroyed == [True]


def test_a_feature_replaces_its_placeholder_through_the_registry(qtbot, window) -> None:
    class Events(Screen):
        name = "events"

        def title(self) -> str:
            return "Agenda"

    window.registry.load_pending()
    window.registry.register(ScreenSpec("events", lambda ctx, **kw: Events(ctx)))
    window.open("events")
    assert window.header.title.text() == "Agenda"


def test_directory_to_list_to_detail_and_back(qtbot, window) -> None:
    directory = window.open("directory")
    qtbot.mouseClick(directory.findChild(object, "category_food"), Qt.MouseButton.LeftButton)
    partners = window.current()
    assert partners.name == "partners" and partners.entries
    assert {e.partner.category.value for e in partners.entries} == {"food"}
    partners.rows()[0].click()
    detail = window.current()
    assert detail.name == "partner" and detail.entry.partner.id == partners.entries[0].partner.id
    window.back()
    window.back()
    assert window.history() == ["attract", "directory"]


@pytest.mark.parametrize("name", ["scan", "directory", "partners", "partner"])
def test_no_stray_top_level_windows(qtbot, window, name: str) -> None:
    """A label made visible before it has a parent pops up as its own window and steals
    the activation (the keyboard then never opens): nothing but the kiosk may show."""
    from PySide6.QtWidgets import QApplication
    _open(window, name)
    qtbot.wait(10)
    stray = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    assert stray == []
    assert window.isActiveWindow()


def test_a_broken_feature_keeps_its_placeholder(window) -> None:
    from kiosk.ui.registry import ScreenRegistry
    from kiosk.ui.screens.placeholder import PlaceholderScreen
    reg = ScreenRegistry()
    reg.register(ScreenSpec("events", lambda ctx, **kw: PlaceholderScreen(ctx, "events")))

    def broken(registry) -> None:
        raise ImportError("cannot import name 'wire'")

    reg.add_loader(broken)
    assert reg.get("events").name == "events"       # no exception reaches the tap
    assert isinstance(reg.get("events").factory(window.ctx), PlaceholderScreen)
