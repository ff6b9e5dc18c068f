"""The help and call-back screens in their states, on the real window over the demo's
encrypted store: a member who showed their card and then touched "Aide" is not asked
for their number (theirs is shown masked), a call already due is said, the answer
"Votre demande est enregistrée" is in the screen's language, and every state is
rendered (fr and ar, portrait and landscape) into ``HELP_SHOTS`` (default: a temporary
folder) with no text clipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def _member_with_card(services, store) -> tuple[str, str]:  # noqa: ANN001
    mid = next(m for m in sorted(store.repos.members.ids()) if store.repos.members.get(m).phone)
    return mid, services.membership.cards.current_card_text(mid)


def test_aide_after_a_card_names_the_member_and_keeps_their_number_off_the_form(qtbot, window, services,
                                                                                ui_store) -> None:
    mid, card = _member_with_card(services, ui_store)
    window.open("member", card_text=card)
    window.flash.dismiss()
    assert window.current().identified_member == mid
    qtbot.mouseClick(window.access.help, Qt.MouseButton.LeftButton)
    assert window.current().name == "help" and window.current().identified_member == mid
    qtbot.mouseClick(window.current().callback, Qt.MouseButton.LeftButton)
    screen = window.current()
    member = ui_store.repos.members.get(mid)
    assert screen.identified_member == mid and member.first_name in screen.intro.text()
    assert "••" in screen.intro.text() and member.phone[-2:] in screen.intro.text()
    assert member.phone[4:8] not in screen.intro.text()                     # masked
    assert not screen.due.isVisible()
    screen.reason.select("activities")
    screen._on_send_clicked()                                               # no number typed: theirs
    assert screen.answer.text() == "Votre demande est enregistrée."
    entry = ui_store.repos.outbox.pending()[-1]
    assert (entry.payload["member_id"], entry.payload["phone"], entry.payload["building_id"]) == \
        (mid, "", member.building_id)
    window.languages.set_language("ar")
    assert screen.answer.text() == "تم تسجيل طلبك."
    window.languages.set_language("en")
    assert screen.answer.text() == "Your request is recorded."
    window.languages.set_language("fr")
    # the next time, the kiosk says a call is already due
    window.home()
    again = window.open("help_callback", member_id=mid)
    assert again.due.isVisible() and "déjà demandé" in again.due.text()


def test_help_and_call_back_states_render_without_clipped_text(qtbot, window, services, ui_store, tmp_path) -> None:
    from kiosk.ui.layout_check import clipped
    folder = Path(os.environ.get("HELP_SHOTS", tmp_path / "help-shots"))
    folder.mkdir(parents=True, exist_ok=True)
    mid, _card = _member_with_card(services, ui_store)
    services.help.request_callback("", "fr", "home", mid)      # a call due for this member

    def anonymous_refused(s) -> None:  # noqa: ANN001
        s.phone.edit.setText("12")
        s._on_send_clicked()

    def done(s) -> None:  # noqa: ANN001
        s.reason.select("other")
        s.phone.edit.setText("01 48 13 55 10")
        s._on_send_clicked()

    states = {"help": ("help", {}, None), "callback": ("help_callback", {}, None),
              "help-large": ("help", {}, None), "callback-large": ("help_callback", {"member_id": mid}, None),
              "callback-refused": ("help_callback", {}, anonymous_refused),
              "callback-member": ("help_callback", {"member_id": mid}, None),
              "callback-done": ("help_callback", {}, done)}
    problems = {}
    for lang in ("fr", "ar"):
        window.languages.set_language(lang)
        for orientation, size in (("portrait", (1080, 1920)), ("landscape", (1920, 1080))):
            window.resize(*size)
            for name, (screen_name, kwargs, action) in states.items():
                window.home()
                window.set_appearance(large_text=name.endswith("-large"))
                screen = window.open(screen_name, **kwargs)
                if action is not None:
                    action(screen)
                window.keyboard_controller.close()
                window.grab()
                bad = clipped(window)
                if bad:
                    problems[f"{name}-{lang}-{orientation}"] = bad
                window.grab().save(str(folder / f"{name}-{lang}-{orientation}.png"))
                window.set_appearance(large_text=False)
    window.languages.set_language("fr")
    window.resize(1080, 1920)
    print(f"\nhelp screens: {folder}")
    assert problems == {}
