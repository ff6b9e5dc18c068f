"""Render the tenants' lending catalogue and item page with pictures, offscreen, in French
and Arabic (right to left), portrait 1080×1920 and landscape 1920×1080, normal and large
text: empty, a long list with and without photos, an item out, a loan overdue (the
member's view), the item page with a photo, without one, and with a corrupt one; to
/tmp/lending-pictures/ (or the folder given).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/lending/render_pictures.py [folder]

The pictures are the demo's (``central/lending_demo.py``), re-encoded as the server does.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def demo_rows(buildings: tuple[str, ...], extra: int) -> list:
    from central.admin.logos import kiosk_rendition, reencode
    from central.lending_demo import ITEMS, PICTURES
    from kiosk.domain.lending import (ITEM_PHOTO_MAX_BYTES, ITEM_PHOTO_SIDE, Item, ItemCategory, ItemPhoto,
                                      LendingPoint)
    rows: list = [LendingPoint("demo-point-loge", "Loge du gardien", "Hall A", buildings)]
    for item_id, name, cat, deposit, days, waiver, hold, safety, picture in ITEMS:
        digest, photo = "", None
        if picture:
            png, _, _ = reencode((PICTURES / f"{picture}.jpg").read_bytes())
            mime, small = kiosk_rendition(png, ITEM_PHOTO_SIDE, ITEM_PHOTO_MAX_BYTES)
            digest = hashlib.sha256(small).hexdigest()[:16]
            photo = ItemPhoto(item_id, mime, base64.b64encode(small).decode(), digest)
        rows.append(Item(item_id, "demo-point-loge", name, ItemCategory(cat), deposit_cents=deposit, loan_days=days,
                         needs_waiver=waiver, hold_days=hold, safety_notes=safety, photo=digest))
        rows += [photo] if photo else []          # after its item (the replica skips an orphan)
    names = ["Scie sauteuse pendulaire avec lames bois et métal", "Tondeuse à gazon", "Aspirateur eau et poussière",
             "Robot pâtissier", "Fer à repasser vapeur", "Chariot de courses pliant", "Jeu de quilles",
             "Boîte à outils complète (marteau, tournevis, clés)"]
    cats = [ItemCategory.TOOLS, ItemCategory.GARDEN, ItemCategory.CLEANING, ItemCategory.KITCHEN,
            ItemCategory.SEWING, ItemCategory.MOBILITY, ItemCategory.LEISURE, ItemCategory.TOOLS]
    rows += [Item(f"x{i}", "demo-point-loge", names[i], cats[i]) for i in range(min(extra, len(names)))]
    return rows


def main(out: Path) -> list[Path]:
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.config import load_config
    from kiosk.demo import data
    from kiosk.demo.seed import seed_demo
    from kiosk.domain.lending import Loan, LoanStatus
    from kiosk.services.members import build_membership
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.screen import Peripherals

    out.mkdir(parents=True, exist_ok=True)
    app = create_qapp()
    written: list[Path] = []
    buildings = tuple(b[0] for b in data.BUILDINGS)
    for state in ("empty", "list", "detail-photo", "detail-nophoto", "detail-corrupt", "member-overdue"):
        tmp = Path(tempfile.mkdtemp(prefix="lending-pictures-"))
        (tmp / "config.toml").write_text("")
        config = load_config(tmp / "config.toml", env={}, data_dir=tmp / "data").with_values(
            key_store="file", log_dir=tmp / "logs", fullscreen=False)
        store = open_store(config)
        seed_demo(store, members=8)
        mids = sorted(store.repos.members.ids())
        if state != "empty":
            rows = demo_rows(buildings, 8 if state == "list" else 0)
            today = date.today()
            rows += [Loan("out1", "demo-item-washer", mids[2], LoanStatus.OUT, due_on=(today + timedelta(days=3)).isoformat()),
                     Loan("late1", "demo-item-drill", mids[0], LoanStatus.OUT, due_on=(today - timedelta(days=4)).isoformat()),
                     Loan("res1", "demo-item-sewing", mids[0], LoanStatus.RESERVED)]
            store.db.run(lambda _c: [store.repos.replica.put(r) for r in rows])
            if state == "detail-corrupt":
                store.db.run(lambda c: c.execute("UPDATE item_photos SET data = ? WHERE item_id = ?",
                                                 (base64.b64encode(b"\xff\xd8 broken").decode(), "demo-item-hedge")))
        services = compose_services(config, store, now=datetime.now)
        services.membership = build_membership(store, config)
        window = build_window(config, services, tasks=Tasks(services, None),
                              peripherals=Peripherals(camera=False, slip_folder=tmp))
        card = services.membership.cards.current_card_text(mids[0])
        for large in (False, True):
            window.set_appearance(large_text=large)
            for lang in ("fr", "ar"):
                window.languages.set_language(lang)
                for w, h in ((1080, 1920), (1920, 1080)):
                    window.resize(w, h)
                    window.show()
                    screen = window.open("lending")
                    [app.processEvents() for _ in range(5)]   # layouts settle in a few passes, as in a running kiosk
                    if state != "list" or large:
                        window.keyboard_controller.close()     # the list with the keyboard: "list" only
                    if state == "member-overdue":
                        screen.scan.card_entered.emit(card)
                    target = {"detail-photo": "demo-item-washer", "detail-nophoto": "demo-item-sander",
                              "detail-corrupt": "demo-item-hedge"}.get(state)
                    if target:
                        screen._open_detail(target)
                    [app.processEvents() for _ in range(5)]   # layouts settle in a few passes, as in a running kiosk
                    path = out / f"{state}-{lang}-{w}x{h}{'-large' if large else ''}.png"
                    window.grab().save(str(path))
                    written.append(path)
                    window.home()
        window.close()
        store.close()
    return written


if __name__ == "__main__":
    for p in main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/lending-pictures")):
        print(p)
