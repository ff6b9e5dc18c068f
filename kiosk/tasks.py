"""The one way into the background and the one way back (STYLE rule 2).

A call site reads like a sentence::

    Op(self, lambda s: s.directory.search(query)).success(self._on_search_done).run()

The job receives the :class:`~kiosk.services.Services` container and runs off the GUI
thread, on the executor of the :class:`Tasks` found on ``parent`` or one of its ancestors
(attribute ``tasks``). Its result (or exception) comes back on the GUI thread through a
queued signal. Jobs never touch widgets. If ``parent`` was destroyed meanwhile (a screen
torn down by the idle reset), the callbacks are dropped.

Tests use ``Tasks(services, executor=None)``: jobs then run inline, synchronously.
"""

from __future__ import annotations

import logging
import traceback
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any, Callable, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)
T = TypeVar("T")


class _MainThreadInvoker(QObject):
    """Lives in the GUI thread; calling ``invoked.emit(fn)`` from any thread runs fn there."""

    invoked = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.invoked.connect(self._on_self_invoked, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _on_self_invoked(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception:  # a callback bug must not kill the event loop
            log.exception("callback on the GUI thread failed")


class Tasks(QObject):
    """Executor of background jobs for the UI, holding the services they receive.

    ``executor=None`` runs jobs inline (synchronous runner for tests and screenshots).
    """

    def __init__(self, services: Any, executor: Executor | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._executor = executor
        self._invoker = _MainThreadInvoker()
        self._invoker.setParent(self)

    @classmethod
    def with_pool(cls, services: Any, workers: int = 2, parent: QObject | None = None) -> "Tasks":
        return cls(services, ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ui-op"), parent)

    @property
    def synchronous(self) -> bool:
        return self._executor is None

    def run_on_main(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the GUI thread (queued; inline when synchronous)."""
        if self._executor is None:
            fn()
        else:
            self._invoker.invoked.emit(fn)

    def submit(self, job: Callable[[Any], T], done: Callable[[Future], None]) -> None:
        if self._executor is None:
            fut: Future = Future()
            try:
                fut.set_result(job(self.services))
            except BaseException as exc:  # noqa: BLE001 - handed to the failure callback
                fut.set_exception(exc)
            done(fut)
            return
        fut = self._executor.submit(job, self.services)
        fut.add_done_callback(lambda f: self._invoker.invoked.emit(lambda: done(f)))

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)


def find_tasks(obj: QObject | None) -> Tasks:
    """The :class:`Tasks` on ``obj`` or its nearest ancestor."""
    node = obj
    while node is not None:
        tasks = getattr(node, "tasks", None)
        if isinstance(tasks, Tasks):
            return tasks
        node = node.parent()
    raise LookupError(f"no Tasks on {obj!r} or its ancestors")


class Op(Generic[T]):
    """Builder: ``Op(parent, job).success(cb).failure(cb).run()``."""

    def __init__(self, parent: QObject, job: Callable[[Any], T]) -> None:
        self._parent = parent
        self._job = job
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None

    def success(self, cb: Callable[[T], None]) -> "Op[T]":
        self._on_success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> "Op[T]":
        self._on_failure = cb
        return self

    def run(self) -> None:
        find_tasks(self._parent).submit(self._job, self._finish)

    def _finish(self, fut: Future) -> None:
        if not shiboken6.isValid(self._parent):
            return  # the screen is gone (idle reset, navigation): nobody to tell
        exc = fut.exception()
        if exc is None:
            if self._on_success is not None:
                self._on_success(fut.result())
        elif self._on_failure is not None:
            self._on_failure(exc)
        else:
            log.error("background job failed: %s", "".join(traceback.format_exception(exc)))
