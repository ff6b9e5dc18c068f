"""Club Kiosk: the offline-first membership kiosk of a tenants' club.

The package is layered (see docs/architecture.md): ``domain`` (pure Python) under
``store`` (SQLCipher) and ``sync`` (HTTP), under ``services`` (use cases), under ``ui``
(PySide6). ``app`` and ``cli`` are the composition roots.
"""

__version__ = "0.1.0"
