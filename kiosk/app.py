"""Composition root of the kiosk: config → store → services → tasks → window.

No globals and no service locator: everything is built here and handed down. Also
used by the screenshot command, the start-up benchmark and the UI tests, which call
:func:`build_window` with their own services, task runner and timeouts.

Full screen, frameless and without a mouse cursor unless ``config.fullscreen`` is false
(``--windowed``). On exit the task pool stops and the store closes.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import Callable, Sequence

from kiosk.config import Config
from kiosk.services import Deferred, Services
from kiosk.services.directory import DirectoryService, Origin
from kiosk.services.noticeboard import Noticeboard

log = logging.getLogger(__name__)

PORTRAIT = (1080, 1920)
LANDSCAPE = (1920, 1080)


def _aware(now: datetime) -> datetime:
    """A local wall-clock time as an aware one (the lending service stamps UTC)."""
    return now if now.tzinfo is not None else now.astimezone()


def compose_services(config: Config, store, now: Callable[[], datetime] = datetime.now) -> Services:
    """The use cases over an open store (``kiosk.store.opening.Store``)."""
    origin = Origin(config.location_lat, config.location_lon, config.walking_speed_kmh, config.detour_factor)
    services = Services(
        directory=DirectoryService(store.repos.partners, origin, now),
        noticeboard=Noticeboard(store.repos.announcements, list(config.buildings), now),
        now=now,
    )
    def membership():
        from kiosk.services.members import build_membership
        return build_membership(store, config)

    def community():
        from kiosk.services.community import build_community
        return build_community(store, config, services.membership, now=now)

    def help_service():
        from kiosk.services.help import build_help
        return build_help(store, config, lambda: services.community.upcoming(), now)

    def savings():
        from kiosk.services.savings import build_savings
        return build_savings(store, today=lambda: now().date())

    def lending():
        from kiosk.services.lending import build_lending
        return build_lending(store, config, services.membership, now=lambda: _aware(now()))
    def conciergerie():
        from kiosk.services.conciergerie import build_conciergerie
        return build_conciergerie(store, services.membership)
    def fees_service():
        from kiosk.services.fees import build_fees
        return build_fees(store, today=lambda: now().date())

    # Built on first use or just after the first paint (kiosk.services.Deferred).
    services.membership = Deferred(membership)
    services.community = Deferred(community)
    services.help = Deferred(help_service)
    services.savings = Deferred(savings)
    services.lending = Deferred(lending)
    services.conciergerie = Deferred(conciergerie)
    services.fees = Deferred(fees_service)
    return services


def connect_screenshots(engine, window):  # noqa: ANN001, ANN201
    """IT's screenshot of the attract screen: asked in the health answer (sync thread),
    grabbed by the window on the GUI thread, uploaded by the sync tick
    (kiosk/ui/screenshot.py, kiosk/sync/screenshot.py). Returns the window's taker."""
    from kiosk.ui.screenshot import ScreenshotTaker
    taker = ScreenshotTaker(window, engine.screenshots.ready)
    engine.screenshots.on_request = taker.requested.emit
    return taker


def start_background_jobs(config: Config, store, services: Services, window) -> list:
    """Sync with the central server (when provisioned) and the daily retention purge.

    The engine runs on its own thread; each result updates the status indicator of the
    attract screen and of staff mode. Returns the jobs, to stop at exit."""
    from kiosk.sync.engine import SyncEngine
    from kiosk.sync.provisioning import credential
    from kiosk.ui.periodic import PeriodicJob

    jobs = []
    purge = PeriodicJob("purge", 24 * 3600, lambda: (services.membership.privacy.purge_expired(),
                                                     services.help.forget_sent_phones()),
                        first_after_s=60, parent=window)
    purge.start()
    jobs.append(purge)
    if credential(store) is None:
        log.info("not provisioned: the kiosk works offline (kiosk provision to sync)")
        return jobs
    # Backoff capped at the sync interval: a network that comes back is used within it.
    engine = SyncEngine.for_store(store, interval_s=config.sync_interval_s, max_delay_s=config.sync_interval_s)
    # The parts' states (camera worker, printer, speech) in the health report.
    from kiosk.domain.parts import BOARD
    from kiosk.ui.printing import has_printer
    BOARD.part_state("printer", "ok" if has_printer() else "absent")
    if engine.health is not None:
        engine.health.parts = BOARD.snapshot
    connect_screenshots(engine, window)
    # Tick often; the engine itself skips until its interval or backoff has passed, so a
    # network that comes back is noticed within a tick.
    def tick():
        engine.run_once()
        engine.send_screenshot()
        # Between cycles the engine's figures are the last run's: count what waits now.
        return dataclasses.replace(engine.status(), pending=store.repos.outbox.pending_count())

    sync = PeriodicJob("sync", 5, tick, first_after_s=2, parent=window)

    def on_synced(result) -> None:
        if isinstance(result, Exception):
            return
        last = datetime.fromisoformat(result.last_success).astimezone() if result.last_success else None
        window.ctx.connectivity.set_status(result.online, last, pending=result.pending, error=result.last_error)
    sync.finished.connect(on_synced)
    sync.start()
    jobs.append(sync)
    if config.sync_wait_s > 0:
        from kiosk.sync.watcher import ChangeWatcher
        jobs.append(ChangeWatcher(engine, timeout_s=config.sync_wait_s).start())
    jobs.append(engine.client)
    return jobs


