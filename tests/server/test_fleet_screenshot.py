"""IT's screenshot of a kiosk's attract screen (issue 16), through the real server on
127.0.0.1 (SQLite and PostgreSQL) and a real kiosk window: asked on the fleet page,
carried by the heartbeat answer, grabbed only on the attract screen, uploaded with the
kiosk's own credential, shown on the kiosk's page. Never a member or staff screen."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from PIL import Image

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from admin_helpers import PASSWORD, banner, login  # noqa: E402
from central import screenshots  # noqa: E402
from central.demo import building_id, flat_id  # noqa: E402
from kiosk.protocol.screenshot import MAX_BYTES, MAX_SIDE, upload_path  # noqa: E402
from kiosk.sync.provisioning import credential  # noqa: E402

pytestmark = pytest.mark.gui
TIMEOUT_MS = 20000


@pytest.fixture
def window_of(qtbot, tmp_path):  # noqa: ANN001, ANN201
    """window_of(kiosk) -> (window, taker): the kiosk's real window on its store, wired
    to its sync engine as the app does (kiosk.app.connect_screenshots)."""
    from kiosk.app import build_window, compose_services, connect_screenshots, create_qapp
    from kiosk.config import load_config
    from kiosk.tasks import Tasks
    from kiosk.ui.screen import Peripherals
    create_qapp()

    def make(k):  # noqa: ANN001, ANN202
        data_dir = Path(k.store.db.path).parent
        config = load_config(env={}, data_dir=data_dir).with_values(key_store="file", data_dir=data_dir,
                                                                     fullscreen=False)
        services = compose_services(config, k.store)
        services.membership = k.membership
        window = build_window(config, services, tasks=Tasks(services, None),
                              peripherals=Peripherals(camera=False, slip_folder=tmp_path / "slips"))
        qtbot.addWidget(window)
        window.resize(1080, 1920)
        window.show()
        return window, connect_screenshots(k.engine, window)
    return make


def heartbeat(k) -> None:  # noqa: ANN001
    k.engine._health_sent_at = 0.0   # the heartbeat's minute has passed
    k.sync()


def ask(admin: TestClient, csrf: str, device_id: str) -> None:
    r = admin.post(f"/admin/kiosks/{device_id}/screenshot", data={"csrf": csrf})
    assert r.status_code == 200 and "Capture demandée" in banner(r.text), r.text[:300]


def shown_image(admin: TestClient, device_id: str) -> tuple[str, Image.Image]:
    page = admin.get(f"/admin/kiosks/{device_id}").text
    m = re.search(r'<img src="(/admin/kiosks/[^"]+/screenshot\.jpg[^"]*)"[^>]*>\s*<figcaption>([^<]+)', page)
    assert m, "no screenshot on the kiosk's page"
    r = admin.get(m.group(1).replace("&amp;", "&"))
    assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
    assert "no-store" in r.headers["cache-control"]
    return m.group(2), Image.open(io.BytesIO(r.content))


def test_asked_on_the_fleet_page_the_attract_screen_comes_back(qtbot, kiosk, office, app, window_of) -> None:  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    k = kiosk("Hall A", building_id(1))
    window, taker = window_of(k)
    device_id = credential(k.store)[0]
    with TestClient(app) as admin:
        csrf = login(admin)
        assert "Aucune capture reçue." in admin.get(f"/admin/kiosks/{device_id}").text
        ask(admin, csrf, device_id)
        assert "en attente de la borne" in admin.get(f"/admin/kiosks/{device_id}").text
        assert window.history() == ["attract"]
        window.flash.show_result(True, "Bonjour Amina")   # a card's answer over it: a first name
        with qtbot.waitSignal(taker.looked, timeout=TIMEOUT_MS) as looked:
            heartbeat(k)
        assert looked.args == [False]
        with qtbot.waitSignal(taker.grabbed, timeout=TIMEOUT_MS):
            window.flash.dismiss()
        assert k.engine.send_screenshot()
        caption, img = shown_image(admin, device_id)
        assert caption.startswith("Reçue le ")
        assert max(img.size) == MAX_SIDE and img.size[0] < img.size[1]   # portrait 1080x1920, shrunk
        # Answered: the next heartbeat carries no request, and nothing more is sent.
        heartbeat(k)
        assert k.engine.screenshots.wanted == "" and not k.engine.send_screenshot()
        assert "en attente de la borne" not in admin.get(f"/admin/kiosks/{device_id}").text


def test_a_member_screen_is_never_grabbed_the_attract_screen_once_back_is(qtbot, kiosk, office, app,  # noqa: ANN001
                                                                           window_of) -> None:
    office.create_admin("bureau", PASSWORD)
    k = kiosk("Hall B", building_id(1))
    mid = k.enroll(building_id(1), flat_id(1, 1), first="Amina")
    window, taker = window_of(k)
    device_id = credential(k.store)[0]
    grabs: list[str] = []
    taker.grabbed.connect(grabs.append)
    window.open("member", card_text=k.membership.cards.current_card_text(mid))
    window.flash.dismiss()     # the card's answer gone: the member's space stays up
    assert window.current().name == "member"
    with TestClient(app) as admin:
        csrf = login(admin)
        ask(admin, csrf, device_id)
        with qtbot.waitSignal(taker.looked, timeout=TIMEOUT_MS) as looked:   # the answer reached the window
            heartbeat(k)
        rid = k.engine.screenshots.wanted
        assert rid and taker.waiting == rid and looked.args == [False]
        window.open("staff")       # a staff screen on top: still nothing
        with qtbot.waitSignal(taker.looked, timeout=TIMEOUT_MS) as looked:
            window.screen_shown.emit("attract")   # even told so, the check looks at the real stack
        assert looked.args == [False]
        heartbeat(k)
        assert grabs == [] and not k.engine.send_screenshot()
        assert screenshots.image_of(app.state.engine, device_id) is None
        page = admin.get(f"/admin/kiosks/{device_id}").text
        assert "en attente de la borne" in page and "screenshot.jpg" not in page
        with qtbot.waitSignal(taker.grabbed, timeout=TIMEOUT_MS):
            window.home()
        assert grabs == [rid] and k.engine.send_screenshot()
        shown_image(admin, device_id)


def test_a_request_given_up_stops_the_wait(qtbot, kiosk, office, app, window_of, monkeypatch) -> None:  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    k = kiosk("Hall C", building_id(1))
    window, taker = window_of(k)
    window.open("staff")
    device_id = credential(k.store)[0]
    with TestClient(app) as admin:
        ask(admin, login(admin), device_id)
        heartbeat(k)
        qtbot.waitUntil(lambda: bool(taker.waiting), timeout=TIMEOUT_MS)
        monkeypatch.setattr(screenshots, "WAIT_S", -1)     # the 15 minutes have passed
        heartbeat(k)
        qtbot.waitUntil(lambda: taker.waiting == "", timeout=TIMEOUT_MS)
        assert "Pas de capture : la borne n'est pas revenue" in admin.get(f"/admin/kiosks/{device_id}").text


def _jpeg(size: tuple[int, int] = (300, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, "JPEG")
    return out.getvalue()


def test_a_kiosk_uploads_only_for_itself_and_only_pictures(kiosk, office, app, live_server) -> None:  # noqa: ANN001
    a = kiosk("Hall A", building_id(1))
    b = kiosk("Hall B", building_id(2))
    a_id, a_secret = credential(a.store)
    b_id, b_secret = credential(b.store)
    rid = screenshots.ask(app.state.engine, a_id, by="bureau")
    as_a = {"Authorization": f"Bearer {a_id}.{a_secret}", "Content-Type": "image/jpeg"}
    as_b = {"Authorization": f"Bearer {b_id}.{b_secret}", "Content-Type": "image/jpeg"}
    with httpx.Client(base_url=live_server.url) as c:
        # Another building's kiosk, for A's id and request, or A's request on its own path: refused alike.
        for path, headers in ((upload_path(a_id, rid), as_b), (upload_path(b_id, rid), as_b)):
            r = c.post(path, content=_jpeg(), headers=headers)
            assert r.status_code == 404 and r.json()["code"] == "no_request", r.text
        assert c.post(upload_path(a_id, rid), content=_jpeg(), headers={**as_b, "Authorization": f"Bearer {a_id}.x"}
                      ).status_code == 401
        # A itself: not a picture, too heavy, a wrong type, a wrong request: refused.
        r = c.post(upload_path(a_id, rid), content=b"<svg onload=alert(1)>", headers=as_a)
        assert r.status_code == 400 and r.json()["code"] == "not_an_image"
        assert c.post(upload_path(a_id, rid), content=_jpeg() + b"0" * MAX_BYTES, headers=as_a).status_code == 413
        assert c.post(upload_path(a_id, rid), content=_jpeg(), headers={**as_a, "Content-Type": "image/svg+xml"}
                      ).status_code == 415
        assert c.post(upload_path(a_id, "x" * 16), content=_jpeg(), headers=as_a).status_code == 404
        assert screenshots.image_of(app.state.engine, a_id) is None
        # The right one, once: stored as the server's own JPEG; a replay is refused.
        assert c.post(upload_path(a_id, rid), content=_jpeg((2400, 1200)), headers=as_a).status_code == 204
        assert c.post(upload_path(a_id, rid), content=_jpeg(), headers=as_a).status_code == 404
    mime, data = screenshots.image_of(app.state.engine, a_id)
    assert mime == "image/jpeg" and Image.open(io.BytesIO(data)).size == (MAX_SIDE, MAX_SIDE // 2)
    assert screenshots.image_of(app.state.engine, b_id) is None


def test_an_admin_of_another_estate_can_neither_see_nor_ask(kiosk, office, app) -> None:  # noqa: ANN001
    k = kiosk("Hall A", building_id(1))
    device_id = credential(k.store)[0]
    rid = screenshots.ask(app.state.engine, device_id, by="bureau")
    screenshots.receive(app.state.engine, device_id, rid, _jpeg())
    office.put_place("estate", {"id": "OPAC-AMI", "name": "Conciergerie d'Amiens", "city": "Amiens"})
    office.create_admin("amiens", PASSWORD, role="admin", estate_ids=["OPAC-AMI"])
    office.create_admin("lecteur", PASSWORD, role="reader")
    with TestClient(app) as admin:
        csrf = login(admin, "amiens")
        assert admin.get(f"/admin/kiosks/{device_id}/screenshot.jpg").status_code == 404
        assert admin.post(f"/admin/kiosks/{device_id}/screenshot", data={"csrf": csrf}).status_code == 404
        assert screenshots.state_of(app.state.engine, device_id).requested_at == ""
    with TestClient(app) as reader:
        csrf = login(reader, "lecteur")
        assert reader.get(f"/admin/kiosks/{device_id}/screenshot.jpg").status_code == 200   # sees the fleet
        assert "Demander une capture" not in reader.get(f"/admin/kiosks/{device_id}").text
        assert reader.post(f"/admin/kiosks/{device_id}/screenshot", data={"csrf": csrf}).status_code == 403
    with TestClient(app) as admin:
        login(admin, "amiens")   # no CSRF token: refused before anything
        assert admin.post(f"/admin/kiosks/{device_id}/screenshot", data={}).status_code in (400, 403)
        assert screenshots.state_of(app.state.engine, device_id).requested_at == ""


def test_a_picture_for_a_request_given_up_meanwhile_is_dropped_not_retried(kiosk, office, app, monkeypatch) -> None:  # noqa: ANN001
    k = kiosk("Hall D", building_id(1))
    device_id = credential(k.store)[0]
    screenshots.ask(app.state.engine, device_id, by="bureau")
    heartbeat(k)
    rid = k.engine.screenshots.wanted
    assert rid
    k.engine.screenshots.ready(rid, lambda: ("image/jpeg", _jpeg()))
    monkeypatch.setattr(screenshots, "WAIT_S", -1)     # given up on the server before the upload
    assert not k.engine.send_screenshot()
    assert k.engine.screenshots.wanted == "" and k.engine.screenshots.take() is None
    assert screenshots.image_of(app.state.engine, device_id) is None
