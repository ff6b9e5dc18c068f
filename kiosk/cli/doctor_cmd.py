"""``kiosk doctor [--json]``: can this kiosk work? One line per check, and what to fix.

Each check returns a :class:`Check`; a failed *required* check makes the exit code 1,
so exit 0 means the kiosk can work (IT scripts and monitoring rely on it). Checks:
versions, keyring, database (opens, integrity and cipher_integrity_check), decoders,
camera (opens at the configured size), speech (espeak-ng speaks fr, en and ar; the
audio device takes a sound), server (``/healthz`` of ``server_url``) and clock (skew
against the server's ``Date``, else NTP sync), disk, logs.

What is required: what the kiosk cannot work without (its data, a decoder, its camera,
a sane clock when it can be measured, disk space). An unreachable server is a warning:
the kiosk works offline and syncs later (``kiosk status`` shows what is pending).
Checks never print personal data and create nothing but the log folder: the database
is opened only if it exists (opening applies pending migrations, as the kiosk's next
start would), the camera is released at once, the server gets one GET. Add a check to
``CHECKS``.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
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
    parts.append(f"OpenCV {_cv2_version()}")
    parts.append("frozen bundle " + str(Path(sys.executable).parent) if getattr(sys, "frozen", False)
                 else "from source")
    return Check("versions", True, ", ".join(parts))


def _cv2_version() -> str:
    try:
        import cv2
        return cv2.__version__
    except ImportError:
        return "missing"


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


def check_camera(ctx: CliContext) -> Check:
    """The configured camera opens and delivers frames at the configured size (or the
    configured ``camera_source`` file/folder opens)."""
    cfg = ctx.config
    if cfg.camera_source:
        from kiosk.camera.sources import SourceUnavailable, file_source
        source = file_source(cfg.camera_source)
        try:
            source.open()
            frame = source.read()
        except (SourceUnavailable, OSError) as exc:
            return Check("camera", False, f"camera_source {cfg.camera_source}: {exc}",
                         "fix camera_source, or empty it to use the real camera")
        finally:
            source.close()
        if frame is None:
            return Check("camera", False, f"camera_source {cfg.camera_source} gives no image",
                         "point camera_source at a video file or a folder of images")
        return Check("camera", True, f"camera_source {cfg.camera_source} (images instead of a camera: "
                                     f"{frame.shape[1]}x{frame.shape[0]})",
                     "a real kiosk reads its camera: empty camera_source", required=False)
    from kiosk.camera.capture import list_cameras, probe_camera
    info = probe_camera(cfg.camera)
    if info is None:
        others = ", ".join(f"{c.device} ({c.name})" for c in list_cameras() if c.device != cfg.camera)
        return Check("camera", False, f"camera {cfg.camera!r} does not open or gives no frames",
                     ("plug the camera in, close any program using it; cameras found: " + others) if others
                     else "plug the camera in (USB), close any program using it, then `kiosk cameras`")
    sizes = ", ".join(info.resolutions) or "none of 640x480, 1280x720"
    detail = f"{info.device} ({info.name}) gives frames; sizes {sizes}; {info.fourcc or '?'}"
    if cfg.camera_resolution not in info.resolutions:
        return Check("camera", False, detail + f"; configured {cfg.camera_resolution} is not delivered",
                     f"set camera_resolution to one of: {sizes}")
    return Check("camera", True, detail)


def check_speech(ctx: CliContext) -> Check:
    """espeak-ng says a word in each language (the "Écouter" button needs it: EN 301 549
    asks a closed kiosk to speak), and the configured audio device accepts a sound."""
    from kiosk.audio.espeak import EspeakNg, SpeechUnavailable
    from kiosk.audio.pcm import Pcm
    from kiosk.audio.player import AlsaPlayer, player_for
    engine = EspeakNg()
    try:
        version = engine.version()
        seconds = {lang: engine.synthesize(word, lang).seconds
                   for lang, word in (("fr", "Bonjour"), ("en", "Hello"), ("ar", "مرحبا"))}
    except (SpeechUnavailable, OSError, subprocess.TimeoutExpired) as exc:
        return Check("speech", False, f"no speech engine: {exc}",
                     "apt-get install espeak-ng (the .deb depends on it)")
    silent = [lang for lang, s in seconds.items() if s <= 0]
    if silent:
        return Check("speech", False, f"espeak-ng {version} says nothing in {', '.join(silent)}",
                     "apt-get install --reinstall espeak-ng-data")
    detail = f"espeak-ng {version} speaks fr, en, ar"
    device = ctx.config.audio_device
    player = player_for(device)
    if isinstance(player, AlsaPlayer):
        if not player.available():
            return Check("speech", True, detail + "; no aplay to play it", "apt-get install alsa-utils",
                         required=False)
        if not player.play(Pcm.silence(22050, 0.05)):
            return Check("speech", True, detail + f"; audio device {device!r} refused a sound",
                         "plug in the speaker or headset; check `aplay -L` and audio_device", required=False)
        return Check("speech", True, detail + f"; audio device {device!r} plays")
    return Check("speech", True, detail + f"; audio_device = {device!r} (no speaker)",
                 "set audio_device to an ALSA device (\"default\") on a real kiosk", required=False)


def _server_probe(ctx: CliContext) -> tuple[Check, float | None]:
    """The server check, and the clock skew in seconds (server minus this kiosk) if known."""
    url = ctx.config.server_url.rstrip("/")
    if not url:
        return Check("server", True, "no server_url: offline only (not provisioned)",
                     "`kiosk provision --server URL --token T` to sync with the office", required=False), None
    import httpx
    verify: bool | str = ctx.config.ca_file or True
    sent = time.time()
    try:
        response = httpx.get(url + "/healthz", timeout=httpx.Timeout(5.0, connect=3.0), verify=verify,
                             follow_redirects=False)
    except httpx.HTTPError as exc:
        advice = "check the network and server_url; the kiosk works offline meanwhile"
        if "CERTIFICATE" in str(exc).upper():
            advice = "TLS certificate not trusted: set ca_file, or check the clock"
        return Check("server", False, f"{url} unreachable: {type(exc).__name__}: {exc}", advice,
                     required=False), None
    received = time.time()
    skew = None
    date_header = response.headers.get("date")
    if date_header:
        try:
            server_time = parsedate_to_datetime(date_header).timestamp()
            skew = server_time - (sent + received) / 2  # mid round trip; Date has 1 s resolution
        except (TypeError, ValueError):
            skew = None
    if response.status_code != 200:
        return Check("server", False, f"{url}/healthz answered HTTP {response.status_code}",
                     "check server_url (and the server's logs)", required=False), skew
    try:
        version = response.json().get("version", "?")
    except ValueError:
        version = "?"
    return Check("server", True, f"{url} reachable in {(received - sent) * 1000:.0f} ms (central {version})"), skew


def _ntp_synchronized() -> bool | None:
    if not shutil.which("timedatectl"):
        return None
    try:
        out = subprocess.run(["timedatectl", "show", "-p", "NTPSynchronized", "--value"],
                             capture_output=True, text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return None
    return {"yes": True, "no": False}.get(out)


# Beyond this the clock breaks TLS and writes wrong dates on cards and consents.
MAX_SKEW_S = 300.0
WARN_SKEW_S = 60.0


def check_clock(ctx: CliContext, skew: float | None) -> Check:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    if skew is not None:
        detail = f"{now}; {abs(skew):.0f} s {'behind' if skew > 0 else 'ahead of'} the server"
        if abs(skew) > MAX_SKEW_S:
            return Check("clock", False, detail, "set the clock: enable NTP (timedatectl set-ntp true)")
        if abs(skew) > WARN_SKEW_S:
            return Check("clock", True, detail, "enable NTP (timedatectl set-ntp true)", required=False)
        return Check("clock", True, detail)
    synced = _ntp_synchronized()
    if synced is False:
        return Check("clock", True, f"{now}; NTP not synchronised (no server to compare with)",
                     "enable NTP: timedatectl set-ntp true", required=False)
    return Check("clock", True, f"{now}; " + ("NTP synchronised" if synced else "no reference to compare with"))


def check_logs(ctx: CliContext) -> Check:
    folder = Path(ctx.config.log_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".doctor-probe"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        return Check("logs", False, f"cannot write logs in {folder}: {exc}",
                     "fix the folder's permissions or set log_dir", required=False)
    size = sum(p.stat().st_size for p in folder.glob("kiosk.log*"))
    return Check("logs", True, f"{folder} ({size / 1024:.0f} KiB)")


def check_server_and_clock(ctx: CliContext) -> list[Check]:
    server, skew = _server_probe(ctx)
    return [server, check_clock(ctx, skew)]


CHECKS: list[Callable[[CliContext], Check | list[Check]]] = [
    check_versions, check_keyring, check_database, check_decoders, check_camera, check_speech,
    check_server_and_clock, check_disk, check_logs]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("doctor", help="check that this kiosk can work, and say what to fix")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=doctor)


def doctor(args: argparse.Namespace, ctx: CliContext) -> int:
    checks = []
    for fn in CHECKS:
        try:
            result = fn(ctx)
            checks.extend(result if isinstance(result, list) else [result])
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
