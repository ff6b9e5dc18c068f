"""From an office edit to the kiosk's database: the watcher (GET /v1/sync/wait) against
one forced sync cycle started right after the edit (the floor: what any sync costs), in
the same run, on SQLite and PostgreSQL.

    .venv/bin/python bench/office_edit.py [--edits 15] [--kiosks 3]

A real central app served by uvicorn on 127.0.0.1, real encrypted kiosk stores provisioned
through it; each edit renames a partner through the office and the clock stops when every
kiosk's database has the new name. Without the watcher a kiosk learns it at its next
periodic cycle: on average half of ``sync_interval_s`` (45 s), 45 s at worst.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from central.app import create_app  # noqa: E402
from central.db import create_schema, make_engine  # noqa: E402
from central.demo import building_id, seed  # noqa: E402
from central.office import Office  # noqa: E402
from central.testing import TEST_SETTINGS, LiveServer, postgres_unreachable_reason, temporary_database  # noqa: E402
from kiosk.config import load_config  # noqa: E402
from kiosk.store.opening import open_store  # noqa: E402
from kiosk.sync.watcher import ChangeWatcher  # noqa: E402
from sync_helpers import add_caretaker, make_kiosk  # noqa: E402


def _until(kiosks, pid: str, name: str) -> None:  # noqa: ANN001
    deadline = time.monotonic() + 60
    while any((p := k.store.repos.partners.get(pid)) is None or p.name != name for k in kiosks):
        if time.monotonic() > deadline:
            raise RuntimeError("an edit never reached a kiosk")
        time.sleep(0.002)


def run(backend: str, edits: int, n_kiosks: int, tmp: Path) -> tuple[list[float], list[float]]:
    with temporary_database(backend, tmp) as url:
        engine = make_engine(url)
        create_schema(engine)
        seed(Office(engine), buildings=1, flats_per_building=5, partners=2)
        engine.dispose()
        app = create_app(url, TEST_SETTINGS)
        office = app.state.office
        add_caretaker(office)
        server = LiveServer(app).start()
        kiosks = []
        for i in range(n_kiosks):
            d = tmp / f"{backend}-kiosk-{i}"
            config = load_config(env={}, data_dir=d).with_values(key_store="file", data_dir=d)
            kiosks.append(make_kiosk(open_store(config), server.url, office.create_enrollment_token(building_id(1)),
                                     name=f"k{i}"))
        pid = str(uuid.uuid4())
        office.put("partner", {"id": pid, "name": "Épicerie 0", "category": "food", "hours": {}})
        for k in kiosks:
            k.sync()
        floor, waited = [], []
        for i in range(1, edits + 1):  # reference: each kiosk syncs right after the edit
            t = time.perf_counter()
            office.put("partner", {"id": pid, "name": f"Épicerie {i}", "category": "food", "hours": {}})
            for k in kiosks:
                k.sync()
            _until(kiosks, pid, f"Épicerie {i}")
            floor.append(time.perf_counter() - t)
        watchers = [ChangeWatcher(k.engine, timeout_s=3).start() for k in kiosks]
        time.sleep(1.0)  # every watcher is waiting on the server
        for i in range(edits + 1, 2 * edits + 1):
            t = time.perf_counter()
            office.put("partner", {"id": pid, "name": f"Épicerie {i}", "category": "food", "hours": {}})
            _until(kiosks, pid, f"Épicerie {i}")
            waited.append(time.perf_counter() - t)
            time.sleep(0.3)  # the watchers are back waiting
        for w in watchers:
            w.stop()
        for w in watchers:
            w.stop(join_s=10)
        for k in kiosks:
            k.engine.client.close()
            k.store.close()
        server.stop()
        return floor, waited


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edits", type=int, default=15)
    ap.add_argument("--kiosks", type=int, default=3)
    args = ap.parse_args()
    print(f"| server | forced sync after the edit (floor), median / max ms | watcher, median / max ms |\n|---|---|---|")
    for backend in ["sqlite"] + ([] if postgres_unreachable_reason() else ["postgres"]):
        with tempfile.TemporaryDirectory() as tmp:
            floor, waited = run(backend, args.edits, args.kiosks, Path(tmp))
        ms = lambda xs: f"{statistics.median(xs) * 1000:.0f} / {max(xs) * 1000:.0f}"  # noqa: E731
        print(f"| {backend} ({args.kiosks} kiosks, {args.edits} edits) | {ms(floor)} | {ms(waited)} |")


if __name__ == "__main__":
    main()
