"""Languages of the kiosk: French (source), English, Arabic (right to left).

Translations are Qt Linguist sources in ``resources/translations/kiosk_<lang>.ts``.
The ``.qm`` files are built, not committed: :func:`compiled_qm` compiles a ``.ts`` with
PySide6's ``lrelease`` into a cache folder the first time (or when the ``.ts`` changed,
detected by its content hash in the file name), so a fresh checkout works. A bundle
may ship ready ``.qm`` files next to the ``.ts``; they are used when up to date.

:class:`LanguageSwitcher` installs the translator, sets the layout direction and the
default :class:`QLocale`; Qt then sends ``LanguageChange`` to every widget, which
re-translate themselves in ``changeEvent``.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from kiosk.ui.resources import resources_dir

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en", "ar")
RTL_LANGUAGES = {"ar"}
# Names in their own script: people find their language by reading it, not by a flag.
NATIVE_NAMES = {"fr": "Français", "en": "English", "ar": "العربية"}
# Locales for numbers, dates and times. Arabic with Latin digits (ar_MA, as Maghreb
# tenants read them) but Arabic month and day names.
LOCALE_NAMES = {"fr": "fr_FR", "en": "en_GB", "ar": "ar_MA"}


def translations_dir() -> Path:
    return resources_dir() / "translations"


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("club-kiosk", appauthor=False)) / "qm"


def _lrelease() -> list[str]:
    import PySide6
    base = Path(PySide6.__file__).parent
    for cand in (base / "lrelease", base / "lrelease.exe", base / "Qt" / "bin" / "lrelease"):
        if cand.exists():
            return [str(cand)]
    exe = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    return [exe]


def compiled_qm(lang: str, *, cache: Path | None = None) -> Path | None:
    """The ``.qm`` for ``lang``, compiling its ``.ts`` if needed. None for French."""
    if lang == SOURCE_LANGUAGE:
        return None
    ts = translations_dir() / f"kiosk_{lang}.ts"
    if not ts.exists():
        log.warning("no translation source %s", ts)
        return None
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:12]
    shipped = ts.with_suffix(".qm")
    stamp = ts.with_suffix(".qm.sha")
    if shipped.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return shipped
    out_dir = cache or cache_dir()
    out = out_dir / f"kiosk_{lang}-{digest}.qm"
    if out.exists():
        return out
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp.qm")
    proc = subprocess.run([*_lrelease(), "-silent", str(ts), "-qm", str(tmp)],
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0 or not tmp.exists():
        log.error("lrelease failed for %s: %s", ts, proc.stderr.strip())
        return None
    tmp.replace(out)
    for old in out_dir.glob(f"kiosk_{lang}-*.qm"):  # stale builds of older sources
        if old != out:
            old.unlink(missing_ok=True)
    return out


def locale_for(lang: str) -> QLocale:
    return QLocale(LOCALE_NAMES.get(lang, lang))


def is_rtl(lang: str) -> bool:
    return lang in RTL_LANGUAGES


# The translator installed on the application, whichever switcher installed it: the
# language is the application's state, so a new switcher (a new window, a test) must
# take the previous one's translator out, not only reset the locale and direction.
_installed: list[QTranslator] = []


def _remove_installed(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def reset_application_language(app: QCoreApplication) -> None:
    """Back to French, left to right, whatever an earlier window (or test) left."""
    _remove_installed(app)
    QLocale.setDefault(locale_for(SOURCE_LANGUAGE))
    if isinstance(app, QApplication):
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


class LanguageSwitcher(QObject):
    """Holds the current language; switching re-translates every widget."""

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._translator: QTranslator | None = None
        self._language = SOURCE_LANGUAGE
        # Start from the French default for real: an earlier switcher (tests, screenshot
        # runs) may have left the application right to left.
        reset_application_language(app)

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        if lang == self._language:
            return
        _remove_installed(self._app)
        self._translator = None
        qm = compiled_qm(lang)
        if qm is not None:
            tr = QTranslator(self._app)  # lives as long as it is installed, not as this switcher
            if tr.load(str(qm)):
                self._app.installTranslator(tr)
                _installed.append(tr)
                self._translator = tr
            else:
                log.error("cannot load %s", qm)
        self._language = lang
        QLocale.setDefault(locale_for(lang))
        if isinstance(self._app, QApplication):
            self._app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if is_rtl(lang)
                                         else Qt.LayoutDirection.LeftToRight)
        # QApplication *posts* LanguageChange to top-level widgets; deliver it now so the
        # whole screen is in the new language when this call returns (no mixed frame).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language_changed.emit(lang)


def update_sources() -> list[Path]:
    """Re-extract the French source strings of ``kiosk/ui`` into every ``.ts`` (lupdate).

    Existing translations are kept; new strings arrive "unfinished" for a translator
    (Qt Linguist, ``pyside6-linguist``). Run ``python -m kiosk.ui.i18n`` after changing
    texts.
    """
    import PySide6
    ui = Path(__file__).resolve().parent
    sources = sorted(str(p) for p in ui.rglob("*.py"))
    base = Path(PySide6.__file__).parent
    lupdate = str(base / "lupdate") if (base / "lupdate").exists() else "pyside6-lupdate"
    written = []
    for lang in LANGUAGES:
        if lang == SOURCE_LANGUAGE:
            continue
        ts = translations_dir() / f"kiosk_{lang}.ts"
        subprocess.run([lupdate, "-no-obsolete", "-locations", "none", "-source-language", "fr",
                        "-target-language", lang, *sources, "-ts", str(ts)], check=True)
        written.append(ts)
    return written


if __name__ == "__main__":
    for path in update_sources():
        print(path)
