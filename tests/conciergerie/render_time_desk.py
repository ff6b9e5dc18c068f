"""Render the caretaker's time desk offscreen in French and Arabic (right to left), portrait
1080×1920 and landscape 1920×1080, in its states: empty (nothing recorded yet), a workshop
filled in with its sign-ups, a long recent list with a reversed one, an error, the
keyboard open on the note, and large text. To /tmp/shots-time-desk/ (or the folder
given); prints the pictures and the texts that do not fit.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/conciergerie/render_time_desk.py [folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: Path) -> tuple[list[Path], list[str]]:
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.cli.screenshots_cmd import _settle
    from kiosk.config import load_config
    from kiosk.demo import data
    from kiosk.demo.seed import seed_demo
    from kiosk.domain.community import Event, EventHost, Registration, RegistrationStatus
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.layout_check import clipped
    from kiosk.ui.screen import Peripherals

    out.mkdir(parents=True, exist_ok=True)
    app = create_qapp()
    tmp = Path(tempfile.mkdtemp(prefix="time-desk-shots-"))
    (tmp / "config.toml").write_text("")
    config = load_config(tmp / "config.toml", env={}, data_dir=tmp / "data").with_values(
        key_store="file", log_dir=tmp / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=12)
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=tmp))
    session = services.membership.staff.sign_in(data.DEMO_STAFF_ID, data.DEMO_STAFF_PIN)
    members = [store.repos.members.get(m) for m in sorted(store.repos.members.ids())]
    start = datetime.now().replace(microsecond=0, second=0) - timedelta(days=1)
    event = Event(id="atelier-tricot", title="Atelier tricot et crochet du mardi", description="", place="Salle",
                  starts_at=start.isoformat(), ends_at=(start + timedelta(minutes=120)).isoformat(), capacity=12,
                  hosts=(EventHost(members[0].id, members[0].first_name),))
    store.repos.events.upsert(event)
    for i, m in enumerate(members[1:7]):
        store.repos.events.upsert_registration(Registration(f"r{i}", event.id, m.id, RegistrationStatus.CONFIRMED,
                                                            start.isoformat()))

    def fill_history() -> None:
        c = services.conciergerie
        if c.recent_transfers(session, 1):
            return
        for i in range(14):
            t = c.transfer_by_staff(session, members[i % 12].id, [(members[(i + 1) % 12].id, 30 + 15 * (i % 5)),
                                                                 (members[(i + 2) % 12].id, 45)],
                                    note="Montage d'un meuble et petite réparation de la porte du placard")
            if i == 3:
                c.reverse(session, t.id, "Saisi deux fois")

    def workshop(screen) -> None:  # noqa: ANN001
        _settle(app)
        screen._on_workshop_clicked(screen.workshops[0])

    def error(screen) -> None:  # noqa: ANN001
        screen._on_member_found(type("M", (), {"id": members[0].id, "name": "x"})())
        screen.provider = None
        screen.receivers = []
        screen._on_member_found(screen.workshops[0].hosts[0]) if screen.workshops else None
        screen._on_member_found(screen.workshops[0].hosts[0]) if screen.workshops else None

    def keyboard(screen) -> None:  # noqa: ANN001
        workshop(screen)
        screen.note.setFocus()
        window.keyboard_controller.open_for(screen.note)

    def long_list(screen) -> None:  # noqa: ANN001
        fill_history()
        screen.pages_choice.select("recent")
        _settle(app)
        screen.recent.setCurrentRow(3)
        screen.reason.setText("Encore")
        screen._on_reverse_clicked()

    def recent_keyboard(screen) -> None:  # noqa: ANN001
        long_list(screen)
        _settle(app)
        screen.recent.setCurrentRow(1)
        screen.reason.setFocus()
        window.keyboard_controller.open_for(screen.reason)

    def empty_recent(screen) -> None:  # noqa: ANN001
        screen.pages_choice.select("recent")

    written, problems = [], []
    states = [("empty", None, False), ("empty-recent", empty_recent, False), ("workshop", workshop, False),
              ("error", error, False), ("keyboard", keyboard, False), ("large-workshop", workshop, True),
              ("long-list", long_list, False), ("recent-keyboard", recent_keyboard, False),
              ("large-long-list", long_list, True)]
    only = os.environ.get("SHOTS_ONLY", "")          # e.g. "empty,long-list"
    for state, prepare, large in [s for s in states if not only or s[0] in only.split(",")]:
        for lang in ("fr", "ar"):
            window.languages.set_language(lang)
            for w, h in ((1080, 1920), (1920, 1080)):
                window.resize(w, h)
                window.show()
                window.set_appearance(large_text=large)
                screen = window.open("time_desk", session=session)
                _settle(app)
                if prepare is not None:
                    prepare(screen)
                _settle(app)
                window.resize(w, h)
                _settle(app)
                path = out / f"time-desk-{state}-{lang}-{w}x{h}.png"
                window.grab().save(str(path))
                written.append(path)
                problems += [f"{path.name}: {p}" for p in clipped(window)]
                window.keyboard_controller.close()
                window.set_appearance(large_text=False)
                window.home()
                _settle(app)
    window.close()
    store.close()
    return written, problems


if __name__ == "__main__":
    shots, found = main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-time-desk"))
    print("\n".join(map(str, shots)))
    print("\n".join(found) or "nothing clipped")
