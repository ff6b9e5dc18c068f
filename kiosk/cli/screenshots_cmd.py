"""``kiosk --data-dir DIR screenshots --out OUT``: render every screen to PNG, offscreen.

For each language (fr, en, ar) and orientation (portrait 1080×1920, landscape
1920×1080) it opens every registered screen (with sample arguments where a screen
needs some), plus states: the on-screen keyboard (text and numeric), the idle
countdown, high contrast, large text, easy-read, the speech and display panels, the
full-screen answers to a card (welcome, refused) and the refused card's page, an empty
partner list; and writes ``<state>-<lang>-<portrait|landscape>.png``. Each picture is
checked for text that does not fit (kiosk/ui/layout_check.py): printed as "CLIPPED". Uses the demo data of
the data dir (seeding it first if it is empty) and a synchronous task runner, so each
picture shows loaded data.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk.cli.context import CliContext

ORIENTATIONS = {"portrait": (1080, 1920), "landscape": (1920, 1080)}
LANGS = ("fr", "en", "ar")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("screenshots", help="render every screen offscreen to PNG files (fr, en, ar; portrait, landscape)")
    p.add_argument("--out", metavar="DIR", default="screenshots-out", help="output folder (default: screenshots-out)")
    p.add_argument("--lang", action="append", choices=LANGS, help="only this language (repeatable)")
    p.add_argument("--orientation", action="append", choices=list(ORIENTATIONS), help="only this orientation")
    p.add_argument("--screen", action="append", help="only this screen name (repeatable)")
    p.add_argument("--at", metavar="ISO", help="pretend it is this local time, e.g. 2026-11-24T11:00 (open/closed, today's hours)")
    p.set_defaults(func=screenshots)


def screenshots(args: argparse.Namespace, ctx: CliContext) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    store = ctx.open_store()
    try:
        from kiosk.demo.seed import seed_demo
        seed_demo(store)
        from datetime import datetime
        now = (lambda at=datetime.fromisoformat(args.at): at) if args.at else datetime.now
        written = render_all(ctx.config.with_values(fullscreen=False), store, out,
                             langs=args.lang or LANGS, orientations=args.orientation or list(ORIENTATIONS),
                             only=set(args.screen or []), now=now)
    finally:
        store.close()
    for path in written:
        print(path)
    for line in CLIPPED:
        print("CLIPPED", line)
    print(f"{len(written)} screenshots in {out}; {len(CLIPPED)} texts that do not fit")
    # Everything is written and the store is closed. Leave now: PySide6 6.12 can crash
    # in the garbage collector at interpreter shutdown after many widgets were built.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _settle(app, rounds: int = 6) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent
    for _ in range(rounds):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()


CLIPPED: list[str] = []


def render_all(config, store, out: Path, *, langs=LANGS, orientations=tuple(ORIENTATIONS),
               only: set[str] | None = None, now=None, problems: list[str] | None = None) -> list[Path]:
    """Render every screen and state; texts that do not fit go to ``problems``."""
    from kiosk.ui.layout_check import clipped
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.tasks import Tasks

    from PySide6.QtCore import QCoreApplication
    app = create_qapp()
    services = compose_services(config, store, **({"now": now} if now else {}))
    window = build_window(config, services, tasks=Tasks(services, None), idle_timeout_s=3600)
    window.show()
    written: list[Path] = []

    def shoot(name: str, lang: str, orient: str) -> None:
        window.resize(*ORIENTATIONS[orient])
        _settle(app)
        path = out / f"{name}-{lang}-{orient}.png"
        window.grab().save(str(path))
        written.append(path)
        found = [f"{name}-{lang}-{orient}: {p}" for p in clipped(window)]
        (problems if problems is not None else CLIPPED).extend(found)

    wanted = lambda n: not only or n in only  # noqa: E731
    for orient in orientations:
        window.resize(*ORIENTATIONS[orient])
        for lang in langs:
            window.reset()
            window.languages.set_language(lang)
            for spec in window.registry:
                if not wanted(spec.name):
                    continue
                window.home()
                if spec.name != "attract":
                    kwargs = spec.sample_kwargs(window.ctx) if spec.sample_kwargs else {}
                    window.open(spec.name, **kwargs)
                shoot(spec.name, lang, orient)
            if wanted("keyboard"):
                window.home()
                screen = window.open("partners")
                screen.search.setFocus()
                _settle(app)
                window.keyboard_controller.open_for(screen.search)
                shoot("keyboard", lang, orient)
                window.keyboard.set_page("numeric")
                shoot("keyboard_numeric", lang, orient)
                window.keyboard_controller.close()
            if wanted("idle"):
                window.home()
                window.open("directory")
                window.overlay.start()
                shoot("idle", lang, orient)
                window.overlay.stop()
            if wanted("contrast"):
                window.home()
                window.set_appearance(theme="contrast", large_text=True)
                shoot("contrast_attract", lang, orient)
                window.open("partners", category="food")
                shoot("contrast_partners", lang, orient)
                window.set_appearance(theme="calm", large_text=False)
            if wanted("large"):
                window.home()
                window.set_appearance(large_text=True)
                shoot("large_attract", lang, orient)
                for name in ("staff_home_large", "directory_large"):
                    window.home()
                    window.open(name.replace("_large", ""))
                    shoot(name, lang, orient)
                window.home()          # the keyboard's labels ("Fermer", "Valider"...) in large text
                screen = window.open("partners")
                screen.search.setFocus()
                _settle(app)
                window.keyboard_controller.open_for(screen.search)
                shoot("keyboard_large", lang, orient)
                window.keyboard.set_page("arabic" if window.keyboard.page == "text" else "text")
                shoot("keyboard_large_other", lang, orient)
                window.keyboard.set_page("numeric")
                shoot("keyboard_large_numeric", lang, orient)
                window.keyboard_controller.close()
                window.set_appearance(large_text=False)
            if wanted("easy"):
                window.home()
                window.set_appearance(easy_read=True)
                shoot("easy_attract", lang, orient)
                window.open("partners", category="food")
                shoot("easy_partners", lang, orient)
                window.set_appearance(easy_read=False)
            if wanted("panels"):
                window.home()
                window.open("directory")
                window.access.display.setChecked(True)
                shoot("display_panel", lang, orient)
                window.access.display.setChecked(False)
                window.speech_panel.show()   # as while "Écouter" is on (without speaking)
                shoot("speech_panel", lang, orient)
                window.speech_panel.hide()
            if wanted("results"):
                window.home()
                window.open("member", card_text="CK1:not-a-card")
                window.flash.dismiss()
                shoot("card_refused_page", lang, orient)
                window.flash.show_result(False, "✗ " + QCoreApplication.translate("MemberSpaceScreen",
                                                                                   "Carte non reconnue"))
                shoot("card_refused", lang, orient)
                window.flash.show_result(True, "✓ " + QCoreApplication.translate(
                    "MemberSpaceScreen", "Bonjour {name}").format(name="Nadia"))
                shoot("card_welcome", lang, orient)
                window.flash.dismiss()
            if wanted("empty"):
                window.home()
                window.open("partners", query="zzzz introuvable")
                shoot("partners_empty", lang, orient)
    window.reset()
    window.close()
    # Tear the widgets down while Qt and Python are both alive: left to interpreter
    # shutdown, PySide6 6.12 may crash in the garbage collector.
    window.tasks.shutdown()
    window.deleteLater()
    _settle(app)
    del window
    import gc
    gc.collect()
    return written
