"""PyInstaller hook for sqlcipher3: the extension module and any library it ships.

Why: ``sqlcipher3/dbapi2.py`` imports its compiled module as ``from sqlcipher3._sqlite3
import *``, which the analysis follows on Linux, but the binary wheels differ by
platform: the Linux wheel links SQLCipher and OpenSSL statically into ``_sqlite3``,
other wheels carry them as separate DLLs beside the module or in ``sqlcipher3.libs``
(delvewheel). Naming the extension and collecting the package's dynamic libraries
makes the bundle right on both without guessing. Without SQLCipher the kiosk cannot
open its encrypted data at all; the self-test proves the file it creates is encrypted.
"""

from PyInstaller.utils.hooks import collect_dynamic_libs

hiddenimports = ["sqlcipher3._sqlite3", "sqlcipher3.dbapi2"]
binaries = collect_dynamic_libs("sqlcipher3")