# Qt platforms that need no display server (tests, screenshots, a framebuffer console).
HEADLESS_PLATFORMS = ("offscreen", "minimal", "eglfs", "linuxfb", "vnc")


def no_display_message(env=None) -> str | None:
    """One line saying how to run the kiosk when there is no display, else None.

    Without it Qt aborts inside its xcb plugin with a screenful of advice about plugins
    (issue 13): a newcomer's ``make demo`` over ssh must say what to do instead."""
    import os
    env = os.environ if env is None else env
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform in HEADLESS_PLATFORMS or sys.platform in ("win32", "darwin"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("kiosk: no display here (neither DISPLAY nor WAYLAND_DISPLAY is set): run it under Xvfb "
            "(xvfb-run -a make demo), in a Wayland kiosk compositor (cage -- .venv/bin/kiosk demo), "
            "or render every screen to PNG with .venv/bin/kiosk screenshots")


def create_qapp(argv: Sequence[str] | None = None):
    """The QApplication with the kiosk's fonts (Latin and Arabic) and names."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.theme import BASE_FONT_PX, FONT_FAMILIES

    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("club-kiosk")
    app.setApplicationDisplayName("Club Kiosk")
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(BASE_FONT_PX)
    app.setFont(font)
    return app


def build_window(config: Config, services: Services, *, tasks=None, registry=None,  # noqa: ANN001
                 idle_timeout_s: float | None = None, idle_countdown_s: float | None = None,
                 now: Callable[[], datetime] | None = None, peripherals=None):  # noqa: ANN001
    """The main window with every screen registered; the QApplication must exist.

    ``peripherals`` (``kiosk.ui.screen.Peripherals``): what hardware screens may use; tests
    and the screenshot command turn the camera off and send slips to a folder."""
    from PySide6.QtWidgets import QApplication

    from kiosk.tasks import Tasks
    from kiosk.ui.default_screens import default_registry
    from kiosk.ui.i18n import LanguageSwitcher
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.screen import Peripherals
    from kiosk.ui.widgets.status import Connectivity

    app = QApplication.instance()
    tasks = tasks if tasks is not None else Tasks.with_pool(services)
    languages = LanguageSwitcher(app)
    connectivity = Connectivity()
    window = MainWindow(config, tasks, registry or default_registry(), languages, connectivity=connectivity,
                        now=now or services.now, peripherals=peripherals or Peripherals(),
                        idle_timeout_s=idle_timeout_s, idle_countdown_s=idle_countdown_s)
    tasks.setParent(window)
    languages.setParent(window)
    connectivity.setParent(window)
    if config.default_language != "fr":
        languages.set_language(config.default_language)
    return window


def show(window, config: Config) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCursor, QGuiApplication

    if config.fullscreen:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.showFullScreen()
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))  # touch only
    else:
        window.resize(PORTRAIT[0] // 2, PORTRAIT[1] // 2)
        window.show()


def run(config: Config, *, windowed: bool | None = None, self_test: bool = False, **_ignored) -> int:
    """Run the kiosk until the window closes. Returns the process exit code."""
    if windowed:
        config = config.with_values(fullscreen=False)
    if self_test:
        return _self_test(config)
    problem = no_display_message()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    from kiosk.store.opening import open_store

    from kiosk.logs import install_excepthook
    from kiosk.ui.watchdog_timer import start_watchdog

    app = create_qapp()
    store = open_store(config)
    from kiosk.sync.health import note_clean_exit, note_start
    note_start(store)   # a run that did not end cleanly counts as a restart (health report)
    services = compose_services(config, store)
    window = build_window(config, services)
    # An exception escaping a Qt slot is logged and the kiosk goes back to the attract
    # screen (forgetting the last person), instead of dying or showing a broken screen.
    previous_hook = install_excepthook(window.reset)
    show(window, config)
    watchdog = start_watchdog(window)  # READY=1, then WATCHDOG=1 from the GUI thread
    jobs = start_background_jobs(config, store, services, window)
    try:
        return app.exec()
    finally:
        for job in jobs:
            (job.stop if hasattr(job, "stop") else job.close)()
        watchdog.stop()
        sys.excepthook = previous_hook
        window.tasks.shutdown()
        note_clean_exit(store)
        store.close()


def _self_test(config: Config) -> int:
    """Throw-away store, attract screen offscreen, bundled card decoded (kiosk/selftest.py)."""
    from kiosk.selftest import run_self_test
    return run_self_test(config, render=render_self_test)


def render_self_test(config: Config, folder: Path) -> str:
    """The self-test's render step: the real window over a throw-away store in ``folder``
    (in-memory key store, synchronous task runner), its attract screen rendered offscreen."""
    from kiosk.store.keystore import MemoryKeyStore
    from kiosk.store.opening import open_store
    from kiosk.tasks import Tasks
    from kiosk.ui.selftest_render import render_attract

    cfg = config.with_values(data_dir=folder, fullscreen=False, default_language="fr")
    with open_store(cfg, keystore=MemoryKeyStore("selftest-memory")) as store:
        create_qapp()
        services = compose_services(cfg, store)
        return render_attract(build_window(cfg, services, tasks=Tasks(services, None)))
