"""The touch UI: main window (navigation only), screens, widgets, theme, languages.

Never touches SQL or HTTP: it calls services through :mod:`kiosk.tasks`.
"""
