"""The caretaker's "Banque de temps" desk (staff mode): record a time transfer for a member
without a card or a workshop's (one host, many attendees), and reverse a mistaken one."""

from __future__ import annotations

from kiosk.ui.registry import ScreenRegistry, ScreenSpec


def register_time_desk_screens(registry: ScreenRegistry) -> ScreenRegistry:
    """Adds "time_desk" (staff mode, opened from the staff home with the session)."""
    from kiosk.ui.timebank.desk import TimeDeskScreen
    registry.register(ScreenSpec("time_desk", lambda ctx, **kw: TimeDeskScreen(ctx, **kw)))
    return registry
