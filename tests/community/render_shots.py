"""Render the community screens offscreen, in French and Arabic (right to left), portrait
1080×1920 and landscape 1920×1080, to /tmp/community-shots/ (or the folder given).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/community/render_shots.py [folder]

A demo store in a temporary folder, a synchronous task runner; each screen is shown
in the state a tenant sees (a card scanned where the flow needs one)."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: Path) -> list[Path]:
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.demo.seed import seed_demo
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.screen import Peripherals

    out.mkdir(parents=True, exist_ok=True)
    app = create_qapp()
    tmp = Path(tempfile.mkdtemp(prefix="community-shots-"))
    (tmp / "config.toml").write_text("")
    config = load_config(tmp / "config.toml", env={}, data_dir=tmp / "data").with_values(
        key_store="file", log_dir=tmp / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=12)
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=tmp))
    mid = sorted(store.repos.members.ids())[0]
    card = services.membership.cards.current_card_text(mid)
    event_id = services.community.upcoming()[0].event.id
    services.community.submit_request(mid, "reduced_mobility", "Barre d'appui")
    services.community.submit_idea("living", "Des bancs à l'ombre dans la cour", mid)

    def signed_up(screen) -> None:  # noqa: ANN001
        screen._on_sign_up_clicked()
        screen.identify.scan.card_entered.emit(card)

    def identified(screen) -> None:  # noqa: ANN001
        screen.identify.scan.card_entered.emit(card)

    def door(screen) -> None:  # noqa: ANN001
        from kiosk.services.staff import StaffSession  # noqa: F401
        badge = store.repos.kv.get("demo_staff_badge")
        screen.badge_scan.card_entered.emit(badge)
        from kiosk.demo import data
        screen.pin.edit.setText(data.DEMO_STAFF_PIN)
        screen._on_sign_in_clicked()
        screen.door_scan.card_entered.emit(card)

    shots = [("events", {}, None), ("event", {"event_id": event_id}, None),
             ("event-identify", {"event_id": event_id}, lambda s: s._on_sign_up_clicked()),
             ("event-result", {"event_id": event_id}, signed_up),
             ("event_checkin", {"event_id": event_id}, door),
             ("ideas", {}, None), ("idea_new", {}, None),
             ("request_new", {}, identified), ("community_mine", {"member_id": mid}, None)]
    written = []
    for lang in ("fr", "ar"):
        window.languages.set_language(lang)
        for w, h in ((1080, 1920), (1920, 1080)):
            window.resize(w, h)
            window.show()
            for shot, kwargs, prepare in shots:
                name = shot.split("-")[0]
                screen = window.open(name, **kwargs)
                if prepare is not None:
                    prepare(screen)
                app.processEvents()
                path = out / f"{shot}-{lang}-{w}x{h}.png"
                window.grab().save(str(path))
                written.append(path)
                window.home()
    window.close()
    store.close()
    return written


if __name__ == "__main__":
    for p in main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/community-shots")):
        print(p)
