"""Settings of the central server, each declared once with its default.

Read from ``CENTRAL_<NAME>`` environment variables by :func:`from_env`; tests pass a
:class:`ServerSettings` to ``create_app`` directly.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from central.fleet_alerts import SmtpSettings


@dataclass(frozen=True)
class ServerSettings:
    min_client_version: str = "0.0.0"      # older kiosks get 426 Upgrade Required
    max_body_bytes: int = 1_000_000        # bigger requests get 413
    max_upload_bytes: int = 12_000_000     # the admin's photo and logo forms (a phone photo), signed in
    device_rate_per_s: float = 20.0        # authenticated sync requests per device per second (0: off)
    device_burst: int = 60
    public_rate_per_s: float = 2.0         # enrollment / login attempts per client address
    public_burst: int = 10
    auth_failure_rate_per_s: float = 0.2   # refused device credentials per client address (0: off)
    auth_failure_burst: int = 20
    page_limit: int = 500                  # changes per pull page
    sync_etag: bool = True                 # pull answers an ETag, 304 on If-None-Match when nothing changed
    pull_concurrency: int = 4              # pulls computed at once per process; the rest wait in the event loop (0: no bound)
    device_cache_s: float = 10.0           # authenticated devices kept this long per process (0: off); central/device_cache.py
    sync_wait_max_s: float = 25.0          # longest GET /v1/sync/wait (kiosks wait for changes)
    tombstone_days: int = 30               # deletes kept this long; older cursors get 410
    secure_cookies: bool = False           # set behind HTTPS
    shared_rate_limits: bool = False       # buckets in the database, for several processes (serve --workers N)
    smtp_host: str = ""                    # IT alert mails (empty: no mail); see central/fleet_alerts.py
    smtp_port: int = 25
    smtp_sender: str = "bornes@localhost"
    smtp_to: str = ""                      # comma-separated addresses of IT


def from_env(env: dict[str, str] | None = None) -> ServerSettings:
    env = dict(os.environ if env is None else env)
    values: dict[str, object] = {}
    for f in dataclasses.fields(ServerSettings):
        raw = env.get(f"CENTRAL_{f.name.upper()}")
        if raw is None:
            continue
        if f.type in ("int", int):
            values[f.name] = int(raw)
        elif f.type in ("float", float):
            values[f.name] = float(raw)
        elif f.type in ("bool", bool):
            values[f.name] = raw.lower() in ("1", "true", "yes", "on")
        else:
            values[f.name] = raw
    return ServerSettings(**values)  # type: ignore[arg-type]  # each value converted to its field's type above


def smtp_of(settings: ServerSettings) -> "SmtpSettings | None":
    """The alert mail settings, or None when no SMTP host or nobody to tell is set."""
    from central.fleet_alerts import SmtpSettings
    to = tuple(a.strip() for a in settings.smtp_to.split(",") if a.strip())
    if not settings.smtp_host.strip() or not to:
        return None
    return SmtpSettings(settings.smtp_host, settings.smtp_port, settings.smtp_sender, to)


def version_tuple(text: str) -> tuple[int, ...]:
    """"0.2.1rc1" -> (0, 2, 1); only ASCII digits count ("²".isdigit() is True, int("²") fails)."""
    parts = []
    for p in text.split("."):
        digits = "".join(ch for ch in p if "0" <= ch <= "9")
        parts.append(int(digits) if digits else 0)
    return tuple((parts + [0, 0, 0])[:max(3, len(parts))])
