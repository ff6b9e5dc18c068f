"""Partner logos: an upload is checked, decoded, shrunk and re-encoded by the server.

Only the re-encoded image is stored (PNG, at most ``MAX_SIDE`` px a side): whatever
the upload carried besides pixels (metadata, scripts in an SVG, a polyglot file) is
gone. Uploads over ``MAX_UPLOAD`` bytes or with too many pixels are refused before
decoding (decompression bombs). The admin and the offer preview show that image.

Kiosks get a smaller rendition (:func:`kiosk_rendition`: at most
:data:`~kiosk.domain.partners.LOGO_SIDE` px a side, PNG or JPEG whichever is smaller,
never over :data:`~kiosk.domain.partners.LOGO_MAX_BYTES`) as the feed's
``partner_logo`` entity in the catalogue, written in the same transaction as the
upload; deleting the partner deletes it on the kiosks too (``central/records.py``).
Why a small rendition of its own: 2,000 partners' logos travel in every kiosk's first
snapshot (figures in docs/performance-sync.md).
"""

from __future__ import annotations

import base64
import hashlib
import io

from PIL import Image
from sqlalchemy import Engine, select

from central import audit
from central.images import ImageRefused, decode_checked
from central.images import MAX_UPLOAD as MAX_UPLOAD   # re-exported: under ServerSettings.max_upload_bytes (UPLOAD_ROUTES)
from central.admin_tables import partner_logos
from central.db import partners
from central.feed import CATALOG, FeedWriter, _insert, now_iso
from central.limits import size_fr
from kiosk.domain.partners import LOGO_MAX_BYTES, LOGO_SIDE, PartnerLogo
from kiosk.protocol.entities import PARTNER_LOGO

LOGO_TOO_BIG = "L'image est trop lourde ({size}) : 2 Mo au plus. Réduisez-la et choisissez-la de nouveau."
MAX_SIDE = 512


LogoError = ImageRefused   # the partner pages' name for it


def reencode(data: bytes) -> tuple[bytes, int, int]:
    if len(data) > MAX_UPLOAD:
        raise LogoError(LOGO_TOO_BIG.format(size=size_fr(len(data))))
    img = decode_checked(data, max_bytes=MAX_UPLOAD)
    img.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue(), img.width, img.height


def kiosk_rendition(png: bytes, side: int = LOGO_SIDE, max_bytes: int = LOGO_MAX_BYTES) -> tuple[str, bytes]:
    """(mime, bytes) of the image the kiosks get, from the stored PNG: at most
    ``side`` px a side (a logo's ``LOGO_SIDE`` unless told: items' photos are bigger);
    an opaque picture as JPEG or PNG, whichever is smaller, a transparent one as PNG
    (reduced to 256 colours when that is smaller); shrunk again until it is at most
    ``max_bytes``."""
    with Image.open(io.BytesIO(png)) as source:
        source.load()
        img = source.convert("RGBA")
    while True:
        small = img.copy()
        small.thumbnail((side, side))
        opaque = small.getchannel("A").getextrema()[0] == 255
        candidates = [("image/png", _png(small)), ("image/png", _png(small.quantize(256)))]
        if opaque:
            candidates.append(("image/jpeg", _jpeg(small.convert("RGB"))))
        mime, data = min(candidates, key=lambda c: len(c[1]))
        if len(data) <= max_bytes or side <= 32:
            return mime, data
        side = int(side * 0.8)


def _png(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def _jpeg(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=82, optimize=True, progressive=False)
    return out.getvalue()


def kiosk_logo(partner_id: str, png: bytes) -> PartnerLogo:
    mime, data = kiosk_rendition(png)
    return PartnerLogo(partner_id, mime, base64.b64encode(data).decode("ascii"), hashlib.sha256(data).hexdigest()[:16])


class Logos:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def save(self, partner_id: str, data: bytes, *, by: str) -> None:
        png, w, h = reencode(data)
        logo = kiosk_logo(partner_id, png)
        with self.engine.begin() as conn:
            if conn.execute(select(partners.c.id).where(partners.c.id == partner_id)).first() is None:
                raise LogoError("Ce partenaire n'existe plus.")
            row = {"partner_id": partner_id, "mime": "image/png", "data": png, "width": w, "height": h,
                   "updated_at": now_iso()}
            stmt = _insert(conn, partner_logos).values(**row)
            conn.execute(stmt.on_conflict_do_update(index_elements=["partner_id"],
                                                    set_={k: v for k, v in row.items() if k != "partner_id"}))
            audit.record(conn, by, "logo", "partner", partner_id, summary=f"logo {w}×{h} px")
            fw = FeedWriter(conn)
            fw.put(CATALOG, PARTNER_LOGO, logo)
            fw.flush()
