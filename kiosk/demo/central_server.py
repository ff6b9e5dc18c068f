"""A local central server for the demo: ``kiosk demo`` runs one beside the kiosk.

The one place where the two programs meet in one process (the server normally sees a
kiosk only over HTTP): it lives on the kiosk's side, in the demo, so ``central`` never
imports the kiosk's store or sync (import-linter contract in pyproject.toml).

``start_embedded(store, buildings=...)`` makes (or reuses) a SQLite file beside the
kiosk's data, copies the kiosk's demo content into it the first time (so the first
snapshot gives the kiosk back what it already shows), serves it on 127.0.0.1 in a
thread, creates an office admin (``admin``, password printed by the caller), and
provisions the kiosk if it is not yet provisioned (or points it at the new port).
The kiosk bundle does not ship the server (nor this module): ``kiosk/cli/demo_server.py``
imports it only when ``central`` is installed.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from central import db
from central.app import create_app
from central.cli import migrate
from central.office import Office
from central.records import add_consents, put_card, put_catalog, put_issuer, put_member, put_staff
from central.settings import ServerSettings
from central.testing import LiveServer
from kiosk.store.opening import Store

ADMIN = "admin"


@dataclass
class Embedded:
    url: str
    admin_user: str
    admin_password: str
    server: LiveServer

    def stop(self) -> None:
        self.server.stop()


def _rows(store: Store, table: str) -> list[dict[str, Any]]:
    return store.db.run(lambda c: [dict(r) for r in c.execute(f"SELECT * FROM {table}").fetchall()])


def import_from_store(office: Office, store: Store) -> None:
    """Copy the kiosk's places, members, cards, catalogue and help contacts into an empty central database."""
    json_cols = {"household", "hours", "building_ids", "hosts"}

    def clean(row: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
        out = {k: (json.loads(v) if k in json_cols and isinstance(v, str) else v) for k, v in row.items()
               if k not in drop}
        for k in ("sms_opt_in", "newsletter_opt_in", "active", "revoked", "fee_blocks_lending"):
            if k in out:
                out[k] = bool(out[k])
        return out

    for kind, table in (("estate", "estates"), ("building", "buildings"), ("entrance", "entrances")):
        for row in _rows(store, table):
            office.put_place(kind, clean(row))
    with office.tx() as (conn, fw):
        from central.records import put_flat
        for row in _rows(store, "flats"):
            put_flat(conn, fw, clean(row))
        consents: dict[str, list[dict[str, Any]]] = {}
        for c in _rows(store, "consents"):
            consents.setdefault(c["member_id"], []).append(
                {k: c[k] for k in ("id", "purpose", "at", "form_version", "notice_hash")} | {"granted": bool(c["granted"])})
        for row in _rows(store, "members"):
            m = clean(row, drop=("left_at",))
            put_member(conn, fw, m)
            add_consents(conn, m["id"], consents.get(m["id"], []), m.get("origin_kiosk", ""))
        members = {r["id"]: r["building_id"] for r in _rows(store, "members")}
        for row in _rows(store, "cards"):
            scope = f"bldg:{members[row['holder_id']]}" if row["holder_id"] in members else None
            put_card(conn, fw, clean(row), scope=scope)
        for row in _rows(store, "card_issuers"):
            put_issuer(fw, row["key_id"], row["public_key"], row["kiosk_id"], bool(row["revoked"]))
        for entity, central_table, ktable in (("partner", db.partners, "partners"), ("offer", db.offers, "offers"),
                                              ("event", db.events, "events"),
                                              ("announcement", db.announcements, "announcements")):
            for row in _rows(store, ktable):
                put_catalog(conn, fw, entity, central_table, clean(row))
        for row in _rows(store, "staff"):
            put_staff(conn, fw, clean(row, drop=("failed_attempts", "lock_count", "locked_until")))
    from central.help_office import HelpOffice
    for row in _rows(store, "help_contacts"):   # the demo's caretakers, as if the office had typed them
        HelpOffice(office.engine).put_contact(row["building_id"], row, contact_id=row["id"], by="demo")


def start_embedded(store: Store, *, data_dir: Path, buildings: list[str], port: int = 0,
                   kiosk_name: str = "Borne de démonstration") -> Embedded:
    from kiosk.sync.provisioning import KV_DEVICE, KV_SERVER, provision

    Path(data_dir).mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{Path(data_dir) / 'central-demo.db'}"
    migrate(url)
    app = create_app(url, ServerSettings())
    office: Office = app.state.office
    fresh = office.count("admin_accounts") == 0
    if fresh:
        import_from_store(office, store)
    from central.lending_demo import seed_lending
    seed_lending(app.state.engine, buildings)  # the lodge's items with their pictures (once)
    password = store.keystore.get("demo-central-admin") or secrets.token_urlsafe(9)
    store.keystore.put("demo-central-admin", password)
    from central.demo import demo_admins
    demo_admins(office, password + "-demo")  # "admin", "redaction" (editor), "lecture" (read-only)
    from central.partners.demo import demo_partners
    demo_partners(app.state.engine, password + "-demo")  # "partenaire-1"...: the partner page (/partners/)
    server = LiveServer(app, port=port).start()
    device = store.repos.kv.get(KV_DEVICE)
    if device and not fresh:
        store.repos.kv.set(KV_SERVER, server.url)  # same kiosk, same server file, new port
    else:
        result = provision(store, server.url, office.create_enrollment_token(buildings[0]), name=kiosk_name)
        if len(buildings) > 1:
            office.set_device_buildings(result.device_id, buildings)
    return Embedded(server.url, ADMIN, password + "-demo", server)
