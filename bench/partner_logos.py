"""Partner logos benchmark: what 2,000 partners' logos cost a kiosk's first sync, and the screen.

Two central databases with the same 2,000 partners and offers (SQLite, ``central serve``
in its own process on 127.0.0.1, as bench/sync.py): one without logos (the reference in
the same run), one where every partner has a logo. The logos are made like the office's
uploads (wide transparent word marks, square colour logos, photos of a shop front, 24
different images, 1,600 px wide) and go through the server's real path: re-encoded to
512 px for the admin, then the kiosk's rendition (``central.admin.logos.kiosk_logo``)
published in the catalogue feed. Printed:

- the kiosk rendition's size per kind of image (median, max; the cap is 30 KB);
- the snapshot a new kiosk downloads (bytes) and its first sync (HTTP snapshot + apply
  into SQLCipher), median of 3 fresh kiosks, with and without logos, and the ratio;
- on the screen: decoding one logo into its list badge (``badge_image``, the job the
  list runs off the GUI thread) against taking the kept pixmap (``pixmap_of``), and the
  background job of one batch of six rows (query + decode).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/partner_logos.py [--kiosks 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from central import db as cdb  # noqa: E402
from central.admin.logos import kiosk_logo, reencode  # noqa: E402
from central.cli import migrate  # noqa: E402
from central.db import make_engine  # noqa: E402
from central.demo import building_id, seed  # noqa: E402
from central.feed import CATALOG  # noqa: E402
from central.office import Office  # noqa: E402
from central.records import put_catalog  # noqa: E402
from kiosk.protocol.entities import PARTNER_LOGO  # noqa: E402

PARTNERS = 2000
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
PHOTOS = Path("/work/shared/data/qr-dev/nocode-1")
_spec = importlib.util.spec_from_file_location("bench_sync", ROOT / "bench" / "sync.py")
assert _spec and _spec.loader
bench_sync = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_sync)


def uploads(rng: random.Random) -> list[tuple[str, bytes]]:
    """24 images as partners send them: (kind, file bytes)."""
    font = ImageFont.truetype(FONT, 180) if Path(FONT).exists() else ImageFont.load_default()
    out = []
    for i in range(8):
        colour = tuple(rng.randrange(20, 200) for _ in range(3))
        mark = Image.new("RGBA", (1600, 600), (0, 0, 0, 0))
        d = ImageDraw.Draw(mark)
        d.rounded_rectangle((20, 20, 1580, 580), radius=120, fill=colour + (255,))
        d.text((800, 300), ["PAIN", "FLEURS", "COIFFURE", "CINÉMA", "ASSURE", "PLOMBIER", "CLÉS", "ÉPICERIE"][i],
                fill=(255, 255, 255, 255), font=font, anchor="mm")
        out.append(("word mark (PNG, transparent)", _file(mark, "PNG")))
        square = Image.new("RGB", (1200, 1200), (255, 255, 255))
        d = ImageDraw.Draw(square)
        for _ in range(6):
            x, y, r = rng.randrange(100, 1100), rng.randrange(100, 1100), rng.randrange(80, 400)
            d.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(0, 255) for _ in range(3)))
        out.append(("square colour logo (PNG)", _file(square, "PNG")))
    photos = sorted(p for p in PHOTOS.iterdir() if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp"))[:8]
    for path in photos:
        out.append(("real photograph", path.read_bytes()))
    return out


def _file(img: Image.Image, fmt: str) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, quality=90) if fmt == "JPEG" else img.save(buf, fmt)
    return buf.getvalue()


def fill(office: Office, logos: list | None) -> None:
    seed(office, buildings=2, flats_per_building=20, partners=1)
    with office.tx() as (conn, fw):
        for i in range(PARTNERS):
            pid = f"bp{i}"
            put_catalog(conn, fw, "partner", cdb.partners, {
                "id": pid, "name": f"Partenaire {i}", "category": "food", "address": f"{i} rue du Marché",
                "lat": 48.93, "lon": 2.35, "phone": "", "website": "", "description": "Boulangerie de quartier",
                "hours": {"days": {"0": [["08:00", "19:00"]]}}, "active": True})
            put_catalog(conn, fw, "offer", cdb.offers, {"id": f"bo{i}", "partner_id": pid,
                                                        "text": "-10 % sur présentation de la carte",
                                                        "conditions": "", "valid_from": None,
                                                        "valid_until": "2030-01-01"})
            if logos is not None:
                logo = logos[i % len(logos)]
                fw.put(CATALOG, PARTNER_LOGO, type(logo)(pid, logo.mime, logo.data, logo.digest))


def first_syncs(url: str, folder: Path, kiosks: int) -> tuple[int, list[float], int]:
    """(snapshot bytes, first sync seconds per fresh kiosk, kiosk file bytes)."""
    engine = make_engine(url)
    office = Office(engine)
    server = bench_sync.ServerProcess(url)
    times, size, file_bytes = [], 0, 0
    try:
        for k in range(kiosks):
            store, eng = bench_sync.new_kiosk(folder / f"k{k}-{uuid.uuid4().hex[:6]}", server, office, building_id(1))
            started = time.perf_counter()
            report = eng.run_once(force=True)
            times.append(time.perf_counter() - started)
            assert report.ok and report.snapshot, report
            if k == 0:
                from kiosk.sync.provisioning import credential
                device, secret = credential(store)
                r = httpx.get(f"{server.url}/v1/sync/snapshot", headers={"Authorization": f"Bearer {device}.{secret}"},
                              timeout=120)
                size = len(r.content)
            eng.client.close()
            store.db.checkpoint()
            file_bytes = Path(store.db.path).stat().st_size
            store.close()
    finally:
        server.stop()
        engine.dispose()
    return size, times, file_bytes


def screen_figures(logos: list) -> dict[str, float]:
    from PySide6.QtGui import QGuiApplication
    from kiosk.ui.widgets.logo import ROW_SIDE, badge_image, forget_all, load_badges, pixmap_of
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    datas = [g.image() for g in logos]
    decode = []
    for _ in range(10):
        for data in datas:
            t = time.perf_counter()
            badge_image(data, ROW_SIDE)
            decode.append(time.perf_counter() - t)
    img = badge_image(datas[0], ROW_SIDE)
    forget_all()
    pixmap_of("p", "d", ROW_SIDE, img)
    kept = []
    for _ in range(1000):
        t = time.perf_counter()
        pixmap_of("p", "d", ROW_SIDE, None)
        kept.append(time.perf_counter() - t)

    class Directory:
        def logos(self, ids):  # noqa: ANN001, ANN202
            return {pid: type(logos[0])(pid, logos[i].mime, logos[i].data, logos[i].digest) for i, pid in enumerate(ids)}

    class Services:
        directory = Directory()

    batch = []
    for _ in range(20):
        forget_all()
        t = time.perf_counter()
        load_badges(Services(), [f"p{i}" for i in range(6)], ROW_SIDE)
        batch.append(time.perf_counter() - t)
    return {"decode_ms": statistics.median(decode) * 1000, "kept_us": statistics.median(kept) * 1e6,
            "batch_ms": statistics.median(batch) * 1000}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosks", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(14)
    print(f"load: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} CPUs")
    made, by_kind = [], {}
    t0 = time.perf_counter()
    for kind, data in uploads(rng):
        png, _w, _h = reencode(data)                 # what the admin stores (512 px PNG)
        logo = kiosk_logo("x", png)                  # what the kiosks get
        made.append(logo)
        by_kind.setdefault(kind, []).append(len(logo.image()))
    per_upload = (time.perf_counter() - t0) / len(made)
    print(f"server, per upload (decode, 512 px PNG, kiosk rendition): {per_upload * 1000:.0f} ms")
    for kind, sizes in by_kind.items():
        print(f"kiosk rendition, {kind}: median {statistics.median(sizes) / 1000:.1f} KB, max {max(sizes) / 1000:.1f} KB")
    tmp = Path(tempfile.mkdtemp(prefix="bench-logos-"))
    results = {}
    for name, logos in (("without logos", None), ("with a logo each", made)):
        url = f"sqlite:///{tmp / (name.replace(' ', '-') + '.db')}"
        migrate(url)
        engine = make_engine(url)
        fill(Office(engine), logos)
        engine.dispose()
        results[name] = first_syncs(url, tmp, args.kiosks)
    ref_bytes, ref_times, ref_file = results["without logos"]
    for name, (size, times, file_bytes) in results.items():
        print(f"{PARTNERS} partners {name}: snapshot {size / 1e6:.1f} MB, first sync median "
              f"{statistics.median(times):.2f} s [{min(times):.2f}–{max(times):.2f}], kiosk file "
              f"{file_bytes / 1e6:.1f} MB")
    size, times, file_bytes = results["with a logo each"]
    print(f"ratio with/without logos: snapshot ×{size / ref_bytes:.1f}, first sync "
          f"×{statistics.median(times) / statistics.median(ref_times):.1f}, file ×{file_bytes / ref_file:.1f}")
    s = screen_figures(made)
    print(f"screen: decode one logo to its list badge {s['decode_ms']:.2f} ms (off the GUI thread); "
          f"kept pixmap {s['kept_us']:.1f} µs (×{s['decode_ms'] * 1000 / s['kept_us']:.0f} faster); "
          f"a batch of six rows (query + decode) {s['batch_ms']:.1f} ms")


if __name__ == "__main__":
    main()
