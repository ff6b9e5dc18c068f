"""``kiosk --self-test``: prove a build works on this machine, then exit.

Job: run in the frozen bundle by CI and by IT staff after an install or update
(``club-kiosk-debug --self-test``). Steps, each printed as one line:
1. *store*: create an encrypted database in a temporary folder with a throw-away
   in-memory key store, apply the migrations, run ``cipher_integrity_check``; this proves
   the bundled SQLCipher extension and the migration files are in the bundle;
2. *card*: read ``resources/selftest/card.png`` (a real signed ``CK1:`` card made by
   ``packaging/selftest/make_card.py``), decode it with each bundled decoder (zxing-cpp
   must read it; libzbar is reported) and verify its Ed25519 signature;
3. *keyring*: the ``keyring`` backends are discoverable (entry points survived freezing);
   reported only, since CI machines have no keyring;
4. *render*: build the real window on the throw-away store, render the attract screen
   offscreen, check the compiled Arabic translation loads. The composition root
   (``kiosk.app``, which builds windows) hands this step in as ``render``; the checks on
   the picture live in ``kiosk/ui/selftest_render.py``.
Exit 0 when all required steps pass; 1 and the reason on the first line that failed.

Constraints: touches nothing of the real kiosk: not its data folder, keyring or
config; Qt-free (the render step is passed in, so this module imports no UI); prints no
personal data (there is none: the card belongs to nobody). ``startup_s`` is measured
from the process start (``/proc/self/stat``) so the figure includes the frozen
bootloader and imports: it is the cold start time of docs/performance-packaging.md.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, TextIO

from kiosk.config import Config


@dataclass
class Step:
    name: str
    ok: bool
    detail: str
    required: bool = True


class SelfTestError(Exception):
    """A step failed; ``str()`` says why."""


def resources_dir() -> Path:
    """``resources/`` at the repository root, or in the bundle (``sys._MEIPASS``)."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def process_age_s() -> float | None:
    """Seconds since this process started (Linux), else None."""
    try:
        stat = Path("/proc/self/stat").read_text()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except OSError:
        return None
    # Field 22 (starttime, clock ticks since boot) after the ")" that ends the command name.
    fields = stat.rsplit(")", 1)[1].split()
    start_ticks = int(fields[19])
    return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))


def check_store(folder: Path) -> str:
    from kiosk.store.keystore import MemoryKeyStore
    from kiosk.store.opening import open_database

    db, _store_id = open_database(folder, MemoryKeyStore("selftest-memory"), create=True)
    try:
        problems = db.integrity_problems()
        version = db.run(lambda c: c.execute("PRAGMA cipher_version").fetchone()[0])
        migrations = db.applied_migrations()
    finally:
        db.close()
    if problems:
        raise SelfTestError(f"integrity check of a new database failed: {len(problems)} problems")
    if not migrations:
        raise SelfTestError("no migration was applied (migration files missing from the bundle?)")
    raw = (folder / "kiosk.db").read_bytes()[:16]
    if raw.startswith(b"SQLite format 3"):
        raise SelfTestError("the database file is NOT encrypted (plain sqlite3 instead of SQLCipher?)")
    return f"encrypted database created, integrity ok (SQLCipher {version}, schema {max(migrations)})"


