"""Staff (caretakers, admins): PIN hashes and the lock state that survives restarts."""

from __future__ import annotations

from kiosk.domain.records import Staff
from kiosk.store.base import Repository


class StaffRepository(Repository):
    def upsert(self, s: Staff) -> None:
        self._insert("staff", s, upsert_key=("id",))

    def get(self, staff_id: str) -> Staff | None:
        return self._one(Staff, "SELECT * FROM staff WHERE id = ?", (staff_id,))

    def all(self) -> list[Staff]:
        return self._all(Staff, "SELECT * FROM staff ORDER BY display_name")

    def record_attempt(self, staff_id: str, *, failed_attempts: int, lock_count: int, locked_until: str) -> None:
        self._exec("UPDATE staff SET failed_attempts = ?, lock_count = ?, locked_until = ? WHERE id = ?",
                   (failed_attempts, lock_count, locked_until, staff_id))
