"""The decoder pipeline on synthetic card frames from bench/decode.py (real signed cards,
rotation, perspective, blur, noise, glare, low contrast, small codes at 640×480)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from kiosk.camera import decoder as dec

BENCH = Path(__file__).resolve().parents[2] / "bench" / "decode.py"
# Seed 11, 8 frames per condition, cards issued 2026-01-15: measured zxing 59/64,
# pyzbar 46/64, pipeline 60/64; the floor leaves three frames of margin.
PIPELINE_FLOOR = 57


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_decode", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_decode"] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


def test_pipeline_reads_synthetic_cards_at_least_as_well_as_each_engine(bench):
    rng = np.random.default_rng(11)
    # A fixed issue date: the payload, hence the QR, hence the result, never changes.
    frames = bench.synth_frames(rng, bench.card_payloads(4, rng, date(2026, 1, 15)), (640, 480), 8)
    scores = {v.name: bench.measure(v, frames)[0]
              for v in (dec.ZxingDecoder(), dec.ZbarDecoder(), dec.build_pipeline())}
    assert all(s.false == 0 for s in scores.values()), {n: s.false for n, s in scores.items()}
    pipeline = scores["pipeline"].read
    assert pipeline >= max(scores["zxing"].read, scores["pyzbar"].read)
    assert pipeline >= PIPELINE_FLOOR, f"pipeline read {pipeline}/{len(frames)}"
