"""Items' pictures on the kiosk, through the real path: the demo's items and pictures put
at the office (``central/lending_demo.py``, the upload's re-encoding), a real sync to a
real encrypted kiosk store, the real catalogue screen (pytest-qt, offscreen). The item
page shows the photo (its pixels, not the pictogram's), the item without a photo and a
corrupt or truncated photo show the category's pictogram, and nothing crashes."""

from __future__ import annotations

import hashlib
import io
import os
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402

from central.lending_demo import ITEMS, PICTURES, seed_lending  # noqa: E402
from lending_helpers import B1, B2  # noqa: E402

pytestmark = pytest.mark.gui


def test_demo_pictures_are_small_and_licensed() -> None:
    files = sorted(PICTURES.glob("*.jpg"))
    assert {f.stem for f in files} == {i[-1] for i in ITEMS if i[-1]}
    assert all(f.stat().st_size < 60_000 for f in files)
    assert "CC0" in (PICTURES / "LICENCE").read_text(encoding="utf-8")


@pytest.fixture
def catalogue(office, kiosk, qtbot, tmp_path):  # noqa: ANN001, ANN201
    """(screen, store): the catalogue of a kiosk synced from the office's demo items."""
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.services.members import build_membership
    from kiosk.tasks import Tasks
    from kiosk.ui.lending.catalogue import LendingCatalogueScreen
    from kiosk.ui.screen import Peripherals
    from kiosk.ui.lending import photos
    photos.clear_caches()          # one process runs every test: start each without decoded pictures
    assert seed_lending(office.engine, [B1, B2])
    assert not seed_lending(office.engine, [B1, B2])          # idempotent
    k = kiosk("k1", B1)
    k.sync()
    create_qapp()
    data_dir = Path(k.store.db.path).parent
    config = load_config(env={}, data_dir=data_dir).with_values(key_store="file", data_dir=data_dir,
                                                                  log_dir=tmp_path / "logs", fullscreen=False)
    services = compose_services(config, k.store, now=datetime.now)
    services.membership = build_membership(k.store, config)
    window = build_window(config, services, tasks=Tasks(services, None),
                          peripherals=Peripherals(camera=False, slip_folder=tmp_path))
    qtbot.addWidget(window)

    def make():  # noqa: ANN202
        screen = LendingCatalogueScreen(window.ctx)
        qtbot.addWidget(screen)
        screen.resize(1080, 1920)
        screen.show()
        qtbot.waitUntil(lambda: screen.items.count() == len(ITEMS))
        return screen
    return make, k.store


def _open(qtbot, screen, item_id: str) -> None:  # noqa: ANN001
    row = next(screen.items.item(i) for i in range(screen.items.count()) if screen.items.item(i).data(256) == item_id)
    # The tap itself on a row is test_lending_gui's; on a list long enough to scroll, the
    # finger scroller (QScroller) holds an instant synthetic press, so the row's signal is used.
    screen.items.itemClicked.emit(row)
    qtbot.waitUntil(lambda: screen.detail.isVisible())
    assert screen.detail.entry.item.id == item_id


def _pictogram_tile(screen, item):  # noqa: ANN001, ANN202
    from kiosk.ui.lending import photos
    return photos.pictogram(item, screen.detail.PHOTO, screen.theme["on_secondary"], screen.theme["secondary"]).toImage()


def _close(a, b, tol: int = 24) -> bool:  # noqa: ANN001
    return all(abs(x - y) <= tol for x, y in zip(a, b))


def test_the_item_page_shows_its_photo_and_the_pictogram_without_one(catalogue, qtbot) -> None:  # noqa: ANN001
    make, _store = catalogue
    screen = make()
    _open(qtbot, screen, "demo-item-drill")
    shown = screen.detail.photo.pixmap().toImage()
    assert screen.detail.is_photo and screen.detail.photo.accessibleName() == "Perceuse visseuse"
    assert (shown.width(), shown.height()) == (400, 300)           # 4:3 kept in the 400×300 box
    assert shown != _pictogram_tile(screen, screen.detail.entry.item)
    # its pixels are the drawing's: the drill's orange body and the background
    with Image.open(PICTURES / "perceuse.jpg") as src:
        src = src.convert("RGB").resize((400, 300))
        for x, y in ((200, 133), (50, 50), (333, 250)):
            c = shown.pixelColor(x, y)
            assert _close((c.red(), c.green(), c.blue()), src.getpixel((x, y))), (x, y)
    assert shown.pixelColor(1, 1).alpha() == 0                     # rounded corner
    assert "disponible" in screen.detail.state.text() and screen.detail.state.isVisible()
    # the list rows carry the pictures too, named by the item
    rows = {screen.items.item(i).data(256): screen.items.item(i) for i in range(screen.items.count())}
    assert not rows["demo-item-drill"].icon().isNull()
    from PySide6.QtCore import Qt
    assert rows["demo-item-drill"].data(Qt.ItemDataRole.AccessibleTextRole) == "Perceuse visseuse"
    # back to the list, then the sander: no photo, its category's pictogram
    qtbot.mouseClick(screen.detail.back, Qt.MouseButton.LeftButton)
    assert screen.items.isVisible() and not screen.detail.isVisible()
    _open(qtbot, screen, "demo-item-sander")
    assert not screen.detail.is_photo
    assert screen.detail.photo.pixmap().toImage() == _pictogram_tile(screen, screen.detail.entry.item)
    assert screen.detail.photo.accessibleName() == "Ponceuse orbitale"


