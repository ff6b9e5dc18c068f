"""Helper process for test_crash_safety: writes rows and prints each committed id.

Usage: python crash_writer.py DATA_DIR START. Each transaction inserts a batch of rows
(1 to 30) into kv; after COMMIT returns it prints the batch's last id and flushes, so
every id printed is committed. The parent kills this process with SIGKILL at random.
"""

import random
import sys
from pathlib import Path

from kiosk.config import load_config
from kiosk.store.opening import open_store

data_dir, start = Path(sys.argv[1]), int(sys.argv[2])
cfg = load_config(Path(sys.argv[3]), env={}, data_dir=data_dir).with_values(key_store="file")
store = open_store(cfg)
rng = random.Random(start)
print("ready", flush=True)
n = start


def batch(c, first: int, size: int) -> None:
    with store.db.atomic():
        for i in range(first, first + size):
            c.execute("INSERT INTO kv (key, value) VALUES (?, ?)", (f"crash-{i:08d}", "x" * rng.randint(10, 3000)))


while True:
    size = rng.randint(1, 30)
    store.db.run(lambda c: batch(c, n, size))
    n += size
    print(n - 1, flush=True)
