"""The screens the navigator can open, by name.

A feature adds its screen with one call, e.g. in its own module::

    registry.register(ScreenSpec("events", lambda ctx, **kw: EventsScreen(ctx)))

and the attract screen's buttons open it with ``navigator.open("events")``. The screens
of this release are listed in :mod:`kiosk.ui.default_screens` (which imports the
screens; this module imports none, so screens may import it).
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