@pytest.mark.parametrize("damage", ["garbage", "truncated", "truncated_jpeg_same_digest", "another_items_picture"])
def test_a_corrupt_photo_shows_the_pictogram_and_nothing_breaks(catalogue, qtbot, damage) -> None:  # noqa: ANN001
    make, store = catalogue
    import base64
    [(data,)] = store.db.run(lambda c: c.execute("SELECT data FROM item_photos WHERE item_id = ?",
                                                 ("demo-item-washer",)).fetchall())
    good = base64.b64decode(data)
    bad = b"\xff\xd8\xff\xe0 not a picture " * 40 if damage == "garbage" else good[: len(good) // 2]
    if damage == "another_items_picture":        # a good picture, not the one the item names
        [(other,)] = store.db.run(lambda c: c.execute("SELECT data FROM item_photos WHERE item_id = ?",
                                                      ("demo-item-drill",)).fetchall())
        bad = base64.b64decode(other)
    if damage == "truncated_jpeg_same_digest":   # Qt decodes half a JPEG as a grey half, without an error
        out = io.BytesIO()
        with Image.open(io.BytesIO(good)) as img:
            img.convert("RGB").save(out, "JPEG", quality=90)
        bad = out.getvalue()[: len(out.getvalue()) * 2 // 3]
    store.db.run(lambda c: c.execute("UPDATE item_photos SET data = ? WHERE item_id = ?",
                                     (base64.b64encode(bad).decode(), "demo-item-washer")))
    if damage == "truncated_jpeg_same_digest":  # the digest matches: only the file's missing end tells
        store.db.run(lambda c: c.execute("UPDATE lending_items SET photo = ? WHERE id = ?",
                                         (hashlib.sha256(bad).hexdigest()[:16], "demo-item-washer")))
    screen = make()
    _open(qtbot, screen, "demo-item-washer")
    assert not screen.detail.is_photo
    assert screen.detail.photo.pixmap().toImage() == _pictogram_tile(screen, screen.detail.entry.item)
    assert screen.detail.photo.accessibleName() == "Nettoyeur haute pression"
    _open_other = "demo-item-drill"
    from PySide6.QtCore import Qt
    qtbot.mouseClick(screen.detail.back, Qt.MouseButton.LeftButton)
    _open(qtbot, screen, _open_other)
    assert screen.detail.is_photo                                    # the others still show theirs


def test_admin_rendition_of_an_item_photo_is_the_kiosk_size(office) -> None:  # noqa: ANN001
    from central.lending_office import LendingOffice
    seed_lending(office.engine, [B1])
    mime, data = LendingOffice(office.engine).photo("demo-item-ladder")
    with Image.open(io.BytesIO(data)) as img:
        assert max(img.size) == 480 and mime in ("image/jpeg", "image/png") and len(data) <= 60_000


def test_pictures_are_read_and_decoded_once(catalogue, monkeypatch) -> None:  # noqa: ANN001
    from kiosk.services.lending import LendingService
    make, _store = catalogue
    reads: list[str] = []
    real = LendingService.photo
    monkeypatch.setattr(LendingService, "photo", lambda self, item_id: reads.append(item_id) or real(self, item_id))
    first = make()
    assert sorted(reads) == sorted(i[0] for i in ITEMS if i[-1])
    second = make()                                  # the screen opened again: nothing read again
    assert len(reads) == sum(1 for i in ITEMS if i[-1])
    assert second.images.keys() == first.images.keys() and all(v is not None for v in second.images.values())
