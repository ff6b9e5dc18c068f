"""The card's QR code read from its modules: Reed-Solomon, format, layout, alphanumeric.

Job: ``decode_modules(soft)`` turns a 41×41 grid of soft module values (positive: dark,
the magnitude how sure; 0: unknown) into the code's text, or None. Only what a card
needs is implemented: version 6 at level M (4 blocks of RS(43, 27), no version
information), alphanumeric mode. ``rs_decode`` corrects errors and erasures
(2·errors + erasures ≤ 16 per block) and refuses beyond that; ``encode_modules`` builds the
module grid of a text (the tests' reference; segno makes the printed cards).

Constraints:
- Never a text that fails the checks: every block's syndromes are zero after correction,
  with ``margin`` check symbols left unused (a miscorrection needs a wrong codeword within
  reach, rarer the more symbols are left), the mode and count fields are those of a card,
  and the bits after the text are zero.
- Pure Python and numpy; it runs only on a located region (a few ms a grid). No Qt.
"""

from __future__ import annotations

import numpy as np

SIZE = 41                      # version 6
BLOCKS, N, K = 4, 43, 27       # version 6-M: 4 blocks of 43 codewords, 27 of them data
ECC = N - K                    # 16 check symbols a block: 8 errors, or 16 erasures
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"

# ---------------------------------------------------------------- GF(256), polynomial 0x11d

_EXP = [0] * 512
_LOG = [0] * 256
_x = 1
for _i in range(255):
    _EXP[_i] = _x
    _LOG[_x] = _i
    _x <<= 1
    if _x & 0x100:
        _x ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


def _mul(a: int, b: int) -> int:
    return 0 if a == 0 or b == 0 else _EXP[_LOG[a] + _LOG[b]]


def _div(a: int, b: int) -> int:
    if b == 0:
        raise ZeroDivisionError
    return 0 if a == 0 else _EXP[(_LOG[a] - _LOG[b]) % 255]


def _poly_eval(poly: list[int], x: int) -> int:
    """``poly`` lowest degree first."""
    y = 0
    for c in reversed(poly):
        y = _mul(y, x) ^ c
    return y


def _generator() -> list[int]:
    g = [1]  # highest degree first
    for i in range(ECC):
        root = _EXP[i]
        g = [a ^ _mul(b, root) for a, b in zip(g + [0], [0] + g)]
    return g


_GEN = _generator()


def rs_encode(data: list[int]) -> list[int]:
    """The 16 check symbols of a block's 27 data bytes (the QR generator, roots α^0..α^15)."""
    rem = [0] * ECC
    for byte in data:
        factor = byte ^ rem[0]
        rem = rem[1:] + [0]
        if factor:
            for i in range(ECC):
                rem[i] ^= _mul(_GEN[i + 1], factor)
    return rem


def _syndromes(block: list[int]) -> list[int]:
    return [_poly_eval(block[::-1], _EXP[i]) for i in range(ECC)]


def rs_decode(block: list[int], erasures: list[int] = (), margin: int = 0) -> tuple[list[int], int] | None:  # type: ignore[assignment]
    """The corrected 43-byte block and the number of errors found besides the erasures
    (indices into ``block``), or None when 2·errors + erasures + margin > 16, or when the
    correction does not give a codeword."""
    n = len(block)
    synd = _syndromes(block)
    erasures = sorted(set(erasures))
    f = len(erasures)
    if f + margin > ECC:
        return None
    if not any(synd):
        return list(block), 0
    # Erasure locator Γ(x) = Π (1 - X_k x), X_k = α^(n-1-index); polynomials lowest first.
    gamma = [1]
    for idx in erasures:
        xk = _EXP[n - 1 - idx]
        gamma = [a ^ _mul(xk, b) for a, b in zip(gamma + [0], [0] + gamma)]
    lam, prev, length = list(gamma), list(gamma), f
    for r in range(f, ECC):  # Berlekamp-Massey started from the erasures
        delta = 0
        for i in range(min(len(lam), r + 1)):
            delta ^= _mul(lam[i], synd[r - i])
        prev = [0] + prev
        if delta:
            step = [a ^ _mul(delta, b) for a, b in
                    zip(lam + [0] * (len(prev) - len(lam)), prev + [0] * (len(lam) - len(prev)))]
            if 2 * length <= r + f:
                inv = _div(1, delta)
                prev = [_mul(c, inv) for c in lam]
                length = r + 1 + f - length
            lam = step
    while len(lam) > 1 and lam[-1] == 0:
        lam.pop()
    errors = length - f
    if len(lam) - 1 != length or 2 * errors + f + margin > ECC:
        return None
    positions = [j for j in range(n) if _poly_eval(lam, _EXP[(255 - (n - 1 - j)) % 255]) == 0]
    if len(positions) != length:
        return None
    omega = [0] * ECC  # Ω = S·Λ mod x^16
    for i, s in enumerate(synd):
        if s:
            for j, c in enumerate(lam):
                if i + j < ECC:
                    omega[i + j] ^= _mul(s, c)
    deriv = [lam[i] if i % 2 == 1 else 0 for i in range(1, len(lam))]
    out = list(block)
    for j in positions:
        xk = _EXP[n - 1 - j]
        xinv = _EXP[(255 - (n - 1 - j)) % 255]
        den = _poly_eval(deriv, xinv)
        if den == 0:
            return None
        out[j] ^= _mul(xk, _div(_poly_eval(omega, xinv), den))
    if any(_syndromes(out)):
        return None
    return out, errors


