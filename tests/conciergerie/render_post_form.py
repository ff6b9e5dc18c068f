"""Render the exchange post form offscreen in French and Arabic (right to left), portrait
1080×1920 and landscape 1920×1080, in its states: filled with the keyboard open, the
empty-text error (with the kind and category errors), a too long text, posted, and large
text. To /tmp/shots-post-form/ (or the folder given); returns the pictures and the texts
that do not fit.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/conciergerie/render_post_form.py [folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: Path) -> tuple[list[Path], list[str]]:
    from PySide6.QtWidgets import QLineEdit
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.cli.screenshots_cmd import _settle
    from kiosk.config import load_config
    from kiosk.demo.seed import seed_demo
    from kiosk.domain.community import TEXT_MAX
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.layout_check import clipped
    from kiosk.ui.screen import Peripherals

    out.mkdir(parents=True, exist_ok=True)
    app = create_qapp()
    tmp = Path(tempfile.mkdtemp(prefix="post-form-shots-"))
    (tmp / "config.toml").write_text("")
    config = load_config(tmp / "config.toml", env={}, data_dir=tmp / "data").with_values(
        key_store="file", log_dir=tmp / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=4)
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=tmp))
    member = sorted(store.repos.members.ids())[0]

    def edit(screen) -> QLineEdit:  # noqa: ANN001
        return screen.findChild(QLineEdit, "field_exchange_text")

    def keyboard(screen) -> None:  # noqa: ANN001
        screen.kind.select("offer")
        screen.tiles[list(screen.tiles)[3]].setChecked(True)
        edit(screen).setText("Je fais les ourlets et petites retouches le samedi matin")
        edit(screen).setFocus()
        window.keyboard_controller.open_for(edit(screen))

    def empty(screen) -> None:  # noqa: ANN001
        screen._on_send_clicked()

    def too_long(screen) -> None:  # noqa: ANN001
        screen.kind.select("request")
        screen.tiles[list(screen.tiles)[5]].setChecked(True)
        edit(screen).setText("Aide pour un dossier " * (TEXT_MAX // 20 + 1))
        screen._on_send_clicked()

    def posted(screen) -> None:  # noqa: ANN001
        keyboard(screen)
        screen._on_send_clicked()

    written, problems = [], []
    states = [("form", None, False), ("keyboard", keyboard, False), ("error", empty, False),
              ("too-long", too_long, False), ("posted", posted, False), ("large-keyboard", keyboard, True),
              ("large-error", empty, True)]
    for state, prepare, large in states:
        for lang in ("fr", "ar"):
            window.languages.set_language(lang)
            for w, h in ((1080, 1920), (1920, 1080)):
                window.resize(w, h)
                window.show()
                window.set_appearance(large_text=large)
                screen = window.open("exchange_post", member_id=member)
                _settle(app)
                if prepare is not None:
                    prepare(screen)
                _settle(app)
                # the keyboard first shows in the layout of the last orientation and the window
                # grows to hold it; a kiosk never turns, so the window gets its size back
                window.resize(w, h)
                _settle(app)
                path = out / f"post-{state}-{lang}-{w}x{h}.png"
                window.grab().save(str(path))
                written.append(path)
                problems += [f"{path.name}: {p}" for p in clipped(window)]
                window.keyboard_controller.close()
                window.set_appearance(large_text=False)
                window.home()
                _settle(app)      # the closed keyboard's height leaves the layout before the next size
    window.close()
    store.close()
    return written, problems


if __name__ == "__main__":
    shots, found = main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots-post-form"))
    print("\n".join(map(str, shots)))
    print("\n".join(found) or "nothing clipped")
