"""Fixtures of the camera tests: real signed card texts (helpers in camera_helpers.py)."""

from __future__ import annotations

import os
import uuid
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from kiosk.domain.cards import CardSigner, Role  # noqa: E402


@pytest.fixture(scope="session")
def card_texts() -> list[str]:
    """Three real signed member-card texts (153-character CK1: payloads)."""
    signer = CardSigner.generate()
    return [signer.issue(Role.MEMBER, uuid.uuid4(), 100 + i, date.today(), 730)[0] for i in range(3)]
