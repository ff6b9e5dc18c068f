"""Fixtures of the packaging tests: leave the process's logging and hooks as found.

(No ``__init__.py`` in this folder on purpose: as a package it would be imported as
``packaging`` and shadow the PyPI ``packaging`` library in the test process.)

``setup_logging`` and ``install_excepthook`` change process-wide state (root logger
handlers and level, ``sys.excepthook``, ``threading.excepthook``); each test here gets
them back as they were so the tests of other packages run unaffected.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


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


# The frozen bundle and its .deb, built once per test session (test_bundle.py, test_updates.py).
@pytest.fixture(scope="session")
def bundle(packaging_figures: list, tmp_path_factory) -> Path:
    prebuilt = os.environ.get("KIOSK_BUNDLE_DIR")
    if prebuilt:
        return Path(prebuilt)
    if not shutil.which("pyinstaller", path=str(ROOT / ".venv" / "bin")):
        pytest.fail("pyinstaller is missing from .venv (dev extra): scripts/bootstrap --test")
    # Under pytest-xdist every worker has this fixture: the first builds dist/ while the
    # others wait on the lock, then use that build (one folder per run, shared by workers).
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    import fcntl
    with open(shared / "bundle.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = shared / "bundle.built"
        if not built.exists():
            started = time.monotonic()
            proc = subprocess.run([str(ROOT / "scripts" / "build-bundle")], cwd=ROOT, capture_output=True,
                                  text=True, timeout=1100)
            assert proc.returncode == 0, proc.stdout + proc.stderr
            print(f"\n[packaging] {proc.stdout.strip()} (test wall time {time.monotonic() - started:.0f} s)")
            packaging_figures.append(proc.stdout.strip().splitlines()[-1]
                                     + f" (test wall time {time.monotonic() - started:.0f} s)")
            built.write_text("ok")
    return ROOT / "dist" / "club-kiosk"


@pytest.fixture(scope="session")
def deb(bundle: Path, tmp_path_factory, packaging_figures: list) -> Path:
    out = tmp_path_factory.mktemp("deb")
    # Uncompressed: xz costs a minute of CI time and changes nothing in what is installed.
    proc = subprocess.run([str(ROOT / "scripts" / "package-deb"), str(bundle), str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, DEB_COMPRESSION="none"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    print(f"\n[packaging] {proc.stdout.strip()}")
    packaging_figures.append(proc.stdout.strip())
    from kiosk import __version__
    path = out / f"club-kiosk_{__version__}_amd64.deb"
    assert path.exists()
    return path
