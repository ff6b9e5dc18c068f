"""Every screen of this release, in one registry (:func:`default_registry`).

Until a feature lands, its name maps to a "Bientôt disponible" placeholder. Names:
attract, scan, join, directory, partners, partner, events, ideas, member, help,
help_callback, and those the
membership and community packages add. Kept apart from :mod:`kiosk.ui.registry` so
that the screens, which import the registry, are not imported back by it.
"""

from __future__ import annotations

from kiosk.ui.registry import ScreenRegistry, ScreenSpec


def default_registry() -> ScreenRegistry:
    """Every screen of this release; later features replace their placeholder."""
    from kiosk.ui.screens.attract import AttractScreen
    from kiosk.ui.screens.directory import DirectoryScreen
    from kiosk.ui.screens.help import CallbackScreen, HelpScreen
    from kiosk.ui.screens.partner_detail import PartnerDetailScreen, sample_partner
    from kiosk.ui.screens.partner_list import PartnerListScreen
    from kiosk.ui.screens.placeholder import PlaceholderScreen
    from kiosk.ui.screens.scan import ScanScreen

    reg = ScreenRegistry()
    reg.register(ScreenSpec("attract", lambda ctx, **kw: AttractScreen(ctx)))
    reg.register(ScreenSpec("scan", lambda ctx, **kw: ScanScreen(ctx)))
    reg.register(ScreenSpec("directory", lambda ctx, **kw: DirectoryScreen(ctx)))
    reg.register(ScreenSpec("help", lambda ctx, **kw: HelpScreen(ctx, **kw)))
    reg.register(ScreenSpec("help_callback", lambda ctx, **kw: CallbackScreen(ctx, **kw)))
    reg.register(ScreenSpec("partners", lambda ctx, **kw: PartnerListScreen(ctx, **kw),
                            sample_kwargs=lambda ctx: {"category": "food"}))
    reg.register(ScreenSpec("partner", lambda ctx, **kw: PartnerDetailScreen(ctx, **kw),
                            sample_kwargs=sample_partner))
    for name in ("join", "events", "ideas", "member"):
        reg.register(ScreenSpec(name, lambda ctx, _n=name, **kw: PlaceholderScreen(ctx, _n)))
    reg.add_loader(_membership)  # replaces "join" and "member"; imported after the first paint
    reg.add_loader(_community)  # replaces "events" and "ideas"; imported after the first paint
    reg.add_loader(_lending)  # the caretaker's lending desk
    reg.add_loader(_fees)  # the caretaker's fee desk
    reg.add_loader(_conciergerie)  # "exchanges", "exchange_post", "time_transfer": neighbours' exchanges, time credits
    reg.add_loader(_savings)  # "voucher": a discount without the card at hand
    reg.add_loader(_time_desk)  # "time_desk": the caretaker's time-bank desk
    return reg


def _membership(reg: ScreenRegistry) -> None:
    from kiosk.ui.membership import register_membership_screens
    register_membership_screens(reg)


def _lending(reg: ScreenRegistry) -> None:
    from kiosk.ui.lending import register_lending_screens
    register_lending_screens(reg)
def _fees(reg: ScreenRegistry) -> None:
    from kiosk.ui.fees import register_fee_screens
    register_fee_screens(reg)


def _conciergerie(reg: ScreenRegistry) -> None:
    from kiosk.ui.conciergerie import register_conciergerie_screens
    register_conciergerie_screens(reg)


def _time_desk(reg: ScreenRegistry) -> None:
    from kiosk.ui.timebank import register_time_desk_screens
    register_time_desk_screens(reg)


def _savings(reg: ScreenRegistry) -> None:
    from kiosk.ui.savings import register_savings_screens
    register_savings_screens(reg)


def _community(reg: ScreenRegistry) -> None:
    from kiosk.ui.community import register_community_screens
    register_community_screens(reg)
