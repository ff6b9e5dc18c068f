"""Partner logos: an upload is checked, decoded, shrunk and re-encoded by the server.

Only the re-encoded image is stored (PNG, at most ``MAX_SIDE`` px a side): whatever
the upload carried besides pixels (metadata, scripts in an SVG, a polyglot file) is
gone. Uploads over ``MAX_UPLOAD`` bytes or with too many pixels are refused before
decoding (decompression bombs). The logo is shown in the admin and in the offer
preview; reaching the kiosk screen needs a kiosk-side column (docs/admin.md).
"""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError
from sqlalchemy import Engine, select

from central import audit
from central.admin_tables import partner_logos
from central.db import partners
from central.feed import _insert, now_iso

MAX_UPLOAD = 2_000_000
MAX_PIXELS = 25_000_000
MAX_SIDE = 512


class LogoError(ValueError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def reencode(data: bytes) -> tuple[bytes, int, int]:
    if not data:
        raise LogoError("Choisissez une image (PNG, JPEG ou WebP).")
    if len(data) > MAX_UPLOAD:
        raise LogoError("Image trop lourde : 2 Mo au plus.")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ("PNG", "JPEG", "WEBP", "GIF"):
                raise LogoError("Format non accepté : PNG, JPEG ou WebP.")
            if probe.width * probe.height > MAX_PIXELS:
                raise LogoError("Image trop grande (plus de 25 millions de pixels).")
            probe.verify()
        with Image.open(io.BytesIO(data)) as source:
            source.load()
            img = source.convert("RGBA")
        img.thumbnail((MAX_SIDE, MAX_SIDE))
        out = io.BytesIO()
        img.save(out, "PNG", optimize=True)
        return out.getvalue(), img.width, img.height
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise LogoError("Ce fichier n'est pas une image lisible.") from None


class Logos:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def save(self, partner_id: str, data: bytes, *, by: str) -> None:
        png, w, h = reencode(data)
        with self.engine.begin() as conn:
            if conn.execute(select(partners.c.id).where(partners.c.id == partner_id)).first() is None:
                raise LogoError("Ce partenaire n'existe plus.")
            row = {"partner_id": partner_id, "mime": "image/png", "data": png, "width": w, "height": h,
                   "updated_at": now_iso()}
            stmt = _insert(conn, partner_logos).values(**row)
            conn.execute(stmt.on_conflict_do_update(index_elements=["partner_id"],
                                                    set_={k: v for k, v in row.items() if k != "partner_id"}))
            audit.record(conn, by, "logo", "partner", partner_id, summary=f"logo {w}×{h} px")
