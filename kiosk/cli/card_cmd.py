"""``kiosk card issue`` writes a new card (PNG of the QR, or a printable ID-1 PDF);
``kiosk card verify TEXT`` prints the verdict as JSON (exit 0 only when valid).

Issuing a new card for a member revokes their previous serials (a lost card), queued
for sync like on the kiosk. ``--staff ID`` issues a staff badge instead. Nothing
personal is printed on the terminal beyond the first name and member number.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:
    card = sub.add_parser("card", help="issue and verify membership cards and staff badges")
    csub = card.add_subparsers(dest="card_command", metavar="ACTION", required=True)
    issue = csub.add_parser("issue", help="issue a new card (old serials revoked) and write it as PNG or PDF")
    who = issue.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", metavar="ID", help="member id (UUID)")
    who.add_argument("--staff", metavar="ID", help="staff id: issue a staff badge")
    out = issue.add_mutually_exclusive_group(required=True)
    out.add_argument("--png", metavar="FILE", help="write the QR code as a PNG image")
    out.add_argument("--pdf", metavar="FILE", help="write an ID-1 card (85.6 × 54 mm) as a PDF")
    issue.set_defaults(func=issue_cmd)
    verify = csub.add_parser("verify", help="check a card text (JSON verdict; exit 0 only if valid)")
    verify.add_argument("text", help="the card text (CK1:...)")
    verify.set_defaults(func=verify_cmd)


def _membership(ctx: CliContext, store):
    from kiosk.services.members import build_membership
    return build_membership(store, ctx.config)


def issue_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    from kiosk.domain.errors import DomainError
    from kiosk.services.cards import CardFace, save_qr_png
    with ctx.open_store() as store:
        ms = _membership(ctx, store)
        try:
            if args.staff:
                staff = store.repos.staff.get(args.staff)
                if staff is None:
                    print(f"kiosk: no staff member with id {args.staff!r}", file=sys.stderr)
                    return 1
                ms.cards.revoke_all(args.staff)
                card = ms.staff.issue_badge(args.staff)
                face = CardFace(ctx.config.club_name, staff.display_name, args.staff, "", card.record.expires,
                                card.text)
            else:
                if store.repos.members.get(args.member) is None:
                    print(f"kiosk: no member with id {args.member!r}", file=sys.stderr)
                    return 1
                card = ms.cards.reissue(args.member)
                store.repos.audit.append("cli", "reissue_card", args.member, f"serial {card.serial}")
                face = ms.members.card_face(args.member, card.text)
        except DomainError as exc:
            print(f"kiosk: {exc}", file=sys.stderr)
            return 1
    if args.png:
        path = save_qr_png(card.text, Path(args.png))
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication  # not QGuiApplication: a later QWidget needs QApplication
        app = QApplication.instance() or QApplication([])  # noqa: F841 - fonts and painting need it
        from kiosk.ui.membership.card_print import write_card_pdf
        path = write_card_pdf(face, Path(args.pdf))
    print(f"Card {face.number} ({face.first_name}), serial {card.serial}, valid until {card.record.expires}: {path}")
    return 0


def verify_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_store() as store:
        ms = _membership(ctx, store)
        result = ms.cards.verify_card(args.text)
        out = {"verdict": result.verdict.value}
        if result.claims is not None:
            c = result.claims
            out.update({"role": c.role.name.lower(), "serial": c.serial, "issuer_key_id": c.issuer_key_id.hex(),
                        "issued": c.issued.isoformat(), "expires": c.expires.isoformat()})
            holder = ms.cards.holder_of(result)
            if holder:
                out["holder_id"] = holder
    ctx.emit_json(out)
    return 0 if result.ok else 1
