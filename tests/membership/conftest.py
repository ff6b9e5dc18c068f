"""Fixtures of the membership tests: a real encrypted store with the demo places and
caretaker, the membership services on it, and a clock the tests can move."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from kiosk.config import load_config
from kiosk.demo import data
from kiosk.demo.seed import seed_demo
from kiosk.domain.members import EnrollmentForm
from kiosk.services.members import build_membership
from kiosk.services.notice import load_notice
from kiosk.store.opening import open_store


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw) -> None:
        self.now += timedelta(**kw)


@pytest.fixture
def config(tmp_path: Path):
    return load_config(env={}, data_dir=tmp_path / "data").with_values(
        key_store="file", buildings=list(data.DEMO_KIOSK_BUILDINGS), log_dir=tmp_path / "logs")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(config):
    s = open_store(config)
    seed_demo(s, members=5)
    yield s
    s.close()


@pytest.fixture
def membership(store, config, clock):
    return build_membership(store, config, now=clock)


@pytest.fixture
def notice():
    return load_notice("fr")


@pytest.fixture
def flat(membership):
    choices = membership.members.place_choices()
    b = choices.buildings[0]
    e = choices.entrances[b.id][0]
    return choices.flats[e.id][5]


def make_form(flat, **kw) -> EnrollmentForm:
    values = dict(first_name="Yasmina", last_name="Benkhelifa", building_id=flat.building_id, flat_id=flat.id,
                  phone="06 12 34 56 78", email="", language="fr", sms_opt_in=True, newsletter_opt_in=False,
                  notice_accepted=True)
    values.update(kw)
    return EnrollmentForm(**values)


@pytest.fixture
def session(membership):
    return membership.staff.sign_in(data.DEMO_STAFF_ID, data.DEMO_STAFF_PIN)
