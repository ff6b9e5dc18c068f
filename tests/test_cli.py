"""The `kiosk` command through a real process: version, config, seed-demo, doctor."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from kiosk import __version__


def kiosk(*args, env_extra=None, **kw):
    env = dict(os.environ, KIOSK_KEY_STORE="file", **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, env=env,
                          timeout=120, **kw)


def test_version():
    r = kiosk("--version")
    assert r.returncode == 0 and __version__ in r.stdout


def test_config_show_says_where_each_value_came_from(tmp_path):
    r = kiosk("--data-dir", str(tmp_path), "config", "show", "--json", env_extra={"KIOSK_IDLE_TIMEOUT_S": "75"})
    assert r.returncode == 0, r.stderr
    rows = {row["name"]: row for row in json.loads(r.stdout)}
    assert rows["idle_timeout_s"]["value"] == 75
    assert rows["idle_timeout_s"]["source"] == "environment KIOSK_IDLE_TIMEOUT_S"
    assert rows["data_dir"]["source"] == "--data-dir"


def test_bad_config_exits_2_with_one_clear_line(tmp_path):
    r = kiosk("config", "show", env_extra={"KIOSK_DEFAULT_LANGUAGE": "klingon"})
    assert r.returncode == 2
    assert "default_language" in r.stderr and "klingon" in r.stderr and "Traceback" not in r.stderr


def test_seed_demo_then_doctor(tmp_path):
    r = kiosk("--data-dir", str(tmp_path), "seed-demo", "--json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["created"] and report["members"] == 50 and report["partners"] >= 25
    again = json.loads(kiosk("--data-dir", str(tmp_path), "seed-demo", "--json").stdout)
    assert again["created"] is False
    d = kiosk("--data-dir", str(tmp_path), "doctor", "--json")
    result = json.loads(d.stdout)
    checks = {c["name"]: c for c in result["checks"]}
    assert checks["database"]["ok"] and "cipher_integrity_check ok" in checks["database"]["detail"]
    assert d.returncode == (0 if result["ok"] else 1)


def test_doctor_fails_without_a_database(tmp_path):
    d = kiosk("--data-dir", str(tmp_path / "nothing"), "doctor")
    assert d.returncode == 1
    assert "FAIL" in d.stdout and "database" in d.stdout


def test_doctor_names_a_wrong_key(tmp_path):
    assert kiosk("--data-dir", str(tmp_path), "seed-demo").returncode == 0
    meta = json.loads((tmp_path / "kiosk.db.meta.json").read_text())
    (tmp_path / "keys" / f"database-key__{meta['store_id']}").write_text("00" * 32)
    d = kiosk("--data-dir", str(tmp_path), "doctor", "--json")
    checks = {c["name"]: c for c in json.loads(d.stdout)["checks"]}
    assert d.returncode == 1 and "WrongKeyError" in checks["database"]["detail"]