def check_card(resources: Path) -> str:
    import cv2

    from kiosk.camera import decoder
    from kiosk.domain.cards import Verdict, key_id_of, public_key_from_raw, verify

    meta = json.loads((resources / "selftest" / "card.json").read_text(encoding="utf-8"))
    image = cv2.imread(str(resources / "selftest" / "card.png"), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise SelfTestError("cannot read resources/selftest/card.png (image codecs missing?)")
    engines = {"zxing": decoder.ZxingDecoder, "pyzbar": decoder.ZbarDecoder}
    read_by: list[str] = []
    notes: list[str] = []
    for name, cls in engines.items():
        if decoder.available_decoders().get(name) is None and name == "pyzbar":
            notes.append("libzbar missing")
            continue
        try:
            texts = cls().read(image).texts
        except Exception as exc:  # an engine that crashes is as bad as a missing one
            texts = []
            notes.append(f"{name} failed: {type(exc).__name__}")
        if meta["text"] in texts:
            read_by.append(name)
    if "zxing" not in read_by:
        raise SelfTestError(f"zxing-cpp did not read the self-test card ({', '.join(notes) or 'no text'})")
    key = public_key_from_raw(bytes.fromhex(meta["public_key"]))
    issued = date.fromisoformat(meta["issued"])
    result = verify(meta["text"], keys={key_id_of(key): key}, today=issued)
    if result.verdict is not Verdict.VALID:
        raise SelfTestError(f"the self-test card's signature did not verify: {result.verdict.value}")
    return f"card decoded by {' and '.join(read_by)}, signature valid" + (f" ({'; '.join(notes)})" if notes else "")


def check_keyring() -> Step:
    """Which keyring backends this build can see; a missing keyring is not a failure
    here (CI has none) but an empty *list* means the entry points were not bundled."""
    try:
        from keyring.backend import get_all_keyring
        names = sorted({f"{type(k).__module__}.{type(k).__name__}" for k in get_all_keyring()})
    except Exception as exc:
        return Step("keyring", False, f"keyring cannot load its backends: {exc!r}")
    wanted = "keyring.backends.Windows" if sys.platform == "win32" else "keyring.backends.SecretService"
    viable = ", ".join(n.removeprefix("keyring.backends.") for n in names) or "none viable here"
    found = _backend_module_importable(wanted)
    return Step("keyring", found, f"backend {wanted} {'registered' if found else 'MISSING (entry points not bundled?)'}; "
                                  f"viable now: {viable}")


def _backend_module_importable(module: str) -> bool:
    try:
        import importlib
        import importlib.metadata
        importlib.import_module(module)
        eps = importlib.metadata.entry_points(group="keyring.backends")
        return any(ep.value == module for ep in eps)
    except Exception:
        return False


# (config, empty folder for a throw-away store) -> one-line report; raises when it fails.
Renderer = Callable[[Config, Path], str]


def run_self_test(config: Config, *, render: Renderer, out: TextIO | None = None) -> int:
    """Run every step, print one line each, return the exit code."""
    out = out if out is not None else sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    steps: list[Step] = []
    res = resources_dir()

    def attempt(name: str, fn: Callable[[], str], required: bool = True) -> None:
        try:
            steps.append(Step(name, True, fn(), required))
        except Exception as exc:
            reason = str(exc) if isinstance(exc, SelfTestError) else f"{type(exc).__name__}: {exc}"
            steps.append(Step(name, False, reason, required))
        s = steps[-1]
        print(f"self-test: [{'ok' if s.ok else 'FAIL' if s.required else 'warn'}] {s.name}: {s.detail}",
              file=out, flush=True)

    from kiosk import __version__
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    print(f"self-test: club-kiosk {__version__} ({frozen}), Python {sys.version.split()[0]}, {sys.platform}",
          file=out, flush=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-selftest-") as tmp:
        folder = Path(tmp)
        attempt("store", lambda: check_store(folder / "store"))
        attempt("card", lambda: check_card(res))
        ks = check_keyring()
        steps.append(ks)
        print(f"self-test: [{'ok' if ks.ok else 'FAIL'}] keyring: {ks.detail}", file=out, flush=True)
        attempt("render", lambda: render(config, folder / "render"))
        age = process_age_s()  # attract screen rendered: the cold start figure
    failed = [s for s in steps if s.required and not s.ok]
    timing = f"startup_s={age:.2f} " if age is not None else ""  # process start → attract rendered
    print(f"self-test: {timing}selftest_s={time.perf_counter() - started:.2f}", file=out, flush=True)
    if failed:
        print(f"self-test: FAILED: {failed[0].name}: {failed[0].detail}", file=out, flush=True)
        return 1
    print("self-test: PASSED", file=out, flush=True)
    return 0
