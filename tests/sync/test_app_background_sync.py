"""The running kiosk syncs in the background: after start, the status shown on the
attract screen and in staff mode turns online with the last sync time, and the timer
keeps to the sync interval."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.demo import data  # noqa: E402
from kiosk.demo.seed import seed_demo  # noqa: E402


def test_background_sync_updates_status_and_pushes(qtbot, make_store, tmp_path):  # noqa: ANN001
    from kiosk.demo.central_server import start_embedded
    from kiosk.app import build_window, compose_services, create_qapp, start_background_jobs
    from kiosk.config import load_config
    from kiosk.tasks import Tasks

    store = make_store("app")
    seed_demo(store, members=6)
    (tmp_path / "central").mkdir()
    embedded = start_embedded(store, data_dir=tmp_path / "central", buildings=list(data.DEMO_KIOSK_BUILDINGS))
    config = load_config(None, env={}, data_dir=tmp_path / "unused").with_values(
        key_store="file", sync_interval_s=30, buildings=list(data.DEMO_KIOSK_BUILDINGS))
    create_qapp()
    services = compose_services(config, store)
    window = build_window(config, services, tasks=Tasks(services, None))
    qtbot.addWidget(window)
    jobs = start_background_jobs(config, store, services, window)
    try:
        assert [j.name for j in jobs if hasattr(j, "name")] == ["purge", "sync"]
        qtbot.waitUntil(lambda: window.ctx.connectivity.online, timeout=15000)
        assert window.ctx.connectivity.last_sync is not None and window.ctx.connectivity.pending == 0
        # Within the sync interval (30 s) a tick does not call the server again: the
        # queued change waits for the next cycle instead of hammering the server.
        store.db.run(lambda c: store.repos.outbox.append("confirm_residence", {"member_id": store.repos.members.ids()[0]}))
        sync = [j for j in jobs if getattr(j, "name", "") == "sync"][0]
        with qtbot.waitSignal(sync.finished, timeout=15000) as blocker:
            sync.trigger()
        assert blocker.args[0].pending == 1 and blocker.args[0].online
    finally:
        for job in jobs:
            (job.stop if hasattr(job, "stop") else job.close)()
        embedded.stop()
