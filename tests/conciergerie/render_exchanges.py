"""Render the exchanges board offscreen in French and Arabic (right to left), portrait
1080×1920 and landscape 1920×1080, in its states: empty, long list, one category,
after a contact request, a refusal, and large text. To /tmp/conciergerie-shots/ (or
the folder given); returns the pictures and the texts that do not fit.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/conciergerie/render_exchanges.py [folder]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

POSTS = [("offer", "diy", "Je peux monter vos meubles en kit et fixer des étagères le samedi matin"),
         ("request", "childcare", "Je cherche quelqu'un pour garder mon fils de 6 ans le mercredi après-midi"),
         ("offer", "sewing", "Ourlets, fermetures éclair, petites retouches : je le fais volontiers"),
         ("offer", "computing", "J'aide à créer une adresse e-mail et à utiliser le site de la CAF"),
         ("request", "paperwork", "Besoin d'aide pour remplir le dossier de renouvellement de la CMU"),
         ("offer", "cooking", "Atelier couscous pour quatre voisins, je fournis la semoule"),
         ("offer", "homework", "Aide aux devoirs en mathématiques, niveau collège, deux soirs par semaine"),
         ("request", "gardening", "Qui veut m'aider à planter les bulbes dans les bacs de la cour ?")]


def main(out: Path) -> tuple[list[Path], list[str]]:
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.cli.screenshots_cmd import _settle
    from kiosk.config import load_config
    from kiosk.demo.seed import seed_demo
    from kiosk.domain.exchanges import ExchangeCategory, ExchangeStatus
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.layout_check import clipped
    from kiosk.ui.screen import Peripherals

    out.mkdir(parents=True, exist_ok=True)
    app = create_qapp()
    tmp = Path(tempfile.mkdtemp(prefix="conciergerie-shots-"))
    (tmp / "config.toml").write_text("")
    config = load_config(tmp / "config.toml", env={}, data_dir=tmp / "data").with_values(
        key_store="file", log_dir=tmp / "logs", fullscreen=False)
    store = open_store(config)
    seed_demo(store, members=12)
    services = compose_services(config, store, now=datetime.now)
    services.membership = build_membership(store, config)
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=tmp))
    ids = sorted(store.repos.members.ids())
    card = services.membership.cards.current_card_text(ids[0])
    service = services.conciergerie

    def publish_all() -> None:
        for post in POSTS * 2:
            p = service.post(ids[3], *post)
            store.db.run(lambda c, pid=p.id: c.execute("UPDATE exchanges SET status = ? WHERE id = ?",
                                                        (ExchangeStatus.PUBLISHED.value, pid)))

    def pick_sewing(screen) -> None:  # noqa: ANN001
        screen._on_category_clicked(ExchangeCategory.SEWING)

    def contacted(screen) -> None:  # noqa: ANN001
        screen._on_answer_clicked(screen.cards[0].exchange.id)
        screen.identify.scan.card_entered.emit(card)

    def own_post(screen) -> None:  # noqa: ANN001
        screen._on_answer_clicked(screen.cards[0].exchange.id)
        screen.identify.scan.card_entered.emit(services.membership.cards.current_card_text(ids[3]))

    written, problems = [], []
    states = [("empty", None, False), ("long", publish_all, False), ("category", pick_sewing, False),
              ("contacted", contacted, False), ("error", own_post, False), ("large", None, True)]
    done_setup = set()
    for state, prepare, large in states:
        if prepare is publish_all and state not in done_setup:
            publish_all()
            done_setup.add(state)
        for lang in ("fr", "ar"):
            window.languages.set_language(lang)
            for w, h in ((1080, 1920), (1920, 1080)):
                window.resize(w, h)
                window.show()
                window.set_appearance(large_text=large)
                screen = window.open("exchanges")
                if prepare is not None and prepare is not publish_all:
                    prepare(screen)
                _settle(app)
                path = out / f"exchanges-{state}-{lang}-{w}x{h}.png"
                window.grab().save(str(path))
                written.append(path)
                problems += [f"{path.name}: {p}" for p in clipped(window)]
                window.set_appearance(large_text=False)
                window.home()
    window.close()
    store.close()
    return written, problems


if __name__ == "__main__":
    shots, found = main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/conciergerie-shots"))
    print("\n".join(map(str, shots)))
    print("\n".join(found) or "nothing clipped")
