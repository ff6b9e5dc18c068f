"""The layer rules of ARCHITECTURE.md hold: import-linter contracts in pyproject.toml, and
what those contracts cannot say, checked on the import graph (grimp, as import-linter
builds it): no import cycle between modules, Qt reached only from the edge, and the
server's list of forbidden kiosk parts naming every part but the domain and the protocol."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
# The modules that may reach Qt, directly or through what they import.
QT_EDGE = ("kiosk.ui", "kiosk.tasks", "kiosk.camera.worker", "kiosk.app", "kiosk.cli", "kiosk.__main__")
KNOWN_CYCLES: list[set[str]] = []  # none: a cycle found is a failure


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("kiosk", "central", include_external_packages=True, cache_dir=None)


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def import_cycles(graph: grimp.ImportGraph, roots: tuple[str, ...]) -> list[set[str]]:
    """Every set of modules that import each other in a ring (strongly connected
    components of more than one module, Tarjan's algorithm, iterative)."""
    mods = sorted(m for m in graph.modules if _within(m, roots))
    edges = {m: sorted(d for d in graph.find_modules_directly_imported_by(m) if _within(d, roots)) for m in mods}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for start in mods:
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                nxt = edges[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                ring = set()
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    ring.add(m)
                    if m == node:
                        break
                if len(ring) > 1:
                    found.append(ring)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found


def test_import_contracts_are_kept() -> None:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    r = subprocess.run([exe, str(ROOT / "pyproject.toml"), "--no-cache"], cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "broken" in r.stdout and ", 0 broken" in r.stdout


def test_no_module_imports_itself_through_others(graph: grimp.ImportGraph) -> None:
    cycles = [c for c in import_cycles(graph, ("kiosk", "central")) if c not in KNOWN_CYCLES]
    assert cycles == [], f"import cycles: {[sorted(c) for c in cycles]}"


def test_the_cycle_finder_finds_a_ring() -> None:
    """The check above can fail: a three-module ring and a two-module one are found."""
    g = grimp.ImportGraph()
    for m in ("kiosk", "kiosk.a", "kiosk.b", "kiosk.c", "kiosk.d", "kiosk.e"):
        g.add_module(m)
    for a, b in (("kiosk.a", "kiosk.b"), ("kiosk.b", "kiosk.c"), ("kiosk.c", "kiosk.a"),
                 ("kiosk.d", "kiosk.e"), ("kiosk.e", "kiosk.d"), ("kiosk.a", "kiosk.d")):
        g.add_import(importer=a, imported=b)
    assert sorted(map(sorted, import_cycles(g, ("kiosk",)))) == [["kiosk.a", "kiosk.b", "kiosk.c"],
                                                                  ["kiosk.d", "kiosk.e"]]


def test_only_the_edge_reaches_qt_even_indirectly(graph: grimp.ImportGraph) -> None:
    """Qt-free by layer: any new module outside the edge is covered without being listed."""
    reaching = {m for m in graph.find_downstream_modules("PySide6") if _within(m, ("kiosk", "central"))}
    assert sorted(m for m in reaching if not _within(m, QT_EDGE)) == []


def test_the_server_contract_names_every_kiosk_part_but_domain_and_protocol(graph: grimp.ImportGraph) -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    [server] = [c for c in contracts if c.get("source_modules") == ["central"]]
    parts = {m for m in graph.find_children("kiosk")} - {"kiosk.domain", "kiosk.protocol", "kiosk.__main__"}
    assert parts <= set(server["forbidden_modules"]), parts - set(server["forbidden_modules"])
    [protocol] = [c for c in contracts if c.get("source_modules") == ["kiosk.protocol"]]
    assert parts <= set(protocol["forbidden_modules"]), parts - set(protocol["forbidden_modules"])
