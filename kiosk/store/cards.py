"""Issued cards (serials, status) and the public keys of the kiosks that issue them."""

from __future__ import annotations

from datetime import datetime, timezone

from kiosk.domain.records import CardRecord, CardStatus
from kiosk.store.base import Repository


class CardsRepository(Repository):
    def insert(self, card: CardRecord) -> None:
        self._insert("cards", card, upsert_key=("issuer_key_id", "serial"))

    def add_if_absent(self, card: CardRecord) -> None:
        self._insert_if_absent("cards", card, ("issuer_key_id", "serial"))

    def get(self, issuer_key_id: str, serial: int) -> CardRecord | None:
        return self._one(CardRecord, "SELECT * FROM cards WHERE issuer_key_id = ? AND serial = ?",
                         (issuer_key_id, serial))

    def with_serial(self, serial: int) -> list[CardRecord]:
        """Cards of any issuer with this serial (a typed card number names the serial)."""
        return self._all(CardRecord, "SELECT * FROM cards WHERE serial = ?", (serial,))

    def of_holder(self, holder_id: str) -> list[CardRecord]:
        return self._all(CardRecord, "SELECT * FROM cards WHERE holder_id = ? ORDER BY issued", (holder_id,))

    def revoke(self, issuer_key_id: str, serial: int) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self._exec("UPDATE cards SET status = ?, revoked_at = ? WHERE issuer_key_id = ? AND serial = ?",
                   (CardStatus.REVOKED.value, now, issuer_key_id, serial))

    def is_revoked(self, issuer_key_id: str, serial: int) -> bool:
        return self._scalar("SELECT count(*) FROM cards WHERE issuer_key_id = ? AND serial = ? AND status = 'revoked'",
                            (issuer_key_id, serial)) > 0

    def next_serial(self, issuer_key_id: str) -> int:
        return (self._scalar("SELECT max(serial) FROM cards WHERE issuer_key_id = ?", (issuer_key_id,)) or 0) + 1

    def add_issuer(self, key_id: str, public_key_hex: str, kiosk_id: str = "") -> None:
        self._exec("INSERT INTO card_issuers (key_id, public_key, kiosk_id) VALUES (?, ?, ?) "
                   "ON CONFLICT (key_id) DO UPDATE SET public_key = excluded.public_key, kiosk_id = excluded.kiosk_id",
                   (key_id, public_key_hex, kiosk_id))

    def issuers(self) -> dict[str, str]:
        """key id (hex) → raw public key (hex), revoked issuers left out."""
        return self._run(lambda c: {r[0]: r[1] for r in c.execute(
            "SELECT key_id, public_key FROM card_issuers WHERE revoked = 0")})
