"""The release of Club Kiosk: one number for both programs, which ship from one repository.

The kiosk sends it as ``X-Client-Version``; the server refuses kiosks older than its
``min_client_version`` (426) and reports its own on ``/healthz`` and in the OpenAPI.
``pyproject.toml`` reads it from here, and ``kiosk.__version__`` is this value.
"""

__version__ = "0.1.0"
