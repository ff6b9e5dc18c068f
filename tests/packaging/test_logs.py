"""Logging: rotating files in log_dir, redaction of personal data, the crash hook."""

from __future__ import annotations

import io
import logging
import sys
import threading

import pytest

from kiosk.logs import LOG_FILE, install_excepthook, log_files, redact, setup_logging


@pytest.mark.parametrize("text", [
    "06 12 34 56 78", "06.12.34.56.78", "0612345678", "06-12-34-56-78", "+33 6 12 34 56 78",
    "+33612345678", "0033 6 12 34 56 78", "+212 6 61 23 45 67", "33612345678",
])
def test_phone_numbers_are_masked(text: str) -> None:
    assert redact(f"call {text} now") == "call <phone> now"


@pytest.mark.parametrize("text", [
    "fatima.benali@example.org", "j.dupont+club@mail.co.uk", "X_Y-z@sub.domain.fr",
])
def test_emails_are_masked(text: str) -> None:
    assert redact(f"to <{text}>.") == "to <<e-mail>>."


def test_card_texts_are_masked() -> None:
    card = "CK1:ABPB67SXAAAEAAEAAAAAAAAAYDPAAAAAAHUC7M23BCIBNUWHCIYIZFNEJJS6OGNLWXP4Z3EPVM"
    assert redact(f"scanned {card} at the door") == "scanned CK1:<card> at the door"


@pytest.mark.parametrize("text", [
    "2026-11-23 02:09:33,123", "sync cycle took 1234 ms", "member 5e1f7e57-0000-4000-8000-00000000c0de",
    "schema 12, 2048 rows", "version 3.1.1", "HTTP 200 in 35 ms", "seq 1000000",
])
def test_ordinary_log_text_is_left_alone(text: str) -> None:
    assert redact(text) == text


def test_rotating_file_in_log_dir_with_redaction(tmp_path) -> None:
    stream = io.StringIO()
    path = setup_logging(tmp_path / "logs", stream=stream)
    try:
        log = logging.getLogger("kiosk.test")
        log.info("enrolled %s <%s> %s", "x", "amina@example.org", "07 11 22 33 44")
        log.warning("card %s refused", "CK1:ABCDEF234567")
        try:
            raise ValueError("bad phone 0611223344 for a@b.fr")
        except ValueError:
            log.exception("enrollment failed")
    finally:
        setup_logging(None, stream=io.StringIO())
    text = path.read_text(encoding="utf-8")
    assert path.name == LOG_FILE and log_files(tmp_path / "logs") == [path]
    for secret in ("amina@example.org", "07 11 22 33 44", "ABCDEF234567", "0611223344", "a@b.fr"):
        assert secret not in text and secret not in stream.getvalue()
    assert "<e-mail>" in text and "<phone>" in text and "CK1:<card>" in text
    assert "ValueError" in text  # the traceback is kept, only masked
    assert "card CK1:<card> refused" in stream.getvalue()  # WARNING reaches stderr (journal)
    assert "enrolled" not in stream.getvalue()  # INFO stays in the file


def test_files_rotate_and_stay_bounded(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("kiosk.logs.MAX_BYTES", 2000)
    setup_logging(tmp_path, stream=io.StringIO())
    try:
        for i in range(500):
            logging.getLogger("kiosk.test").info("line %d %s", i, "x" * 50)
    finally:
        setup_logging(None, stream=io.StringIO())
    files = log_files(tmp_path)
    assert 2 <= len(files) <= 6 and all(f.stat().st_size <= 2200 for f in files)


def test_unwritable_log_dir_does_not_stop_the_kiosk(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert setup_logging(blocker / "logs", stream=io.StringIO()) is None
    setup_logging(None, stream=io.StringIO())


def test_excepthook_logs_and_goes_home(tmp_path) -> None:
    path = setup_logging(tmp_path, stream=io.StringIO())
    calls: list[str] = []
    previous = install_excepthook(lambda: calls.append("home"))
    try:
        try:
            raise RuntimeError("slot broke on 06 99 88 77 66")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        t = threading.Thread(target=lambda: 1 / 0, name="worker")
        t.start()
        t.join()
    finally:
        sys.excepthook = previous
        threading.excepthook = threading.__excepthook__
        setup_logging(None, stream=io.StringIO())
    assert calls == ["home"]  # only the main-thread exception sends the UI home
    text = path.read_text(encoding="utf-8")
    assert "unhandled RuntimeError" in text and "06 99 88 77 66" not in text
    assert "unhandled ZeroDivisionError in thread worker" in text


def test_excepthook_survives_a_failing_home(tmp_path) -> None:
    path = setup_logging(tmp_path, stream=io.StringIO())

    def broken_home() -> None:
        raise KeyError("home")

    previous = install_excepthook(broken_home)
    try:
        try:
            raise RuntimeError("first")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # must not raise
    finally:
        sys.excepthook = previous
        threading.excepthook = threading.__excepthook__
        setup_logging(None, stream=io.StringIO())
    assert "going back to the attract screen failed" in path.read_text(encoding="utf-8")


@pytest.mark.gui
def test_exception_in_a_qt_slot_returns_to_the_attract_screen(qtbot, tmp_path) -> None:
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal()

    path = setup_logging(tmp_path, stream=io.StringIO())
    homes: list[int] = []
    previous = install_excepthook(lambda: homes.append(1))
    emitter = Emitter()

    def slot() -> None:
        raise LookupError("no such member")

    emitter.fired.connect(slot)
    try:
        emitter.fired.emit()  # PySide6 hands the slot's exception to sys.excepthook
    finally:
        sys.excepthook = previous
        threading.excepthook = threading.__excepthook__
        setup_logging(None, stream=io.StringIO())
    assert homes == [1]
    assert "unhandled LookupError" in path.read_text(encoding="utf-8")


def test_stderr_handler_follows_sys_stderr(tmp_path, monkeypatch) -> None:
    """A closed, replaced stderr (pytest's capture, a redirect) must not break logging."""
    setup_logging(tmp_path)
    try:
        first = io.StringIO()
        monkeypatch.setattr(sys, "stderr", first)
        logging.getLogger("kiosk.test").warning("one")
        first.close()
        second = io.StringIO()
        monkeypatch.setattr(sys, "stderr", second)
        logging.getLogger("kiosk.test").warning("two")
        assert "two" in second.getvalue() and "Logging error" not in second.getvalue()
    finally:
        setup_logging(None, stream=io.StringIO())
