"""``kiosk seed-demo`` fills a database with the demo club; ``kiosk demo`` runs on it.

``kiosk demo`` uses its own data dir (``<data dir>/../club-kiosk-demo`` unless
``--data-dir`` is given), seeds it on first start, and starts the kiosk windowed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.cli.context import CliContext
from kiosk.demo import data


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("seed-demo", help="fill the database with the demo club (idempotent)")
    p.add_argument("--members", type=int, default=50, help="how many demo members (default 50)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=seed_cmd)
    d = sub.add_parser("demo", help="run the kiosk on a separate demo data dir, seeded on first start")
    d.add_argument("--no-server", action="store_true", help="do not start the local central server")
    d.set_defaults(func=demo_cmd)


def demo_config(ctx: CliContext):
    cfg = ctx.config
    if ctx.args.data_dir is None:
        cfg = cfg.with_values(data_dir=Path(cfg.data_dir).parent / "club-kiosk-demo")
    values = {"location_lat": data.KIOSK_LAT, "location_lon": data.KIOSK_LON}
    if cfg.sources.get("buildings") == "default":
        values["buildings"] = list(data.DEMO_KIOSK_BUILDINGS)
    if cfg.sources.get("kiosk_name") == "default":
        values["kiosk_name"] = "Borne de démonstration — Résidence Paul-Éluard"
    if cfg.sources.get("key_store") == "default" and not _keyring_usable():
        # The demo club is fictional: without a keyring, keep its key in a file rather than refuse.
        print("No usable keyring here: the demo keeps its key in a file (key_store = \"file\").")
        values["key_store"] = "file"
    return cfg.with_values(**values)


def _keyring_usable() -> bool:
    from kiosk.store.errors import StoreError
    from kiosk.store.keystore import KeyringKeyStore
    try:
        ks = KeyringKeyStore()
        ks.get("probe")
    except StoreError:
        return False
    return True


def _seed(ctx: CliContext, cfg, members: int):
    """Seed, and save the demo caretaker's badge beside the data as a PNG to show the camera."""
    import segno
    from kiosk.demo.seed import seed_demo
    from kiosk.store.opening import open_store
    with open_store(cfg) as store:
        report = seed_demo(store, members=members)
    if report.staff_badge:
        segno.make_qr(report.staff_badge, error="m").save(str(Path(cfg.data_dir) / "demo-staff-badge.png"),
                                                            scale=8, border=4)
    return report


def seed_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    report = _seed(ctx, ctx.config, args.members)
    if args.json:
        ctx.emit_json(report.__dict__)
        return 0
    if report.created:
        print(f"Demo club created in {ctx.config.data_dir}: {report.members} members, {report.partners} partners, "
              f"{report.events} events.")
    else:
        print(f"{ctx.config.data_dir} already holds data; nothing changed.")
    print(f"Demo caretaker: id {report.staff_id}, PIN {report.staff_pin}, "
          f"badge {Path(ctx.config.data_dir) / 'demo-staff-badge.png'}")
    return 0


def demo_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    from kiosk.app import no_display_message
    problem = no_display_message()
    if problem:  # before seeding or starting a server: say it in one line, do nothing else
        print(problem, file=sys.stderr)
        return 2
    cfg = demo_config(ctx)
    report = _seed(ctx, cfg, 50)
    print(f"Demo data in {cfg.data_dir}. Caretaker: id {report.staff_id}, PIN {report.staff_pin}")
    start_server = getattr(args, "no_server", False) is False
    server = None
    if start_server:
        from kiosk.cli.demo_server import start_demo_server
        server, cfg = start_demo_server(cfg)
    try:
        from kiosk.app import run
        return run(cfg.with_values(fullscreen=False))
    finally:
        if server is not None:
            server.stop()
