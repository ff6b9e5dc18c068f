"""Folding, walking distance, phone/e-mail checks, masking, member numbers, enrollment form."""

import uuid

import pytest

from kiosk.domain.errors import ValidationError
from kiosk.domain.geo import haversine_m, walk
from kiosk.domain.members import EnrollmentForm, mask_phone, member_number, normalize_phone
from kiosk.domain.text import fold, fts_query


def test_fold_ignores_case_and_accents():
    assert fold("Épicerie  Saint-Denis") == "epicerie saint-denis"
    assert fold("Cœur") == "coeur" and fold("AÏCHA") == "aicha"
    assert fts_query("épic") == '"epic"*'
    assert fts_query('a "b') == '"a"* "b"*'


def test_haversine_and_walk():
    # Saint-Denis basilica to Aubervilliers town hall: about 3.1 km in a straight line.
    d = haversine_m(48.9356, 2.3597, 48.9146, 2.3821)
    assert 2800 < d < 3200
    w = walk(48.9356, 2.3597, 48.9146, 2.3821, detour_factor=1.3, speed_kmh=4.0)
    assert w.metres == pytest.approx(d * 1.3) and w.minutes == pytest.approx(d * 1.3 / 66.67, abs=1)


@pytest.mark.parametrize("typed", ["06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "06.12.34.56.78"])
def test_french_phones_are_stored_e164(typed):
    assert normalize_phone(typed) == "+33612345678"


@pytest.mark.parametrize("typed", ["12345", "06 12 34", "+44 20 7946 0958", "bonjour", ""])
def test_bad_phones_are_refused(typed):
    with pytest.raises(ValueError):
        normalize_phone(typed)


def test_mask_phone_keeps_only_the_ends():
    assert mask_phone("+33612345678") == "06 •• •• •• 78"


def test_member_number_is_stable_and_short():
    mid = uuid.UUID("12345678-1234-4234-8234-123456789abc")
    assert member_number(mid) == member_number(str(mid))
    assert len(member_number(mid)) == 9 and member_number(mid)[4] == "-"


def test_enrollment_form_reports_every_bad_field():
    form = EnrollmentForm(first_name="", last_name="B3nard", building_id="A", flat_id="nope",
                          phone="123", email="not-an-email", notice_accepted=False)
    with pytest.raises(ValidationError) as info:
        form.validate(flats_of_building={"A": {"A-101"}})
    assert info.value.codes() == {"first_name": "required", "last_name": "name.invalid_characters",
                                  "flat_id": "required", "phone": "phone.invalid", "email": "email.invalid",
                                  "notice_accepted": "notice.required"}


def test_enrollment_form_cleans_good_values():
    form = EnrollmentForm(" Aïcha ", "Benali", "A", "A-101", "06 12 34 56 78", "Aicha@Example.org",
                          notice_accepted=True)
    clean = form.validate(flats_of_building={"A": {"A-101"}})
    assert clean.first_name == "Aïcha" and clean.phone == "+33612345678" and clean.email == "Aicha@example.org"
