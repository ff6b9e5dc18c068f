"""``kiosk config show``: the effective settings and where each came from."""

from __future__ import annotations

import argparse

from kiosk.cli.context import CliContext
from kiosk.config import default_config_file, describe


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("config", help="show the effective configuration")
    csub = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    show = csub.add_parser("show", help="print every setting, its value and its source")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.set_defaults(func=show_config)


def show_config(args: argparse.Namespace, ctx: CliContext) -> int:
    rows = describe(ctx.config)
    if args.json:
        ctx.emit_json(rows)
        return 0
    print(f"# config file: {args.config or default_config_file()}")
    width = max(len(r["name"]) for r in rows)
    for r in rows:
        print(f"{r['name']:<{width}}  {r['value']!s:<32}  [{r['source']}]  {r['description']}")
    return 0
