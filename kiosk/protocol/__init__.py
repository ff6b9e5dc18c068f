"""What the kiosk and the central server agree on: the wire format and the mutations.

Pure Python (pydantic); may import ``kiosk.domain`` only. Both ``kiosk/`` and ``central/``
import it, so a rule written here is written once.
"""
