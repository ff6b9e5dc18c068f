"""PyInstaller runtime hook: make pyzbar load the libzbar shipped in the bundle.

Why: pyzbar finds libzbar with ``ctypes.util.find_library('zbar')`` on Linux/macOS
(which searches the system, never the bundle) and in the current directory or its
package folder on Windows. A frozen kiosk must use the copy ``hook-pyzbar.py`` put at
the bundle root (``sys._MEIPASS``), whatever is or is not installed on the machine.

How: before the application imports pyzbar, replace ``pyzbar.zbar_library.load`` with
a version that loads the bundled files first (Windows: libiconv before libzbar, as
pyzbar does) and falls back to pyzbar's own search. pyzbar calls ``zbar_library.load()``
through the module attribute when ``pyzbar.pyzbar`` is first imported, so the patch is
seen. Importing ``pyzbar.zbar_library`` here loads nothing yet. If the bundle has no
libzbar, nothing changes and the kiosk decodes with zxing-cpp alone.
"""

import os
import sys


def _install_bundled_zbar_loader() -> None:
    bundle = getattr(sys, "_MEIPASS", None)
    if not bundle:
        return
    try:
        from pyzbar import zbar_library
    except ImportError:
        return
    from ctypes import cdll

    original_load = zbar_library.load

    def load_bundled():
        names = sorted(os.listdir(bundle))
        if sys.platform == "win32":
            fname, dependencies = zbar_library._windows_fnames()
            if fname in names:
                deps = [cdll.LoadLibrary(os.path.join(bundle, d)) for d in dependencies if d in names]
                return cdll.LoadLibrary(os.path.join(bundle, fname)), deps
        else:
            # libzbar.so.0 (Linux) or libzbar.0.dylib (macOS)
            for name in names:
                if name.startswith("libzbar.") or name.startswith("libzbar-"):
                    return cdll.LoadLibrary(os.path.join(bundle, name)), []
        return original_load()

    zbar_library.load = load_bundled


_install_bundled_zbar_loader()
