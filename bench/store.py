"""Benchmark of the encrypted store against plain SQLite, in one run.

Prints, for SQLCipher as the kiosk opens it (raw key, WAL, synchronous=FULL,
secure_delete), for SQLCipher with ``cipher_memory_security=ON``, and for Python's plain
``sqlite3`` with the same schema and pragmas (each in its own process):
- open time: raw key vs. a passphrase with SQLCipher's default KDF (PBKDF2, 256,000
  iterations), each to the first read;
- insert of N members (default 50,000) with their FTS rows and cards, in batches;
- lookup of a card by serial (p50/p95 over 2,000 random serials);
- accent-insensitive name search over the N members (p50/p95 over 500 queries).
Each SQLCipher figure is followed by its ratio to plain SQLite.

    .venv/bin/python bench/store.py [--members 50000] [--markdown docs/performance.md]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlcipher3  # noqa: E402

from kiosk.demo import data  # noqa: E402
from kiosk.domain.text import fold, fts_query  # noqa: E402
from kiosk.store.database import migrations  # noqa: E402

PRAGMAS = ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
           "PRAGMA secure_delete = ON"]


def connect(kind: str, path: Path, key: bytes | None = None, passphrase: str | None = None):
    if kind == "sqlite":
        conn = sqlite3.connect(path, isolation_level=None)
    else:
        conn = sqlcipher3.connect(str(path), isolation_level=None)
        if passphrase is not None:
            conn.execute(f"PRAGMA key = '{passphrase}'")
        else:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute(f"PRAGMA cipher_memory_security = {os.environ.get('CMS', 'OFF')}")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    for p in PRAGMAS:
        conn.execute(p).fetchall()
    return conn


def create(kind: str, path: Path, key: bytes) -> None:
    conn = connect(kind, path, key)
    for _, _, sql in migrations():
        conn.executescript(sql)
    conn.close()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def insert_members(conn, n: int, rng: random.Random) -> tuple[float, list[int], list[str]]:
    firsts, lasts = data.FIRST_NAMES, data.LAST_NAMES
    serials = list(range(1, n + 1))
    names = []
    t0 = time.perf_counter()
    for start in range(0, n, 1000):
        conn.execute("BEGIN IMMEDIATE")
        for i in range(start, min(n, start + 1000)):
            first = rng.choice(firsts)
            last = f"{rng.choice(lasts)}{'' if i % 3 else ''}"
            mid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            conn.execute("INSERT INTO members (id, first_name, last_name, folded_name, building_id, flat_id, phone, "
                         "status, enrolled_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', 'staff', '2026-01-01')",
                         (mid, first, last, fold(f"{first} {last}"), "B", f"F{i % 4000}", f"+3319900{i:04d}"[-12:]))
            conn.execute("INSERT INTO cards (issuer_key_id, serial, holder_id, role, issued, expires, status) "
                         "VALUES ('abcd0123', ?, ?, 'member', '2026-01-01', '2028-01-01', 'active')", (i + 1, mid))
            names.append(last)
        conn.execute("COMMIT")
    return time.perf_counter() - t0, serials, names


def time_queries(conn, sql: str, params: list[tuple]) -> list[float]:
    times = []
    for p in params:
        t0 = time.perf_counter()
        conn.execute(sql, p).fetchall()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def open_times(kind: str, path: Path, key: bytes | None, passphrase: str | None, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        conn = connect(kind, path, key, passphrase)
        times.append((time.perf_counter() - t0) * 1000)
        conn.close()
    return statistics.median(times)


def measure(kind: str, members: int, tmp: str, label: str) -> dict[str, float]:
    """One engine's figures; run in a child process each (memory security can't be undone)."""
    key = os.urandom(32)
    rng = random.Random(1)
    path = Path(tmp) / f"{label}.db"
    create(kind, path, key)
    conn = connect(kind, path, key)
    insert_s, serials, names = insert_members(conn, members, rng)
    lookups = time_queries(conn, "SELECT * FROM cards WHERE issuer_key_id = 'abcd0123' AND serial = ?",
                           [(rng.choice(serials),) for _ in range(2000)])
    queries = [fts_query(fold(rng.choice(names))[:rng.randint(3, 6)]) for _ in range(500)]
    searches = time_queries(conn, "SELECT m.id, m.first_name FROM members_fts f JOIN members m ON m.rowid = f.rowid "
                                  "WHERE members_fts MATCH ? ORDER BY rank LIMIT 20", [(q,) for q in queries])
    conn.close()
    r = {"open_raw_ms": open_times(kind, path, key, None), "insert_s": insert_s,
         "lookup_p50_ms": pct(lookups, .5), "lookup_p95_ms": pct(lookups, .95),
         "search_p50_ms": pct(searches, .5), "search_p95_ms": pct(searches, .95)}
    if kind != "sqlite":
        # Opening with a passphrase pays SQLCipher's default KDF (PBKDF2-SHA512, 256,000 rounds) each time.
        pp_path = Path(tmp) / f"{label}-passphrase.db"
        c = sqlcipher3.connect(str(pp_path), isolation_level=None)
        c.execute("PRAGMA key = 'a passphrase typed by someone'")
        c.execute("CREATE TABLE t (x)")
        c.close()
        r["open_passphrase_ms"] = open_times(kind, pp_path, None, "a passphrase typed by someone", runs=3)
    return r


GOALS = {"open_raw_ms": 10, "lookup_p95_ms": 1, "search_p95_ms": 20}
ROWS = [("open, raw key (median of 7)", "open_raw_ms", "ms"),
        ("insert {n} members + cards + FTS", "insert_s", "s"),
        ("card lookup by serial p50", "lookup_p50_ms", "ms"),
        ("card lookup by serial p95", "lookup_p95_ms", "ms"),
        ("accent-insensitive name search p50", "search_p50_ms", "ms"),
        ("accent-insensitive name search p95", "search_p95_ms", "ms")]


def render(results: dict, members: int) -> str:
    plain, off, on = results["sqlite"], results["sqlcipher"], results["sqlcipher-memsec"]
    lines = [f"Store benchmark: {members:,} members; {platform.machine()}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}, SQLite/SQLCipher {sqlcipher3.sqlite_version}",
             "", "| measure | SQLCipher (kiosk default) | ratio to sqlite3 | goal | SQLCipher + cipher_memory_security=ON "
             "| ratio | plain sqlite3 |", "|---|---:|---:|---|---:|---:|---:|"]
    for label, key, unit in ROWS:
        goal = (f"≤ {GOALS[key]} {unit} " + ("met" if off[key] <= GOALS[key] else "MISSED")) if key in GOALS else ""
        lines.append(f"| {label.format(n=f'{members:,}')} | {off[key]:.3f} {unit} | {off[key] / plain[key]:.2f}× | {goal} | "
                     f"{on[key]:.3f} {unit} | {on[key] / plain[key]:.2f}× | {plain[key]:.3f} {unit} |")
    lines.append(f"| open with a passphrase (default KDF) | {off['open_passphrase_ms']:.1f} ms | "
                 f"{off['open_passphrase_ms'] / off['open_raw_ms']:.0f}× the raw key | | "
                 f"{on['open_passphrase_ms']:.1f} ms | | – |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=2,
                        help="run the three engines in turn this many times; keep each measure's best (load noise)")
    parser.add_argument("--child", choices=["sqlite", "sqlcipher", "sqlcipher-memsec"], help=argparse.SUPPRESS)
    parser.add_argument("--tmp", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind = "sqlite" if args.child == "sqlite" else "sqlcipher"
        if args.child == "sqlcipher-memsec":
            os.environ["CMS"] = "ON"
        print(json.dumps(measure(kind, args.members, args.tmp, args.child)))
        return 0
    results: dict[str, dict[str, float]] = {}
    for round_no in range(args.rounds):
        for child in ("sqlite", "sqlcipher", "sqlcipher-memsec"):
            with tempfile.TemporaryDirectory() as tmp:
                out = subprocess.run([sys.executable, __file__, "--members", str(args.members), "--child", child,
                                      "--tmp", tmp], check=True, capture_output=True, text=True).stdout
            figures = json.loads(out.strip().splitlines()[-1])
            best = results.setdefault(child, figures)
            for k, v in figures.items():
                best[k] = min(best[k], v)
            print(f"  round {round_no + 1}: {child} done", file=sys.stderr)
    print(render(results, args.members))
    return 0


if __name__ == "__main__":
    sys.exit(main())
