"""The local central server that ``kiosk demo`` starts beside the kiosk.

It copies the demo kiosk's data into a SQLite server database beside it (first time
only), serves it on 127.0.0.1, provisions the kiosk against it and prints the office
admin's login, so a newcomer sees sync and the office admin work. When the ``central``
package is not installed (the frozen kiosk), the demo runs without a server.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from kiosk.config import Config


def start_demo_server(cfg: Config) -> tuple[Any, Config]:
    if importlib.util.find_spec("central") is None:  # the frozen kiosk ships without the server
        print("The central server is not installed here: the demo runs offline.")
        return None, cfg
    from kiosk.demo.central_server import start_embedded
    from kiosk.demo import data
    from kiosk.store.opening import open_store
    with open_store(cfg) as store:
        emb = start_embedded(store, data_dir=Path(cfg.data_dir) / "central",
                             buildings=list(cfg.buildings or data.DEMO_KIOSK_BUILDINGS))
    print(f"Office admin: {emb.url}/admin  (user {emb.admin_user}, password {emb.admin_password}; "
          "also \"redaction\" (editor) and \"lecture\" (read-only), same password)")
    print(f"Partner page: {emb.url}/partners/  (user \"partenaire-1\", one per partner, same password)")
    return emb, cfg.with_values(server_url=emb.url)
