"""The camera card reader: capture and decoding (Qt-free) and the Qt worker.

Only ``kiosk.camera.worker`` imports PySide6; ``capture``, ``sources`` and ``decoder``
are plain Python so the CLI, the benchmark and ``kiosk doctor`` use them without Qt.
"""
