"""Speech ("Écouter"): the Speaker with a fake synthesiser, then through the real engine
(Debian's espeak-ng) and the real player (aplay on ALSA's null device), and the window:
every screen has something to say in fr, en and ar; the idle reset silences it."""

from __future__ import annotations

import re
import shutil
import subprocess

import numpy as np
import pytest
from PySide6.QtCore import Qt

from kiosk.audio.espeak import EspeakNg
from kiosk.audio.pcm import Pcm
from kiosk.audio.player import AlsaPlayer, WavRecorder, wait_until
from kiosk.audio.speech import DEFAULT_STEP, VOLUME_STEPS_DB, Speaker, sentences
from kiosk.ui.default_screens import default_registry

pytestmark = pytest.mark.gui
ARABIC = re.compile(r"[\u0600-\u06FF]")


class FakeSynth:
    """Stands in for espeak-ng: a 440 Hz tone, 10 ms per character, through a real pipe-like
    object (communicate/kill/poll), and a record of what it was asked to say."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def start(self, lang: str):  # noqa: ANN201
        synth = self

        class Proc:
            returncode = None

            def communicate(self, data: bytes, timeout: float | None = None):  # noqa: ANN201, ARG002
                text = data.decode("utf-8")
                synth.said.append((text, lang))
                t = np.arange(int(22050 * 0.01 * len(text))) / 22050
                samples = (np.sin(2 * np.pi * 440 * t) * 8000).astype(np.int16)
                self.returncode = 0
                return Pcm(22050, samples).to_wav(), b""

            def kill(self) -> None:
                self.returncode = -9

            def poll(self):  # noqa: ANN201
                return self.returncode

        return Proc()


def test_sentences_are_said_one_by_one_and_stop_silences() -> None:
    synth, rec = FakeSynth(), WavRecorder()
    s = Speaker(rec, synth)
    s.say("Bonjour ! Touchez un bouton.\nScanner ma carte.", "fr")
    assert s.idle()
    assert [t for t, _ in synth.said] == ["Bonjour !", "Touchez un bouton.", "Scanner ma carte."]
    assert len(rec.played) == 3
    s.repeat()
    assert s.idle() and len(rec.played) == 6
    before = rec.stopped
    s.stop()
    assert rec.stopped == before + 1
    s.close()


def test_volume_steps_span_at_least_18_db_and_reset_restores_the_default() -> None:
    assert VOLUME_STEPS_DB[-1] - VOLUME_STEPS_DB[0] >= 18
    assert all(b > a for a, b in zip(VOLUME_STEPS_DB, VOLUME_STEPS_DB[1:]))
    s = Speaker(WavRecorder(), FakeSynth())
    while s.louder():
        pass
    assert s.step == len(VOLUME_STEPS_DB) - 1
    s.reset()
    assert s.step == DEFAULT_STEP and s.last is None
    s.close()


def test_sentence_split_keeps_arabic_question_marks() -> None:
    assert sentences("هل تحتاج إلى مساعدة؟ المس زرًا.") == ["هل تحتاج إلى مساعدة؟", "المس زرًا."]


# -- through the real engine ---------------------------------------------------------------------
needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None,
                                  reason="espeak-ng is installed by scripts/bootstrap")


@needs_espeak
@pytest.mark.parametrize("lang, text", [("fr", "Bonjour, touchez un bouton."), ("en", "Hello, touch a button."),
                                        ("ar", "مرحبًا، المس زرًا.")])
def test_espeak_ng_speaks_each_language(lang: str, text: str) -> None:
    pcm = EspeakNg().synthesize(text, lang)
    assert pcm.rate > 8000 and pcm.seconds > 0.5
    assert pcm.level_dbfs() > -40          # speech, not silence


@needs_espeak
def test_the_volume_range_measured_on_the_real_voice_is_at_least_18_db() -> None:
    rec = WavRecorder()
    s = Speaker(rec)                   # the real espeak-ng
    s.step = 0
    s.say("Volume le plus bas.", "fr")
    assert s.idle()
    s.step = len(VOLUME_STEPS_DB) - 1
    s.say("Volume le plus bas.", "fr")
    assert s.idle()
    quiet, loud = rec.played
    assert loud.level_dbfs() - quiet.level_dbfs() >= 18
    s.close()


@needs_espeak
@pytest.mark.skipif(shutil.which("aplay") is None, reason="aplay (alsa-utils) is installed by scripts/bootstrap")
def test_the_real_player_plays_and_stops_on_alsa_null() -> None:
    player = AlsaPlayer("null")
    s = Speaker(player)
    s.say("Une phrase qui se joue jusqu'au bout sur le périphérique nul.", "fr")
    assert s.idle()
    long_text = " ".join(["Une très longue phrase pour vérifier que l'arrêt coupe tout."] * 30)
    s.say(long_text, "fr")
    assert wait_until(lambda: s.speaking, 5)
    s.stop()
    assert s.idle(5)
    assert not s.speaking
    s.close()


# -- the window -------------------------------------------------------------------------------------
@pytest.fixture
def recorded(window):
    """The window's Speaker, with its player swapped for a recorder and a fake synthesiser."""
    synth, rec = FakeSynth(), WavRecorder()
    window.speech.speaker.player = rec
    window.speech.speaker.engine = synth
    return synth, rec


