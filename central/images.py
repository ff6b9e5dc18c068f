"""An uploaded image, checked before it is decoded: the partner logos
(central/admin/logos.py) and the kiosks' screenshots (central/screenshots.py) share it.
Uploads over ``max_bytes`` or with too many pixels are refused before decoding
(decompression bombs); only the decoded pixels go on, re-encoded by the caller."""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

MAX_UPLOAD = 2_000_000
MAX_PIXELS = 25_000_000


class ImageRefused(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def decode_checked(data: bytes, *, max_bytes: int = MAX_UPLOAD, formats: tuple[str, ...] = ("PNG", "JPEG", "WEBP", "GIF"),
                   max_pixels: int = MAX_PIXELS) -> Image.Image:
    """The pixels of an uploaded image (RGBA), or :class:`ImageRefused`: empty, too heavy,
    not one of ``formats``, too many pixels (checked before decoding), unreadable.
    Shared by the partner logos and the kiosks' screenshots (central/screenshots.py)."""
    if not data:
        raise ImageRefused("Choisissez une image (PNG, JPEG ou WebP).")
    if len(data) > max_bytes:
        raise ImageRefused(f"Image trop lourde : {max_bytes / 1_000_000:g} Mo au plus.")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in formats:
                raise ImageRefused("Format non accepté : PNG, JPEG ou WebP.")
            if probe.width * probe.height > max_pixels:
                raise ImageRefused("Image trop grande (plus de 25 millions de pixels).")
            probe.verify()
        with Image.open(io.BytesIO(data)) as source:
            source.load()
            return source.convert("RGBA")
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ImageRefused("Ce fichier n'est pas une image lisible.") from None


