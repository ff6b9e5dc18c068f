"""The demo's embedded central server: the kiosk's demo data survives its first sync
(it was copied to the server), the kiosk keeps only its buildings, and a restart on a
new port reuses the same server file and credential."""

from __future__ import annotations

from kiosk.demo import data
from kiosk.demo.seed import seed_demo
from kiosk.sync.engine import SyncEngine


def test_embedded_demo_server_round_trip(make_store, tmp_path):  # noqa: ANN001
    from kiosk.demo.central_server import start_embedded
    store = make_store("demo")
    seed_demo(store, members=20)
    partners, members_before = store.repos.partners.count(), store.repos.members.ids()
    (tmp_path / "central").mkdir()
    embedded = start_embedded(store, data_dir=tmp_path / "central", buildings=list(data.DEMO_KIOSK_BUILDINGS))
    try:
        engine = SyncEngine.for_store(store)
        report = engine.run_once(force=True)
        assert report.ok and report.snapshot, report
        assert store.repos.partners.count() == partners
        kept = store.repos.members.ids()
        in_scope = store.db.run(lambda c: [r[0] for r in c.execute(
            "SELECT DISTINCT building_id FROM members").fetchall()])
        assert set(in_scope) <= set(data.DEMO_KIOSK_BUILDINGS) and kept and set(kept) <= set(members_before)
        # `make demo`: the lodge's items and their pictures reached the kiosk with the first sync
        from central.lending_demo import ITEMS
        items, photos = store.db.run(lambda c: (c.execute("SELECT COUNT(*) FROM lending_items").fetchone()[0],
                                                c.execute("SELECT COUNT(*) FROM item_photos").fetchone()[0]))
        assert (items, photos) == (len(ITEMS), sum(1 for i in ITEMS if i[-1]))
        engine.client.close()
    finally:
        embedded.stop()
    again = start_embedded(store, data_dir=tmp_path / "central", buildings=list(data.DEMO_KIOSK_BUILDINGS))
    try:
        engine = SyncEngine.for_store(store)
        assert engine.run_once(force=True).ok and store.repos.kv.get("sync.server_url") == again.url
        engine.client.close()
    finally:
        again.stop()
