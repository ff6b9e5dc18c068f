"""Personal data never reaches the log files: enroll, scan a card, sync, then grep.

The flows run through the real parts at DEBUG level with the kiosk's own logging setup
(kiosk/logs.py): the membership services on a real encrypted store, the card read from
a rendered QR image by the real decoder and verified, the sync engine pushing to the
real central server on 127.0.0.1 and pulling back, and the CLI commands IT uses
(doctor, status). Then every file in log_dir is searched for the member's name, phone
(in every spelling), e-mail and card text: zero hits.

The redaction filter is a second line of defence; to prove the *code* logs no personal
data, the search also runs on a copy of the records taken before any redaction.
"""

from __future__ import annotations

import io
import logging
import re

import pytest

from kiosk.logs import log_files, setup_logging

FIRST, LAST = "Zéphyrine", "Quastrambolini"
PHONE = "06 47 58 69 70"
EMAIL = "zephyrine.quastrambolini@example.org"
NEEDLES = [FIRST, LAST, "Zephyrine", "quastrambolini", EMAIL, "0647586970", "647586970", "+33647586970",
           "06.47.58.69.70", "47 58 69 70"]


class _RawRecords(logging.Handler):
    """Keeps each message as the code produced it, before the redaction filter."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += logging.Formatter().formatException(record.exc_info)
        self.lines.append(text)


@pytest.fixture
def central(tmp_path):
    from central.app import create_app
    from central.db import create_schema, make_engine
    from central.demo import seed
    from central.office import Office
    from central.settings import ServerSettings
    from central.testing import LiveServer

    url = f"sqlite:///{tmp_path / 'central.db'}"
    engine = make_engine(url)
    create_schema(engine)
    seed(Office(engine), buildings=1, flats_per_building=10, partners=2)
    engine.dispose()
    app = create_app(url, ServerSettings(device_rate_per_s=0, public_rate_per_s=0))
    server = LiveServer(app).start()
    yield server, app.state.office
    server.stop()


@pytest.mark.slow
def test_enroll_scan_sync_leave_no_personal_data_in_logs(tmp_path, central, capsys) -> None:
    import cv2
    import numpy as np

    from central.demo import building_id
    from kiosk.camera.reader import decode
    from kiosk.cli import main
    from kiosk.config import load_config
    from kiosk.domain.members import EnrollmentForm
    from kiosk.services.cards import qr_png_bytes
    from kiosk.services.members import build_membership
    from kiosk.services.notice import load_notice
    from kiosk.store.opening import open_store
    from kiosk.sync.engine import SyncEngine
    from kiosk.sync.provisioning import provision

    server, office = central
    log_dir = tmp_path / "logs"
    data_dir = tmp_path / "data"
    cfg_file = tmp_path / "config.toml"
    cfg_file.write_text(f'key_store = "file"\nlog_dir = "{log_dir}"\nserver_url = "{server.url}"\n'
                        f'camera_source = "{tmp_path / "camera"}"\n', encoding="utf-8")
    config = load_config(cfg_file, env={}, data_dir=data_dir)
    setup_logging(log_dir, level=logging.DEBUG, stream=io.StringIO())
    raw = _RawRecords()
    logging.getLogger().addHandler(raw)
    try:
        store = open_store(config)
        try:
            # Sync: provision, pull the building's flats, enroll, push, pull back.
            provision(store, server.url, office.create_enrollment_token(building_id(1)), name="lobby")
            engine = SyncEngine.for_store(store, base_delay_s=0.0)
            assert engine.run_once(force=True).ok
            membership = build_membership(store, config)
            choices = membership.members.place_choices()
            building = choices.buildings[0]
            flat = choices.flats[choices.entrances[building.id][0].id][0]
            form = EnrollmentForm(first_name=FIRST, last_name=LAST, building_id=building.id, flat_id=flat.id,
                                  phone=PHONE, email=EMAIL, language="fr", sms_opt_in=True,
                                  newsletter_opt_in=False, notice_accepted=True)
            enrolled = membership.members.enroll(form, load_notice("fr"))
            card_text = enrolled.card.text
            assert card_text.startswith("CK1:")
            # Card scan: the QR image through the real decoder, then the member's space.
            image = cv2.imdecode(np.frombuffer(qr_png_bytes(card_text), np.uint8), cv2.IMREAD_GRAYSCALE)
            assert decode(image) == [card_text]
            space = membership.members.open_by_card(card_text)
            assert space is not None
            report = engine.run_once(force=True)
            assert report.ok and store.repos.outbox.pending_count() == 0
            assert any(m["first_name"] == FIRST for m in office.members())
            # A refused card and a failed lookup log too: they must not quote the input.
            with pytest.raises(Exception):
                membership.members.open_by_card(card_text[:-6] + "AAAAAA")
            engine.client.close()
        finally:
            store.close()
        # The CLI commands IT runs on the same data (they set up logging themselves).
        (tmp_path / "camera").mkdir()
        cv2.imwrite(str(tmp_path / "camera" / "card.png"), image)
        for argv in (["doctor", "--json"], ["status", "--json"]):
            main(["--config", str(cfg_file), "--data-dir", str(data_dir), *argv])
        logging.getLogger().setLevel(logging.DEBUG)
        out = capsys.readouterr()
    finally:
        logging.getLogger().removeHandler(raw)
        setup_logging(None, stream=io.StringIO())

    files = log_files(log_dir)
    assert files, "no log file was written"
    text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    assert "enrolled" in text and len(text.splitlines()) >= 5  # the flows did log
    card_body = card_text[4:]
    hits = {n: text.count(n) for n in [*NEEDLES, card_body, card_body[:20]] if n.lower() in text.lower()}
    assert hits == {}, f"personal data in the log files: {hits}"
    raw_text = "\n".join(raw.lines)
    raw_hits = {n: raw_text.count(n) for n in [*NEEDLES, card_body[:20]] if n.lower() in raw_text.lower()}
    assert raw_hits == {}, f"code logged personal data (redaction hid it): {raw_hits}"
    # What the CLI printed for IT (doctor, status) carries none either.
    printed = out.out + out.err
    assert not [n for n in NEEDLES if n.lower() in printed.lower()]
    assert not re.search(r"CK1:[A-Z2-7]{10}", printed)
