"""``--self-test`` from source: every step, and a failure names its reason."""

from __future__ import annotations

import io
import json
import shutil

import pytest

from kiosk import selftest
from kiosk.app import render_self_test
from kiosk.selftest import SelfTestError, check_card, check_store, resources_dir, run_self_test


def test_store_step_creates_an_encrypted_database(tmp_path) -> None:
    detail = check_store(tmp_path / "s")
    assert "integrity ok" in detail
    assert not (tmp_path / "s" / "kiosk.db").read_bytes().startswith(b"SQLite format 3")


def test_card_step_decodes_and_verifies_the_bundled_card() -> None:
    assert "signature valid" in check_card(resources_dir())


def test_a_tampered_card_fails_the_card_step(tmp_path) -> None:
    res = tmp_path / "resources"
    shutil.copytree(resources_dir() / "selftest", res / "selftest")
    meta = json.loads((res / "selftest" / "card.json").read_text())
    meta["public_key"] = "00" * 32  # another key: the signature cannot verify
    (res / "selftest" / "card.json").write_text(json.dumps(meta))
    with pytest.raises(SelfTestError, match="did not verify|not read"):
        check_card(res)


@pytest.mark.gui
def test_self_test_passes_from_source(config, qtbot) -> None:
    out = io.StringIO()
    assert run_self_test(config, render=render_self_test, out=out) == 0, out.getvalue()
    text = out.getvalue()
    for step in ("store", "card", "keyring", "render"):
        assert f"[ok] {step}:" in text
    assert "self-test: PASSED" in text and "startup_s=" in text


def test_a_failing_step_gives_exit_1_and_the_reason(config, monkeypatch) -> None:
    def broken_render(cfg, folder):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(selftest, "check_card", lambda res: (_ for _ in ()).throw(SelfTestError("zxing-cpp did not read it")))
    out = io.StringIO()
    assert run_self_test(config, render=broken_render, out=out) == 1
    text = out.getvalue()
    assert "[FAIL] card: zxing-cpp did not read it" in text and "[FAIL] render: RuntimeError: no fonts" in text
    assert text.rstrip().endswith("self-test: FAILED: card: zxing-cpp did not read it")
