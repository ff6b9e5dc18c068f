"""Render the event screen of a volunteer-run workshop (its host's first name shown)
offscreen, in French and Arabic (right to left), portrait 1080×1920 and landscape
1920×1080, to /tmp/workshop-shots/ (or the folder given).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/community/render_workshop_shots.py [folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: Path) -> list[Path]:
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.demo.seed import seed_demo
    from kiosk.domain.community import Event, EventHost
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.screen import Peripherals

    out.mkdir(parents=True, exist_ok=True)
    app = create_qapp()
    tmp = Path(tempfile.mkdtemp(prefix="workshop-shots-"))
    (tmp / "config.toml").write_text("")
    config = load_config(tmp / "config.toml", env={}, data_dir=tmp / "data").with_values(
        key_store="file", log_dir=tmp / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=4)
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=tmp))
    mid = sorted(store.repos.members.ids())[0]
    host = store.repos.members.get(mid)
    assert host is not None
    start = (datetime.now() + timedelta(days=3)).replace(hour=14, minute=0, second=0, microsecond=0)
    two = Event("demo-workshop-2", "Atelier tricot", "Apportez vos aiguilles, la laine est fournie.",
                "Local de la Conciergerie", start.isoformat(timespec="minutes"),
                (start + timedelta(hours=2)).isoformat(timespec="minutes"), 12, pictogram="workshop",
                hosts=(EventHost(mid, host.first_name), EventHost("other", "Fatima-Zahra")))
    store.repos.events.upsert(two)
    written = []
    for lang in ("fr", "ar"):
        window.languages.set_language(lang)
        for w, h in ((1080, 1920), (1920, 1080)):
            window.resize(w, h)
            window.show()
            window.open("event", event_id=two.id)
            app.processEvents()
            path = out / f"workshop-{lang}-{w}x{h}.png"
            window.grab().save(str(path))
            written.append(path)
            window.home()
    window.close()
    store.close()
    return written


if __name__ == "__main__":
    for p in main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/workshop-shots")):
        print(p)
