"""The Qt part of ``--self-test``: render the real attract screen offscreen.

Job: build the same window ``kiosk.app.run`` builds (real services over a throw-away
encrypted store, synchronous task runner), render the attract screen into an image,
and check that the compiled Arabic translation ships in the bundle (the ``.qm`` files
are built at packaging time; a frozen kiosk has no ``lrelease`` to build them).

Constraints: called by ``kiosk/selftest.py`` with a store it opened on a temporary
folder with an in-memory key store (the UI never opens stores itself: import-linter
contract); the window is closed here, the store by the caller.
"""

from __future__ import annotations

import sys

from kiosk.config import Config


def render_attract(config: Config, store) -> str:
    """Render the attract screen of a window built on ``store``; a one-line report."""
    from kiosk.app import build_window, compose_services, create_qapp
    from kiosk.tasks import Tasks
    from kiosk.ui.i18n import compiled_qm

    cfg = config.with_values(fullscreen=False, default_language="fr")
    create_qapp()
    services = compose_services(cfg, store)
    window = build_window(cfg, services, tasks=Tasks(services, None))
    try:
        window.resize(1080, 1920)
        image = window.grab().toImage()
        name = window.current().name
    finally:
        window.close()
        window.deleteLater()
    if image.isNull() or image.width() < 100:
        raise RuntimeError("the attract screen rendered an empty image")
    if name != "attract":
        raise RuntimeError(f"the first screen is {name!r}, not the attract screen")
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 37)}
    if len(colours) < 3:
        raise RuntimeError("the attract screen rendered blank (fonts or styles missing?)")
    qm = compiled_qm("ar")
    if qm is None:
        raise RuntimeError("the Arabic translation (.qm) cannot be found or built")
    if getattr(sys, "frozen", False) and "translations" not in qm.parts:
        raise RuntimeError(f"the bundle has no compiled .qm (fell back to building {qm})")
    return f"attract screen rendered {image.width()}x{image.height()}, {len(colours)} colours; Arabic .qm {qm.name}"
