"""Render "Mon espace"'s exchanges and time credits offscreen in French and Arabic,
portrait 1080×1920 and landscape 1920×1080: empty, long lists, a post's withdrawal being
confirmed, and the service failing.
The page is scrolled to the panel. To /tmp/shots-tenant/ (or the folder given); returns
the pictures and the texts that do not fit.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/conciergerie/render_member_space.py [folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from render_exchanges import POSTS  # noqa: E402


def main(out: Path) -> tuple[list[Path], list[str]]:
    from PySide6.QtWidgets import QScrollArea

    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.cli.screenshots_cmd import _settle
    from kiosk.config import load_config
    from kiosk.demo.seed import seed_demo
    from kiosk.domain.exchanges import Exchange, ExchangeCategory, ExchangeKind, ExchangeStatus
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.layout_check import clipped
    from kiosk.ui.screen import Peripherals

    out.mkdir(parents=True, exist_ok=True)
    app = create_qapp()
    tmp = Path(tempfile.mkdtemp(prefix="member-space-shots-"))
    (tmp / "config.toml").write_text("")
    config = load_config(tmp / "config.toml", env={}, data_dir=tmp / "data").with_values(
        key_store="file", log_dir=tmp / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=6)
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=tmp))
    ids = sorted(store.repos.members.ids())
    cards = [services.membership.cards.current_card_text(m) for m in ids]
    c = services.conciergerie
    # the long case: member 1 posted a lot, answered others, received answers, swapped time
    for kind, cat, text in POSTS:
        c.post(ids[1], kind, cat, text)
    for i, (kind, cat, text) in enumerate(POSTS[:5]):
        store.repos.exchanges.add_if_absent(Exchange(f"o-{i}", ids[2], "b", ExchangeKind(kind),
                                                     ExchangeCategory(cat), text, ExchangeStatus.PUBLISHED,
                                                     created_at=f"2026-11-2{i}T10:00:00+00:00"))
        c.request_contact(ids[1], f"o-{i}")
    mine = store.repos.exchanges.of_member(ids[1])
    store.db.run(lambda con: con.execute("UPDATE exchanges SET status = 'published' WHERE id = ?", (mine[0].id,)))
    store.db.run(lambda con: con.execute("UPDATE exchanges SET status = 'closed' WHERE id = ?", (mine[1].id,)))
    for i in range(3):
        c.request_contact(ids[3 + i], mine[0].id)
    for minutes in (90, 30, 120, 45, 60, 15, 600):
        c.transfer_by_cards(cards[1], cards[2], minutes, "Montage d'une armoire et de deux étagères")
        c.transfer_by_cards(cards[2], cards[1], 30)
    written: list[Path] = []
    problems: list[str] = []

    def shoot(name: str) -> None:
        _settle(app)
        window.flash.dismiss()      # the "Bonjour …" answer to the card
        screen = window.current()
        area = screen.pages.currentWidget()
        if isinstance(area, QScrollArea):
            area.ensureWidgetVisible(screen.conciergerie, 0, 0)
            area.ensureWidgetVisible(screen.conciergerie.sections["posts"][0], 0, 40)
        _settle(app)
        path = out / f"{name}.png"
        window.grab().save(str(path))
        written.append(path)
        problems.extend(f"{name}: {p}" for p in clipped(window))

    real = c.my_posts
    try:
        for lang in ("fr", "ar"):
            window.languages.set_language(lang)
            for size in ((1080, 1920), (1920, 1080)):
                window.resize(*size)
                window.show()
                tag = f"{lang}-{'portrait' if size[0] < size[1] else 'landscape'}"
                window.open("member", card_text=cards[0])
                shoot(f"space-empty-{tag}")
                window.home()
                window.open("member", card_text=cards[1])
                shoot(f"space-long-{tag}")
                panel = window.current().conciergerie
                if panel.open_rows:             # "Retirer mon annonce" asked once more
                    panel.open_rows[0].withdraw.click()
                    shoot(f"space-withdraw-{tag}")
                window.home()
                c.my_posts = lambda _m: (_ for _ in ()).throw(RuntimeError("store busy"))  # type: ignore[method-assign]
                window.open("member", card_text=cards[1])
                shoot(f"space-error-{tag}")
                c.my_posts = real  # type: ignore[method-assign]
                window.home()
    finally:
        window.close()
        store.close()
    return written, problems


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    pics, bad = main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/shots-tenant"))
    print(len(pics), "pictures")
    print("\n".join(bad) or "nothing clipped")
