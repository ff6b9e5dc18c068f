"""``kiosk provision``, ``kiosk sync --once`` and ``kiosk status``: sync from the command line.

``provision --server URL --token T [--ca-file F]`` enrolls this kiosk with the central
server; ``sync --once [--json]`` runs one cycle now (ignoring the backoff); ``status
--json`` prints whether the kiosk is provisioned, its pending outbox, the changes the
server refused for good, and the last sync.
Exit codes: 0 success, 1 the server refused or could not be reached.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from kiosk.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("provision", help="enroll this kiosk with the central server (one-time token)")
    p.add_argument("--server", required=True, metavar="URL", help="central server URL, e.g. https://club.example.org")
    p.add_argument("--token", required=True, help="enrollment token from `central create-enrollment-token`")
    p.add_argument("--ca-file", default="", metavar="F", help="CA bundle for the server's certificate")
    p.add_argument("--name", default="", help="name shown in the office's kiosk list (default: kiosk_name)")
    p.set_defaults(func=cmd_provision)
    p = sub.add_parser("sync", help="run one sync cycle with the central server")
    p.add_argument("--once", action="store_true", required=True, help="one cycle, then exit")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_sync)
    p = sub.add_parser("status", help="sync state: provisioned, pending changes, last sync")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=cmd_status)


def cmd_provision(args: argparse.Namespace, ctx: CliContext) -> int:
    from kiosk.sync.client import SyncError
    from kiosk.sync.provisioning import provision
    with ctx.open_store() as store:
        try:
            result = provision(store, args.server, args.token, ca_file=args.ca_file or ctx.config.ca_file,
                               name=args.name or ctx.config.kiosk_name)
        except SyncError as exc:
            print(f"kiosk: provisioning failed: {exc}", file=sys.stderr)
            return 1
    print(f"kiosk: provisioned as device {result.device_id} for buildings {', '.join(result.building_ids)}")
    return 0


def cmd_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    from kiosk.sync.engine import SyncEngine
    with ctx.open_store() as store:
        engine = SyncEngine.for_store(store, server_url=ctx.config.server_url if not
                                      store.repos.kv.get("sync.server_url") else "")
        try:
            report = engine.run_once(force=True)
        finally:
            engine.client.close()
    if args.json:
        ctx.emit_json(dataclasses.asdict(report))
    else:
        print(f"kiosk: sync {'ok' if report.ok else 'failed: ' + report.error} — pushed {report.pushed}, "
              f"pulled {report.pulled}{' (snapshot)' if report.snapshot else ''}, {report.duration_s:.2f} s")
    return 0 if report.ok else 1


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    from kiosk.sync.applier import CURSOR_KEY
    from kiosk.sync.provisioning import KV_BUILDINGS, KV_DEVICE, KV_SERVER, credential
    with ctx.open_store() as store:
        kv = store.repos.kv
        data = {
            "provisioned": credential(store) is not None,
            "device_id": kv.get(KV_DEVICE) or "",
            "server_url": kv.get(KV_SERVER) or ctx.config.server_url,
            "building_ids": json.loads(kv.get(KV_BUILDINGS) or "[]"),
            "pending": store.repos.outbox.pending_count(),
            "refused": store.repos.outbox.rejected_count(),   # refused by the server for good
            "has_cursor": bool(kv.get(CURSOR_KEY)),
            "last_success": kv.get("sync.last_success") or "",
        }
    if args.json:
        ctx.emit_json(data)
    else:
        for k, v in data.items():
            print(f"{k}: {v}")
    return 0
