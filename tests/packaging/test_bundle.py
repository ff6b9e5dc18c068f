"""The frozen kiosk, built as CI builds it: PyInstaller bundle, --self-test, .deb layout.

One build per test session (``scripts/build-bundle``, ~1-4 min on 2 cores), then:
- the bundle's ``--self-test`` passes in a clean environment with no display
  (``QT_QPA_PLATFORM=offscreen``, throw-away HOME, no DISPLAY): encrypted store, card
  decoded by the bundled decoders, attract screen rendered, compiled translations found;
- the figures (unpacked size, cold start, build time) are printed for the CI log
  (docs/performance-packaging.md records them);
- the frozen ``doctor`` sees the Secret Service keyring backend (entry points bundled);
- the ``.deb`` unpacks (``dpkg -x``) into the documented layout, runs from there, its
  systemd user unit passes ``systemd-analyze verify`` with no warning, and ``postrm``
  keeps data on remove and deletes nothing in homes on purge.

Set ``KIOSK_BUNDLE_DIR`` to test an existing bundle instead of building one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]


def _clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a fresh kiosk has: no display, no venv, an empty home."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen",
           "XDG_RUNTIME_DIR": str(home / "run")}
    (home / "run").mkdir(parents=True, exist_ok=True)
    os.chmod(home / "run", 0o700)
    env.update(extra)
    return env


def test_frozen_self_test_passes_without_a_display(bundle: Path, tmp_path: Path, packaging_figures: list) -> None:
    exe = bundle / "club-kiosk-debug"
    t0 = time.monotonic()
    proc = subprocess.run([str(exe), "--self-test"], env=_clean_env(tmp_path), capture_output=True, text=True,
                          timeout=120)
    wall = time.monotonic() - t0
    out = proc.stdout
    assert proc.returncode == 0, out + proc.stderr
    assert "(frozen)" in out and "self-test: PASSED" in out
    assert "card decoded by zxing and pyzbar" in out  # libzbar came in through the project hook
    assert "SecretService registered" in out and "Arabic .qm kiosk_ar.qm" in out
    inodes = {p.lstat().st_ino: p.lstat().st_size for p in bundle.rglob("*")
              if p.is_file() and not p.is_symlink()}  # the two executables are one hard-linked file
    size_mb = sum(inodes.values()) / 2**20
    startup = float(re.search(r"startup_s=([0-9.]+)", out).group(1))
    line = (f"bundle {size_mb:.0f} MiB unpacked (goal <= 300 MB); cold start to attract "
            f"screen {startup:.2f} s (goal <= 2.5 s); self-test wall time {wall:.2f} s")
    print(f"\n[packaging] {line}")
    packaging_figures.append(line)
    assert startup < 15  # a guard against a broken build, not the goal (CI shares 2 cores)
    assert size_mb < 450  # guard: today ~370 MiB, OpenCV alone is 150 (docs/performance-packaging.md)


def test_both_executables_and_the_version(bundle: Path, tmp_path: Path) -> None:
    from kiosk import __version__
    assert (bundle / "VERSION").read_text().strip() == __version__
    for name in ("club-kiosk", "club-kiosk-debug"):
        proc = subprocess.run([str(bundle / name), "--version"], env=_clean_env(tmp_path), capture_output=True,
                              text=True, timeout=60)
        assert proc.returncode == 0 and proc.stdout.strip() == f"club-kiosk {__version__}", proc.stderr
    internal = bundle / "_internal"
    assert not (internal / "central").exists() and not list(internal.glob("fastapi*"))  # no server inside
    assert not list(internal.rglob("libqgtk3.so")) and not list(internal.rglob("libQt6Quick.so*"))


@pytest.mark.keyring
def test_frozen_doctor_uses_the_secret_service_keyring(bundle: Path, tmp_path: Path) -> None:
    """Same backend frozen as from source, or the kiosk would refuse its own data."""
    from kiosk.store.errors import NoKeyringError
    from kiosk.store.keystore import KeyringKeyStore
    try:
        expected = KeyringKeyStore().backend
    except NoKeyringError as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI runs the keyring tests, but no keyring is available: {exc}")
        pytest.skip(f"no Secret Service here (run through `make test`): {exc}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_LOG_DIR=str(tmp_path / "logs"))
    env.pop("PYTHON_KEYRING_BACKEND", None)
    proc = subprocess.run([str(bundle / "club-kiosk-debug"), "--data-dir", str(tmp_path / "data"), "doctor", "--json"],
                          env=env, capture_output=True, text=True, timeout=120)
    checks = {c["name"]: c for c in json.loads(proc.stdout)["checks"]}
    assert checks["keyring"]["ok"] and checks["keyring"]["detail"] == expected, checks["keyring"]
    assert checks["decoders"]["ok"] and "pyzbar" in checks["decoders"]["detail"]


def test_deb_layout(deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    fields = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True, check=True).stdout
    from kiosk import __version__
    assert f"Version: {__version__}" in fields and "Architecture: amd64" in fields and "Package: club-kiosk" in fields
    for path, mode in [("opt/club-kiosk/club-kiosk", 0o755), ("opt/club-kiosk/club-kiosk-debug", 0o755),
                       ("usr/bin/club-kiosk", 0o755), ("usr/lib/systemd/user/club-kiosk.service", 0o644),
                       ("usr/libexec/club-kiosk/start-session", 0o755),
                       ("etc/xdg/autostart/club-kiosk.desktop", 0o644),
                       ("usr/share/wayland-sessions/club-kiosk-cage.desktop", 0o644),
                       ("usr/share/doc/club-kiosk/copyright", 0o644)]:
        p = root / path
        assert p.is_file(), path
        assert p.stat().st_mode & 0o777 == mode, (path, oct(p.stat().st_mode))
    assert "/opt/club-kiosk/club-kiosk-debug" in (root / "usr/bin/club-kiosk").read_text()
    # The bundle is relocatable: it runs from the scratch root too.
    proc = subprocess.run([str(root / "opt/club-kiosk/club-kiosk-debug"), "--version"],
                          env=_clean_env(tmp_path / "home"), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and __version__ in proc.stdout
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    assert all(" root/root " in line for line in listing.splitlines())  # owned by root on the kiosk


def test_systemd_accepts_the_user_unit(deb: Path, tmp_path: Path) -> None:
    if not shutil.which("systemd-analyze"):
        pytest.fail("systemd-analyze is missing (apt-get install systemd; scripts/bootstrap --test does)")
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    unit_text = (root / "usr/lib/systemd/user/club-kiosk.service").read_text()
    for line in ("Type=notify", "Restart=always", "NotifyAccess=main", "ExecStart=/opt/club-kiosk/club-kiosk"):
        assert line in unit_text.splitlines(), line
    watchdog = re.search(r"^WatchdogSec=(\d+)$", unit_text, re.M)
    assert watchdog and int(watchdog.group(1)) >= 10
    # verify checks ExecStart exists: point it at the unpacked bundle (only that line changes).
    unit = tmp_path / "club-kiosk.service"
    unit.write_text(unit_text.replace("ExecStart=/opt/", f"ExecStart={root}/opt/"))
    run = tmp_path / "run"
    run.mkdir()
    proc = subprocess.run(["systemd-analyze", "--user", "verify", str(unit)], capture_output=True, text=True,
                          env=dict(os.environ, XDG_RUNTIME_DIR=str(run)), timeout=60)
    assert proc.returncode == 0, proc.stderr
    complaints = [l for l in proc.stderr.splitlines() if "club-kiosk" in l]
    assert complaints == [], complaints  # verify only *warns* about bad values: no warning allowed
    desktop = (root / "usr/share/wayland-sessions/club-kiosk-cage.desktop").read_text()
    assert "cage" in desktop and "start-session --wait" in desktop


def test_postrm_keeps_data_and_purge_says_where_it_lives(deb: Path, tmp_path: Path) -> None:
    ctrl = tmp_path / "ctrl"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(ctrl)], check=True)
    # Stand-ins for getent/groupdel so the test never changes this machine's groups.
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "getent").write_text("#!/bin/sh\necho club-kiosk:x:999:\n")
    (fake / "groupdel").write_text(f"#!/bin/sh\necho \"$@\" > {tmp_path / 'groupdel.args'}\n")
    for f in fake.iterdir():
        f.chmod(0o755)
    home = tmp_path / "home"
    data = home / ".local/share/club-kiosk"
    data.mkdir(parents=True)
    (data / "kiosk.db").write_bytes(b"encrypted")
    env = {"PATH": f"{fake}:/usr/bin:/bin", "HOME": str(home)}
    removed = subprocess.run(["sh", str(ctrl / "postrm"), "remove"], env=env, capture_output=True, text=True)
    purged = subprocess.run(["sh", str(ctrl / "postrm"), "purge"], env=env, capture_output=True, text=True)
    assert removed.returncode == purged.returncode == 0
    assert "kept" in removed.stdout
    assert "deletes nothing in home folders" in purged.stdout
    assert "~/.local/share/club-kiosk/" in purged.stdout and "keyring" in purged.stdout
    assert (tmp_path / "groupdel.args").read_text().strip() == "club-kiosk"
    assert (data / "kiosk.db").read_bytes() == b"encrypted"


def test_postinst_creates_the_group_once(deb: Path, tmp_path: Path) -> None:
    ctrl = tmp_path / "ctrl"
    subprocess.run(["dpkg-deb", "-e", str(deb), str(ctrl)], check=True)
    fake = tmp_path / "bin"
    fake.mkdir()
    log = tmp_path / "groupadd.args"
    (fake / "getent").write_text(f"#!/bin/sh\n[ -f {log} ] && echo club-kiosk:x:999: || exit 2\n")
    (fake / "groupadd").write_text(f"#!/bin/sh\necho \"$@\" >> {log}\n")
    # On a machine with systemd, postinst enables the update timer: never this machine's.
    (fake / "systemctl").write_text(f"#!/bin/sh\necho \"$@\" >> {tmp_path / 'systemctl.args'}\n")
    for f in fake.iterdir():
        f.chmod(0o755)
    env = {"PATH": f"{fake}:/usr/bin:/bin"}
    for _ in range(2):  # configure again (upgrade): the group exists, nothing to do
        proc = subprocess.run(["sh", str(ctrl / "postinst"), "configure"], env=env, capture_output=True, text=True)
        assert proc.returncode == 0 and "adduser <account> club-kiosk" in proc.stdout
    assert log.read_text().splitlines() == ["--system club-kiosk"]
