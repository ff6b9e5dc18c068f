"""Fixtures of the packaging tests: leave the process's logging and hooks as found.

``setup_logging`` and ``install_excepthook`` change process-wide state (root logger
handlers and level, ``sys.excepthook``, ``threading.excepthook``); each test here gets
them back as they were so the tests of other packages run unaffected.
"""

from __future__ import annotations

import logging
import sys
import threading

import pytest


@pytest.fixture(autouse=True)
def _restore_process_logging():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    hook, thread_hook = sys.excepthook, threading.excepthook
    yield
    for h in list(root.handlers):
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    for h in handlers:
        if h not in root.handlers:
            root.addHandler(h)
    root.setLevel(level)
    sys.excepthook, threading.excepthook = hook, thread_hook
