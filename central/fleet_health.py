"""Green, amber or red for each kiosk, with the reasons, from its latest health report.

The one place the thresholds live (the fleet page, the alert mails and the tests read
them here). A kiosk that has not reported for ``OFFLINE_AFTER`` is red whatever it last
said. Reasons are codes with their words for the office (French, like the admin).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from kiosk.protocol.health import HealthReport

OFFLINE_AFTER = timedelta(minutes=5)
GB = 1_000_000_000


class Level(enum.IntEnum):
    GREEN = 0
    AMBER = 1
    RED = 2


WORDS = {
    "never": "n'a jamais envoyé son état",
    "offline": "aucune nouvelle depuis plus de 5 minutes",
    "camera_absent": "caméra débranchée ou introuvable",
    "camera_error": "la caméra ne donne plus d'images",
    "camera_slow": "caméra lente (moins de 5 images par seconde)",
    "disk_low": "disque presque plein (moins de 1 Go libre)",
    "disk_full": "disque plein (moins de 200 Mo libres)",
    "integrity": "la base de données est abîmée (contrôle d'intégrité en échec)",
    "outbox_hour": "des changements attendent d'être envoyés depuis plus d'une heure",
    "outbox_day": "des changements attendent d'être envoyés depuis plus d'un jour",
    "clock": "horloge décalée de plus de 2 minutes",
    "sync_stale": "pas de synchronisation réussie depuis plus de 30 minutes",
    "printer": "imprimante en panne",
    "speech": "la voix ne fonctionne pas",
    "crash": "la borne a redémarré après un plantage il y a moins d'un jour",
}

PART_WORDS = {"ok": "en marche", "absent": "absente ou débranchée", "error": "en panne",
              "unknown": "non signalé par la borne"}

LEVEL_WORDS = {Level.GREEN: "Vert", Level.AMBER: "Orange", Level.RED: "Rouge"}


@dataclass
class Health:
    level: Level
    reasons: list[str] = field(default_factory=list)   # codes of WORDS, worst first

    @property
    def words(self) -> list[str]:
        return [WORDS[r] for r in self.reasons]


def _age_s(stamp: str, now: datetime) -> float | None:
    if not stamp:
        return None
    try:
        at = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    return (now - at).total_seconds()


def assess(report: HealthReport | None, received_at: datetime | None, now: datetime) -> Health:
    if report is None or received_at is None:
        return Health(Level.RED, ["never"])
    found: list[tuple[Level, str]] = []
    if now - received_at > OFFLINE_AFTER:
        found.append((Level.RED, "offline"))
    if report.camera == "absent":
        found.append((Level.RED, "camera_absent"))
    elif report.camera == "error":
        found.append((Level.RED, "camera_error"))
    elif report.camera == "ok" and report.camera_fps < 5:
        found.append((Level.AMBER, "camera_slow"))
    if report.disk_free_bytes < 200_000_000:
        found.append((Level.RED, "disk_full"))
    elif report.disk_free_bytes < GB:
        found.append((Level.AMBER, "disk_low"))
    if report.integrity_ok is False:
        found.append((Level.RED, "integrity"))
    if report.outbox_pending and report.outbox_oldest_age_s > 24 * 3600:
        found.append((Level.RED, "outbox_day"))
    elif report.outbox_pending and report.outbox_oldest_age_s > 3600:
        found.append((Level.AMBER, "outbox_hour"))
    if report.clock_offset_s is not None and abs(report.clock_offset_s) > 120:
        found.append((Level.AMBER, "clock"))
    sync_age = _age_s(report.last_sync_ok_at, received_at)
    if sync_age is None or sync_age > 30 * 60:
        found.append((Level.AMBER, "sync_stale"))
    if report.printer == "error":
        found.append((Level.AMBER, "printer"))
    if report.speech == "error":
        found.append((Level.AMBER, "speech"))
    crash_age = _age_s(report.last_crash_at, now)
    if crash_age is not None and crash_age < 24 * 3600:
        found.append((Level.AMBER, "crash"))
    if not found:
        return Health(Level.GREEN)
    found.sort(key=lambda f: -f[0])
    return Health(found[0][0], [code for _, code in found])
