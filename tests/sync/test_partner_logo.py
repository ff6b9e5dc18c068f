"""A partner's logo from the office's upload to the kiosk's screens, through the real parts:
the admin's upload route (HTTP), the server's re-encoding and feed, a real encrypted
kiosk store synced against the live server, and the kiosk's real window (offscreen).

The partner screen and the partner's row in the list show the image the office sent
(its pixels, not just "a pixmap"); the other partners keep their category pictogram; a
new upload replaces it and a deleted partner's logo leaves the kiosk. The screens are
rendered in French and Arabic, portrait and landscape, with and without a logo, into
``PARTNER_SHOTS`` (default: a temporary folder), and checked for clipped text.
SQLite only: the server side of the path is the same on PostgreSQL
(tests/sync/test_help_sync.py and the admin tests run both).
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image, ImageDraw, ImageFont

from central.demo import building_id
from kiosk.domain.partners import LOGO_MAX_BYTES, LOGO_SIDE

pytestmark = pytest.mark.gui
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

B1 = building_id(1)
PASSWORD = "correct horse battery"
GREEN = (20, 120, 60)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def bakery_logo() -> bytes:
    """A wide logo on a transparent background, as partners send them (a 1.5 MB-ish PNG)."""
    img = Image.new("RGBA", (1600, 800), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((40, 40, 1560, 760), radius=160, fill=GREEN + (255,))
    font = ImageFont.truetype(FONT, 190) if Path(FONT).exists() else ImageFont.load_default()
    d.text((800, 400), "PAIN", fill=(255, 255, 255, 255), font=font, anchor="mm")
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_logo_uploaded_at_the_office_is_shown_on_the_kiosks_partner_screens(qtbot, kiosk, app, office,
                                                                            tmp_path):  # noqa: ANN001
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.tasks import Tasks
    from kiosk.ui.widgets.logo import forget_all

    forget_all()
    k = kiosk("k1", B1)
    office.create_admin("bureau", PASSWORD)
    with TestClient(app) as c:
        c.post("/admin/login", data={"username": "bureau", "password": PASSWORD})
        csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/account").text).group(1)
        r = c.post("/admin/partner/demo-partner-1/logo", data={"csrf": csrf},
                   files={"logo": ("logo.png", bakery_logo(), "image/png")})
        assert "Logo enregistré" in r.text
    k.sync()
    [logo] = k.store.repos.partners.logos(["demo-partner-1", "demo-partner-2"]).values()
    small = Image.open(io.BytesIO(logo.image()))
    assert logo.partner_id == "demo-partner-1" and max(small.size) <= LOGO_SIDE and len(logo.image()) <= LOGO_MAX_BYTES
    assert small.format in ("PNG", "JPEG") and small.size == (LOGO_SIDE, LOGO_SIDE // 2)

    data_dir = Path(k.store.db.path).parent
    config = load_config(env={}, data_dir=data_dir).with_values(key_store="file", data_dir=data_dir,
                                                                 fullscreen=False, audio_device="none")
    create_qapp()
    services = compose_services(config, k.store)
    window = build_window(config, services, tasks=Tasks(services, None), idle_timeout_s=3600.0)
    qtbot.addWidget(window)
    window.resize(1080, 1920)
    window.show()
    qtbot.waitExposed(window)
    detail = window.open("partner", partner_id="demo-partner-1")
    assert detail.logo is not None and detail._pic.pixmap().cacheKey() == detail.logo.cacheKey()
    assert _is_green(detail._pic.pixmap().toImage().pixelColor(80, 60))          # the office's image
    other = window.open("partner", partner_id="demo-partner-2")
    assert other.logo is None and not _is_green(other._pic.pixmap().toImage().pixelColor(48, 48))
    window.home()
    listing = window.open("partners")
    qtbot.waitUntil(listing.rows_complete)
    rows = {row.entry.partner.id: row for row in listing.rows()}
    assert rows["demo-partner-1"].logo is not None and rows["demo-partner-2"].logo is None
    assert rows["demo-partner-1"]._pic.pixmap().cacheKey() == rows["demo-partner-1"].logo.cacheKey()

    _render(window, Path(os.environ.get("PARTNER_SHOTS", tmp_path / "partner-shots")))

    # a new logo replaces the old one on the kiosk; a deleted partner's logo leaves it
    with TestClient(app) as c:
        c.post("/admin/login", data={"username": "bureau", "password": PASSWORD})
        csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/account").text).group(1)
        blue = io.BytesIO()
        Image.new("RGB", (300, 300), (20, 60, 200)).save(blue, "JPEG")
        c.post("/admin/partner/demo-partner-1/logo", data={"csrf": csrf},
               files={"logo": ("photo.jpg", blue.getvalue(), "image/jpeg")})
    k.sync()
    window.home()
    again = window.open("partner", partner_id="demo-partner-1")
    colour = again._pic.pixmap().toImage().pixelColor(80, 80)
    assert colour.blue() > 150 and colour.green() < 110
    office.delete("partner", "demo-partner-1")
    k.sync()
    assert k.store.repos.partners.logos(["demo-partner-1"]) == {}
    assert k.store.db.run(lambda c: c.execute("SELECT count(*) FROM partner_logos").fetchone()[0]) == 0


def _is_green(c) -> bool:  # noqa: ANN001
    return abs(c.red() - GREEN[0]) < 30 and abs(c.green() - GREEN[1]) < 30 and abs(c.blue() - GREEN[2]) < 30


def _render(window, folder: Path) -> None:  # noqa: ANN001
    """Both partner screens, with and without a logo, fr and ar, both orientations; no text clipped."""
    from kiosk.ui.layout_check import clipped
    folder.mkdir(parents=True, exist_ok=True)
    problems = {}
    for lang in ("fr", "ar"):
        window.languages.set_language(lang)
        for orientation, size in (("portrait", (1080, 1920)), ("landscape", (1920, 1080))):
            window.resize(*size)
            for name, kwargs in (("logo", {"partner_id": "demo-partner-1"}), ("nologo", {"partner_id": "demo-partner-2"}),
                                 ("list", None)):
                window.home()
                screen = window.open("partner", **kwargs) if kwargs else window.open("partners")
                if kwargs is None:
                    while not screen.rows_complete():
                        screen._on_more_rows_timeout()
                window.grab()   # lays out at this size
                bad = clipped(window)
                if bad:
                    problems[f"{name}-{lang}-{orientation}"] = bad
                window.grab().save(str(folder / f"partner-{name}-{lang}-{orientation}.png"))
    window.languages.set_language("fr")
    print(f"\npartner screens: {folder}")
    assert problems == {}
