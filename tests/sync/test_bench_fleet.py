"""bench/fleet.py cannot rot: a few simulated kiosks, a few seconds, on 1 and 2
``central serve`` processes on PostgreSQL. It must provision every kiosk through the real
enrollment path for its real kiosk, serve no-change pulls with 0 errors (ETag off, then on), push the real kiosk's offline
enrollments under that load, bring an office edit to every long-polling kiosk, and soak
without error (the bench exits 1 on any error)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from central.testing import postgres_unreachable_reason

BENCH = Path(__file__).resolve().parents[2] / "bench" / "fleet.py"


@pytest.mark.postgres
def test_fleet_bench_smoke(tmp_path: Path) -> None:
    if reason := postgres_unreachable_reason():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI=true and {reason}")
        pytest.skip(reason)
    out = subprocess.run([sys.executable, str(BENCH), "--kiosks", "6", "--workers", "1,2", "--seconds", "2",
                          "--clients", "4", "--enrollments", "5", "--soak-s", "2"],
                         capture_output=True, text=True, timeout=300, env=dict(os.environ, TMPDIR=str(tmp_path)))
    assert out.returncode == 0, out.stdout + out.stderr
    rows = [line for line in out.stdout.splitlines() if re.match(r"\| [12] \|", line)]
    assert len(rows) == 4, out.stdout  # each process count printed as measured, then in the table
    for line in rows[-2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert float(cells[1].split()[0]) > 0, line  # pulls per second (and the share of 304s with wrk)
        assert cells[10].endswith(", 0"), line      # the same load with the ETag off: no error either
        assert cells[4] == "0", line                # errors under load
        assert "(0 errors)" in cells[7], line       # the edit reached every kiosk
    assert "0 errors" in rows[-1].split("|")[9], rows[-1]  # the soak ran on 2 processes
