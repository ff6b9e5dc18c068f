"""Fixtures shared by every test: a config on a temporary data dir, a real encrypted store.

The store is a real SQLCipher file on disk; its key is kept in a development file key
store unless a test asks for the real keyring (tests/store/test_keyring.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.config import Config, load_config  # noqa: E402


@pytest.fixture
def config(tmp_path: Path) -> Config:
    empty = tmp_path / "config.toml"   # never the developer's own config file
    empty.write_text("")
    return load_config(empty, env={}, data_dir=tmp_path / "data").with_values(
        key_store="file", log_dir=tmp_path / "logs")


@pytest.fixture
def secret_service():  # noqa: ANN201
    """The real Secret Service keyring (gnome-keyring in the private D-Bus session that
    scripts/run-tests starts). Under CI=true a missing one fails the test, never skips it."""
    from kiosk.store.errors import NoKeyringError
    from kiosk.store.keystore import KeyringKeyStore
    try:
        ks = KeyringKeyStore()
    except NoKeyringError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the real keyring test, but no keyring is available: {exc}")
        pytest.skip(f"no Secret Service here (run through `make test`): {exc}")
    if "SecretService" not in ks.backend:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must use the Secret Service keyring, got {ks.backend}")
        pytest.skip(f"keyring backend is {ks.backend}, not the Secret Service")
    return ks


@pytest.fixture
def store(config: Config):
    from kiosk.store.opening import open_store
    s = open_store(config)
    yield s
    s.close()


@pytest.fixture
def demo_store(store):
    from kiosk.demo.seed import seed_demo
    seed_demo(store)
    return store


@pytest.fixture(autouse=True)
def _french_after_each_test():
    """The language is application state: a test that switched to Arabic must not leave
    the next test's screens in Arabic (some build screens without a window)."""
    yield
    import sys
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication
        app = QApplication.instance()
        if app is not None:
            from kiosk.ui.i18n import reset_application_language
            reset_application_language(app)


# Figures that tests measured (the bundle's size and build time, tests/packaging), printed
# at the end of the run so CI logs show them even though pytest captures the tests' output.
# Under pytest-xdist each worker hands its figures to the controller in ``workeroutput``.
_FIGURES = pytest.StashKey[list]()


@pytest.fixture(scope="session")
def packaging_figures(pytestconfig) -> list:  # noqa: ANN001
    return pytestconfig.stash.setdefault(_FIGURES, [])


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):  # noqa: ANN001  (pytest-xdist, controller side)
    figures = getattr(node, "workeroutput", {}).get("packaging_figures", [])
    node.config.stash.setdefault(_FIGURES, []).extend(figures)


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001
    figures = terminalreporter.config.stash.get(_FIGURES, [])
    if figures:
        terminalreporter.section("packaging figures")
        for line in figures:
            terminalreporter.write_line(line)


# The longest files first, so that the two test processes (--dist loadfile) end together
# instead of one running the bundle's two minutes alone at the end: the bundle's build, the
# crash test beside it, then the update loop (which waits on the build's lock).
FIRST_FILES = ("tests/packaging/test_bundle.py", "tests/store/test_crash_safety.py",
               "tests/packaging/test_updates.py")


def pytest_collection_modifyitems(config, items) -> None:  # noqa: ANN001
    def rank(item) -> int:  # noqa: ANN001
        path = item.nodeid.split("::", 1)[0]
        return FIRST_FILES.index(path) if path in FIRST_FILES else len(FIRST_FILES)
    items.sort(key=rank)     # stable: every other file keeps its place and its order


# PySide6 6.12 can crash while the interpreter finalizes after many widgets were made
# ("bool_dealloc: deallocating True or False", seen after the UI suites): the tests have
# all passed and been reported by then, but the process would die with SIGABRT and turn
# a green run red. Once pytest has finished everything, leave without finalizing.
_exit_status: list[int] = []


def pytest_sessionfinish(session, exitstatus):  # noqa: ANN001
    _exit_status.append(int(exitstatus))
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["packaging_figures"] = list(session.config.stash.get(_FIGURES, []))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):  # noqa: ANN001
    import sys
    if _exit_status and "PySide6.QtWidgets" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])
