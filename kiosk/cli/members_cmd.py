"""``kiosk members import roster.csv``: bulk enrollment from the paper forms, validated
row by row; ``kiosk members export --member ID [--pdf F]``: an access-request export.

Import CSV (UTF-8, comma or semicolon, header row), columns:
``first_name,last_name,building_id,flat_id,phone,email,language,household,sms_opt_in,
newsletter_opt_in,notice_accepted``; ``household`` is ``Prénom:relation;Prénom:relation``;
yes/no columns take ``oui/non``, ``yes/no``, ``1/0``. Each row becomes an active member
with consents recorded as form version ``paper:<notice version>``. Rejected rows are
reported by row number, field and reason code only — never the values typed, so the
report can be mailed without spreading personal data. A row that matches an existing
member (same flat and similar name, or same phone) is rejected as a duplicate.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import sys
from pathlib import Path

from kiosk.cli.context import CliContext

COLUMNS = ("first_name", "last_name", "building_id", "flat_id", "phone", "email", "language", "household",
           "sms_opt_in", "newsletter_opt_in", "notice_accepted")
_YES, _NO = {"oui", "yes", "1", "true", "o", "y", "x"}, {"non", "no", "0", "false", "n", ""}


def register(sub: argparse._SubParsersAction) -> None:
    members = sub.add_parser("members", help="import members from a roster, export one member's data")
    msub = members.add_subparsers(dest="members_command", metavar="ACTION", required=True)
    imp = msub.add_parser("import", help="enroll members from a CSV roster of paper forms")
    imp.add_argument("csv", help="roster file (UTF-8 CSV with a header row)")
    imp.add_argument("--dry-run", action="store_true", help="validate only, enroll nobody")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    imp.set_defaults(func=import_cmd)
    exp = msub.add_parser("export", help="everything held about one member (access request)")
    exp.add_argument("--member", required=True, metavar="ID")
    exp.add_argument("--pdf", metavar="FILE", help="also write a PDF")
    exp.add_argument("--out", metavar="FILE", help="write the JSON to FILE instead of the terminal")
    exp.set_defaults(func=export_cmd)


def _flag(value: str, column: str) -> bool:
    v = (value or "").strip().lower()
    if v in _YES:
        return True
    if v in _NO:
        return False
    raise ValueError(column)


def form_from_row(row: dict[str, str]):
    """An EnrollmentForm from a CSV row; ValueError(column) for a bad yes/no value."""
    from kiosk.domain.members import EnrollmentForm, HouseholdMember
    household = []
    for part in (row.get("household") or "").split(";"):
        if part.strip():
            name, _, relation = part.partition(":")
            household.append(HouseholdMember(name.strip(), relation.strip()))
    return EnrollmentForm(
        first_name=row.get("first_name", ""), last_name=row.get("last_name", ""),
        building_id=(row.get("building_id") or "").strip(), flat_id=(row.get("flat_id") or "").strip(),
        phone=row.get("phone", ""), email=row.get("email", ""),
        language=(row.get("language") or "fr").strip().lower() or "fr", household=household,
        sms_opt_in=_flag(row.get("sms_opt_in", ""), "sms_opt_in"),
        newsletter_opt_in=_flag(row.get("newsletter_opt_in", ""), "newsletter_opt_in"),
        notice_accepted=_flag(row.get("notice_accepted", ""), "notice_accepted"))


def import_roster(path: Path, ms, *, dry_run: bool = False) -> dict:
    """Enroll every valid row; the report lists rejected rows by number, field and code."""
    from kiosk.domain.errors import ValidationError
    from kiosk.domain.members import EnrolledBy
    from kiosk.services.members import DuplicateFound
    from kiosk.services.notice import load_notice
    notice = load_notice("fr")
    paper = dataclasses.replace(notice, version=f"paper:{notice.version}")
    text = Path(path).read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;")
    reader = csv.DictReader(text.splitlines(), dialect=dialect)
    missing = [c for c in ("first_name", "last_name", "flat_id", "phone") if c not in (reader.fieldnames or [])]
    if missing:
        return {"enrolled": 0, "rejected": [], "error": f"missing columns: {', '.join(missing)}"}
    enrolled, rejected = [], []
    for number, row in enumerate(reader, start=2):  # row 1 is the header
        try:
            form = form_from_row(row)
            if not form.building_id and form.flat_id:
                flat = ms.members.repos.places.flat(form.flat_id)
                form.building_id = flat.building_id if flat else ""
            if dry_run:
                form.validate(flats_of_building=ms.members._flats_of_building())
                ms.members.check_duplicates(form, session=None)
                continue
            result = ms.members.enroll(form, paper, enrolled_by=EnrolledBy.IMPORT)
            enrolled.append({"row": number, "member_number": result.member.number, "member_id": result.member.id})
        except ValidationError as exc:
            rejected += [{"row": number, "field": e.field, "code": e.code} for e in exc.errors]
        except ValueError as exc:
            rejected.append({"row": number, "field": str(exc), "code": "yes_no.invalid"})
        except DuplicateFound:
            rejected.append({"row": number, "field": "", "code": "member.duplicate"})
    return {"enrolled": len(enrolled), "members": enrolled, "rejected": rejected}


def import_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    from kiosk.services.members import build_membership
    with ctx.open_store() as store:
        report = import_roster(Path(args.csv), build_membership(store, ctx.config), dry_run=args.dry_run)
    if args.json:
        ctx.emit_json(report)
    else:
        if report.get("error"):
            print(f"kiosk: {report['error']}", file=sys.stderr)
            return 1
        verb = "would be checked" if args.dry_run else "enrolled"
        print(f"{report['enrolled']} members {verb}; {len({r['row'] for r in report['rejected']})} rows rejected.")
        for r in report["rejected"]:
            print(f"  row {r['row']}: {r['field'] or '-'}: {r['code']}")
    return 1 if report.get("error") or report["rejected"] else 0


def export_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    from kiosk.domain.errors import NotFound
    from kiosk.services.members import build_membership
    from kiosk.services.privacy import export_text
    with ctx.open_store() as store:
        try:
            data = build_membership(store, ctx.config).privacy.export(args.member)
            store.repos.audit.append("cli", "export_cli", args.member)
        except NotFound:
            print(f"kiosk: no member with id {args.member!r}", file=sys.stderr)
            return 1
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        os.chmod(args.out, 0o600)
    else:
        print(text)
    if args.pdf:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication  # not QGuiApplication: a later QWidget needs QApplication
        app = QApplication.instance() or QApplication([])  # noqa: F841
        from kiosk.ui.membership.card_print import write_text_pdf
        write_text_pdf(export_text(data), Path(args.pdf), title=data["member"]["number"])
        os.chmod(args.pdf, 0o600)
    return 0
