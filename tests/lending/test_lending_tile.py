"""The home screen's "Emprunter un outil" tile (pytest-qt, offscreen), on a real encrypted
demo store through the real services: shown only once the office has synced a lending
point, and a touch opens the tenants' catalogue with the point's items."""

from __future__ import annotations

import os
from datetime import datetime

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from kiosk.demo import data  # noqa: E402
from kiosk.domain.lending import Item, ItemCategory, LendingPoint  # noqa: E402

pytestmark = pytest.mark.gui


def _window(tmp_path, qtbot, *, lends: bool):  # noqa: ANN001, ANN202
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.demo.seed import seed_demo
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.screen import Peripherals
    (tmp_path / "config.toml").write_text("")
    config = load_config(tmp_path / "config.toml", env={}, data_dir=tmp_path / "data").with_values(
        key_store="file", log_dir=tmp_path / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=2)
    if lends:
        buildings = tuple(b[0] for b in data.BUILDINGS)
        store.db.run(lambda _c: [store.repos.replica.put(o) for o in (
            LendingPoint("loge", "Loge du gardien", "Hall A", buildings),
            Item("grill", "loge", "Appareil à raclette", ItemCategory.KITCHEN, deposit_cents=1000))])
    create_qapp()
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    window = build_window(config, services, tasks=Tasks(services, None), peripherals=Peripherals(camera=False))
    qtbot.addWidget(window)
    window.resize(1080, 1920)
    return window, store


@pytest.mark.parametrize("lends", [True, False])
def test_the_lending_tile_shows_only_when_the_club_lends_and_opens_the_catalogue(tmp_path, qtbot, lends):  # noqa: ANN001
    window, store = _window(tmp_path, qtbot, lends=lends)
    try:
        ctx = window.ctx
        ctx.navigator.open("attract")
        home = ctx.navigator.current()
        tile = home.findChild(type(home._actions["lending"]), "action_lending")
        window.show()
        assert tile.isVisible() == lends    # the synchronous runner has answered on entering
        if not lends:
            return
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
        screen = ctx.navigator.current()
        assert screen.name == "lending"
        qtbot.waitUntil(lambda: screen.items.count() > 0, timeout=5000)
        assert any("Appareil à raclette" in screen.items.item(i).text() for i in range(screen.items.count()))
    finally:
        store.close()
