"""The membership fee at the kiosk: the printed receipt (and, later, the staff screen)."""
