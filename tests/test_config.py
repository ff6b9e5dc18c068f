"""Settings: declared once, layered (default < file < environment < command line), checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, describe, load_config


def test_defaults_file_environment_and_command_line_layer(tmp_path):
    f = tmp_path / "config.toml"
    f.write_text('kiosk_name = "Hall Paul-Éluard"\nidle_timeout_s = 90\nbuildings = ["PCH-ELU-A"]\n')
    cfg = load_config(f, env={"KIOSK_IDLE_TIMEOUT_S": "120", "KIOSK_BUILDINGS": "A, B"}, data_dir=tmp_path / "d")
    assert cfg.kiosk_name == "Hall Paul-Éluard" and cfg.sources["kiosk_name"] == str(f)
    assert cfg.idle_timeout_s == 120 and cfg.sources["idle_timeout_s"] == "environment KIOSK_IDLE_TIMEOUT_S"
    assert cfg.buildings == ["A", "B"]
    assert cfg.data_dir == tmp_path / "d" and cfg.sources["data_dir"] == "--data-dir"
    assert cfg.default_language == "fr" and cfg.sources["default_language"] == "default"


@pytest.mark.parametrize("env, key, fragment", [
    ({"KIOSK_IDLE_TIMEOUT_S": "5"}, "idle_timeout_s", "from 10 to 3600"),
    ({"KIOSK_IDLE_TIMEOUT_S": "soon"}, "idle_timeout_s", "from 10 to 3600"),
    ({"KIOSK_DEFAULT_LANGUAGE": "de"}, "default_language", "one of fr, en, ar"),
    ({"KIOSK_FULLSCREEN": "maybe"}, "fullscreen", "true or false"),
    ({"KIOSK_LOCATION_LAT": "123"}, "location_lat", "-90 to 90"),
    ({"KIOSK_KEY_STORE": "plain"}, "key_store", "keyring or file"),
])
def test_bad_value_names_key_value_and_what_is_allowed(tmp_path, env, key, fragment):
    empty = tmp_path / "c.toml"
    empty.write_text("")
    with pytest.raises(ConfigError) as info:
        load_config(empty, env=env)
    message = str(info.value)
    assert key in message and fragment in message and list(env.values())[0] in message


def test_unknown_key_and_broken_file_are_reported(tmp_path):
    f = tmp_path / "config.toml"
    f.write_text("idle_timeout = 60\n")
    with pytest.raises(ConfigError, match="idle_timeout"):
        load_config(f, env={})
    f.write_text("idle_timeout_s = = 3\n")
    with pytest.raises(ConfigError, match="valid TOML"):
        load_config(f, env={})
    with pytest.raises(ConfigError, match="existing TOML file"):
        load_config(tmp_path / "missing.toml", env={})


def test_every_setting_is_described(tmp_path):
    empty = tmp_path / "c.toml"
    empty.write_text("")
    rows = describe(load_config(empty, env={}))
    assert len(rows) >= 20
    assert all(r["description"] for r in rows)
    assert {"kiosk_name", "buildings", "location_lat", "default_language", "idle_timeout_s", "camera",
            "server_url", "data_dir"} <= {r["name"] for r in rows}
