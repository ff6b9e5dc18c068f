"""Photos over the limits on the office's forms, through the real app and a real server.

A 1.4 MB phone photo on the lending item form reaches the form (the upload routes take up
to ``max_upload_bytes`` from a signed-in browser): the page comes back in French, 400,
with the photo's size and the limit, every typed value in place, and nothing saved. The
partner logo form says the same for an image over its 2 MB. Past the upload allowance,
a browser on an admin page gets a French HTML 413, an API client the JSON one; an
anonymous request never gets the larger allowance."""

from __future__ import annotations

import io
import random
import re

import httpx
import pytest
from PIL import Image

from central.lending_office import LendingOffice
from central.limits import size_fr

PASSWORD = "correct horse battery"


def live_login(c: httpx.Client, username: str, password: str) -> str:
    """Log in over HTTP; the session's CSRF token."""
    r = c.post("/admin/login", data={"username": username, "password": password})
    assert r.status_code in (200, 303), r.text[:300]
    return re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/account").text).group(1)


def noise_png(side: int, seed: int = 1) -> bytes:
    """A photo that does not compress: about 3 bytes a pixel."""
    img = Image.frombytes("RGB", (side, side), random.Random(seed).randbytes(side * side * 3))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#39;", "'").split())


def test_a_photo_over_900_kb_comes_back_in_french_with_its_size_and_the_typed_values(live_server, office) -> None:  # noqa: ANN001
    photo = noise_png(680)
    assert size_fr(len(photo)) == "1,4 Mo" and 1_000_000 < len(photo) < 1_500_000
    office.create_admin("bureau", PASSWORD)
    with httpx.Client(base_url=live_server.url) as c:
        csrf = live_login(c, "bureau", PASSWORD)
        typed = {"csrf": csrf, "id": "", "name": "Perceuse à percussion", "category": "tools", "deposit": "30,00",
                 "loan_days": "7", "hold_days": "1", "safety_notes": "Lunettes fournies, à porter",
                 "manual_url": "https://example.org/notice.pdf", "needs_waiver": "on", "active": "on"}
        r = c.post("/admin/lending/items", data=typed, headers={"Accept": "text/html"},
                   files={"photo": ("IMG_2041.png", photo, "image/png")})
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")
    page = _text(r.text)
    assert "La photo est trop lourde (1,4 Mo) : 900 Ko au plus." in page
    assert "Rien n'a été enregistré" in page
    assert 'value="Perceuse à percussion"' in r.text and 'value="30,00"' in r.text
    assert "Lunettes fournies, à porter" in r.text and 'value="https://example.org/notice.pdf"' in r.text
    assert re.search(r'name="needs_waiver" checked', r.text)
    assert LendingOffice(office.engine).items() == []


def test_a_logo_over_2_mb_is_refused_with_its_size(live_server, office) -> None:  # noqa: ANN001
    logo = noise_png(900)
    assert 2_000_000 < len(logo) < 12_000_000
    office.create_admin("bureau", PASSWORD)
    with httpx.Client(base_url=live_server.url, follow_redirects=True) as c:
        csrf = live_login(c, "bureau", PASSWORD)
        r = c.post("/admin/partner/demo-partner-1/logo", data={"csrf": csrf}, headers={"Accept": "text/html"},
                   files={"logo": ("logo.png", logo, "image/png")})
    assert r.status_code == 200
    assert f"L'image est trop lourde ({size_fr(len(logo))}) : 2 Mo au plus." in _text(r.text)


def test_past_the_upload_allowance_a_browser_gets_french_html_and_an_api_client_json(live_server, office) -> None:  # noqa: ANN001
    office.create_admin("bureau", PASSWORD)
    huge = b"\0" * 13_000_000
    with httpx.Client(base_url=live_server.url) as c:
        csrf = live_login(c, "bureau", PASSWORD)
        r = c.post("/admin/lending/items", data={"csrf": csrf, "name": "Escabeau"},
                   headers={"Accept": "text/html,application/xhtml+xml", "Referer": f"{live_server.url}/admin/lending/items/new"},
                   files={"photo": ("big.png", huge, "image/png")})
        assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
        page = _text(r.text)
        assert re.search(r"Le fichier envoyé est trop lourd \(13,\d Mo\) : 12 Mo au plus\. Rien n'a été enregistré\.",
                         page), page       # the request's size: the file and the form around it
        assert "Précédent" in page and 'href="/admin/lending/items/new"' in r.text
        r = c.post("/v1/sync/push", content=b"x" * 1_100_000, headers={"content-type": "application/json"})
        assert r.status_code == 413 and r.json() == {"code": "too_large", "message": "request body too large"}
    with httpx.Client(base_url=live_server.url) as anonymous:            # no session: the 1 MB limit
        r = anonymous.post("/admin/lending/items", headers={"Accept": "text/html"},
                           files={"photo": ("p.png", noise_png(680), "image/png")})
        assert r.status_code == 413 and "(1,4 Mo) : 1 Mo au plus" in _text(r.text)