# ---------------------------------------------------------------- layout of version 6

def _function_mask() -> np.ndarray:
    f = np.zeros((SIZE, SIZE), bool)
    f[0:9, 0:9] = True            # finder, separator, format (top left)
    f[0:9, SIZE - 8:] = True      # top right
    f[SIZE - 8:, 0:9] = True      # bottom left
    f[6, :] = True                # timing
    f[:, 6] = True
    f[32:37, 32:37] = True        # the one alignment pattern, centre (34, 34)
    return f


FUNCTION = _function_mask()


def _fixed_pattern() -> np.ndarray:
    """Dark (1) / light (0) of the function modules that never change (format excluded:
    -1 there and on data modules)."""
    p = np.full((SIZE, SIZE), -1, np.int8)
    finder = np.ones((7, 7), np.int8)
    finder[1:6, 1:6] = 0
    finder[2:5, 2:5] = 1
    for r, c in ((0, 0), (0, SIZE - 7), (SIZE - 7, 0)):
        p[max(0, r - 1):r + 8, max(0, c - 1):c + 8] = 0   # separators
        p[r:r + 7, c:c + 7] = finder
    for i in range(8, SIZE - 8):
        p[6, i] = p[i, 6] = 1 if i % 2 == 0 else 0
    align = np.ones((5, 5), np.int8)
    align[1:4, 1:4] = 0
    align[2, 2] = 1
    p[32:37, 32:37] = align
    p[SIZE - 8, 8] = 1            # the dark module
    return p[:SIZE, :SIZE]


FIXED = _fixed_pattern()


