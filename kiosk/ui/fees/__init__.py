"""The membership fee at the kiosk: the caretaker's fee desk and the printed receipt."""

from __future__ import annotations

from kiosk.ui.registry import ScreenRegistry, ScreenSpec


def register_fee_screens(registry: ScreenRegistry) -> ScreenRegistry:
    """Adds "fee_desk" (staff mode: take a member's fee in cash)."""
    from kiosk.ui.fees.desk import FeeDeskScreen
    registry.register(ScreenSpec("fee_desk", lambda ctx, **kw: FeeDeskScreen(ctx, **kw)))
    return registry