def _open(window, name: str):
    if name != "attract":
        spec = window.registry.get(name)
        window.open(name, **(spec.sample_kwargs(window.ctx) if spec.sample_kwargs else {}))


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_every_registered_screen_has_something_to_say(window, lang: str) -> None:
    window.languages.set_language(lang)
    empty, untranslated = [], []
    for name in default_registry().names():
        window.home()
        _open(window, name)
        text = window.spoken_text()
        if not text.strip():
            empty.append(name)
        if lang == "ar" and not ARABIC.search(text):
            untranslated.append(name)
    assert empty == [] and untranslated == []


def test_listen_reads_the_screen_then_each_new_screen_and_what_is_touched(qtbot, window, recorded) -> None:
    synth, rec = recorded
    window.open("directory")
    qtbot.mouseClick(window.access.listen, Qt.MouseButton.LeftButton)
    assert window.speech.mode and window.speech_panel.isVisible()
    assert window.speech.speaker.idle()
    said = " ".join(t for t, _ in synth.said)
    assert "Bons plans près d'ici" in said and "Alimentation" in said     # title and a choice
    synth.said.clear()
    qtbot.mouseClick(window.current().findChild(object, "directory_open_now"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any("ouverts maintenant" in t for t, _ in synth.said), timeout=3000)
    assert any("activé" in t for t, _ in synth.said)                     # a toggle says its state
    synth.said.clear()
    window.languages.set_language("ar")
    qtbot.mouseClick(window.current().findChild(object, "category_food"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(ARABIC.search(t) for t, _ in synth.said), timeout=3000)
    assert all(lang == "ar" for _, lang in synth.said)


def test_idle_reset_stops_speech_and_restores_the_volume(qtbot, window, recorded) -> None:
    qtbot.mouseClick(window.access.listen, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.speech_panel.louder, Qt.MouseButton.LeftButton)
    assert window.speech.step == DEFAULT_STEP + 1
    assert "5" in window.speech_panel.level.text()
    stops = recorded[1].stopped
    window.reset()
    assert not window.speech.mode and not window.speech_panel.isVisible()
    assert window.speech.step == DEFAULT_STEP and recorded[1].stopped > stops
    assert window.speech.speaker.last is None       # "Répéter" has nothing of the last person


def test_listen_is_in_the_same_place_on_every_screen(qtbot, window) -> None:
    places = set()
    for lang in ("fr", "ar"):
        window.languages.set_language(lang)
        for name in ("attract", "directory", "partners", "scan", "join", "help"):
            window.home()
            _open(window, name)
            qtbot.wait(5)
            b = window.access.listen
            places.add((b.mapTo(window, b.rect().topLeft()).toTuple(), b.size().toTuple()))
    assert len(places) == 1


@needs_espeak
def test_doctor_checks_speech(config) -> None:
    import argparse

    from kiosk.cli.context import CliContext
    from kiosk.cli.doctor_cmd import check_speech

    def ctx(device: str) -> CliContext:
        c = CliContext(argparse.Namespace(config=None, data_dir=None))
        c.__dict__["config"] = config.with_values(audio_device=device)   # cached_property
        return c
    check = check_speech(ctx("null"))
    assert check.ok and check.required and "fr, en, ar" in check.detail and "plays" in check.detail
    broken = check_speech(ctx("no-such-device"))
    assert broken.ok and not broken.required and "refused" in broken.detail
