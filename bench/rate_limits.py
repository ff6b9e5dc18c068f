"""What a shared rate-limit bucket costs a request: ``take()`` of the in-process limiter
against the database one (SQLite file, PostgreSQL on 127.0.0.1 if reachable), same run.

    .venv/bin/python bench/rate_limits.py [--n 2000]

Prints the median and p95 per call in microseconds and the ratio to the in-process one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from central.db import create_schema, make_engine  # noqa: E402
from central.limits import RateLimiter, SharedRateLimiter  # noqa: E402
from central.testing import postgres_unreachable_reason, temporary_database  # noqa: E402


def timings(limiter, n: int) -> list[float]:  # noqa: ANN001
    out = []
    for i in range(n):
        t = time.perf_counter()
        limiter.take(f"device-{i % 50}")
        out.append((time.perf_counter() - t) * 1e6)
    return out


def row(name: str, values: list[float], ref: float | None) -> str:
    med = statistics.median(values)
    p95 = statistics.quantiles(values, n=20)[-1]
    ratio = f"{med / ref:.0f}x" if ref else "1x"
    return f"| {name} | {med:.1f} | {p95:.1f} | {ratio} |"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()
    print("| limiter | median us | p95 us | vs in-process |\n|---|---|---|---|")
    memory = timings(RateLimiter(1000.0, 1000), args.n)
    ref = statistics.median(memory)
    print(row("in process (RateLimiter)", memory, None))
    backends = ["sqlite"] + ([] if postgres_unreachable_reason() else ["postgres"])
    for backend in backends:
        with tempfile.TemporaryDirectory() as tmp, temporary_database(backend, Path(tmp)) as url:
            engine = make_engine(url)
            create_schema(engine)
            limiter = SharedRateLimiter(engine, "bench", 1000.0, 1000)
            timings(limiter, 100)  # warm the pool and the statement cache
            print(row(f"shared, {backend}", timings(limiter, args.n), ref))
            engine.dispose()


if __name__ == "__main__":
    main()
