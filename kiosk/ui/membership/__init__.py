"""Membership screens: join (enrollment wizard), card, member space, staff sign-in and
home, duplicate review. :func:`register_membership_screens` puts them in a registry
(replacing the "join" and "member" placeholders)."""

from __future__ import annotations

from kiosk.ui.registry import ScreenRegistry, ScreenSpec


def register_membership_screens(registry: ScreenRegistry) -> ScreenRegistry:
    from kiosk.ui.membership.card_screen import CardScreen
    from kiosk.ui.membership.duplicates import DuplicatesScreen
    from kiosk.ui.membership.join import JoinScreen
    from kiosk.ui.membership.member_space import MemberSpaceScreen
    from kiosk.ui.membership.staff_home import StaffHomeScreen
    from kiosk.ui.membership.staff_login import StaffLoginScreen

    registry.register(ScreenSpec("join", lambda ctx, **kw: JoinScreen(ctx, **kw)))
    registry.register(ScreenSpec("member", lambda ctx, **kw: MemberSpaceScreen(ctx, **kw)))
    registry.register(ScreenSpec("member_card", lambda ctx, **kw: CardScreen(ctx, **kw)))
    registry.register(ScreenSpec("member_duplicates", lambda ctx, **kw: DuplicatesScreen(ctx, **kw)))
    registry.register(ScreenSpec("staff", lambda ctx, **kw: StaffLoginScreen(ctx, **kw)))
    registry.register(ScreenSpec("staff_home", lambda ctx, **kw: StaffHomeScreen(ctx, **kw)))
    return registry
