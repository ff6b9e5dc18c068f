"""Neighbours' exchanges and time credits on the kiosk: the exchanges board (browse by
category, be put in touch, publish a post) and the time-credit transfer (two cards, a duration). :func:`register_conciergerie_screens` adds them."""

from __future__ import annotations

from kiosk.ui.registry import ScreenRegistry, ScreenSpec


def register_conciergerie_screens(registry: ScreenRegistry) -> ScreenRegistry:
    from kiosk.ui.conciergerie.exchanges import ExchangesScreen
    from kiosk.ui.conciergerie.post_form import ExchangePostScreen
    from kiosk.ui.conciergerie.transfer import TimeTransferScreen
    registry.register(ScreenSpec("exchanges", lambda ctx, **kw: ExchangesScreen(ctx)))
    registry.register(ScreenSpec("exchange_post", lambda ctx, **kw: ExchangePostScreen(ctx, **kw)))
    registry.register(ScreenSpec("time_transfer", lambda ctx, **kw: TimeTransferScreen(ctx)))
    return registry
