"""The membership commands: staff add, card issue/verify, members import/export."""

from __future__ import annotations

import io
import json
import uuid

import cv2
import pytest

from kiosk.camera.reader import decode
from kiosk.cli import main
from kiosk.demo import data
from kiosk.demo.seed import seed_demo
from kiosk.store.opening import open_store


@pytest.fixture
def cli(tmp_path, monkeypatch, config):
    monkeypatch.setenv("KIOSK_KEY_STORE", "file")
    monkeypatch.setenv("KIOSK_BUILDINGS", ",".join(data.DEMO_KIOSK_BUILDINGS))
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    with open_store(config) as s:
        seed_demo(s, members=3)
    base = ["--data-dir", str(config.data_dir)]
    return lambda *argv: main(base + list(argv))


ROSTER = """first_name;last_name;building_id;flat_id;phone;email;language;household;sms_opt_in;newsletter_opt_in;notice_accepted
Aïcha;Rahmani;PCH-ELU-A;PCH-ELU-A-A-101;06 11 22 33 44;;fr;Ilyes:enfant;oui;non;oui
Bernard;Lefèvre;;PCH-ELU-A-A-102;0612;;fr;;non;non;oui
Chloé;Martin;PCH-ELU-A;PCH-NOPE;06 55 44 33 22;;fr;;non;non;non
Aicha;Rahmani;PCH-ELU-A;PCH-ELU-A-A-101;06 77 66 55 44;;fr;;non;non;oui
"""


def test_import_reports_rejected_rows_without_personal_data(cli, tmp_path, capsys, config):
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert cli("members", "import", str(roster), "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["enrolled"] == 1
    assert {(r["row"], r["field"], r["code"]) for r in report["rejected"]} == {
        (3, "phone", "phone.invalid"), (4, "flat_id", "required"), (4, "notice_accepted", "notice.required"),
        (5, "", "member.duplicate")}
    assert "Rahmani" not in json.dumps(report["rejected"]) and "0612" not in json.dumps(report)
    mid = report["members"][0]["member_id"]
    assert cli("members", "export", "--member", mid, "--pdf", str(tmp_path / "export.pdf")) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["member"]["household"] == [{"first_name": "Ilyes", "relation": "enfant"}]
    assert exported["consents"][0]["form_version"].startswith("paper:")
    assert (tmp_path / "export.pdf").read_bytes().startswith(b"%PDF")


def test_card_issue_png_pdf_and_verify(cli, tmp_path, capsys, config):
    with open_store(config) as s:
        mid = s.repos.members.ids()[0]
    assert cli("card", "issue", "--member", mid, "--png", str(tmp_path / "c.png")) == 0
    (text,) = decode(cv2.imread(str(tmp_path / "c.png")))
    capsys.readouterr()
    assert cli("card", "verify", text) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "valid"
    assert cli("card", "issue", "--member", mid, "--pdf", str(tmp_path / "c.pdf")) == 0
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert cli("card", "verify", text) == 1          # the PNG's card was replaced
    assert json.loads(capsys.readouterr().out)["verdict"] == "revoked"
    assert cli("card", "verify", "hello") == 1
    assert cli("card", "issue", "--member", str(uuid.uuid4()), "--png", str(tmp_path / "x.png")) == 1


def test_staff_add_with_pin_stdin_and_badge(cli, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    assert cli("staff", "add", "--id", "gardien-2", "--name", "M. Martin", "--pin-stdin") == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("97531864\n"))
    assert cli("staff", "add", "--id", "gardien-2", "--name", "M. Martin", "--pin-stdin") == 0
    assert cli("staff", "badge", "--id", "gardien-2", "--png", str(tmp_path / "b.png")) == 0
    (text,) = decode(cv2.imread(str(tmp_path / "b.png")))
    capsys.readouterr()
    assert cli("card", "verify", text) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["role"] == "staff" and out["holder_id"] == "gardien-2"
    assert cli("staff", "list", "--json") == 0
