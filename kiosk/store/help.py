"""Help contacts per building (table ``help_contacts``, migration 0003_i13_help)."""

from __future__ import annotations

from kiosk.domain.help import HelpContact
from kiosk.store.base import Repository


class HelpContactsRepository(Repository):
    def upsert(self, contact: HelpContact) -> None:
        self._insert("help_contacts", contact, upsert_key=("building_id", "name"))

    def for_buildings(self, building_ids: list[str] | None) -> list[HelpContact]:
        """The contacts of these buildings (all buildings when None or empty)."""
        if not building_ids:
            return self._all(HelpContact, "SELECT * FROM help_contacts ORDER BY position, name")
        marks = ",".join("?" * len(building_ids))
        return self._all(HelpContact, f"SELECT * FROM help_contacts WHERE building_id IN ({marks}) "
                                      "ORDER BY position, name", tuple(building_ids))
