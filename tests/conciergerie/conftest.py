"""Fixtures: central databases on SQLite and PostgreSQL, a live server, kiosk stores,
and ``kiosk_window``: a demo kiosk window (real encrypted store, 4 members, no camera) in portrait.

They live in tests/central_fixtures.py, shared with the server tests.
"""

import os
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from central_fixtures import *  # noqa: F401,F403 - pytest finds fixtures by name here


@pytest.fixture
def kiosk_window(tmp_path: Path):  # noqa: ANN201
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.demo.seed import seed_demo
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.screen import Peripherals
    app = create_qapp()
    (tmp_path / "config.toml").write_text("")
    config = load_config(tmp_path / "config.toml", env={}, data_dir=tmp_path / "data").with_values(
        key_store="file", log_dir=tmp_path / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=4)
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=Path(tempfile.mkdtemp())))
    window.resize(1080, 1920)
    window.show()
    yield app, window, store, services
    # Deleted, not only closed: a window left alive kept its typed fields and idle timer,
    # and the idle tests that ran next in the same process found them.
    from PySide6.QtCore import QCoreApplication, QEvent
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    store.close()
