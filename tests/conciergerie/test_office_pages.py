"""The office pages: moderate a post (a refusal needs its reason), see the ledger with its
flagged balances, reverse a transfer once, export the CSV (SQLite and PostgreSQL)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from central.conciergerie_office import ConciergerieOffice
from central.demo import seed_activity

PASSWORD = "correct horse battery"


def test_moderation_ledger_reversal_and_csv_pages(app, office) -> None:  # noqa: ANN001
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parents[1] / "server"))
    from admin_helpers import banner, login
    seed_activity(office, members=24)
    office.create_admin("bureau", PASSWORD)
    with TestClient(app) as c:
        csrf = login(c, password=PASSWORD)
        r = c.get("/admin/conciergerie/exchanges")
        assert r.status_code == 200 and "utiliser le site de la CAF" in r.text      # the pending one
        r = c.post("/admin/conciergerie/exchanges/demo-exchange-4", data={"csrf": csrf, "status": "refused"})
        assert "raison" in banner(r.text)
        r = c.post("/admin/conciergerie/exchanges/demo-exchange-4",
                   data={"csrf": csrf, "status": "published", "reason": ""})
        assert "Annonce enregistrée" in banner(r.text)
        assert {x["id"]: x["status"] for x in ConciergerieOffice(office.engine).exchanges()}["demo-exchange-4"] == \
            "published"
        r = c.get("/admin/conciergerie/ledger")
        assert r.status_code == 200 and "Aucun solde signalé." in r.text and "8\u00a0h" in r.text
        r = c.post("/admin/conciergerie/ledger/demo-transfer-1/reverse", data={"csrf": csrf, "note": "Erreur"})
        assert "annulé" in banner(r.text)
        r = c.post("/admin/conciergerie/ledger/demo-transfer-1/reverse", data={"csrf": csrf, "note": "Encore"})
        assert "déjà été annulé" in banner(r.text)
        r = c.get("/admin/conciergerie/ledger.csv")
        assert r.status_code == 200 and r.text.startswith("transfer;date;membre;minutes")
        assert sum(int(line.split(";")[3]) for line in r.text.splitlines()[1:]) == 0
