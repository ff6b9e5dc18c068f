"""Partners, their offers and logos: the catalogue the office maintains, read by the directory screens."""

from __future__ import annotations

from datetime import date

from kiosk.domain.partners import Offer, Partner, PartnerLogo
from kiosk.domain.text import fts_query
from kiosk.store.base import Repository


class PartnersRepository(Repository):
    def upsert(self, p: Partner) -> None:
        self._insert("partners", p, upsert_key=("id",))

    def upsert_offer(self, o: Offer) -> None:
        self._insert("offers", o, upsert_key=("id",))

    def delete(self, partner_id: str) -> None:
        self._exec("DELETE FROM partners WHERE id = ?", (partner_id,))

    def delete_offer(self, offer_id: str) -> None:
        self._exec("DELETE FROM offers WHERE id = ?", (offer_id,))

    def get(self, partner_id: str) -> Partner | None:
        return self._one(Partner, "SELECT * FROM partners WHERE id = ?", (partner_id,))

    def active(self, category: str | None = None) -> list[Partner]:
        if category:
            return self._all(Partner, "SELECT * FROM partners WHERE active = 1 AND category = ? ORDER BY name",
                             (category,))
        return self._all(Partner, "SELECT * FROM partners WHERE active = 1 ORDER BY name")

    def search_ids(self, text: str, *, limit: int = 200) -> list[str]:
        """Partner ids whose name or description matches (accents and case ignored)."""
        query = fts_query(text)
        if not query:
            return []
        return self._run(lambda c: [r[0] for r in c.execute(
            "SELECT p.id FROM partners_fts f JOIN partners p ON p.rowid = f.rowid "
            "WHERE partners_fts MATCH ? AND p.active = 1 ORDER BY rank LIMIT ?", (query, limit))])

    def current_offers(self, today: date) -> dict[str, list[Offer]]:
        """partner id → offers valid today (expired and future offers left out)."""
        day = today.isoformat()
        offers = self._all(Offer, "SELECT * FROM offers WHERE (valid_from IS NULL OR valid_from <= ?) "
                                  "AND (valid_until IS NULL OR valid_until >= ?) ORDER BY id", (day, day))
        result: dict[str, list[Offer]] = {}
        for o in offers:
            result.setdefault(o.partner_id, []).append(o)
        return result

    def logos(self, partner_ids: list[str]) -> dict[str, PartnerLogo]:
        """partner id → its logo, for those of ``partner_ids`` that have one."""
        if not partner_ids:
            return {}
        marks = ",".join("?" * len(partner_ids))
        found = self._all(PartnerLogo, f"SELECT * FROM partner_logos WHERE partner_id IN ({marks})",
                          tuple(partner_ids))
        return {g.partner_id: g for g in found}

    def count(self) -> int:
        return self._scalar("SELECT count(*) FROM partners")
