"""``kiosk staff``: IT staff add caretakers (PIN asked twice, or ``--pin-stdin``), print
their badges, list them, and lift a lock.

PINs are at least 6 digits and stored only as argon2id hashes. Every change is written
to the audit log.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from kiosk.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:
    staff = sub.add_parser("staff", help="caretakers and staff: add, badge, list, unlock")
    ssub = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    add = ssub.add_parser("add", help="add (or reset) a staff member and their PIN")
    add.add_argument("--id", required=True, help="staff id, e.g. gardien-paul-eluard (lowercase, digits, . _ -)")
    add.add_argument("--name", required=True, help="name shown in staff mode, e.g. 'M. Martin (gardien)'")
    add.add_argument("--role", choices=["caretaker", "admin"], default="caretaker")
    add.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input (scripts)")
    add.set_defaults(func=add_cmd)
    badge = ssub.add_parser("badge", help="issue a staff badge (previous badges revoked) as a PNG")
    badge.add_argument("--id", required=True)
    badge.add_argument("--png", required=True, metavar="FILE")
    badge.set_defaults(func=badge_cmd)
    lst = ssub.add_parser("list", help="list staff members and their lock state")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=list_cmd)
    unlock = ssub.add_parser("unlock", help="lift a PIN lock")
    unlock.add_argument("--id", required=True)
    unlock.set_defaults(func=unlock_cmd)


def _read_pin(args: argparse.Namespace) -> str | None:
    if args.pin_stdin:
        return sys.stdin.readline().strip()
    first = getpass.getpass("PIN (6 digits or more): ")
    second = getpass.getpass("PIN again: ")
    if first != second:
        print("kiosk: the two PINs differ; nothing changed", file=sys.stderr)
        return None
    return first


def add_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    from kiosk.domain.errors import ValidationError
    from kiosk.domain.records import StaffRole
    from kiosk.services.members import build_membership
    pin = _read_pin(args)
    if pin is None:
        return 1
    with ctx.open_store() as store:
        try:
            build_membership(store, ctx.config).staff.add(args.id, args.name, pin, StaffRole(args.role))
        except ValidationError as exc:
            for e in exc.errors:
                hint = {"staff.pin_too_short": f"the PIN must be at least {e.params.get('min', 6)} digits",
                        "staff.id_invalid": "use 2-63 lowercase letters, digits, '.', '_' or '-'",
                        "required": "required"}.get(e.code, e.code)
                print(f"kiosk: {e.field}: {hint}", file=sys.stderr)
            return 1
    print(f"Staff member {args.id} saved.")
    return 0


def badge_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    from kiosk.services.cards import save_qr_png
    from kiosk.services.members import build_membership
    with ctx.open_store() as store:
        if store.repos.staff.get(args.id) is None:
            print(f"kiosk: no staff member with id {args.id!r}", file=sys.stderr)
            return 1
        ms = build_membership(store, ctx.config)
        ms.cards.revoke_all(args.id)
        card = ms.staff.issue_badge(args.id)
    save_qr_png(card.text, Path(args.png))
    print(f"Badge for {args.id}, serial {card.serial}, valid until {card.record.expires}: {args.png}")
    return 0


def list_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store() as store:
        rows = [{"id": s.id, "name": s.display_name, "role": s.role.value, "active": s.active,
                 "locked_until": s.locked_until, "lock_count": s.lock_count} for s in store.repos.staff.all()]
    if args.json:
        ctx.emit_json(rows)
    else:
        for r in rows:
            lock = f"  locked until {r['locked_until']}" if r["locked_until"] else ""
            print(f"{r['id']:<28} {r['role']:<10} {r['name']}{lock}")
    return 0


def unlock_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store() as store:
        if store.repos.staff.get(args.id) is None:
            print(f"kiosk: no staff member with id {args.id!r}", file=sys.stderr)
            return 1
        store.repos.staff.record_attempt(args.id, failed_attempts=0, lock_count=0, locked_until="")
        store.repos.audit.append("it", "staff_unlock", detail=args.id)
    print(f"{args.id} unlocked.")
    return 0
