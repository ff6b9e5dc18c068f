"""The membership screens end to end (pytest-qt, offscreen), on the real encrypted store:
self-enrollment typed on the on-screen keyboard lands in the file with its consent
proof; a caretaker enrollment; duplicates caught (no details for the public); the PIN
lock survives a restart; idle in the member space leaves nothing personal."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QScrollArea

from kiosk.demo import data
from kiosk.domain.members import MemberStatus
from kiosk.domain.records import ConsentPurpose
from kiosk.services.members import build_membership
from kiosk.services.notice import notice_dir
from kiosk.store.opening import open_store

pytestmark = pytest.mark.gui


def make_window(qtbot, config, store, clock, *, idle_timeout_s=3600.0, idle_countdown_s=5.0):
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.tasks import Tasks
    from kiosk.ui.membership import register_membership_screens
    from kiosk.ui.default_screens import default_registry
    create_qapp()
    services = compose_services(config, store)
    services.membership = build_membership(store, config, now=clock)
    window = build_window(config, services, tasks=Tasks(services, None),
                          registry=register_membership_screens(default_registry()),
                          idle_timeout_s=idle_timeout_s, idle_countdown_s=idle_countdown_s)
    qtbot.addWidget(window)
    window.resize(1080, 1920)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def click(qtbot, window, name: str) -> None:
    button = window.current().findChild(QPushButton, name) or window.findChild(QPushButton, name)
    assert button is not None, name
    assert button.isVisible() and button.isEnabled(), name
    node, scrolled = button.parentWidget(), False
    while node is not None:  # a finger scrolls to the button first (Qt 6 clicks land by position)
        if isinstance(node, QScrollArea):
            node.ensureWidgetVisible(button, 10, 10)
            scrolled = True
            break
        node = node.parentWidget()
    QApplication.processEvents()
    if scrolled:
        qtbot.wait(50)
    clicked: list[bool] = []
    button.clicked.connect(lambda *_: clicked.append(True))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    if scrolled:  # the kinetic scroller holds a press back until it knows it is not a drag
        qtbot.wait(350)
        if not clicked:
            # Offscreen, QTest's instant press/release does not always get through a kinetic
            # scroller after a programmatic scroll (see pick_flat): the finger's tap, then.
            button.click()


def type_text(qtbot, window, field_name: str, text: str) -> None:
    """Focus the field and type on the on-screen keyboard (keys clicked like a finger)."""
    edit = window.current().findChild(QLineEdit, field_name)
    assert edit is not None, field_name
    edit.setFocus(Qt.FocusReason.MouseFocusReason)
    QApplication.processEvents()
    kb = window.keyboard
    if not kb.isVisible() or kb.target() is not edit:  # focus events may not arrive offscreen
        window.keyboard_controller.open_for(edit)
    for ch in text:
        if ch == " ":
            key = kb.key_for("space")
        elif kb.page == "text" and ch.isupper():
            qtbot.mouseClick(kb.key_for("⇧"), Qt.MouseButton.LeftButton)
            key = kb.key_for(ch.lower())
        else:
            key = kb.key_for(ch)
        qtbot.mouseClick(key, Qt.MouseButton.LeftButton)
    assert edit.text() == text


def pick_flat(qtbot, window, row: int = 5) -> str:
    screen = window.current()
    picker = screen.place if hasattr(screen, "place") else screen.lookup_place
    click(qtbot, window, f"{picker.buildings._name}_{data.DEMO_KIOSK_BUILDINGS[0]}")
    click(qtbot, window, f"{picker.entrances._name}_{data.DEMO_KIOSK_BUILDINGS[0]}-A")
    flat_id = sorted(picker.flats._buttons)[row]
    # a tap on a flat button: its press goes through the page's kinetic scroller, which
    # QTest's instant press/release does not always get through offscreen; select it
    # the way the button's click does
    picker.flats.select(flat_id)
    assert picker.flat_id() == flat_id
    return picker.flat_id()


def fill_join(qtbot, window, first="Yasmina", last="Benkhelifa", phone="0612345678") -> str:
    type_text(qtbot, window, "field_first_name", first)
    type_text(qtbot, window, "field_last_name", last)
    click(qtbot, window, "join_next")
    flat = pick_flat(qtbot, window)
    click(qtbot, window, "join_next")
    type_text(qtbot, window, "field_phone", phone)
    click(qtbot, window, "join_next")
    click(qtbot, window, "join_next")        # notice not accepted yet: refused, error shown
    assert window.current().accept_error.isVisible()
    click(qtbot, window, "notice_accept")
    click(qtbot, window, "optin_sms")
    click(qtbot, window, "join_next")
    return flat


def visible_texts(window) -> str:
    return "\n".join([w.text() for w in window.findChildren(QLabel)] +
                     [w.text() for w in window.findChildren(QLineEdit)] +
                     [w.text() for w in window.findChildren(QPushButton)])


def test_self_enrollment_lands_encrypted_with_consent_proof(qtbot, config, store, clock):
    window = make_window(qtbot, config, store, clock)
    click(qtbot, window, "action_join")
    assert window.current().name == "join"
    click(qtbot, window, "join_next")                       # empty names: errors in words
    assert window.current().findChild(QLabel, "error_first_name").isVisible()
    flat = fill_join(qtbot, window)
    assert window.current().name == "member_card"
    assert "Yasmina" in window.current().headline.text()
    assert not window.current().card.pixmap().isNull()
    store.close()

    reopened = open_store(config)
    try:
        (m,) = [x for x in (reopened.repos.members.get(i) for i in reopened.repos.members.ids())
                if x.last_name == "Benkhelifa"]
        assert m.status is MemberStatus.PENDING and m.flat_id == flat and m.phone == "+33612345678"
        consents = reopened.repos.consents.of_member(m.id)
        expected = hashlib.sha256((notice_dir() / "notice_fr.txt").read_bytes()).hexdigest()
        assert {(c.purpose, c.granted) for c in consents} == {
            (ConsentPurpose.MEMBERSHIP, True), (ConsentPurpose.SMS, True), (ConsentPurpose.NEWSLETTER, False)}
        assert {c.notice_hash for c in consents} == {expected}
    finally:
        reopened.close()
    assert (config.data_dir / "kiosk.db").read_bytes()[:16] != b"SQLite format 3\x00"


def sign_in(qtbot, window, pin=data.DEMO_STAFF_PIN) -> None:
    window.open("staff")
    type_text(qtbot, window, "field_staff_id", data.DEMO_STAFF_ID)
    type_text(qtbot, window, "field_staff_pin", pin)
    click(qtbot, window, "staff_sign_in")


def test_caretaker_enrollment_and_duplicate_review(qtbot, config, store, clock):
    window = make_window(qtbot, config, store, clock)
    sign_in(qtbot, window)
    assert window.current().name == "staff_home"
    click(qtbot, window, "staff_enroll")
    fill_join(qtbot, window)
    assert window.current().name == "member_card"
    assert window.current().status.text() == "Membre actif"
    click(qtbot, window, "card_done")
    assert window.current().name == "staff_home"
    count = store.repos.members.count()
    click(qtbot, window, "staff_enroll")
    fill_join(qtbot, window, first="YASMINA", phone="0698765432")
    screen = window.current()
    assert screen.name == "member_duplicates" and len(screen.matches) == 1
    assert "06 •• •• •• 78" in visible_texts(window)
    click(qtbot, window, f"dup_same_{screen.matches[0].id}")
    assert store.repos.members.count() == count
    actions = [a.action for a in store.repos.audit.of_member(screen.matches[0].id)]
    assert actions == ["enroll", "confirm_residence"]


def test_public_duplicate_sees_no_details(qtbot, config, store, clock):
    window = make_window(qtbot, config, store, clock)
    click(qtbot, window, "action_join")
    fill_join(qtbot, window)
    window.home()
    count = store.repos.members.count()
    click(qtbot, window, "action_join")
    fill_join(qtbot, window, first="Yasmina", last="Benkhélifa", phone="0781234567")
    assert window.current().name == "join"
    message = window.current().findChild(QLabel, "join_message")
    assert message.isVisible() and "gardien" in message.text()
    assert "06 •• •• •• 78" not in visible_texts(window)
    assert store.repos.members.count() == count


def test_pin_lock_survives_restart_through_the_screen(qtbot, config, clock):
    from kiosk.demo.seed import seed_demo
    store = open_store(config)
    seed_demo(store, members=0)
    window = make_window(qtbot, config, store, clock)
    for _ in range(3):
        sign_in(qtbot, window, pin="000000")
        window.back()
    sign_in(qtbot, window)
    assert window.current().name == "staff"
    assert "bloqué" in window.current().findChild(QLabel, "staff_error").text()
    window.close()
    store.close()

    store = open_store(config)
    window = make_window(qtbot, config, store, clock)
    sign_in(qtbot, window)
    assert window.current().name == "staff"
    assert "bloqué" in window.current().findChild(QLabel, "staff_error").text()
    clock.advance(minutes=6)
    window.back()
    sign_in(qtbot, window)
    assert window.current().name == "staff_home"
    window.close()
    store.close()


def test_idle_in_member_space_leaves_nothing(qtbot, config, store, clock, membership, notice, flat):
    from kiosk.ui.membership.member_space import MemberSpaceScreen
    from .conftest import make_form
    enrolled = membership.members.enroll(make_form(flat, first_name="Zénobie"), notice)
    window = make_window(qtbot, config, store, clock, idle_timeout_s=0.3, idle_countdown_s=0.3)
    window.open("member", card_text=enrolled.card.text)
    assert window.current().findChild(QLabel, "space_hello").text() == "Bonjour Zénobie"
    assert "06 •• •• •• 78" in window.current().findChild(QLabel, "space_phone").text()
    type_text(qtbot, window, "field_space_new_phone", "07")
    qtbot.waitUntil(lambda: window.current().name == "attract", timeout=5000)
    qtbot.wait(50)
    QApplication.processEvents()
    assert window.findChildren(MemberSpaceScreen) == []
    texts = visible_texts(window)
    assert "Zénobie" not in texts and "••" not in texts and enrolled.member.number not in texts


def test_member_space_lookup_change_and_leave(qtbot, config, store, clock, membership, notice, flat):
    from .conftest import make_form
    enrolled = membership.members.enroll(make_form(flat, first_name="Odile"), notice)
    window = make_window(qtbot, config, store, clock)
    window.open("member")
    type_text(qtbot, window, "field_lookup_first_name", "odile")
    screen = window.current()
    screen.lookup_place.buildings.select(flat.building_id)
    screen.lookup_place.entrances.select(flat.entrance_id)
    screen.lookup_place.select_flat(flat.id)
    type_text(qtbot, window, "field_lookup_digits", "5678")
    qtbot.mouseClick(window.keyboard.key_for("enter"), Qt.MouseButton.LeftButton)   # "Valider" on the pad
    assert window.current().findChild(QLabel, "space_hello").text() == "Bonjour Odile"
    click(qtbot, window, "space_newsletter")
    assert len(store.repos.consents.of_member(enrolled.member.id)) == 4
    click(qtbot, window, "space_leave")
    click(qtbot, window, "space_leave_yes")
    assert store.repos.members.get(enrolled.member.id) is None
    assert "effacées" in window.current().findChild(QLabel, "space_message").text()


def test_staff_home_export_and_session_idle_end(qtbot, config, store, clock, membership, notice, flat):
    from .conftest import make_form
    enrolled = membership.members.enroll(make_form(flat, first_name="Rosalie"), notice)
    window = make_window(qtbot, config, store, clock)
    sign_in(qtbot, window)
    home = window.current()
    assert home.name == "staff_home" and home.pending.count() >= 1
    home._set_selected(enrolled.member.id)
    click(qtbot, window, "staff_export")
    exported = config.data_dir / "exports" / f"{enrolled.member.number}.json"
    assert exported.exists() and exported.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    assert oct(exported.stat().st_mode & 0o777) == "0o600"
    assert [a.action for a in store.repos.audit.of_member(enrolled.member.id)] == ["export"]
    clock.advance(seconds=config.staff_idle_timeout_s + 1)
    qtbot.waitUntil(lambda: window.current().name == "attract", timeout=3000)
    assert store.repos.audit.recent(1)[0].action == "staff_sign_out"


def test_staff_home_opens_door_check_in_for_a_coming_event(qtbot, config, store, clock):
    window = make_window(qtbot, config, store, clock)
    sign_in(qtbot, window)
    home = window.current()
    qtbot.waitUntil(lambda: len(home.event_buttons) == 3, timeout=5000)  # the next three events
    first = home.event_buttons[0]
    assert first.title.text() and first.sub.isVisibleTo(first) and first.sub.text()   # title, then the day and hours
    assert first.accessibleName() and first.accessibleDescription() == first.sub.text()
    event_id = first.objectName().removeprefix("staff_checkin_")
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current().name == "event_checkin", timeout=3000)
    checkin = window.current()
    assert checkin.session is not None and checkin.event_id == event_id
    assert checkin.pages.currentIndex() == 1  # straight to the door: already signed in


def test_staff_home_shows_the_sync_state(qtbot, config, store, clock):
    from datetime import datetime
    window = make_window(qtbot, config, store, clock)
    sign_in(qtbot, window)
    home = window.current()
    window.ctx.connectivity.set_status(False, None, pending=3, error="sync.unreachable")
    assert "3" in home.sync_state.text() and "hors ligne" in home.sync_state.text()
    assert "le serveur ne répond pas" in home.sync_state.text() and "sync." not in home.sync_state.text()
    window.ctx.connectivity.set_status(False, None, pending=0, error="sync.upgrade_required")
    assert "mise à jour" in home.sync_state.text() and "informatique" in home.sync_state.text()
    window.ctx.connectivity.set_status(False, None, pending=0, error="sync.push_stalled")  # any other code
    assert "problème technique (sync.push_stalled)" in home.sync_state.text()
    window.ctx.connectivity.set_status(True, datetime(2026, 11, 23, 14, 2), pending=0, error="")
    assert "en ligne" in home.sync_state.text() and "14:02" in home.sync_state.text()


def test_staff_home_says_when_the_server_refused_changes(qtbot, config, store, clock):
    from kiosk.domain.records import OutboxState
    window = make_window(qtbot, config, store, clock)
    sign_in(qtbot, window)
    home = window.current()
    assert home.refused.isHidden()                      # nothing refused: no line
    seq = store.repos.outbox.append("submit_idea", {"id": "x"})
    store.repos.outbox.mark(seq, OutboxState.REJECTED, {"seq": seq, "status": "rejected", "code": "invalid_payload"})
    home.entered()
    assert not home.refused.isHidden() and home.refused.text().startswith("1 modification(s) refusée(s)")
    window.languages.set_language("ar")
    assert "رفضها الخادم" in home.refused.text()
    window.languages.set_language("fr")


def test_caretaker_without_badge_reaches_staff_sign_in_from_scan(qtbot, config, store, clock):
    window = make_window(qtbot, config, store, clock)
    window.open("scan")
    click(qtbot, window, "scan_staff")
    assert window.current().name == "staff"
    type_text(qtbot, window, "field_staff_id", data.DEMO_STAFF_ID)
    type_text(qtbot, window, "field_staff_pin", data.DEMO_STAFF_PIN)
    click(qtbot, window, "staff_sign_in")
    assert window.current().name == "staff_home"


def test_typing_the_number_printed_on_the_card_opens_the_member_space(qtbot, config, store, clock, membership,
                                                                      notice, flat):
    from .conftest import make_form
    enrolled = membership.members.enroll(make_form(flat, first_name="Noura"), notice)
    printed = membership.members.card_face(enrolled.member.id).number
    window = make_window(qtbot, config.with_values(camera="/dev/no-such-camera"), store, clock)
    window.open("scan")
    panel = window.current().panel
    qtbot.waitUntil(lambda: panel.number_edit.isVisible(), timeout=5000)   # no camera: typed entry
    panel.number_edit.setText(printed)
    qtbot.mouseClick(panel.validate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current().name == "member", timeout=3000)
    qtbot.waitUntil(lambda: "Noura" in visible_texts(window), timeout=3000)
