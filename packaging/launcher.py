"""Entry point of the frozen kiosk (``club-kiosk`` and ``club-kiosk-debug``).

Why a file of its own: PyInstaller runs its script as ``__main__``; ``kiosk/__main__.py``
would work too, but a launcher outside the package keeps the package importable as
``kiosk`` (no double import as ``__main__``) and makes ``build.spec`` read plainly.
The command line is the ``kiosk`` command's: ``club-kiosk doctor``, ``--self-test``...
"""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
