"""Render the lending desk offscreen, in French and Arabic (right to left), portrait
1080×1920 and landscape 1920×1080, in its states (empty, lent, returned, refusal, long
overdue list), to /tmp/lending-shots/ (or the folder given).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/lending/render_shots.py [folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(out: Path) -> list[Path]:
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.demo import data
    from kiosk.demo.seed import seed_demo
    from kiosk.domain.lending import Item, ItemCategory, LendingPoint, Loan, LoanStatus, label_text
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.screen import Peripherals

    out.mkdir(parents=True, exist_ok=True)
    app = create_qapp()
    tmp = Path(tempfile.mkdtemp(prefix="lending-shots-"))
    (tmp / "config.toml").write_text("")
    config = load_config(tmp / "config.toml", env={}, data_dir=tmp / "data").with_values(
        key_store="file", log_dir=tmp / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=12)
    buildings = tuple(b[0] for b in data.BUILDINGS)
    names = ["Perceuse visseuse", "Escabeau 5 marches", "Nettoyeur haute pression", "Machine à coudre",
             "Appareil à raclette", "Ponceuse", "Diable de manutention", "Taille-haie"]
    mids = sorted(store.repos.members.ids())
    rows: list = [LendingPoint("loge", "Loge du gardien", "Hall A", buildings)]
    rows += [Item(f"i{i}", "loge", n, ItemCategory.TOOLS, loan_days=7) for i, n in enumerate(names)]
    rows += [Loan(f"late{i}", f"i{i}", mids[i + 1], LoanStatus.OUT,
                  due_on=(date.today() - timedelta(days=i + 1)).isoformat()) for i in range(1, 8)]
    store.db.run(lambda _c: [store.repos.replica.put(r) for r in rows])
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=tmp))
    session = services.membership.staff.sign_in(data.DEMO_STAFF_ID, data.DEMO_STAFF_PIN)
    card = services.membership.cards.current_card_text(mids[0])

    def lent(screen) -> None:  # noqa: ANN001
        screen.scan.card_entered.emit(card)
        screen.scan.card_entered.emit(label_text("i0"))

    def returned(screen) -> None:  # noqa: ANN001
        screen.scan.card_entered.emit(label_text("i0"))

    def refused(screen) -> None:  # noqa: ANN001
        screen.scan.card_entered.emit(card)
        screen.scan.card_entered.emit(label_text("i2"))

    def member(screen) -> None:  # noqa: ANN001
        screen.scan.card_entered.emit(card)

    shots = [("empty", None), ("member", member), ("lent", lent), ("returned", returned), ("refused", refused)]
    written = []
    for lang in ("fr", "ar"):
        window.languages.set_language(lang)
        for w, h in ((1080, 1920), (1920, 1080)):
            window.resize(w, h)
            window.show()
            for shot, prepare in shots:
                screen = window.open("lending_desk", session=session)
                if prepare is not None:
                    prepare(screen)
                app.processEvents()
                path = out / f"desk-{shot}-{lang}-{w}x{h}.png"
                window.grab().save(str(path))
                written.append(path)
                window.home()
            for shot, prepare in (("catalogue", None), ("catalogue-member", member)):
                screen = window.open("lending")
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
    for p in main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/lending-shots")):
        print(p)
