"""Languages: .ts files complete, compiled on demand, runtime switch, right to left."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from kiosk.ui import formatting
from kiosk.ui.i18n import NATIVE_NAMES, compiled_qm, translations_dir

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_string_is_translated_with_the_same_placeholders(lang: str) -> None:
    root = ET.parse(translations_dir() / f"kiosk_{lang}.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 50
    for m in messages:
        source, tr = m.find("source").text, m.find("translation")
        assert tr.get("type") != "unfinished" and tr.text, source
        assert _placeholders(source) == _placeholders(tr.text), source


# Placeholders the code passes in two spellings, one per language's habit: "{mm}" is the
# minutes on two digits ("1 h 05" in French), "{m}" as said ("1 ساعة و5 دقائق").
SAME_VALUE = {"m": "mm"}


def _placeholders(text: str) -> list[str]:
    return sorted(SAME_VALUE.get(name, name) for name in re.findall(r"\{(\w+)\}", text))


def test_qm_is_compiled_into_the_cache_once(tmp_path) -> None:
    first = compiled_qm("en", cache=tmp_path)
    assert first is not None and first.exists() and first.stat().st_size > 0
    mtime = first.stat().st_mtime_ns
    assert compiled_qm("en", cache=tmp_path) == first and first.stat().st_mtime_ns == mtime
    assert compiled_qm("fr", cache=tmp_path) is None  # French is the source language


def _visible_texts(widget) -> set[str]:
    from PySide6.QtWidgets import QLabel, QPushButton
    texts = {w.text() for w in widget.findChildren(QLabel) if w.isVisible() and w.text()}
    texts |= {w.text() for w in widget.findChildren(QPushButton) if w.isVisible() and w.text()}
    return texts


def test_switching_language_retranslates_the_visible_screens(qtbot, window) -> None:
    attract = window.current()
    assert "Bonjour ! Touchez un bouton." in _visible_texts(attract)
    qtbot.mouseClick(attract.findChild(object, "lang_en"), Qt.MouseButton.LeftButton)
    assert window.languages.language == "en"
    texts = _visible_texts(attract)
    assert "Hello! Touch a button." in texts and "Bonjour ! Touchez un bouton." not in texts
    assert attract.findChild(object, "action_scan").label() == "Scan my card"

    directory = window.open("directory")
    assert window.header.back.text() == "Back" and window.header.title.text() == "Deals nearby"
    window.languages.set_language("ar")
    assert window.header.back.text() == "رجوع"
    assert window.header.title.text() == "عروض قريبة"
    assert directory.findChild(object, "category_food").label() == "مواد غذائية"
    window.languages.set_language("fr")
    assert window.header.title.text() == "Bons plans près d'ici"


def test_arabic_lays_out_right_to_left_and_back(qtbot, window) -> None:
    window.open("directory")
    window.languages.set_language("ar")
    qtbot.wait(10)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    back, home = window.header.back, window.header.home
    assert back.geometry().x() > home.geometry().x()        # Back is on the right in Arabic
    assert window.keyboard.layoutDirection() == Qt.LayoutDirection.LeftToRight  # printed key order
    window.languages.set_language("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    qtbot.wait(10)
    assert back.geometry().x() < home.geometry().x()


def test_language_names_are_in_their_own_script(window) -> None:
    attract = window.current()
    assert [attract.findChild(object, f"lang_{l}").text() for l in ("fr", "en", "ar")] == \
        ["Français", "English", "العربية"] == list(NATIVE_NAMES.values())


def test_numbers_follow_the_language(window) -> None:
    assert formatting.distance(1234) == "1,2 km"
    assert formatting.walking_minutes(6) == "6 min à pied"
    window.languages.set_language("en")
    assert formatting.distance(1234) == "1.2 km"
    assert formatting.walking_minutes(6) == "6 min walk"
    assert formatting.day_name(0) == "Monday"
    window.languages.set_language("ar")
    assert formatting.walking_minutes(6) == "6 دقيقة مشيًا"   # Latin digits (ar_MA)
    assert formatting.distance(430) == "430 م"
    assert QLocale().textDirection() == Qt.LayoutDirection.RightToLeft
