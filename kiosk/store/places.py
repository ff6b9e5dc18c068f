"""Estates, buildings, entrances and flats: the lists a kiosk offers (never typed)."""

from __future__ import annotations

from kiosk.domain.places import Building, Entrance, Estate, Flat
from kiosk.store.base import Repository


class PlacesRepository(Repository):
    def upsert_estate(self, e: Estate) -> None:
        self._insert("estates", e, upsert_key=("id",))

    def upsert_building(self, b: Building) -> None:
        self._insert("buildings", b, upsert_key=("id",))

    def upsert_entrance(self, e: Entrance) -> None:
        self._insert("entrances", e, upsert_key=("id",))

    def upsert_flat(self, f: Flat) -> None:
        self._insert("flats", f, upsert_key=("id",))

    def buildings(self, ids: list[str] | None = None) -> list[Building]:
        if ids:
            marks = ",".join("?" for _ in ids)
            return self._all(Building, f"SELECT * FROM buildings WHERE id IN ({marks}) ORDER BY name", ids)
        return self._all(Building, "SELECT * FROM buildings ORDER BY name")

    def building(self, building_id: str) -> Building | None:
        return self._one(Building, "SELECT * FROM buildings WHERE id = ?", (building_id,))

    def estates(self) -> list[Estate]:
        return self._all(Estate, "SELECT * FROM estates ORDER BY name")

    def entrances(self, building_id: str) -> list[Entrance]:
        return self._all(Entrance, "SELECT * FROM entrances WHERE building_id = ? ORDER BY name", (building_id,))

    def flats(self, entrance_id: str) -> list[Flat]:
        return self._all(Flat, "SELECT * FROM flats WHERE entrance_id = ? ORDER BY label", (entrance_id,))

    def flat(self, flat_id: str) -> Flat | None:
        return self._one(Flat, "SELECT * FROM flats WHERE id = ?", (flat_id,))

    def flats_by_building(self, ids: list[str] | None = None) -> dict[str, set[str]]:
        """Building id → its flat ids: what an enrollment form may pick from."""
        result: dict[str, set[str]] = {b.id: set() for b in self.buildings(ids)}
        for row in self._run(lambda c: c.execute("SELECT building_id, id FROM flats").fetchall()):
            if row[0] in result:
                result[row[0]].add(row[1])
        return result
