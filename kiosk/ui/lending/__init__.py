"""Tool lending screens: the caretaker's desk (staff mode) and the tenants' catalogue."""

from __future__ import annotations

from kiosk.ui.registry import ScreenRegistry, ScreenSpec


def register_lending_screens(registry: ScreenRegistry) -> ScreenRegistry:
    from kiosk.ui.lending.catalogue import LendingCatalogueScreen
    from kiosk.ui.lending.desk import LendingDeskScreen

    registry.register(ScreenSpec("lending_desk", lambda ctx, **kw: LendingDeskScreen(ctx, **kw)))
    registry.register(ScreenSpec("lending", lambda ctx, **kw: LendingCatalogueScreen(ctx, **kw)))
    return registry
