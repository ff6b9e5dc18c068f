"""The time transfer at the kiosk through the real services: the giver's card, the
receiver's card, a duration, "Valider": the ledger has it; the same card twice is
refused with its message. Rendered in fr/ar, portrait and landscape, nothing clipped."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui


def test_two_cards_and_a_duration_record_a_transfer(tmp_path: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.cli.screenshots_cmd import _settle
    from kiosk.config import load_config
    from kiosk.demo.seed import seed_demo
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.layout_check import clipped
    from kiosk.ui.screen import Peripherals

    app = create_qapp()
    (tmp_path / "config.toml").write_text("")
    config = load_config(tmp_path / "config.toml", env={}, data_dir=tmp_path / "data").with_values(
        key_store="file", log_dir=tmp_path / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=6)
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=Path(tempfile.mkdtemp())))
    a, b = sorted(store.repos.members.ids())[:2]
    card_a, card_b = (services.membership.cards.current_card_text(m) for m in (a, b))
    problems: list[str] = []
    try:
        for lang in ("fr", "ar"):
            window.languages.set_language(lang)
            for size in ((1080, 1920), (1920, 1080)):
                window.resize(*size)
                window.show()
                screen = window.open("time_transfer")
                screen.giver_scan.card_entered.emit(card_a)
                screen.receiver_scan.card_entered.emit(card_b)
                _settle(app)
                window.grab().save(str(tmp_path / f"transfer-duration-{lang}-{size[0]}.png"))
                problems += clipped(window)
                screen.durations.chosen.emit("90")
                screen.confirm.click()
                _settle(app)
                window.grab().save(str(tmp_path / f"transfer-done-{lang}-{size[0]}.png"))
                problems += clipped(window)
                assert screen.pages.currentIndex() == 3
                window.home()
        assert services.conciergerie.balance(a).minutes == 4 * 90
        assert services.conciergerie.balance(b).minutes == -4 * 90
        window.languages.set_language("fr")
        screen = window.open("time_transfer")
        screen.giver_scan.card_entered.emit(card_a)
        screen.receiver_scan.card_entered.emit(card_a)
        screen.durations.chosen.emit("30")
        screen.confirm.click()
        _settle(app)
        assert screen.result.text() == "Les deux cartes sont celles de la même personne."
        assert services.conciergerie.balance(a).minutes == 4 * 90
        assert problems == []
    finally:
        window.close()
        store.close()
