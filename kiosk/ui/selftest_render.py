"""The Qt part of ``--self-test``: render the real attract screen offscreen.

Job: render the attract screen of the window ``kiosk.app`` built (real services over a
throw-away encrypted store, synchronous task runner) into an image, check the picture,
and check that the compiled Arabic translation ships in the bundle (the ``.qm`` files
are built at packaging time; a frozen kiosk has no ``lrelease`` to build them).

Constraints: the composition root builds the window (``kiosk.app.render_self_test``;
the UI never opens stores nor imports the composition root); the window is closed here,
the store by the caller.
"""

from __future__ import annotations

import sys

from kiosk.ui.i18n import compiled_qm
from kiosk.ui.main_window import MainWindow


def render_attract(window: MainWindow) -> str:
    """Render the attract screen of ``window``, then close it; a one-line report."""
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
