"""The ``central`` command: serve, migrate, create-admin, create-enrollment-token, seed-demo,
and the scheduled jobs (purge-tombstones, fleet-alerts, fleet-digest, lending-reminders, purge-redemptions).

The database is ``DATABASE_URL`` (``postgresql+psycopg://...``) or, when unset, a SQLite
file in the platform data dir. ``serve`` listens on 127.0.0.1 unless told otherwise.
Exit codes: 0 success, 1 the action failed, 2 bad usage.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from sqlalchemy import Engine

if TYPE_CHECKING:
    from central.office import Office


def _url(args: argparse.Namespace) -> str:
    from central.db import default_database_url
    return args.database_url or default_database_url()


def migrate(url: str) -> None:
    """Bring the schema to the latest Alembic revision."""
    from alembic import command
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(cfg, "head")


def _office(args: argparse.Namespace) -> "Office":
    from central.db import make_engine
    from central.office import Office
    engine: Engine = make_engine(_url(args))
    return Office(engine)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn
    from central.app import create_app
    url = _url(args)
    migrate(url)
    if args.workers > 1:
        # N processes on one socket; each builds its app from the environment (app_from_env),
        # with the rate-limit buckets in the database so that the N count together.
        os.environ["DATABASE_URL"] = url
        os.environ["CENTRAL_SHARED_RATE_LIMITS"] = "true"
        uvicorn.run("central.app:app_from_env", factory=True, workers=args.workers, host=args.host,
                    port=args.port, log_level="info", proxy_headers=args.behind_proxy)
        return 0
    uvicorn.run(create_app(url), host=args.host, port=args.port, log_level="info",
                proxy_headers=args.behind_proxy)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    migrate(_url(args))
    print("central: schema is up to date")
    return 0


def cmd_create_admin(args: argparse.Namespace) -> int:
    from central.office import OfficeError
    password = os.environ.get("CENTRAL_ADMIN_PASSWORD") or getpass.getpass("Password (10+ characters): ")
    try:
        _office(args).create_admin(args.username, password)
    except OfficeError as exc:
        print(f"central: {exc.code}", file=sys.stderr)
        return 1
    print(f"central: admin {args.username!r} saved")
    return 0


def cmd_create_token(args: argparse.Namespace) -> int:
    from central.devices import EnrollmentRefused
    try:
        token = _office(args).create_enrollment_token(args.building, timedelta(hours=args.hours))
    except EnrollmentRefused as exc:
        print(f"central: {exc.code} ({args.building})", file=sys.stderr)
        return 1
    print(token)
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from central.demo import demo_admins, seed, seed_activity, seed_fees
    migrate(_url(args))
    office = _office(args)
    seed(office)
    seed_activity(office)
    seed_fees(office)
    from central.demo import building_id
    from central.lending_demo import seed_lending
    seed_lending(office.engine, [building_id(1), building_id(2)])
    print("central: demo estate, buildings, flats, partners, offers, lending items and a year of club life are in place")
    password = os.environ.get("CENTRAL_ADMIN_PASSWORD")
    if password:
        demo_admins(office, password)
        print("central: office accounts admin, redaction (editor) and lecture (read-only) use $CENTRAL_ADMIN_PASSWORD")
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    n = _office(args).purge_tombstones(timedelta(days=args.days))
    print(f"central: {n} tombstones purged")
    return 0


def cmd_fleet_alerts(args: argparse.Namespace) -> int:
    from datetime import datetime, timezone

    from central.fleet_check import check
    from central.settings import from_env, smtp_of
    smtp = smtp_of(from_env())
    alerts = check(_office(args).engine, Path(args.state), smtp, datetime.now(timezone.utc))
    for t in alerts:
        print(f"central: {t.device} en rouge ({'; '.join(t.after.words)})" + ("" if smtp else " - no CENTRAL_SMTP_HOST, no mail"))
    return 0


def cmd_fleet_digest(args: argparse.Namespace) -> int:
    from datetime import datetime, timezone

    from central.fleet_check import digest
    from central.settings import from_env, smtp_of
    smtp = smtp_of(from_env())
    body = digest(_office(args).engine, Path(args.state), smtp, datetime.now(timezone.utc))
    print(body, end="")
    if smtp is None:
        print("central: no CENTRAL_SMTP_HOST, no mail")
    return 0


def cmd_lending_reminders(args: argparse.Namespace) -> int:
    from datetime import date

    from central import lending_reminders
    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        print(f"central: --today {args.today!r} is not a date (YYYY-MM-DD)", file=sys.stderr)
        return 2
    sender = lending_reminders.default_sender()
    n = lending_reminders.send_due_reminders(_office(args).engine, sender, today)
    note = " (log only: no SMS or e-mail gateway)" if isinstance(sender, lending_reminders.LogSender) else ""
    print(f"central: {n} loan reminders sent for {today.isoformat()}{note}")
    return 0


def cmd_purge_redemptions(args: argparse.Namespace) -> int:
    from central.partners.office import PartnerOffice
    done = PartnerOffice(_office(args).engine).purge()
    print(f"central: {done.redemptions} redemptions and {done.declarations} declarations folded into statistics, "
          f"{done.totals} yearly totals and {done.vouchers} vouchers dropped (retention period)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="central", description="Club Kiosk central server")
    p.add_argument("--database-url", default="", help="default: $DATABASE_URL, else a SQLite file in the data dir")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    s = sub.add_parser("serve", help="run the server (migrates first)")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--behind-proxy", action="store_true", help="trust X-Forwarded-* headers")
    s.add_argument("--workers", type=int, default=1, choices=range(1, 65), metavar="1-64",
                   help="server processes sharing the database (PostgreSQL for more than a few; docs/it-guide.md)")
    s.set_defaults(func=cmd_serve)
    sub.add_parser("migrate", help="create or upgrade the schema").set_defaults(func=cmd_migrate)
    s = sub.add_parser("create-admin", help="add an office admin (password from $CENTRAL_ADMIN_PASSWORD or asked)")
    s.add_argument("username")
    s.set_defaults(func=cmd_create_admin)
    s = sub.add_parser("create-enrollment-token", help="one-time token to provision a kiosk of a building")
    s.add_argument("--building", required=True)
    s.add_argument("--hours", type=int, default=24, choices=range(1, 25), metavar="1-24")
    s.set_defaults(func=cmd_create_token)
    sub.add_parser("seed-demo", help="demo estate, buildings, flats and partners").set_defaults(func=cmd_seed_demo)
    s = sub.add_parser("purge-tombstones", help="drop old deletes (kiosks behind them resync)")
    s.add_argument("--days", type=int, default=30)
    s.set_defaults(func=cmd_purge)
    s = sub.add_parser("fleet-alerts", help="mail IT once when a kiosk turns red (run every minute; CENTRAL_SMTP_*)")
    s.add_argument("--state", default="fleet-levels.json", help="where the levels seen last time are kept")
    s.set_defaults(func=cmd_fleet_alerts)
    s = sub.add_parser("fleet-digest", help="mail IT the fleet's daily summary (run once a day; CENTRAL_SMTP_*)")
    s.add_argument("--state", default="fleet-digest.json", help="where the levels of the last digest are kept")
    s.set_defaults(func=cmd_fleet_digest)
    s = sub.add_parser("lending-reminders",
                       help="send today's loan reminders once each (the day before, overdue); run daily or hourly")
    s.add_argument("--today", default="", help="the day to remind for, YYYY-MM-DD (default: today)")
    s.set_defaults(func=cmd_lending_reminders)
    sub.add_parser("purge-redemptions", help="apply the partner space's retention period (daily)").set_defaults(
        func=cmd_purge_redemptions)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
