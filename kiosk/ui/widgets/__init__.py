"""Reusable kiosk widgets: on-screen keyboard, idle overlay, plan, QR, status, tiles."""
