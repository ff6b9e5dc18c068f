"""Kiosk side of sync: wire schemas, HTTP client, engine, applier, provisioning. No Qt."""
