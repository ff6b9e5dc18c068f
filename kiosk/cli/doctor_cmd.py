"""``kiosk doctor [--json]``: can this kiosk work? One line per check, and what to fix.

Each check returns a :class:`Check`; a failed *required* check makes the exit code 1.
Checks never print personal data. Add a check by appending a function to ``CHECKS``.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from kiosk import __version__
from kiosk.cli.context import CliContext


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    advice: str = ""
    required: bool = True


def check_versions(ctx: CliContext) -> Check:
    import sqlcipher3
    parts = [f"club-kiosk {__version__}", f"Python {platform.python_version()}",
             f"SQLite {sqlcipher3.sqlite_version}"]
    try:
        import PySide6
        parts.append(f"PySide6 {PySide6.__version__}")
    except ImportError:
        return Check("versions", False, ", ".join(parts), "PySide6 is missing: reinstall the kiosk")
    return Check("versions", True, ", ".join(parts))


def check_keyring(ctx: CliContext) -> Check:
    from kiosk.store.errors import StoreError
    from kiosk.store.keystore import keystore_for
    try:
        ks = keystore_for(ctx.config.key_store, Path(ctx.config.data_dir))
    except StoreError as exc:
        return Check("keyring", False, str(exc), exc.advice)
    if ks.backend == "file":
        return Check("keyring", True, "INSECURE development key files (key_store = \"file\")",
                     "use the OS keyring on a real kiosk", required=False)
    return Check("keyring", True, ks.backend)


def check_database(ctx: CliContext) -> Check:
    from kiosk.store.errors import StoreError
    path = ctx.config.database_path
    if not path.exists():
        return Check("database", False, f"no database at {path}",
                     "start the kiosk once (or `kiosk seed-demo` for a demo)")
    try:
        with ctx.open_store(create=False) as store:
            problems = store.db.integrity_problems()
            version = store.db.run(lambda c: c.execute("PRAGMA cipher_version").fetchone()[0])
            migrations = store.db.applied_migrations()
    except StoreError as exc:
        return Check("database", False, f"{type(exc).__name__}: {exc}", exc.advice)
    if problems:
        return Check("database", False, f"integrity check failed ({len(problems)} problems)",
                     "see docs/it-guide.md, 'Replace a broken kiosk'")
    return Check("database", True, f"opens, integrity_check and cipher_integrity_check ok "
                                   f"(SQLCipher {version}, schema {max(migrations)})")


def check_decoders(ctx: CliContext) -> Check:
    try:
        from kiosk.camera.decoder import available_decoders
    except ImportError as exc:
        return Check("decoders", False, f"decoder module missing: {exc}", "reinstall the kiosk")
    found = available_decoders()
    usable = {k: v for k, v in found.items() if v and not str(v).startswith("missing")}
    detail = ", ".join(f"{k} {v}" for k, v in found.items())
    if not usable:
        return Check("decoders", False, detail, "install zxing-cpp (pip) or libzbar0 (apt)")
    if len(usable) < len(found):
        return Check("decoders", True, detail, "libzbar is missing: zxing-cpp works alone "
                     "(apt-get install libzbar0 for the second decoder)", required=False)
    return Check("decoders", True, detail)


def check_disk(ctx: CliContext) -> Check:
    folder = Path(ctx.config.data_dir)
    probe = folder if folder.exists() else folder.parent
    while not probe.exists():
        probe = probe.parent
    free = shutil.disk_usage(probe).free
    ok = free > 200 * 1024 * 1024
    return Check("disk", ok, f"{free / 2**30:.1f} GiB free under {probe}",
                 "" if ok else "free some space: the kiosk needs at least 200 MiB")


CHECKS: list[Callable[[CliContext], Check]] = [check_versions, check_keyring, check_database, check_decoders,
                                               check_disk]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("doctor", help="check that this kiosk can work, and say what to fix")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=doctor)


def doctor(args: argparse.Namespace, ctx: CliContext) -> int:
    checks = []
    for fn in CHECKS:
        try:
            checks.append(fn(ctx))
        except Exception as exc:  # a broken check must not hide the others
            checks.append(Check(fn.__name__.removeprefix("check_"), False, f"check crashed: {exc!r}"))
    can_work = all(c.ok for c in checks if c.required)
    if args.json:
        ctx.emit_json({"ok": can_work, "checks": [asdict(c) for c in checks]})
    else:
        for c in checks:
            mark = "ok  " if c.ok else ("FAIL" if c.required else "warn")
            print(f"[{mark}] {c.name:<10} {c.detail}")
            if c.advice and (not c.ok or not c.required):
                print(f"             → {c.advice}")
        print("The kiosk can work." if can_work else "The kiosk cannot work: fix the FAIL lines above.",
              file=sys.stdout)
    return 0 if can_work else 1
