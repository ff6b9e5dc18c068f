"""Every system library that Qt's platform plugins (xcb, wayland) and the QR decoders link
comes from a Debian package that scripts/bootstrap installs, or one those depend on
(defect 10: `make demo` died on a fresh Debian with a display, libxcb-icccm4 missing).

ldd resolves each plugin's whole closure; libraries inside the virtualenv (Qt's own,
shipped by the wheels) are the wheels' business; every other one must be found
(no "not found") and be owned (dpkg -S) by a package in bootstrap's list or its
dependency closure (apt-cache depends --recurse).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not shutil.which("dpkg") or not shutil.which("ldd"), reason="Debian tools")


def _bootstrap_packages() -> list[str]:
    out = subprocess.run([str(ROOT / "scripts" / "bootstrap"), "--print-packages"], capture_output=True,
                         text=True, check=True).stdout
    return out.split()


def _closure(packages: list[str]) -> set[str]:
    out = subprocess.run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests",
                          "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances", *packages],
                         capture_output=True, text=True).stdout
    names = {line.strip() for line in out.splitlines() if line and not line.startswith(" ")}
    names |= {m.group(1) for m in re.finditer(r"Depends: <?([\w.+-]+)", out)}
    return {n.split(":")[0] for n in names} | set(packages)


def _spellings(path: str) -> set[str]:
    real = str(Path(path).resolve())
    names = {path, real}
    for p in list(names):   # merged /usr: dpkg may know either spelling
        if p.startswith("/usr/lib/"):
            names.add(p[len("/usr"):])
        elif p.startswith("/lib/"):
            names.add("/usr" + p)
    return names


def _owners(paths: set[str]) -> dict[str, str]:
    """Owning package of each path (one dpkg -S for all: it is slow per call)."""
    spelled = {p: _spellings(p) for p in paths}
    every = sorted(set().union(*spelled.values())) if spelled else []
    out = subprocess.run(["dpkg", "-S", *every], capture_output=True, text=True).stdout
    owner_of = {}
    for line in out.splitlines():
        pkgs, _, path = line.partition(": ")
        owner_of[path.strip()] = pkgs.split(",")[0].split(":")[0].strip()
    return {p: next((owner_of[n] for n in names if n in owner_of), "") for p, names in spelled.items()}


def _linked(binary: Path) -> tuple[set[str], list[str]]:
    out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
    missing = [line.split()[0] for line in out.splitlines() if "not found" in line]
    paths = {m.group(1) for m in re.finditer(r"=>\s+(/\S+)\s+\(", out)}
    return paths, missing


def _binaries() -> list[Path]:
    import PySide6
    qt = Path(PySide6.__file__).parent / "Qt" / "plugins"
    found = [qt / "platforms" / "libqxcb.so", qt / "platforms" / "libqwayland.so"]
    found += sorted((qt / "wayland-shell-integration").glob("*.so"))
    found += sorted((qt / "xcbglintegrations").glob("*.so"))
    import zxingcpp
    found.append(Path(zxingcpp.__file__))
    from ctypes.util import find_library
    zbar = find_library("zbar")
    assert zbar, "libzbar0 (the second decoder) is not installed"
    found.append(Path("/usr/lib/x86_64-linux-gnu") / zbar if not zbar.startswith("/") else Path(zbar))
    return [b for b in found if b.exists()]


def test_qt_plugins_and_decoders_link_only_what_bootstrap_installs() -> None:
    allowed = _closure(_bootstrap_packages())
    venv = str(Path(sys.prefix).resolve())
    binaries = _binaries()
    assert any(b.name == "libqxcb.so" for b in binaries) and any(b.name == "libqwayland.so" for b in binaries)
    problems, linked = [], {}
    for binary in binaries:
        paths, missing = _linked(binary)
        problems += [f"{binary.name}: {lib} not found" for lib in missing]
        linked[binary.name] = {p for p in paths if not str(Path(p).resolve()).startswith(venv)}
    owners = _owners(set().union(*linked.values()))
    for name, paths in linked.items():
        for lib in sorted(paths):
            owner = owners[lib]
            if not owner:
                problems.append(f"{name}: {lib} belongs to no package")
            elif owner not in allowed:
                problems.append(f"{name}: {lib} comes from {owner}, which bootstrap does not install")
    assert problems == []
