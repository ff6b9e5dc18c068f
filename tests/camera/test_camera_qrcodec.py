"""The project's own QR decoder of a card's modules (kiosk.camera.qrcodec): its
Reed-Solomon codec corrects errors and erasures up to the bound and refuses beyond it;
the module layout is the one segno prints; a grid decodes to the card's text, damaged
or not, and nothing else comes out."""

from __future__ import annotations

import random

import numpy as np
import segno

from kiosk.camera import qrcodec as q


def _codeword(rng: random.Random) -> list[int]:
    data = [rng.randrange(256) for _ in range(q.K)]
    return data + q.rs_encode(data)


def _damaged(word: list[int], positions: list[int], rng: random.Random) -> list[int]:
    bad = list(word)
    for p in positions:
        bad[p] ^= rng.randrange(1, 256)
    return bad


def test_errors_and_erasures_up_to_the_bound_are_corrected():
    rng = random.Random(17)
    for _ in range(300):
        word = _codeword(rng)
        errors = rng.randint(0, 8)
        erasures = rng.randint(0, 16 - 2 * errors)
        positions = rng.sample(range(q.N), errors + erasures)
        fixed = q.rs_decode(_damaged(word, positions, rng), positions[errors:])
        assert fixed == (word, errors)


def test_beyond_the_bound_the_block_is_refused():
    rng = random.Random(18)
    for _ in range(200):
        word = _codeword(rng)
        assert q.rs_decode(_damaged(word, rng.sample(range(q.N), 9), rng)) is None  # 9 errors > 8
        positions = rng.sample(range(q.N), 10)  # 3 errors + 7 erasures: 2·3 + 7 = 13 > 16 - margin 4
        assert q.rs_decode(_damaged(word, positions, rng), positions[3:], margin=4) is None
        assert q.rs_decode(_damaged(word, positions, rng), positions[3:]) is not None  # within 16


def test_the_module_grid_is_the_one_segno_prints(card_texts):
    for text in card_texts:
        code = segno.make_qr(text, error="m")
        assert (code.version, code.error) == (6, "M")
        printed = np.array([[bool(v) for v in row] for row in code.matrix])
        assert (q.encode_modules(text, code.mask) == printed).all()


def test_a_card_grid_decodes_to_its_text_also_damaged(card_texts):
    rng = np.random.default_rng(5)
    for mask, text in enumerate(card_texts):
        soft = np.where(q.encode_modules(text, mask), 1.0, -1.0)
        assert q.decode_modules(soft) == text
        # 20 data modules flipped, weakly (as a blurred or glared module samples), and a
        # corner of unknown modules (0: a thumb): errors and erasures together.
        for k in rng.choice(len(q.DATA_ORDER), 20, replace=False):
            r, c = q.DATA_ORDER[k]
            soft[r, c] = -0.1 * soft[r, c]
        soft[35:41, 35:41] = 0.0
        assert q.decode_modules(soft) == text


def test_too_much_damage_or_another_text_gives_nothing(card_texts):
    rng = np.random.default_rng(6)
    soft = np.where(q.encode_modules(card_texts[0], 3), 1.0, -1.0)
    for k in rng.choice(len(q.DATA_ORDER), 300, replace=False):
        r, c = q.DATA_ORDER[k]
        soft[r, c] = -soft[r, c]
    assert q.decode_modules(soft) is None
    other = "HTTPS://EXAMPLE.ORG/" + "A" * 133  # same mode and length: decodes, as itself only
    assert q.decode_modules(np.where(q.encode_modules(other, 1), 1.0, -1.0)) == other
    assert q.decode_modules(np.where(q.encode_modules("HELLO", 1), 1.0, -1.0)) is None  # not a card's length
    assert q.decode_modules(np.zeros((q.SIZE, q.SIZE))) is None
