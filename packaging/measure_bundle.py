"""Measure a built bundle: total size, biggest parts, and what each Qt drop saves.

Job: back the size comments of ``build.spec`` and docs/performance-packaging.md with
numbers. ``python packaging/measure_bundle.py dist/club-kiosk`` prints the unpacked size,
the largest top-level entries, and, for each candidate removal, its *exclusive* size:
the files matched plus the shared libraries that nothing else in the bundle needs
(dependencies read with ``ldd`` inside the bundle). ``--qt PATH`` measures the unused Qt
modules the spec excludes, from the PySide6 install (binding + its ``libQt6*`` + Qt
libraries only it needs). Linux only (ldd); informational, never part of the build.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

# (label, regex on the path relative to the bundle's _internal) measured by --candidates.
CANDIDATES = [
    ("Qt GTK3 platform theme (gtk, cairo, pango, glib...)", r"platformthemes/libqgtk3"),
    ("Qt XDG portal platform theme", r"platformthemes/libqxdgdesktopportal"),
    ("Qt virtual keyboard input context", r"platforminputcontexts/libqtvirtualkeyboard"),
    ("Qt VNC/vkkhr/minimal platforms", r"platforms/libq(vnc|vkkhrdisplay|minimal|minimalegl)\.so"),
    ("Qt image formats other than jpeg/svg/gif", r"imageformats/libq(tiff|webp|icns|tga|wbmp|ico)\.so"),
    ("Qt Wayland decorations (adwaita, bradient)", r"wayland-decoration-client/"),
    ("Qt Wayland server-side graphics integrations", r"wayland-graphics-integration-client/lib(dmabuf|drm-egl|shm-emulation|vulkan)-server"),
    ("Qt CUPS print support (card printing)", r"printsupport/libcupsprintersupport"),
    ("Qt translations (all languages)", r"PySide6/Qt/translations/"),
]


def _is_elf(p: Path) -> bool:
    try:
        with p.open("rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def _deps(path: Path, libdirs: list[Path]) -> set[Path]:
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(map(str, libdirs)))
    try:
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return set()
    found = set()
    for line in out.splitlines():
        m = re.search(r"=>\s+(\S+)\s+\(", line)
        if m:
            found.add(Path(m.group(1)).resolve())
    return found


def dependency_graph(root: Path) -> dict[Path, set[Path]]:
    elves = [p.resolve() for p in root.rglob("*") if p.is_file() and not p.is_symlink() and _is_elf(p)]
    libdirs = sorted({p.parent for p in elves})
    inside = set(elves)
    return {p: {d for d in _deps(p, libdirs) if d in inside} for p in elves}


def closure(graph: dict[Path, set[Path]], roots: set[Path]) -> set[Path]:
    seen: set[Path] = set()
    todo = list(roots)
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        todo.extend(graph.get(n, ()))
    return seen


def exclusive_size(root: Path, graph: dict[Path, set[Path]], pattern: str) -> tuple[int, int]:
    """(bytes saved, files matched) when removing the files matching ``pattern``."""
    rx = re.compile(pattern)
    files = [p for p in root.rglob("*") if p.is_file() and rx.search(str(p.relative_to(root)).replace(os.sep, "/"))]
    removed = {p.resolve() for p in files}
    needed_by = {d for deps in graph.values() for d in deps}
    roots = {n for n in graph if n not in needed_by}  # extensions, plugins, executables
    before = closure(graph, roots)
    after = closure({n: e for n, e in graph.items() if n not in removed}, roots - removed) - removed
    orphans = (before - after) - removed
    size = sum(p.stat().st_size for p in files) + sum(p.stat().st_size for p in orphans)
    return size, len(files)


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def qt_module_cost(pyside: Path, module: str) -> int:
    """Binding + libQt6<Module> + Qt libraries only that library needs (vs Core/Gui/Widgets)."""
    lib = pyside / "Qt" / "lib"
    base = {lib / f"libQt6{m}.so.6" for m in ("Core", "Gui", "Widgets", "Svg", "PrintSupport", "DBus")}
    own = lib / f"libQt6{module}.so.6"
    binding = pyside / f"Qt{module}.abi3.so"
    size = binding.stat().st_size if binding.exists() else 0
    if not own.exists():
        return size
    base_deps = set().union(*(_deps(b, [lib]) for b in base if b.exists()))
    extra = {d for d in _deps(own, [lib]) if d.parent == lib.resolve() and d not in base_deps and d.resolve() not in {b.resolve() for b in base}}
    return size + own.stat().st_size + sum(d.stat().st_size for d in extra)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bundle", type=Path, nargs="?")
    ap.add_argument("--candidates", action="store_true", help="exclusive size of each candidate removal")
    ap.add_argument("--qt", type=Path, metavar="PYSIDE6_DIR", help="cost of unused Qt modules in this PySide6")
    args = ap.parse_args(argv)
    mb = 1024 * 1024
    if args.bundle:
        internal = args.bundle / "_internal"
        print(f"bundle {args.bundle}: {tree_size(args.bundle) / mb:.0f} MiB unpacked")
        entries = sorted(((tree_size(p) if p.is_dir() else p.lstat().st_size, p.name) for p in internal.iterdir()
                              if not p.is_symlink()), reverse=True)  # symlinks point into package folders
        for size, name in entries[:15]:
            print(f"  {size / mb:7.1f} MiB  {name}")
        if args.candidates:
            graph = dependency_graph(internal)
            for label, pattern in CANDIDATES:
                size, n = exclusive_size(internal, graph, pattern)
                print(f"  drop {label}: {size / mb:.1f} MiB ({n} files + orphaned libraries)")
    if args.qt:
        for module in ("Qml", "Quick", "QuickWidgets", "QuickControls2", "Network", "OpenGL", "OpenGLWidgets",
                       "DBus", "Sql", "Test", "Xml", "Concurrent", "Designer", "Help", "UiTools", "SvgWidgets"):
            print(f"  Qt{module}: {qt_module_cost(args.qt, module) / mb:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
