"""The lobby for everyone: help one tap from every screen, a shop in three, easy-read,
keyboard-wedge scanners, data as plain text, the help screen and its call-back."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.ui.easy_read import MAX_WORDS, SENTENCES, sentences_for, words
from kiosk.ui.default_screens import default_registry
from kiosk.ui.resources import resources_dir

pytestmark = pytest.mark.gui
SCREENS = default_registry().names()


def _open(window, name: str):
    if name == "attract":
        return window.current()
    spec = window.registry.get(name)
    return window.open(name, **(spec.sample_kwargs(window.ctx) if spec.sample_kwargs else {}))


class Taps:
    def __init__(self, qtbot) -> None:
        self.qtbot, self.count = qtbot, 0

    def tap(self, widget) -> None:
        assert widget is not None and widget.isVisible()
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.count += 1


def test_help_is_one_tap_from_every_screen(qtbot, window) -> None:
    for name in SCREENS:
        window.home()
        _open(window, name)
        taps = Taps(qtbot)
        taps.tap(window.access.help)
        assert (window.current().name, taps.count) == ("help", 1), name
        assert window.header.title.text() == "Besoin d'aide ?"


def test_an_open_food_shop_is_three_taps_from_the_attract_screen(qtbot, window) -> None:
    taps = Taps(qtbot)
    taps.tap(window.current().findChild(object, "action_directory"))
    taps.tap(window.current().findChild(object, "category_food"))
    partners = window.current()
    row = next(r for r in partners.rows() if r.entry.open_now)
    taps.tap(row)
    detail = window.current()
    assert detail.name == "partner" and detail.entry.open_now
    assert detail.entry.partner.category.value == "food" and taps.count <= 3


def test_display_choices_are_reachable_from_every_screen(qtbot, window) -> None:
    for name in SCREENS:
        window.home()
        _open(window, name)
        if not window.access.display.isChecked():
            qtbot.mouseClick(window.access.display, Qt.MouseButton.LeftButton)
        for b in (window.display_panel.large, window.display_panel.contrast, window.display_panel.easy):
            assert b.isVisible() and b.isEnabled(), name
        qtbot.mouseClick(window.display_panel.easy, Qt.MouseButton.LeftButton)
        strip = window.current().easy if name == "attract" else window.easy_strip
        assert window.ctx.appearance.easy_read and strip.isVisible(), name
        assert strip.lines and all(line.text() for line in strip.lines), name
        qtbot.mouseClick(window.display_panel.easy, Qt.MouseButton.LeftButton)
        assert not window.ctx.appearance.easy_read


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_every_screen_has_easy_read_sentences_short_and_with_pictograms(window, lang: str) -> None:
    window.languages.set_language(lang)
    missing = [n for n in SCREENS if n not in SENTENCES]
    assert missing == []
    for name in SCREENS:
        for icon, sentence in sentences_for(name):
            assert (resources_dir() / "icons" / f"{icon}.svg").exists(), icon
            assert sentence and words(sentence) <= MAX_WORDS, sentence
    if lang == "ar":
        assert all(any("\u0600" <= c <= "\u06ff" for c in s) for n in SCREENS for _i, s in sentences_for(n))


def test_the_idle_reset_puts_easy_read_back(window) -> None:
    window.set_appearance(easy_read=True)
    window.reset()
    assert not window.ctx.appearance.easy_read and not window.easy_strip.isVisible()


# -- keyboard-wedge scanners ------------------------------------------------------------------------
def _type(target, text: str, gap_s: float, enter: bool = True) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
        if gap_s:
            time.sleep(gap_s)
    if enter:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))


@pytest.fixture
def card_text(services) -> str:
    from kiosk.demo import data
    session = services.membership.staff.sign_in(data.DEMO_STAFF_ID, data.DEMO_STAFF_PIN)
    first = services.membership.members.pending(session)[0]
    return services.membership.members.card_for_staff(first.id, session)


def test_a_wedge_scan_opens_the_member_space_whatever_has_focus(qtbot, window, card_text) -> None:
    partners = window.open("partners", category="food")
    partners.search.setFocus()
    _type(partners.search, card_text, 0)
    assert partners.search.text() == ""                 # not a character landed in the field
    qtbot.waitUntil(lambda: window.current().name == "member", timeout=3000)
    assert window.current().space is not None           # the card was verified: the space is open


def test_a_wedge_scan_on_the_scan_screen_goes_through_its_panel(qtbot, window, card_text) -> None:
    scan = window.open("scan")
    entered = []
    scan.panel.card_entered.connect(entered.append)
    _type(window, card_text, 0)
    qtbot.waitUntil(lambda: entered == [card_text], timeout=3000)


def test_a_person_typing_is_not_a_scanner(qtbot, window) -> None:
    partners = window.open("partners", category="food")
    partners.search.setFocus()
    _type(partners.search, "CK1:abc", 0.09, enter=False)   # a person: ~100 ms a key
    qtbot.waitUntil(lambda: partners.search.text() == "CK1:abc", timeout=2000)
    _type(partners.search, " Café", 0, enter=False)       # fast, but no card prefix
    qtbot.waitUntil(lambda: partners.search.text() == "CK1:abc Café", timeout=2000)
    assert window.current().name == "partners"


def test_a_wedge_scan_never_throws_a_form_away(qtbot, window, card_text) -> None:
    join = window.open("join")
    join.first_name.edit.setFocus()
    _type(join.first_name.edit, card_text, 0)
    qtbot.wait(50)
    assert window.current() is join and join.first_name.text() == ""


# -- data as plain text -------------------------------------------------------------------------------
MARKUP = "<h1 style='color:red'>Appelez le 0899 000 000</h1>"


def test_markup_in_data_is_shown_as_typed_on_every_screen(qtbot, window, services, ui_store) -> None:
    """Partner names and offers, announcements, ideas and the office's answers, event
    titles, help contacts: each carrying markup, then every registered screen opened."""
    import dataclasses

    from kiosk.domain.help import HelpContact
    repos = ui_store.repos
    entry = services.directory.search("", "food")[0]
    partner, offers = entry.partner, list(entry.offers)
    repos.partners.upsert(dataclasses.replace(partner, name=MARKUP + partner.name))
    for offer in offers:
        repos.partners.upsert_offer(dataclasses.replace(offer, text=MARKUP, conditions=MARKUP))
    idea = repos.ideas.published()[0]
    repos.ideas.upsert(dataclasses.replace(idea, text=MARKUP, answer=MARKUP))
    event = services.community.upcoming()[0].event
    repos.events.upsert(dataclasses.replace(event, title=MARKUP))
    repos.help.upsert(HelpContact("markup", "PCH-ELU-A", MARKUP, "caretaker", MARKUP, "01 02 03 04 05", 9))
    try:
        rich: dict[str, list[str]] = {}
        shown: set[str] = set()
        for name in SCREENS:
            window.home()
            kwargs = {"partner_id": partner.id} if name == "partner" else None
            if kwargs is None:
                _open(window, name)
            else:
                window.open(name, **kwargs)
            qtbot.wait(5)
            for lab in window.findChildren(QLabel):
                if lab.isVisible() and "<h1" in lab.text() and lab.textFormat() != Qt.TextFormat.PlainText:
                    rich.setdefault(name, []).append(lab.objectName() or lab.text()[:30])
            shown.update(n for n in (name,) if any(MARKUP in lab.text() for lab in window.findChildren(QLabel)
                                                   if lab.isVisible()))
        assert rich == {}
        # the markup did reach the screens that show these data (as typed, not rendered)
        assert {"partners", "partner", "ideas", "events", "help"} <= shown
    finally:
        repos.partners.upsert(partner)
        for offer in offers:
            repos.partners.upsert_offer(offer)
        repos.ideas.upsert(idea)
        repos.events.upsert(event)
        repos.db.run(lambda c: c.execute("DELETE FROM help_contacts WHERE position = 9"))


# -- help and call-back ---------------------------------------------------------------------------------
def test_help_shows_this_buildings_caretaker_and_the_next_meeting(window) -> None:
    help_screen = window.open("help")
    phones = [lab.text() for lab in help_screen.findChildren(QLabel) if lab.objectName() == "help_phone"]
    assert any("01 48 13 55 10" in p.replace("\u00a0", " ") for p in phones)   # one unbreakable group
    texts = " ".join(lab.text() for lab in help_screen.findChildren(QLabel) if lab.isVisible())
    assert "Mme Diallo, gardienne" in texts and "En direct" in texts


def test_call_back_needs_a_reason_and_a_valid_number_then_is_recorded(qtbot, window, ui_store) -> None:
    """Not identified: the number is required and checked under the field, the reason is
    required; then the request is in the outbox (network or not) and the screen says so."""
    window.open("help")
    qtbot.mouseClick(window.current().callback, Qt.MouseButton.LeftButton)
    screen = window.current()
    assert screen.name == "help_callback" and screen.identified_member is None
    before = ui_store.repos.outbox.pending_count()
    screen.phone.edit.setText("12")
    screen._on_send_clicked()
    assert screen.phone.error.isVisible() and screen.reason_error.isVisible()
    screen.reason.select("home")
    screen._on_send_clicked()
    assert screen.phone.error.isVisible() and not screen.reason_error.isVisible()
    screen.phone.edit.setText("06 12 34 56 78")
    screen._on_send_clicked()
    assert screen.answer.isVisible() and screen.answer.text() == "Votre demande est enregistrée."
    assert screen.phone.text() == "" and not screen.form.isVisible()       # nothing personal left on screen
    entry = ui_store.repos.outbox.pending()[-1]
    assert ui_store.repos.outbox.pending_count() == before + 1 and entry.mutation == "request_callback"
    assert entry.payload["phone"] == "+33612345678" and entry.payload["reason"] == "home"
    assert entry.payload["member_id"] is None
    assert ui_store.repos.callbacks.get(entry.payload["id"]).phone == ""   # the kiosk's row keeps no number


# -- scan results ----------------------------------------------------------------------------------------
def test_a_card_gets_a_full_screen_answer_and_a_refused_one_ways_on(qtbot, window, card_text) -> None:
    window.open("member", card_text=card_text)
    assert window.flash.isVisible() and window.flash.ok and window.flash.text.text().startswith("✓ Bonjour")
    window.flash.dismiss()
    window.home()
    screen = window.open("member", card_text="CK1:not-a-card")
    assert window.flash.isVisible() and not window.flash.ok and "Carte non reconnue" in window.flash.text.text()
    for name in ("space_retry", "space_type_number", "space_help"):
        assert screen.findChild(object, name).isVisible()
    qtbot.mouseClick(screen.findChild(object, "space_type_number"), Qt.MouseButton.LeftButton)
    assert window.current().name == "scan"
    assert window.current().panel.manual_area.isVisible()          # straight to typing the number
