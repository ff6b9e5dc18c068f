"""Why the encrypted store cannot be opened: one error class per cause, each with advice.

The kiosk fails closed: it shows a maintenance screen and never writes a new key over
an existing database. ``str(error)`` is for IT staff (English); ``code`` is stable for
the UI and ``kiosk doctor --json``.
"""

from __future__ import annotations


class StoreError(Exception):
    code = "store.error"
    advice = "see docs/troubleshooting.md"

    def __init__(self, message: str, *, advice: str | None = None) -> None:
        super().__init__(message)
        if advice:
            self.advice = advice


class NoKeyringError(StoreError):
    code = "store.no_keyring"
    advice = ("start a Secret Service (gnome-keyring, unlocked at login) or Windows Credential "
              "Locker; see docs/it-guide.md. For development only: key_store = \"file\".")


class KeyringBackendChangedError(StoreError):
    code = "store.keyring_changed"
    advice = ("the key was stored in another keyring backend: start that backend again. "
              "Do not delete the database: its members would be lost.")


class KeyMissingError(StoreError):
    code = "store.key_missing"
    advice = ("the keyring no longer holds this database's key (new user profile? reset "
              "keyring?). Restore the keyring, or replace the kiosk: its data comes back "
              "from the central server after provisioning (docs/it-guide.md).")


class WrongKeyError(StoreError):
    code = "store.wrong_key"
    advice = "the keyring holds a different key for this database: restore the right keyring entry."


class DatabaseDamagedError(StoreError):
    code = "store.damaged"
    advice = ("the file is damaged. Keep it aside for analysis, then replace the kiosk's data "
              "from the central server (docs/it-guide.md, 'Replace a broken kiosk').")


class MetadataMissingError(StoreError):
    code = "store.metadata_missing"
    advice = "the file kiosk.db.meta.json beside the database is missing: restore it from backup."
