"""A writer killed with SIGKILL at random points never loses a committed row.

Runs a writer process (crash_writer.py) against one real encrypted database, kills it
at a random moment 60 times, and after each kill reopens the file: every id the writer
reported as committed is there, and `integrity_check` / `cipher_integrity_check` pass.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.store.opening import open_store

KILL_POINTS = 60


@pytest.mark.slow
def test_sigkill_never_loses_a_committed_row(config, tmp_path):
    open_store(config).close()
    cfg_file = tmp_path / "config.toml"
    rng = random.Random(2026)
    committed = -1
    next_start = 0
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    for point in range(KILL_POINTS):
        proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("crash_writer.py")),
                                 str(config.data_dir), str(next_start), str(cfg_file)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.12))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        reported = [int(line) for line in out.split() if line.strip().isdigit()]
        if reported:
            committed = max(committed, max(reported))
        store = open_store(config)
        try:
            present = store.db.run(lambda c: {r[0] for r in c.execute("SELECT key FROM kv WHERE key LIKE 'crash-%'")})
            missing = [i for i in range(committed + 1) if f"crash-{i:08d}" not in present]
            assert not missing, f"kill point {point}: committed rows lost: {missing[:10]}"
            assert store.db.integrity_problems() == []
            highest = max((int(k[6:]) for k in present), default=-1)
        finally:
            store.close()
        next_start = highest + 1
    assert committed > 100, "the writer never got going: the test proved nothing"
