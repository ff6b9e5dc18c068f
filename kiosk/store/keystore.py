"""Where the database key lives: the OS keyring, or (development only) a 0600 file.

The key is 32 random bytes, hex-encoded, under service ``club-kiosk`` and the name
``database-key/<store id>``. ``KeyStore`` is a Protocol so tests can use a memory store
for one layer; the integration tests use the real Secret Service. The same stores keep
the card-signing key and the sync credential, through :class:`StoreSecrets`, which names
every secret of a store ``<name>/<store id>`` too: two kiosks under one OS user (one
keyring) never share a credential or a card key. Kiosks installed before kept them
under bare names (``sync-secret``, ``card-signing-key``); :meth:`StoreSecrets.adopt_legacy`
moves them once to the store that was there first (kiosk/store/opening.py).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol, TypeVar

from kiosk.store.errors import NoKeyringError, StoreError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

T = TypeVar("T")

SERVICE = "club-kiosk"
log = logging.getLogger(__name__)


class KeyStore(Protocol):
    backend: str

    def get(self, name: str) -> str | None: ...
    def put(self, name: str, secret: str) -> None: ...
    def delete(self, name: str) -> None: ...


def _backend_name(kr: object) -> str:
    cls = type(kr)
    return f"{cls.__module__}.{cls.__name__}"


class KeyringKeyStore:
    """The OS keyring through ``keyring``: Secret Service on Linux, Credential Locker on Windows."""

    def __init__(self, keyring_backend: "KeyringBackend | None" = None) -> None:
        import keyring
        import keyring.errors
        from keyring.backends import fail

        self._errors = keyring.errors
        kr = keyring_backend or keyring.get_keyring()
        # The chainer wraps real backends; a chain of none, or the fail backend, means no keyring.
        inner = getattr(kr, "backends", None)
        if isinstance(kr, fail.Keyring) or (inner is not None and not inner):
            raise NoKeyringError("no keyring backend is available on this machine")
        if inner is not None and len(inner) >= 1:
            kr = max(inner, key=lambda b: getattr(b, "priority", 0))
        self._kr = kr
        self.backend = _backend_name(kr)

    def _call(self, fn: Callable[..., T], *args: Any) -> T:
        try:
            return fn(*args)
        except self._errors.KeyringLocked as exc:
            raise NoKeyringError(f"the keyring is locked ({exc})") from None
        except self._errors.KeyringError as exc:
            raise NoKeyringError(f"the keyring failed: {exc}") from None
        except Exception as exc:  # D-Bus errors surface as many types; all mean "no usable keyring"
            raise NoKeyringError(f"the keyring failed: {type(exc).__name__}: {exc}") from None

    def get(self, name: str) -> str | None:
        return self._call(self._kr.get_password, SERVICE, name)

    def put(self, name: str, secret: str) -> None:
        self._call(self._kr.set_password, SERVICE, name, secret)

    def delete(self, name: str) -> None:
        try:
            self._call(self._kr.delete_password, SERVICE, name)
        except NoKeyringError:
            pass


class FileKeyStore:
    """Development only: secrets in a 0600 JSON-free folder beside the data. Logged loudly."""

    backend = "file"

    def __init__(self, folder: Path) -> None:
        self._folder = Path(folder) / "keys"
        self._folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        log.warning("INSECURE: secrets are kept in plain files under %s (key_store = \"file\"); "
                    "use the OS keyring on a real kiosk", self._folder)

    def _path(self, name: str) -> Path:
        safe = name.replace("/", "__")
        if not safe.replace("_", "").replace("-", "").replace(".", "").isalnum():
            raise StoreError(f"bad secret name {name!r}")
        return self._folder / safe

    def get(self, name: str) -> str | None:
        p = self._path(name)
        return p.read_text().strip() if p.exists() else None

    def put(self, name: str, secret: str) -> None:
        p = self._path(name)
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secret)

    def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)


class MemoryKeyStore:
    """For unit tests of one layer."""

    def __init__(self, backend: str = "memory") -> None:
        self.backend = backend
        self.secrets: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.secrets.get(name)

    def put(self, name: str, secret: str) -> None:
        self.secrets[name] = secret

    def delete(self, name: str) -> None:
        self.secrets.pop(name, None)


# Names a store's secrets had before they were named per store (kiosk 0.1 and earlier).
LEGACY_NAMES = ("sync-secret", "card-signing-key", "demo-central-admin")


class StoreSecrets:
    """The secrets of one store: ``get("sync-secret")`` reads ``sync-secret/<store id>``.

    Satisfies :class:`KeyStore`, so code that keeps a store's secret never spells the id."""

    def __init__(self, keystore: KeyStore, store_id: str) -> None:
        if not store_id:
            raise StoreError("a store's secrets need its store id")
        self._ks = keystore
        self.store_id = store_id
        self.backend = keystore.backend

    def name_of(self, name: str) -> str:
        return f"{name}/{self.store_id}"

    def get(self, name: str) -> str | None:
        return self._ks.get(self.name_of(name))

    def put(self, name: str, secret: str) -> None:
        self._ks.put(self.name_of(name), secret)

    def delete(self, name: str) -> None:
        self._ks.delete(self.name_of(name))

    def adopt_legacy(self, names: tuple[str, ...] = LEGACY_NAMES) -> list[str]:
        """Move the secrets kept under the bare ``names`` to this store's names (each one
        read, written under the new name, read back, then the old one deleted); a name
        this store already has is left alone. Returns the names moved."""
        moved = []
        for name in names:
            old = self._ks.get(name)
            if old is None or self.get(name) is not None:
                continue
            self.put(name, old)
            if self.get(name) != old:  # some backends accept a write and drop it
                raise StoreError(f"the keyring did not keep {self.name_of(name)!r}; {name!r} left in place",
                                 advice="check the keyring backend")
            self._ks.delete(name)
            moved.append(name)
        return moved


def keystore_for(kind: str, data_dir: Path) -> KeyStore:
    if kind == "file":
        return FileKeyStore(data_dir)
    return KeyringKeyStore()
