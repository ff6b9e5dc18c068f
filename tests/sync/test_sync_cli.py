"""`kiosk provision`, `kiosk sync --once --json` and `kiosk status --json` against the
real server, on a real encrypted store (file key store through KIOSK_KEY_STORE)."""

from __future__ import annotations

import json

from central.demo import building_id
from kiosk.cli import main as kiosk_main


def test_provision_sync_and_status_from_the_command_line(live_server, office, tmp_path, monkeypatch, capsys):  # noqa: ANN001
    monkeypatch.setenv("KIOSK_KEY_STORE", "file")
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    data = ["--data-dir", str(tmp_path / "kiosk")]
    assert kiosk_main(data + ["status", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert before["provisioned"] is False
    assert kiosk_main(data + ["sync", "--once", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["error"] == "sync.not_provisioned"
    token = office.create_enrollment_token(building_id(1))
    assert kiosk_main(data + ["provision", "--server", live_server.url, "--token", token]) == 0
    assert "provisioned as device" in capsys.readouterr().out
    assert kiosk_main(data + ["provision", "--server", live_server.url, "--token", token]) == 1  # single use
    capsys.readouterr()
    assert kiosk_main(data + ["sync", "--once", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["snapshot"] and report["pulled"] > 0
    assert kiosk_main(data + ["status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["provisioned"] and status["building_ids"] == [building_id(1)] and status["has_cursor"]
    assert status["last_success"] and status["pending"] == 0 and status["refused"] == 0
