"""`kiosk scan-file` and `kiosk cameras` through the real command line."""

from __future__ import annotations

import json

import cv2

from kiosk.cli import main

from camera_helpers import card_frame


def test_scan_file_prints_one_json_line_per_image(tmp_path, capsys, card_texts):
    card = tmp_path / "card.png"
    blank = tmp_path / "blank.jpg"
    cv2.imwrite(str(card), card_frame(card_texts[0]))
    cv2.imwrite(str(blank), card_frame(None))
    status = main(["--config", str(_empty_config(tmp_path)), "scan-file", str(card), str(blank)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 0
    assert [(x["path"], x["texts"]) for x in lines] == [(str(card), [card_texts[0]]), (str(blank), [])]
    assert all(isinstance(x["ms"], (int, float)) and x["ms"] >= 0 for x in lines)


def test_scan_file_reports_unreadable_images_and_fails(tmp_path, capsys):
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not a png")
    status = main(["--config", str(_empty_config(tmp_path)), "scan-file", str(junk), str(tmp_path / "absent.png")])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 1
    assert [x["error"] for x in lines] == ["cannot read this image", "no such file"]


def test_cameras_json_lists_what_is_found(tmp_path, capsys, monkeypatch):
    from kiosk.camera import capture
    monkeypatch.setattr(capture, "list_cameras", lambda: [
        capture.CameraInfo("/dev/video0", "USB Camera", ["640x480", "1280x720"], "MJPG")])
    assert main(["--config", str(_empty_config(tmp_path)), "cameras", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"device": "/dev/video0", "name": "USB Camera", "resolutions": ["640x480", "1280x720"], "fourcc": "MJPG"}]
    monkeypatch.setattr(capture, "list_cameras", lambda: [])
    assert main(["--config", str(_empty_config(tmp_path)), "cameras"]) == 1
    assert "no camera found" in capsys.readouterr().out


def _empty_config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("")  # never the developer's own config
    return path
