"""The exchanges board rendered in its states (empty, long list, one category, a contact
request sent, a refusal, large text) in French and Arabic, portrait and landscape: no
text clipped (kiosk/ui/layout_check.py). The pictures are in the test's temp folder."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_the_exchanges_board_fits_in_every_state(tmp_path) -> None:  # noqa: ANN001
    import render_exchanges as shots
    written, problems = shots.main(tmp_path)
    assert len(written) == 6 * 2 * 2
    assert problems == []
