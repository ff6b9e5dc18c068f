"""PyInstaller hook for keyring: bundle its backends and the metadata that names them.

Why: keyring finds its backends through the ``keyring.backends`` entry points of its
own distribution metadata (``keyring-*.dist-info/entry_points.txt``) and imports each
module by name, so import analysis sees none of them, and without the metadata the
frozen kiosk would see *no* backend: it would refuse to open its data (fail closed,
``NoKeyringError``) on a machine whose keyring works. pyinstaller-hooks-contrib has no
hook for keyring (checked with 2026.9).

What: the metadata (``copy_metadata``), every backend module as a hidden import (each
is harmless on the other platforms: it reports itself not viable), and the Secret
Service stack they use on Linux (SecretStorage over jeepney, pure Python; jeepney's
``io`` submodules are imported lazily). Windows Credential Locker goes through
``keyring.backends.Windows`` and pywin32-ctypes (``win32ctypes``), imported lazily too.
"""

from PyInstaller.utils.hooks import collect_submodules, copy_metadata

datas = copy_metadata("keyring")
hiddenimports = collect_submodules("keyring.backends")
for optional in ("secretstorage", "jeepney", "win32ctypes"):
    try:
        hiddenimports += collect_submodules(optional)
    except Exception:  # not installed on this platform (SecretStorage is Linux-only)
        pass