def _format_positions() -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(row, col) of format bit i (0 = least significant), both copies."""
    first = [(i, 8) for i in range(6)] + [(7, 8), (8, 8), (8, 7)] + [(8, 14 - i) for i in range(9, 15)]
    second = [(8, SIZE - 1 - i) for i in range(8)] + [(SIZE - 15 + i, 8) for i in range(8, 15)]
    return first, second


FORMAT_POSITIONS = _format_positions()


def format_bits(mask: int, level_bits: int = 0) -> int:
    """The 15 format bits of level M (``level_bits`` 0) and ``mask``."""
    data = level_bits << 3 | mask
    rem = data
    for _ in range(10):
        rem = (rem << 1) ^ ((rem >> 9) * 0x537)
    return (data << 10 | rem) ^ 0x5412


def _data_order() -> list[tuple[int, int]]:
    order = []
    right = SIZE - 1
    while right >= 1:
        if right == 6:
            right = 5
        for vert in range(SIZE):
            for j in range(2):
                x = right - j
                upward = ((right + 1) & 2) == 0
                y = SIZE - 1 - vert if upward else vert
                if not FUNCTION[y, x]:
                    order.append((y, x))
        right -= 2
    return order


DATA_ORDER = _data_order()                 # 1383 modules: 172 codewords and 7 remainder bits
_ROWS = np.array([p[0] for p in DATA_ORDER[:BLOCKS * N * 8]])
_COLS = np.array([p[1] for p in DATA_ORDER[:BLOCKS * N * 8]])


def mask_grid(mask: int) -> np.ndarray:
    y, x = np.mgrid[0:SIZE, 0:SIZE]
    cond = [(x + y) % 2 == 0, y % 2 == 0, x % 3 == 0, (x + y) % 3 == 0, (x // 3 + y // 2) % 2 == 0,
            x * y % 2 + x * y % 3 == 0, (x * y % 2 + x * y % 3) % 2 == 0,
            ((x + y) % 2 + x * y % 3) % 2 == 0][mask]
    return cond


_MASKS = [mask_grid(m) for m in range(8)]
_FORMATS = [format_bits(m) for m in range(8)]


# ---------------------------------------------------------------- payload

def _alphanumeric_bits(text: str) -> list[int]:
    bits: list[int] = []

    def put(value: int, width: int) -> None:
        bits.extend((value >> (width - 1 - i)) & 1 for i in range(width))

    put(0b0010, 4)
    put(len(text), 9)
    for i in range(0, len(text) - 1, 2):
        put(ALPHANUMERIC.index(text[i]) * 45 + ALPHANUMERIC.index(text[i + 1]), 11)
    if len(text) % 2:
        put(ALPHANUMERIC.index(text[-1]), 6)
    return bits


def encode_modules(text: str, mask: int = 0) -> np.ndarray:
    """The 41×41 module grid (True: dark) of an alphanumeric ``text`` at 6-M with ``mask``."""
    bits = _alphanumeric_bits(text)
    capacity = BLOCKS * K * 8
    if len(bits) > capacity:
        raise ValueError("too long for version 6-M")
    bits += [0] * min(4, capacity - len(bits))
    bits += [0] * (-len(bits) % 8)
    data = [int("".join(map(str, bits[i:i + 8])), 2) for i in range(0, len(bits), 8)]
    pad = [0xEC, 0x11]
    while len(data) < BLOCKS * K:
        data.append(pad[(len(data) - len(bits) // 8) % 2])
    blocks = [data[b * K:(b + 1) * K] for b in range(BLOCKS)]
    blocks = [blk + rs_encode(blk) for blk in blocks]
    stream = [blocks[b][i] for i in range(N) for b in range(BLOCKS)]
    grid = np.zeros((SIZE, SIZE), bool)
    grid[FIXED == 1] = True
    for k, (r, c) in enumerate(DATA_ORDER[:len(stream) * 8]):
        grid[r, c] = bool((stream[k >> 3] >> (7 - (k & 7))) & 1)
    grid ^= _MASKS[mask] & ~FUNCTION
    fmt = format_bits(mask)
    for copy in FORMAT_POSITIONS:
        for i, (r, c) in enumerate(copy):
            grid[r, c] = bool((fmt >> i) & 1)
    return grid


def _parse(data: list[int], length: int | None) -> str | None:
    bits = "".join(f"{b:08b}" for b in data)
    if bits[:4] != "0010":
        return None
    count = int(bits[4:13], 2)
    if length is not None and count != length:
        return None
    pos, chars = 13, []
    for _ in range(count // 2):
        v = int(bits[pos:pos + 11], 2)
        pos += 11
        if v >= 45 * 45:
            return None
        chars += [ALPHANUMERIC[v // 45], ALPHANUMERIC[v % 45]]
    if count % 2:
        v = int(bits[pos:pos + 6], 2)
        pos += 6
        if v >= 45:
            return None
        chars.append(ALPHANUMERIC[v])
    if pos > len(bits) or "1" in bits[pos:pos + 4]:  # the terminator
        return None
    end = pos + 4 + (-(pos + 4) % 8)
    if "1" in bits[pos:end]:
        return None
    pad = data[end // 8:]
    if any(b != (0xEC, 0x11)[i % 2] for i, b in enumerate(pad)):
        return None
    return "".join(chars)


# ---------------------------------------------------------------- soft decoding

def mask_candidates(soft: np.ndarray) -> list[tuple[int, float]]:
    """The masks by how well the format bits agree (a correlation in [-1, 1]), best first."""
    vals = np.array([[soft[r, c] for r, c in copy] for copy in FORMAT_POSITIONS])  # 2×15
    norm = float(np.abs(vals).sum()) or 1.0
    scores = []
    for m, fmt in enumerate(_FORMATS):
        signs = np.array([1.0 if (fmt >> i) & 1 else -1.0 for i in range(15)])
        scores.append((m, float((vals * signs).sum()) / norm))
    return sorted(scores, key=lambda s: -s[1])


def decode_modules(soft: np.ndarray, *, length: int | None = 153, margin: int = 2,
                   max_erasures: int = 12, masks: int = 2) -> str | None:
    """The text of the 6-M code whose soft module values are ``soft`` (41×41, >0 dark),
    or None. Per block: errors only, then the least sure bytes erased, a few more at each
    try, until the block decodes within the bound less ``margin``."""
    for mask, score in mask_candidates(soft)[:masks]:
        if score < 0.3:
            break
        values = np.where(_MASKS[mask], -soft, soft)[_ROWS, _COLS].reshape(-1, 8)  # codewords × bits
        bits = (values > 0).astype(np.int64)
        data_bytes = (bits * (1 << np.arange(7, -1, -1))).sum(axis=1)
        sure = np.abs(values).min(axis=1)
        out: list[int] = []
        for b in range(BLOCKS):
            idx = np.arange(b, BLOCKS * N, BLOCKS)
            block = [int(v) for v in data_bytes[idx]]
            order = [int(i) for i in np.argsort(sure[idx], kind="stable")]
            fixed = None
            for f in range(0, max_erasures + 1, 2):
                fixed = rs_decode(block, order[:f], margin)
                if fixed is not None:
                    break
            if fixed is None:
                out = []
                break
            out += fixed[0][:K]
        if len(out) != BLOCKS * K:
            continue
        text = _parse([out[b * K + i] for b in range(BLOCKS) for i in range(K)], length)
        if text is not None:
            return text
    return None
