"""Community screens: events (list, detail and sign-up, door check-in), the idea box
(published ideas and votes, a new idea), requests to the landlord, and the member's
own community page. :func:`register_community_screens` puts them in a registry
(replacing the "events" and "ideas" placeholders)."""

from __future__ import annotations

from kiosk.ui.registry import ScreenRegistry, ScreenSpec


def _sample_event(ctx) -> dict:  # noqa: ANN001
    services = ctx.tasks.services
    community = getattr(services, "community", None)
    events = community.upcoming() if community is not None else []
    return {"event_id": events[0].event.id if events else ""}


def register_community_screens(registry: ScreenRegistry) -> ScreenRegistry:
    from kiosk.ui.community.checkin import CheckInScreen
    from kiosk.ui.community.event_detail import EventDetailScreen
    from kiosk.ui.community.events import EventsScreen
    from kiosk.ui.community.idea_form import IdeaFormScreen
    from kiosk.ui.community.ideas import IdeasScreen
    from kiosk.ui.community.mine import MyCommunityScreen
    from kiosk.ui.community.request_form import RequestFormScreen

    registry.register(ScreenSpec("events", lambda ctx, **kw: EventsScreen(ctx)))
    registry.register(ScreenSpec("event", lambda ctx, **kw: EventDetailScreen(ctx, **kw), sample_kwargs=_sample_event))
    registry.register(ScreenSpec("event_checkin", lambda ctx, **kw: CheckInScreen(ctx, **kw),
                                 sample_kwargs=_sample_event))
    registry.register(ScreenSpec("ideas", lambda ctx, **kw: IdeasScreen(ctx)))
    registry.register(ScreenSpec("idea_new", lambda ctx, **kw: IdeaFormScreen(ctx)))
    registry.register(ScreenSpec("request_new", lambda ctx, **kw: RequestFormScreen(ctx)))
    registry.register(ScreenSpec("community_mine", lambda ctx, **kw: MyCommunityScreen(ctx, **kw)))
    return registry
