"""Savings at the kiosk: the member's savings in "Mon espace" (:mod:`.panel`), the voucher
screen for a member without the card at hand (:mod:`.voucher_screen`) and the printed
voucher (:mod:`.voucher_print`). :func:`register_savings_screens` adds the screen."""

from __future__ import annotations

from kiosk.ui.registry import ScreenRegistry, ScreenSpec


def register_savings_screens(registry: ScreenRegistry) -> ScreenRegistry:
    from kiosk.ui.savings.voucher_screen import VoucherScreen
    registry.register(ScreenSpec("voucher", lambda ctx, **kw: VoucherScreen(ctx, **kw)))
    return registry
