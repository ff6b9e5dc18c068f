"""The information notice shown on the enrollment form, and the proof of what was shown.

Texts live in ``resources/notice/notice_<lang>.txt``: a short part (shown on the form,
first line is its title), a line ``---``, then the full text (shown on request, and
published at the URL of ``notice.toml``, which the form offers as a QR code). The
``version`` in ``notice.toml`` names the form; the hash is the sha256 of the exact
UTF-8 text of the file shown, so a consent row proves what the person read even after
the texts change. Pure Python: no Qt, no database.
"""

from __future__ import annotations

import hashlib
import sys
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("fr", "en", "ar")
SEPARATOR = "\n---\n"


def notice_dir() -> Path:
    """``resources/notice`` in a checkout, or beside the executable in a bundle."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "resources" / "notice"
    return Path(__file__).resolve().parents[2] / "resources" / "notice"


def notice_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Notice:
    language: str
    version: str          # the form version recorded with each consent
    url: str              # where the full text is published (QR on the form)
    text: str             # the exact file text: what the hash covers

    @property
    def hash(self) -> str:
        return notice_hash(self.text)

    @property
    def title(self) -> str:
        return self.short_lines[0] if self.short_lines else ""

    @property
    def short_lines(self) -> list[str]:
        return [line for line in self.text.split(SEPARATOR, 1)[0].splitlines() if line.strip()]

    @property
    def short(self) -> str:
        return "\n".join(self.short_lines[1:])

    @property
    def full(self) -> str:
        parts = self.text.split(SEPARATOR, 1)
        return parts[1].strip() if len(parts) == 2 else parts[0]


@lru_cache(maxsize=8)
def _load(directory: str, language: str) -> Notice:
    base = Path(directory)
    meta = tomllib.loads((base / "notice.toml").read_text(encoding="utf-8"))
    path = base / f"notice_{language}.txt"
    if not path.exists():
        path = base / "notice_fr.txt"
    text = path.read_text(encoding="utf-8")
    return Notice(language, str(meta["version"]), str(meta.get("url", "")), text)


def load_notice(language: str, directory: Path | None = None) -> Notice:
    """The notice in ``language`` (French if that translation is missing)."""
    if language not in LANGUAGES:
        language = "fr"
    return _load(str(directory or notice_dir()), language)


def all_hashes(directory: Path | None = None) -> dict[str, str]:
    """Language → hash of its notice, for the docs and the server's record of texts."""
    return {lang: load_notice(lang, directory).hash for lang in LANGUAGES}
