"""Alert mails for IT: one mail when a kiosk turns red (once per transition), a daily digest.

Pure decisions (which kiosks changed level since the last look) are separate from sending
(``send_mail``, plain ``smtplib``), so the rules are unit-tested and the sending is tested
against a local SMTP server. The levels come from ``central.fleet_health.assess``.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

from central.fleet_health import LEVEL_WORDS, Health, Level


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    to: tuple[str, ...]


@dataclass(frozen=True)
class Transition:
    device: str
    before: Level | None
    after: Health


def transitions(previous: dict[str, Level], current: dict[str, Health]) -> list[Transition]:
    """The kiosks whose level changed since ``previous`` (a kiosk seen for the first time
    counts as a change only if it is not green)."""
    out = []
    for device, health in sorted(current.items()):
        before = previous.get(device)
        if before is None and health.level == Level.GREEN:
            continue
        if before != health.level:
            out.append(Transition(device, before, health))
    return out


def red_alerts(changes: list[Transition]) -> list[Transition]:
    """Only the turns to red: the mail goes once, not at every heartbeat."""
    return [t for t in changes if t.after.level == Level.RED]


def alert_body(t: Transition) -> str:
    lines = [f"La borne {t.device} est passée au rouge.", "", "Raisons :"]
    lines += [f"- {w}" for w in t.after.words]
    return "\n".join(lines) + "\n"


def digest_body(current: dict[str, Health], recovered: list[str]) -> str:
    counts = {lvl: sum(1 for h in current.values() if h.level == lvl) for lvl in Level}
    lines = ["État des bornes :"]
    lines += [f"- {LEVEL_WORDS[lvl]} : {counts[lvl]}" for lvl in (Level.RED, Level.AMBER, Level.GREEN)]
    bad = [(d, h) for d, h in sorted(current.items()) if h.level != Level.GREEN]
    if bad:
        lines += ["", "À regarder :"]
        lines += [f"- {d} ({LEVEL_WORDS[h.level]}) : {'; '.join(h.words)}" for d, h in bad]
    if recovered:
        lines += ["", "Revenues au vert depuis le dernier résumé :"]
        lines += [f"- {d}" for d in recovered]
    return "\n".join(lines) + "\n"


def send_mail(smtp: SmtpSettings, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"] = smtp.sender
    msg["To"] = ", ".join(smtp.to)
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(smtp.host, smtp.port, timeout=10) as s:
        s.send_message(msg)

