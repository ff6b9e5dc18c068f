"""Club Kiosk: the offline-first membership kiosk of a tenants' club.

The package is layered (see docs/architecture.md): ``domain`` (pure Python) under
``store`` (SQLCipher) and ``sync`` (HTTP), under ``services`` (use cases), under ``ui``
(PySide6). ``app`` and ``cli`` are the composition roots.
"""

from kiosk.protocol.version import __version__ as __version__  # one number for both programs
