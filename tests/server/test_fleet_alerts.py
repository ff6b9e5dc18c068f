"""Alert mails: once per turn to red, the digest says who recovered; sent to a local SMTP
server (aiosmtpd), and end to end: a real kiosk reports to the real server, the check mails."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope

from central.demo import building_id
from central.fleet_alerts import SmtpSettings, alert_body, digest_body, red_alerts, send_mail, transitions
from central.fleet_check import check
from central.fleet_health import GB, Health, Level
from kiosk.sync.health import HealthCollector


def test_red_mail_once_per_transition() -> None:
    red = {"k1": Health(Level.RED, ["camera_absent"])}
    first = red_alerts(transitions({"k1": Level.GREEN}, red))
    assert [t.device for t in first] == ["k1"]
    # the next heartbeat still red: no second mail
    assert red_alerts(transitions({"k1": Level.RED}, red)) == []
    # recovery is a transition but not an alert
    back = transitions({"k1": Level.RED}, {"k1": Health(Level.GREEN)})
    assert [t.device for t in back] == ["k1"] and red_alerts(back) == []
    # a new green kiosk is no news
    assert transitions({}, {"k2": Health(Level.GREEN)}) == []


def test_digest_lists_problems_and_recoveries() -> None:
    body = digest_body({"k1": Health(Level.AMBER, ["disk_low"]), "k2": Health(Level.GREEN)}, ["k2"])
    assert "Orange : 1" in body and "Vert : 1" in body
    assert "k1 (Orange) : disque presque plein" in body
    assert "Revenues au vert" in body and "- k2" in body


class _Box:
    """The test's own mailbox: aiosmtpd hands it each message received."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server: object, session: object, envelope: Envelope) -> str:
        assert isinstance(envelope.content, bytes)
        self.messages.append(envelope.content)
        return "250 OK"


@pytest.fixture
def mailbox() -> Iterator[tuple[int, list[bytes]]]:
    box = _Box()
    with socket.socket() as probe:   # a free port (aiosmtpd checks itself on its own port)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    ctl = Controller(box, hostname="127.0.0.1", port=port)
    ctl.start()
    try:
        yield port, box.messages
    finally:
        ctl.stop()


def test_alert_reaches_local_smtp(mailbox: tuple[int, list[bytes]]) -> None:
    port, box = mailbox
    smtp = SmtpSettings("127.0.0.1", port, "kiosk@club.test", ("it@club.test",))
    (t,) = red_alerts(transitions({"k1": Level.GREEN}, {"k1": Health(Level.RED, ["disk_full"])}))
    send_mail(smtp, f"Borne {t.device} en rouge", alert_body(t))
    assert len(box) == 1
    msg = email.message_from_bytes(box[0])
    assert msg["To"] == "it@club.test"
    assert "disque plein" in msg.get_payload(decode=True).decode()


def test_a_kiosk_turning_red_mails_it_once(kiosk, office, mailbox, tmp_path: Path) -> None:  # noqa: ANN001
    port, box = mailbox
    smtp = SmtpSettings("127.0.0.1", port, "bornes@club.test", ("it@club.test",))
    state = tmp_path / "fleet-levels.json"
    k = kiosk("Hall A", building_id(1))
    parts = {"camera": "ok", "camera_fps": 14.0, "printer": "ok", "speech": "ok"}
    k.engine.health = HealthCollector(k.store, parts=lambda: dict(parts), disk_free=lambda: 50 * GB)

    def report_now() -> None:
        k.engine._health_sent_at = 0.0  # the next cycle reports (the heartbeat's minute has passed)
        k.sync()

    def run(at: datetime | None = None) -> list[str]:
        return [t.device for t in check(office.engine, state, smtp, at or datetime.now(timezone.utc))]

    report_now()
    assert run() == [] and box == []                  # green: nothing to say
    parts["camera"] = "absent"                        # the camera was unplugged
    report_now()
    (device,) = run()
    assert device.startswith("Hall A") and len(box) == 1
    msg = email.message_from_bytes(box[0])
    assert "Hall A" in msg["Subject"] and msg["To"] == "it@club.test"
    assert "caméra débranchée" in msg.get_payload(decode=True).decode()
    report_now()
    assert run() == [] and len(box) == 1              # still red at the next heartbeat: no second mail
    parts["camera"] = "ok"                            # repaired
    report_now()
    assert run() == [] and len(box) == 1
    # silent for 6 minutes (cable pulled): red again, one more mail saying so
    assert run(datetime.now(timezone.utc) + timedelta(minutes=6)) == [device] and len(box) == 2
    body = email.message_from_bytes(box[1]).get_payload(decode=True).decode()
    assert "aucune nouvelle depuis plus de 5 minutes" in body


