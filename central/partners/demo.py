"""The partner space in the demo: an account for each partner, terms for their offers.

``demo_partners(engine, password)`` (idempotent) gives every partner an account named
``partenaire-<n>`` in the order of their names and, to offers without terms, terms
read from their words: "-10 %" a percentage once a day, else a gift worth 2 €. The
demo prints the accounts' password with the office's (``kiosk demo``).
"""

from __future__ import annotations

import re

from sqlalchemy import Engine, select

from central import db
from central.partners.accounts import PartnerAccounts
from central.partners.office import PartnerOffice
from central.partners.tables import offer_terms


def demo_partners(engine: Engine, password: str) -> list[tuple[str, str]]:
    """(account, partner name) of each partner, accounts made or their password reset."""
    with engine.connect() as conn:
        partners = conn.execute(select(db.partners.c.id, db.partners.c.name).order_by(db.partners.c.name)).all()
        offers = conn.execute(select(db.offers.c.id, db.offers.c.text).where(
            db.offers.c.id.not_in(select(offer_terms.c.offer_id)))).all()
    accounts = PartnerAccounts(engine)
    made = []
    for n, (pid, name) in enumerate(partners, start=1):
        username = f"partenaire-{n}"
        accounts.save(username, pid, display_name=name, password=password)
        made.append((username, str(name)))
    office = PartnerOffice(engine)
    for oid, text in offers:
        percent = re.search(r"(\d{1,2})\s*%", text)
        if percent:
            office.set_terms(oid, "percent", int(percent.group(1)), "day", 1)
        else:
            office.set_terms(oid, "gift", 200)
    return made
