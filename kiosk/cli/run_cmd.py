"""``kiosk`` / ``kiosk run``: start the touchscreen kiosk on the configured data dir."""

from __future__ import annotations

import argparse

from kiosk.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="start the kiosk (the default command)")
    p.set_defaults(func=run_kiosk)


def run_kiosk(args: argparse.Namespace, ctx: CliContext) -> int:
    from kiosk.app import run
    config = ctx.config
    if args.windowed:
        config = config.with_values(fullscreen=False)
    return run(config, self_test=bool(getattr(args, "self_test", False)))