def test_smtp_settings_from_env() -> None:
    from central.settings import from_env, smtp_of
    assert smtp_of(from_env({})) is None
    smtp = smtp_of(from_env({"CENTRAL_SMTP_HOST": "mail.local", "CENTRAL_SMTP_PORT": "2525",
                             "CENTRAL_SMTP_SENDER": "k@x", "CENTRAL_SMTP_TO": "a@x, b@x"}))
    assert smtp == SmtpSettings("mail.local", 2525, "k@x", ("a@x", "b@x"))
    assert smtp_of(from_env({"CENTRAL_SMTP_HOST": "mail.local"})) is None   # nobody to tell
    assert smtp_of(from_env({"CENTRAL_SMTP_HOST": "m", "CENTRAL_SMTP_TO": "it@x"})) == SmtpSettings(
        "m", 25, "bornes@localhost", ("it@x",))


def test_the_command_mails_with_the_smtp_settings_of_the_environment(kiosk, central_url, mailbox, tmp_path: Path,  # noqa: ANN001
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from central.cli import main
    port, box = mailbox
    k = kiosk("Hall B", building_id(1))
    k.engine.health = HealthCollector(k.store, parts=lambda: {"camera": "absent"}, disk_free=lambda: 50 * GB)
    k.engine._health_sent_at = 0.0
    k.sync()
    for name, value in {"CENTRAL_SMTP_HOST": "127.0.0.1", "CENTRAL_SMTP_PORT": str(port),
                        "CENTRAL_SMTP_TO": "it@club.test"}.items():
        monkeypatch.setenv(name, value)
    args = ["--database-url", central_url, "fleet-alerts", "--state", str(tmp_path / "levels.json")]
    assert main(args) == 0
    assert "Hall B" in capsys.readouterr().out and len(box) == 1
    assert main(args) == 0 and len(box) == 1         # the next minute: still red, no second mail


def test_the_daily_digest_command_mails_problems_then_recoveries(kiosk, central_url, mailbox, tmp_path: Path,  # noqa: ANN001
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from central.cli import main
    port, box = mailbox
    k = kiosk("Hall E", building_id(1))
    parts = {"camera": "absent"}
    k.engine.health = HealthCollector(k.store, parts=lambda: dict(parts), disk_free=lambda: 50 * GB)
    k.engine._health_sent_at = 0.0
    k.sync()
    for name, value in {"CENTRAL_SMTP_HOST": "127.0.0.1", "CENTRAL_SMTP_PORT": str(port),
                        "CENTRAL_SMTP_TO": "it@club.test"}.items():
        monkeypatch.setenv(name, value)
    args = ["--database-url", central_url, "fleet-digest", "--state", str(tmp_path / "digest.json")]
    assert main(args) == 0 and len(box) == 1
    first = email.message_from_bytes(box[0], policy=email.policy.default)
    assert "résumé du jour (1 en rouge)" in str(first["Subject"]) and first["To"] == "it@club.test"
    text = first.get_content()
    assert "Hall E" in text and "caméra débranchée" in text and "Revenues au vert" not in text
    parts.update(camera="ok", camera_fps=15.0, printer="ok", speech="ok")   # repaired during the day
    k.engine._health_sent_at = 0.0
    k.sync()
    assert main(args) == 0 and len(box) == 2
    second = email.message_from_bytes(box[1]).get_payload(decode=True).decode()
    assert "Revenues au vert depuis le dernier résumé" in second and "Hall E" in second
    assert "À regarder" not in second
    capsys.readouterr()
