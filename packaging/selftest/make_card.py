"""Make the self-test card: ``resources/selftest/card.png`` and ``card.json``.

Job: the frozen kiosk's ``--self-test`` decodes a real card image with the bundled
decoders and checks its Ed25519 signature, so the picture must hold a genuinely signed
``CK1:`` payload, drawn exactly as a printed card is (segno, level M, via
``kiosk.services.cards.qr_png_bytes``).

Constraints: the signing key is a throw-away key derived from a fixed, public seed: it
signs nothing else and no kiosk trusts it (its public key lives only in ``card.json``).
The holder id is a fixed random-looking UUID that belongs to nobody. Deterministic:
running it again writes the same files (Ed25519 signatures are deterministic). Run it
only when the card format changes: ``.venv/bin/python packaging/selftest/make_card.py``.
"""

from __future__ import annotations

import hashlib
import json
import sys
import uuid
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk.domain.cards import CardSigner, Role, public_key_raw  # noqa: E402
from kiosk.services.cards import qr_png_bytes  # noqa: E402

SEED = hashlib.sha256(b"club-kiosk self-test card key; signs nothing else").digest()
HOLDER = uuid.UUID("5e1f7e57-0000-4000-8000-00000000c0de")
ISSUED = date(2026, 1, 1)


def main() -> int:
    signer = CardSigner.from_private_bytes(SEED)
    text, claims = signer.issue(Role.MEMBER, HOLDER, serial=1, issued=ISSUED, valid_days=3650)
    out = ROOT / "resources" / "selftest"
    out.mkdir(parents=True, exist_ok=True)
    (out / "card.png").write_bytes(qr_png_bytes(text, scale=8))
    (out / "card.json").write_text(json.dumps({
        "about": "Self-test card made by packaging/selftest/make_card.py; a throw-away key, trusted by no kiosk.",
        "text": text,
        "public_key": public_key_raw(signer.public_key).hex(),
        "issued": claims.issued.isoformat(),
    }, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out / 'card.png'} ({len(text)} characters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
