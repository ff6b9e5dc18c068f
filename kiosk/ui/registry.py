"""The screens the navigator can open, by name.

A feature adds its screen with one call, e.g. in its own module::

    registry.register(ScreenSpec("events", lambda ctx, **kw: EventsScreen(ctx)))

and the attract screen's buttons open it with ``navigator.open("events")``. Until the
feature lands, :func:`default_registry` maps its name to a "Bientôt disponible"
placeholder. Names: attract, scan, join, directory, partners, partner, events, ideas,
member, help, help_callback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from kiosk.ui.screen import Screen, UiContext

log = logging.getLogger(__name__)
ScreenFactory = Callable[..., Screen]


@dataclass(frozen=True)
class ScreenSpec:
    name: str
    factory: ScreenFactory                 # factory(ctx, **kwargs) -> Screen
    # Example arguments used by the screenshot command and the navigation tests.
    sample_kwargs: Callable[[UiContext], dict[str, Any]] | None = None


class ScreenRegistry:
    """Screens by name. Feature packages may be added as *loaders*: functions that
    import their screens and register them, run on first need (any lookup) or by
    :meth:`load_pending` once the attract screen is painted, so their imports do not
    delay the kiosk's first picture."""

    def __init__(self) -> None:
        self._specs: dict[str, ScreenSpec] = {}
        self._loaders: list[Callable[["ScreenRegistry"], object]] = []

    def register(self, spec: ScreenSpec) -> None:
        self._specs[spec.name] = spec  # a later registration replaces a placeholder

    def add_loader(self, loader: Callable[["ScreenRegistry"], object]) -> None:
        self._loaders.append(loader)

    def load_pending(self) -> None:
        while self._loaders:
            loader = self._loaders.pop(0)
            try:
                loader(self)
            except Exception:  # noqa: BLE001 - a broken feature keeps its placeholder
                log.exception("feature screens could not be loaded by %r; placeholders stay", loader)

    def get(self, name: str) -> ScreenSpec:
        if name != "attract":
            self.load_pending()
        return self._specs[name]

    def __contains__(self, name: str) -> bool:
        self.load_pending()
        return name in self._specs

    def __iter__(self) -> Iterator[ScreenSpec]:
        self.load_pending()
        return iter(list(self._specs.values()))

    def names(self) -> list[str]:
        self.load_pending()
        return list(self._specs)


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
    reg.register(ScreenSpec("help", lambda ctx, **kw: HelpScreen(ctx)))
    reg.register(ScreenSpec("help_callback", lambda ctx, **kw: CallbackScreen(ctx)))
    reg.register(ScreenSpec("partners", lambda ctx, **kw: PartnerListScreen(ctx, **kw),
                            sample_kwargs=lambda ctx: {"category": "food"}))
    reg.register(ScreenSpec("partner", lambda ctx, **kw: PartnerDetailScreen(ctx, **kw),
                            sample_kwargs=sample_partner))
    for name in ("join", "events", "ideas", "member"):
        reg.register(ScreenSpec(name, lambda ctx, _n=name, **kw: PlaceholderScreen(ctx, _n)))
    reg.add_loader(_membership)  # replaces "join" and "member"; imported after the first paint
    reg.add_loader(_community)  # replaces "events" and "ideas"; imported after the first paint
    return reg


def _membership(reg: ScreenRegistry) -> None:
    from kiosk.ui.membership import register_membership_screens
    register_membership_screens(reg)


def _community(reg: ScreenRegistry) -> None:
    from kiosk.ui.community import register_community_screens
    register_community_screens(reg)
