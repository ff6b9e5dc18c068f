"""PyInstaller hook for pyzbar: put the libzbar shared library into the bundle.

Why: pyzbar is pure Python over ctypes, so PyInstaller's import analysis never sees
libzbar (it is loaded by name at run time with ``ctypes.util.find_library('zbar')``),
and a frozen kiosk on a machine without the ``libzbar0`` package would silently lose
its second decoder. zxing-cpp still reads cards without it (kiosk/camera/decoder.py),
so the build must not fail when libzbar is absent on the build machine: we warn.

How: import pyzbar on the build machine, which loads libzbar and fills
``pyzbar.pyzbar.EXTERNAL_DEPENDENCIES`` (the ctypes handles of libzbar and, on
Windows, libiconv; the list lives in ``pyzbar.wrapper``, re-exported by
``pyzbar.pyzbar``). A handle only knows the name it was loaded with, so each name is
resolved to a file: absolute already (macOS, Windows wheel), else the path the dynamic
loader mapped (``/proc/self/maps`` on Linux), else the pyzbar package folder.
The files go to the bundle root ("."); ``rthook_zbar.py`` loads them from there.
PyInstaller's binary dependency analysis then adds what libzbar links to (libjpeg...).

Used by build.spec: ``hookspath=["packaging/pyinstaller-hooks"]`` and
``runtime_hooks=["packaging/pyinstaller-hooks/rthook_zbar.py"]``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PyInstaller.utils.hooks import logger


def _mapped_path(name: str) -> str | None:
    """Full path of an already loaded shared library, from the process's memory map."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        return None
    for line in maps.read_text().splitlines():
        path = line.split(maxsplit=5)[-1] if line.count(" ") >= 5 else ""
        if path.startswith("/") and os.path.basename(path).startswith(name.split(".so")[0] + ".so"):
            return path
    return None


def _resolve(name: str, package_dir: Path) -> str | None:
    if os.path.isabs(name) and os.path.exists(name):
        return name
    mapped = _mapped_path(os.path.basename(name)) if sys.platform.startswith("linux") else None
    if mapped:
        # The map shows the real file (libzbar.so.0.3.0); bundle it under the name the
        # loader asked for (libzbar.so.0, the SONAME) when that link sits beside it.
        by_soname = os.path.join(os.path.dirname(mapped), os.path.basename(name))
        return by_soname if os.path.exists(by_soname) else mapped
    beside = package_dir / os.path.basename(name)  # Windows wheel: DLLs inside the package
    return str(beside) if beside.exists() else None


binaries: list[tuple[str, str]] = []
try:
    import pyzbar
    from pyzbar import pyzbar as _pyzbar_api  # importing loads libzbar and fills the list
except ImportError as exc:  # libzbar missing on the build machine
    logger.warning("hook-pyzbar: libzbar not found (%s); the bundle will decode with zxing-cpp only", exc)
else:
    package_dir = Path(pyzbar.__file__).resolve().parent
    for handle in _pyzbar_api.EXTERNAL_DEPENDENCIES:
        path = _resolve(handle._name, package_dir)
        if path is None:
            logger.warning("hook-pyzbar: cannot locate %s; not bundled", handle._name)
            continue
        # Bundle root: the runtime hook looks there for libzbar.* / libzbar-64.dll.
        binaries.append((path, "."))
    logger.info("hook-pyzbar: bundling %s", [b[0] for b in binaries])
