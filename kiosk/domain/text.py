"""Text folding for search and duplicate detection: case and accents ignored.

``fold("Épicerie Saint-Denis")`` → ``"epicerie saint-denis"``. The same rule as the
FTS5 tokenizer (``unicode61 remove_diacritics 2``) so Python-side and SQL-side matching
agree. Pure Python.
"""

from __future__ import annotations

import unicodedata

# Letters that NFKD does not split into base + accent.
_SPECIAL = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o",
                          "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "’": "'"})


def capitalise_name(text: str) -> str:
    """"anaïs" → "Anaïs", "jean-pierre" → "Jean-Pierre": a word typed all in lower case
    gets its capital (cards were printed "anais"); anything else is kept as typed
    ("McCoy", "BENALI"). Both the kiosk and the server call it through the form's
    validation."""
    def fix(word: str) -> str:
        return word[:1].upper() + word[1:] if word.islower() else word
    return " ".join("-".join(fix(part) for part in token.split("-")) for token in text.split())


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def fts_query(text: str) -> str:
    """An FTS5 MATCH expression: every word of ``text`` as a quoted prefix term."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in fold(text)).split() if w]
    return " ".join(f'"{w}"*' for w in words)
