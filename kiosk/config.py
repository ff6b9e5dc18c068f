"""Settings of a kiosk, each declared once with its type, default and description.

Sources, weakest first: the declared default, the TOML file (``config.toml`` in the
platform config dir, or ``--config FILE``), ``KIOSK_<NAME>`` environment variables, and
the command line (``--data-dir``). Nothing else in the code reads raw keys: it gets a
:class:`Config`. Bad values raise :class:`ConfigError` naming the key, the value and what
is allowed. No Qt here.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

import platformdirs

APP_NAME = "club-kiosk"
ENV_PREFIX = "KIOSK_"
LANGUAGES = ("fr", "en", "ar")


class ConfigError(ValueError):
    """A setting has a bad value. ``str()`` is the message shown to IT staff."""

    def __init__(self, key: str, value: Any, allowed: str, source: str) -> None:
        self.key, self.value, self.allowed, self.source = key, value, allowed, source
        super().__init__(f"setting '{key}' = {value!r} (from {source}) is not valid: {allowed}")


def _setting(default: Any, description: str, *, allowed: str = "",
             check: Callable[[Any], bool] | None = None) -> Any:
    meta = {"description": description, "allowed": allowed, "check": check}
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata=meta)
    return field(default=default, metadata=meta)


def _in(*choices: str) -> Callable[[Any], bool]:
    return lambda v: v in choices


def _between(lo: float, hi: float) -> Callable[[Any], bool]:
    return lambda v: lo <= v <= hi


def default_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Config:
    """Effective settings. ``sources`` tells where each value came from."""

    kiosk_name: str = _setting("Borne du hall", "Name shown in staff mode and on the server")
    kiosk_id: str = _setting("", "Device id; set by `kiosk provision` (empty: not provisioned)")
    club_name: str = _setting("Club des locataires", "Club name on the attract screen and on cards")
    buildings: list[str] = _setting([], "Building ids this kiosk serves (empty: all in the local database)")
    location_lat: float = _setting(48.9362, "Kiosk latitude (degrees) for walking distances",
                                   allowed="a number from -90 to 90", check=_between(-90, 90))
    location_lon: float = _setting(2.3574, "Kiosk longitude (degrees) for walking distances",
                                   allowed="a number from -180 to 180", check=_between(-180, 180))
    default_language: str = _setting("fr", "Language of the attract screen",
                                     allowed="one of fr, en, ar", check=_in(*LANGUAGES))
    idle_timeout_s: int = _setting(60, "Seconds without a touch before 'Besoin de plus de temps ?'",
                                   allowed="an integer from 10 to 3600", check=_between(10, 3600))
    idle_countdown_s: int = _setting(10, "Seconds of the countdown before going back home",
                                     allowed="an integer from 3 to 60", check=_between(3, 60))
    staff_idle_timeout_s: int = _setting(120, "Seconds without a touch before a staff session ends",
                                         allowed="an integer from 30 to 900", check=_between(30, 900))
    audio_device: str = _setting("default", "Where speech and sounds go: an ALSA device ('default'), "
                                 "'none' for silence, or 'wav:DIR' to write each sound to DIR",
                                 allowed="an ALSA device name, 'none' or 'wav:DIR'",
                                 check=lambda v: isinstance(v, str) and bool(v.strip()))
    camera: str = _setting("0", "Camera: an index (0, 1...) or a device path (/dev/video0)")
    camera_resolution: str = _setting("640x480", "Capture size", allowed="640x480 or 1280x720",
                                      check=_in("640x480", "1280x720"))
    camera_source: str = _setting("", "A video file or a folder of images read instead of the camera")
    server_url: str = _setting("", "Central server URL (empty: offline only)")
    ca_file: str = _setting("", "CA bundle for the server's TLS certificate (empty: system CAs)")
    sync_interval_s: int = _setting(45, "Seconds between sync cycles",
                                    allowed="an integer from 30 to 600", check=_between(30, 600))
    sync_wait_s: int = _setting(25, "Seconds the server may hold a request open until the office changes "
                                "something (then the kiosk syncs at once); 0: only the periodic sync",
                                allowed="an integer from 0 to 55", check=_between(0, 55))
    data_dir: Path = _setting(default_data_dir(), "Where the encrypted database lives")
    log_dir: Path = _setting(default_log_dir(), "Where rotating log files are written")
    key_store: str = _setting("keyring", "Where the database key is kept; 'file' is for development only",
                              allowed="keyring or file", check=_in("keyring", "file"))
    cipher_memory_security: bool = _setting(False, "SQLCipher wipes and locks every SQLite allocation "
                                            "(7-30x slower, see docs/performance.md; keys are wiped either way)")
    self_enrolled_active: bool = _setting(False, "Self-enrolled members are active at once (else pending)")
    card_validity_days: int = _setting(730, "Days a new card stays valid",
                                       allowed="an integer from 30 to 3650", check=_between(30, 3650))
    retention_days_after_leaving: int = _setting(90, "Days before a member who left is purged",
                                                 allowed="an integer from 0 to 3650", check=_between(0, 3650))
    walking_speed_kmh: float = _setting(4.0, "Walking speed for 'minutes on foot'",
                                        allowed="a number from 1 to 8", check=_between(1, 8))
    detour_factor: float = _setting(1.3, "Street distance / straight-line distance",
                                    allowed="a number from 1 to 3", check=_between(1, 3))
    fullscreen: bool = _setting(True, "Full screen and frameless (false: a window, for development)")

    sources: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False,
                                       metadata={"internal": True})

    @property
    def database_path(self) -> Path:
        return Path(self.data_dir) / "kiosk.db"

    def with_values(self, **values: Any) -> "Config":
        """A copy with some values replaced (used by tests and the demo)."""
        sources = dict(self.sources) | {k: "override" for k in values}
        return dataclasses.replace(self, **values, sources=sources)


def settings() -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(Config) if not f.metadata.get("internal")]


def _coerce(f: dataclasses.Field[Any], raw: Any, source: str) -> Any:
    kind = (f.type if isinstance(f.type, str) else f.type.__name__).split("[")[0]  # list[str] -> list
    allowed = f.metadata["allowed"] or {
        "bool": "true or false",
        "list": "a list of ids (TOML list, or comma-separated in the environment)",
        "Path": "a folder path",
    }.get(kind, "")
    value: Any
    try:
        if kind == "bool":
            if isinstance(raw, bool):
                value = raw
            elif isinstance(raw, str) and raw.strip().lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
                value = raw.strip().lower() in ("1", "true", "yes", "on")
            else:
                raise ValueError
        elif kind == "int":
            if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                raise ValueError
            value = int(raw)
        elif kind == "float":
            if isinstance(raw, bool):
                raise ValueError
            value = float(raw)
        elif kind == "list":
            if isinstance(raw, str):
                value = [p.strip() for p in raw.split(",") if p.strip()]
            elif isinstance(raw, list) and all(isinstance(x, (str, int)) for x in raw):
                value = [str(x) for x in raw]
            else:
                raise ValueError
        elif kind == "Path":
            if not isinstance(raw, (str, Path)) or not str(raw):
                raise ValueError
            value = Path(os.path.expanduser(str(raw)))
        else:
            if not isinstance(raw, (str, int, float)) or isinstance(raw, bool):
                raise ValueError
            value = str(raw)
    except (TypeError, ValueError):
        raise ConfigError(f.name, raw, allowed or f"a value of type {kind}", source) from None
    check = f.metadata["check"]
    if check is not None and not check(value):
        raise ConfigError(f.name, raw, allowed, source)
    return value


def load_config(config_file: Path | None = None, *, env: Mapping[str, str] | None = None,
                data_dir: Path | None = None) -> Config:
    """Build the effective config from the file, the environment and the command line."""
    env = os.environ if env is None else env
    fields = {f.name: f for f in settings()}
    values: dict[str, Any] = {}
    sources: dict[str, str] = {name: "default" for name in fields}

    explicit_file = config_file is not None or f"{ENV_PREFIX}CONFIG" in env
    path = Path(config_file or env.get(f"{ENV_PREFIX}CONFIG") or default_config_file())
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError("(file)", str(path), f"a valid TOML file ({exc})", str(path)) from None
        data = data.get("kiosk", data) if isinstance(data.get("kiosk"), dict) else data
        for key, raw in data.items():
            if key not in fields:
                raise ConfigError(key, raw, "a known setting (see `kiosk config show`)", str(path))
            values[key] = _coerce(fields[key], raw, str(path))
            sources[key] = str(path)
    elif explicit_file:
        raise ConfigError("--config", str(path), "an existing TOML file", "command line")

    for name, f in fields.items():
        env_key = ENV_PREFIX + name.upper()
        if env_key in env:
            values[name] = _coerce(f, env[env_key], f"environment {env_key}")
            sources[name] = f"environment {env_key}"

    if data_dir is not None:
        values["data_dir"] = _coerce(fields["data_dir"], str(data_dir), "--data-dir")
        sources["data_dir"] = "--data-dir"
    return Config(**values, sources=sources)


def describe(config: Config) -> list[dict[str, Any]]:
    """Rows for `kiosk config show`: name, value, source, description."""
    rows = []
    for f in settings():
        value = getattr(config, f.name)
        rows.append({
            "name": f.name,
            "value": str(value) if isinstance(value, Path) else value,
            "source": config.sources.get(f.name, "default"),
            "description": f.metadata["description"],
        })
    return rows
