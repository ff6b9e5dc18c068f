"""``kiosk doctor``: every check, human and --json output, exit 0 only when the kiosk can work."""

from __future__ import annotations

import json
import shutil
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.selftest import resources_dir


class _Health(BaseHTTPRequestHandler):
    skew_s = 0.0
    status = 200

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        import time
        body = json.dumps({"status": "ok", "version": "9.9.9"}).encode()
        self.send_response_only(self.status if self.path == "/healthz" else 404)
        self.send_header("Date", formatdate(time.time() + self.skew_s, usegmt=True))
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def health_server():
    servers = []

    def start(skew_s: float = 0.0, status: int = 200) -> str:
        handler = type("H", (_Health,), {"skew_s": skew_s, "status": status})
        srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
        return f"http://127.0.0.1:{srv.server_address[1]}"

    yield start
    for srv in servers:
        srv.shutdown()
        srv.server_close()


@pytest.fixture
def kiosk_dir(tmp_path):
    """A data dir with a real encrypted database and a camera_source folder holding a card."""
    from kiosk.config import load_config
    from kiosk.store.opening import open_store

    images = tmp_path / "camera"
    images.mkdir()
    shutil.copy(resources_dir() / "selftest" / "card.png", images / "card.png")

    def write_config(**extra: str) -> Path:
        values = {"key_store": "file", "log_dir": str(tmp_path / "logs"), "camera_source": str(images), **extra}
        cfg = tmp_path / "config.toml"
        cfg.write_text("".join(f'{k} = "{v}"\n' for k, v in values.items()), encoding="utf-8")
        return cfg

    cfg = write_config()
    open_store(load_config(cfg, env={}, data_dir=tmp_path / "data")).close()
    return tmp_path, write_config


def _doctor(tmp: Path, cfg: Path, capsys) -> tuple[int, dict]:
    code = main(["--config", str(cfg), "--data-dir", str(tmp / "data"), "doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    return code, {c["name"]: c for c in report["checks"]} | {"_ok": report["ok"]}


def test_a_working_kiosk_exits_0(kiosk_dir, capsys) -> None:
    tmp, write_config = kiosk_dir
    code, checks = _doctor(tmp, write_config(), capsys)
    assert code == 0 and checks["_ok"] is True
    assert set(checks) >= {"versions", "keyring", "database", "decoders", "camera", "server", "clock", "disk", "logs"}
    assert "cipher_integrity_check ok" in checks["database"]["detail"]
    assert checks["camera"]["ok"] and "camera_source" in checks["camera"]["detail"]
    assert "offline only" in checks["server"]["detail"]


def test_server_reachable_and_clock_in_time(kiosk_dir, capsys, health_server) -> None:
    tmp, write_config = kiosk_dir
    code, checks = _doctor(tmp, write_config(server_url=health_server()), capsys)
    assert code == 0
    assert checks["server"]["ok"] and "central 9.9.9" in checks["server"]["detail"]
    assert checks["clock"]["ok"] and "the server" in checks["clock"]["detail"]


def test_a_clock_far_off_fails(kiosk_dir, capsys, health_server) -> None:
    tmp, write_config = kiosk_dir
    code, checks = _doctor(tmp, write_config(server_url=health_server(skew_s=3600)), capsys)
    assert code == 1
    assert not checks["clock"]["ok"] and "behind the server" in checks["clock"]["detail"]
    assert "timedatectl" in checks["clock"]["advice"]


def test_an_unreachable_server_is_only_a_warning(kiosk_dir, capsys) -> None:
    tmp, write_config = kiosk_dir
    code, checks = _doctor(tmp, write_config(server_url="http://127.0.0.1:9"), capsys)
    assert code == 0  # the kiosk works offline and syncs later
    assert not checks["server"]["ok"] and not checks["server"]["required"]


def test_missing_database_and_camera_fail_with_advice(tmp_path, capsys) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'key_store = "file"\nlog_dir = "{tmp_path / "logs"}"\ncamera = "/dev/no-such-video"\n')
    code = main(["--config", str(cfg), "--data-dir", str(tmp_path / "data"), "doctor"])
    out = capsys.readouterr().out
    assert code == 1
    assert "[FAIL] database" in out and "[FAIL] camera" in out and "The kiosk cannot work" in out
    assert "→" in out  # each failure says what to do
