"""The ``kiosk`` command: run the kiosk, and the tools IT staff and caretakers use.

Each group of subcommands lives in its own module listed in ``COMMAND_MODULES``; a
module has ``register(subparsers)`` and its handlers take ``(args, ctx)``. Exit codes:
0 success, 1 the check or action failed, 2 bad usage or configuration, 3 the data
cannot be opened (keyring, key, damaged file).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from kiosk import __version__
from kiosk.cli.context import CliContext

# Each module registers its subcommands; order is the order of `kiosk --help`.
COMMAND_MODULES = [
    "kiosk.cli.run_cmd",
    "kiosk.cli.config_cmd",
    "kiosk.cli.demo_cmd",
    "kiosk.cli.doctor_cmd",
    "kiosk.cli.members_cmd",
    "kiosk.cli.card_cmd",
    "kiosk.cli.staff_cmd",
    "kiosk.cli.sync_cmd",
    "kiosk.cli.screenshots_cmd",
    "kiosk.cli.camera_cmd",
]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_DATA = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Club Kiosk: the tenants' club lobby kiosk.")
    parser.add_argument("--version", action="version", version=f"club-kiosk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="folder of the encrypted database (overrides the config)")
    parser.add_argument("--config", metavar="FILE", help="TOML config file (default: platform config dir)")
    parser.add_argument("--windowed", action="store_true", help="run in a window, not full screen (development)")
    parser.add_argument("--camera-source", metavar="PATH", help="read a video file or a folder of images instead of the camera")
    parser.add_argument("--self-test", action="store_true", help="open a throw-away database, render the attract screen offscreen, decode a card image, exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = CliContext(args)
    func = getattr(args, "func", None)
    if func is None:
        from kiosk.cli.run_cmd import run_kiosk
        func = run_kiosk
    try:
        from kiosk.logs import setup_logging
        setup_logging(ctx.config.log_dir)  # rotating files in log_dir, redacted (kiosk/logs.py)
        return int(func(args, ctx) or 0)
    except KeyboardInterrupt:
        return 130
    except ctx.handled_errors() as exc:
        return ctx.report(exc)


if __name__ == "__main__":
    sys.exit(main())
