"""Fixtures of the UI tests: a real encrypted demo store, a pinned clock, the window.

The store is opened once per module (seeding hashes PINs: slow-ish) with the file key
store; the window gets a synchronous task runner, so a screen's data is there as soon
as the call that opened it returns, and idle timeouts the test chooses.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.config import Config, load_config  # noqa: E402
from ui_helpers import make_window  # noqa: E402

# A Tuesday at 11:00 local time: most demo shops are open.
TUESDAY_11 = datetime(2026, 11, 24, 11, 0)


class Clock:
    """A settable ``now`` for services and screens."""

    def __init__(self, when: datetime) -> None:
        self.when = when

    def __call__(self) -> datetime:
        return self.when


@pytest.fixture(scope="module")
def ui_config(tmp_path_factory) -> Config:
    tmp = tmp_path_factory.mktemp("ui")
    empty = tmp / "config.toml"
    empty.write_text("")
    return load_config(empty, env={}, data_dir=tmp / "data").with_values(
        key_store="file", log_dir=tmp / "logs", fullscreen=False, audio_device="none")


@pytest.fixture(scope="module")
def ui_store(ui_config: Config):
    from kiosk.demo.seed import seed_demo
    from kiosk.store.opening import open_store
    s = open_store(ui_config)
    seed_demo(s, today=TUESDAY_11.date())
    yield s
    s.close()


@pytest.fixture
def clock() -> Clock:
    return Clock(TUESDAY_11)


@pytest.fixture
def services(ui_config, ui_store, clock):
    from kiosk.app import compose_services
    return compose_services(ui_config, ui_store, now=clock)


@pytest.fixture
def window(qtbot, ui_config, services):
    w = make_window(qtbot, ui_config, services)
    yield w
    w.languages.set_language("fr")
    w.set_appearance(theme="calm", large_text=False)
