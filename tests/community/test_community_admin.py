"""The office's community pages through HTTP (login, CSRF), with a kiosk syncing the
results: an idea published with an answer, a request answered, the sign-ups of an
event in arrival order, and a refill from the waitlist after raising the capacity."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from central.demo import building_id
from community_fixtures import app, backend, central_url, kiosk, live_server, make_store, office  # noqa: F401
from kiosk.domain.community import RegistrationStatus
from test_community_sync import make_event, make_members, sync

PASSWORD = "correct horse battery"
B1 = building_id(1)
pytestmark = pytest.mark.slow


@pytest.fixture
def admin(app, office):  # noqa: ANN001, ANN201, F811
    office.create_admin("bureau", PASSWORD)
    with TestClient(app) as c:
        r = c.post("/admin/login", data={"username": "bureau", "password": PASSWORD}, follow_redirects=False)
        assert r.status_code == 303
        c.csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/community/ideas").text).group(1)
        yield c


def test_office_moderates_answers_and_refills_through_the_admin(admin, kiosk, office):  # noqa: ANN001, F811
    a, b, c = make_members(office, 3)
    k1 = kiosk("k1", B1)
    community = k1.community
    event = make_event(office, "ev-admin", 1)
    sync(k1)
    idea = community.submit_idea("living", "Un composteur dans la cour", a)
    req = community.submit_request(a, "noise", "Musique tard le soir")
    community.register(event, b)
    community.register(event, c)
    sync(k1)

    page = admin.get("/admin/community/ideas").text
    assert "Un composteur dans la cour" in page
    r = admin.post(f"/admin/community/ideas/{idea.id}", data={"csrf": admin.csrf, "status": "published",
                                                               "answer": "Commandé pour mai."}, follow_redirects=False)
    assert r.status_code == 303
    assert admin.post(f"/admin/community/ideas/{idea.id}", data={"status": "published"}).status_code == 403  # no CSRF
    assert "Musique tard le soir" in admin.get("/admin/community/requests").text
    admin.post(f"/admin/community/requests/{req.id}", data={"csrf": admin.csrf, "status": "done",
                                                            "answer": "Le gardien est passé."})
    page = admin.get(f"/admin/community/events/{event}").text
    assert page.index("Confirmée") < page.index("Liste d&#39;attente")  # arrival order, in words
    # the office raises the capacity, then fills the new place from the waitlist
    office.put("event", {**office.list("event")[0], "capacity": 2})
    admin.post(f"/admin/community/events/{event}/refill", data={"csrf": admin.csrf})
    sync(k1)
    [view] = community.published_ideas()
    assert view.idea.answer == "Commandé pour mai."
    [mine] = community.my_requests(a)
    assert (mine.status.value, mine.answer) == ("done", "Le gardien est passé.")
    assert [m.registration.status for m in community.my_events(c)] == [RegistrationStatus.CONFIRMED]
    assert community.event(event).confirmed == 2
