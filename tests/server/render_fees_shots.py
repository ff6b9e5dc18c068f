"""Render the office fees page (policy, an error, who is due) with headless Chromium at 1440x900 and
390x844 into /tmp/t-i12c/shots (TMPDIR=/tmp/t-i12c .venv/bin/python tests/server/render_fees_shots.py)."""
import re, subprocess, tempfile, os
from pathlib import Path
from fastapi.testclient import TestClient
from central.app import create_app
from central.db import create_schema, make_engine
from central.demo import seed, seed_activity, seed_fees
from central.office import Office
from central.testing import TEST_SETTINGS
import central.admin
static = Path(central.admin.__file__).parent / "static"
p = tempfile.mktemp(suffix=".db", dir="/tmp/t-i12c")
url = f"sqlite:///{p}"
engine = make_engine(url); create_schema(engine)
o = Office(engine); seed(o); seed_activity(o); seed_fees(o)
o.create_admin("bureau", "correct horse battery")
from dataclasses import replace
app = create_app(url, TEST_SETTINGS)
with TestClient(app) as c:
    c.post("/admin/login", data={"username": "bureau", "password": "correct horse battery"})
    csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/admin/account").text).group(1)
    r = c.post("/admin/fees/PCH-FRA/policy", data={"csrf": csrf, "fee_tenant_cents": "1 euro", "fee_other_cents": "500"})
    pages = {"fees": c.get("/admin/fees").text, "fees-error": r.text}
for name, html in pages.items():
    html = html.replace('/admin/static/', f'file://{static}/')
    f = Path(f"/tmp/t-i12c/{name}.html"); f.write_text(html)
    for w, h in ((1440, 900), (390, 844)):
        out = f"/tmp/t-i12c/shots/admin-{name}-{w}x{h}.png"
        subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--window-size={w},{h*2}", f"--screenshot={out}", f"file://{f}"], capture_output=True, timeout=60)
        print(out)
