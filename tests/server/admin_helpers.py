"""Helpers of the admin tests: accounts of each role, logging in, the page's CSRF token."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"


def login(c: TestClient, username: str = "bureau", password: str = PASSWORD) -> str:
    """Log in; returns the CSRF token of the session."""
    r = c.post("/admin/login", data={"username": username, "password": password}, follow_redirects=False)
    assert r.status_code == 303, r.text[:500]
    return csrf_of(c)


def csrf_of(c: TestClient) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/account").text).group(1)


def banner(html: str) -> str:
    m = re.search(r'<div class="banner[^"]*"[^>]*>(.*?)</div>', html, re.S)
    return re.sub(r"<[^>]+>", "", m.group(1)).strip() if m else ""
