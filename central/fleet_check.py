"""The alert check IT runs every minute (``central fleet-alerts``, cron or a systemd timer).

It judges every kiosk as the fleet page does (``central.fleet_health.assess``), compares
with the levels it saw last time (a small JSON file, so a restart neither repeats nor
loses a mail), and sends one mail per kiosk that turned red. A kiosk that goes silent
turns red here too (offline after 5 minutes), which the heartbeat alone cannot tell.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import Engine, select

from central import db
from central.fleet_alerts import SmtpSettings, Transition, alert_body, digest_body, red_alerts, send_mail, transitions
from central.fleet_health import Health, Level, assess
from kiosk.protocol.health import HealthReport


def fleet_levels(engine: Engine, now: datetime) -> dict[str, Health]:
    """Every kiosk not revoked, judged as of ``now`` (keyed by its name, as IT knows it)."""
    with engine.connect() as conn:
        devices = conn.execute(select(db.devices.c.id, db.devices.c.name)
                               .where(db.devices.c.revoked.is_(False))).all()
        rows = {r.device_id: r for r in conn.execute(select(db.device_health))}
    out: dict[str, Health] = {}
    for device in devices:
        row = rows.get(device.id)
        report = None
        if row is not None:
            try:
                report = HealthReport.model_validate(row.report)
            except ValidationError:  # a report of an older model: judged as never sent
                report = None
        received = datetime.fromisoformat(row.received_at) if row is not None else None
        out[f"{device.name} ({device.id})"] = assess(report, received, now)
    return out


def _load(state: Path) -> dict[str, Level]:
    try:
        raw = json.loads(state.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return {str(k): Level(int(v)) for k, v in raw.items() if int(v) in (0, 1, 2)}


def _save(state: Path, current: dict[str, Health]) -> None:
    tmp = state.with_suffix(".tmp")
    tmp.write_text(json.dumps({k: int(h.level) for k, h in current.items()}), encoding="utf-8")
    tmp.replace(state)


def digest(engine: Engine, state: Path, smtp: SmtpSettings | None, now: datetime) -> str:
    """The daily summary (``central fleet-digest``): counts by colour, the kiosks to look
    at with their reasons, and those back to green since the last digest (whose levels
    ``state`` keeps, apart from the alerts' file). Mailed if ``smtp``; returns the body.
    The state is written only after the mail went out (a failed send loses nothing)."""
    current = fleet_levels(engine, now)
    before = _load(state)
    recovered = [d for d, h in sorted(current.items())
                 if h.level == Level.GREEN and before.get(d, Level.GREEN) != Level.GREEN]
    body = digest_body(current, recovered)
    if smtp is not None:
        red = sum(1 for h in current.values() if h.level == Level.RED)
        send_mail(smtp, f"Bornes : résumé du jour ({red} en rouge)", body)
    _save(state, current)
    return body


def check(engine: Engine, state: Path, smtp: SmtpSettings | None, now: datetime) -> list[Transition]:
    """Judge the fleet, mail each turn to red (if ``smtp``), remember the levels; returns
    the alerts of this run. The state is written only after the mails went out, so a
    failed send is tried again at the next run."""
    current = fleet_levels(engine, now)
    alerts = red_alerts(transitions(_load(state), current))
    if smtp is not None:
        for t in alerts:
            send_mail(smtp, f"Borne {t.device} en rouge", alert_body(t))
    _save(state, current)
    return alerts
