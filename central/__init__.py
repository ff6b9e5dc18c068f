"""Central server: the office's sync service and web admin (FastAPI + SQLAlchemy).

Not shipped in the kiosk bundle. ``central.app.create_app`` builds the app;
``central.cli`` is the ``central`` command.
"""
