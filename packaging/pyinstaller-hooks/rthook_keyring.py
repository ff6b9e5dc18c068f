"""PyInstaller runtime hook: keep keyring's choice of backend the same as from source.

Why: the kiosk records the keyring backend's name beside the database and refuses to
open the data when it changes (kiosk/store/opening.py), so a frozen kiosk must pick the
very backend a source install picks (``keyring.backends.SecretService.Keyring`` on
Linux, ``keyring.backends.Windows.WinVaultKeyring`` on Windows). hook-keyring.py ships
the entry points for that; this hook only guards against configuration that would
make the frozen kiosk pick differently: keyring reads ``keyringrc.cfg`` from the user's
config folder and ``PYTHON_KEYRING_BACKEND`` from the environment, and a desktop
session may set either for other programs. ``CLUB_KIOSK_KEYRING_BACKEND`` (IT's
explicit choice, e.g. a systemd-credential backed setup) still wins.

It forces nothing when the kiosk runs from source, and it does not import keyring.
"""

import os
import sys


def _pin_backend() -> None:
    if not getattr(sys, "frozen", False):
        return
    explicit = os.environ.get("CLUB_KIOSK_KEYRING_BACKEND")
    if explicit:
        os.environ["PYTHON_KEYRING_BACKEND"] = explicit
        return
    if sys.platform == "win32":
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.Windows.WinVaultKeyring"
    elif sys.platform.startswith("linux"):
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.SecretService.Keyring"


_pin_backend()
