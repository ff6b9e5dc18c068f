"""Helpers the UI tests import by name (a unique module name: ``conftest`` is ambiguous
when several test folders are collected in one run)."""

from __future__ import annotations


def make_window(qtbot, config, services, *, size=(1080, 1920), idle_timeout_s=3600.0, idle_countdown_s=5.0):
    from kiosk.app import build_window, create_qapp
    from kiosk.tasks import Tasks
    create_qapp()
    window = build_window(config, services, tasks=Tasks(services, None), idle_timeout_s=idle_timeout_s,
                          idle_countdown_s=idle_countdown_s)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window
