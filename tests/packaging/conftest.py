"""Fixtures of the packaging tests: leave the process's logging and hooks as found.

(No ``__init__.py`` in this folder on purpose: as a package it would be imported as
``packaging`` and shadow the PyPI ``packaging`` library in the test process.)

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


# Figures the bundle tests measured, printed at the end of the run so CI logs show them
# even when pytest captures the tests' own output.
_FIGURES = pytest.StashKey[list]()


@pytest.fixture(scope="session")
def packaging_figures(pytestconfig) -> list:
    return pytestconfig.stash.setdefault(_FIGURES, [])


def pytest_terminal_summary(terminalreporter) -> None:
    figures = terminalreporter.config.stash.get(_FIGURES, [])
    if figures:
        terminalreporter.section("packaging figures")
        for line in figures:
            terminalreporter.write_line(line)
