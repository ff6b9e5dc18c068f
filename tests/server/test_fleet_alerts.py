"""Alert mails: once per turn to red, the digest says who recovered; sent to a local SMTP server."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope

from central.fleet_alerts import SmtpSettings, alert_body, digest_body, red_alerts, send_mail, transitions
from central.fleet_health import Health, Level


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
