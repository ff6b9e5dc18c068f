"""Op / Tasks: results come back on the GUI thread; dead parents get nothing."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from kiosk.tasks import Op, Tasks

pytestmark = pytest.mark.gui


class Holder(QWidget):
    def __init__(self, tasks: Tasks) -> None:
        super().__init__()
        self.tasks = tasks


def test_synchronous_runner_calls_success_inline(qtbot) -> None:
    holder = Holder(Tasks({"x": 2}, None))
    qtbot.addWidget(holder)
    got = []
    Op(holder, lambda s: s["x"] * 21).success(got.append).run()
    assert got == [42]


def test_failure_callback_receives_the_exception(qtbot) -> None:
    holder = Holder(Tasks(None, None))
    qtbot.addWidget(holder)
    errors = []
    Op(holder, lambda s: 1 / 0).success(lambda r: pytest.fail("no success")).failure(errors.append).run()
    assert isinstance(errors[0], ZeroDivisionError)


def test_pool_runs_off_the_gui_thread_and_answers_on_it(qtbot) -> None:
    tasks = Tasks.with_pool("svc")
    holder = Holder(tasks)
    qtbot.addWidget(holder)
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def job(s):
        seen["job"] = threading.get_ident()
        return s

    def done(result):
        seen["cb"] = threading.get_ident()
        seen["result"] = result

    Op(holder, job).success(done).run()
    qtbot.waitUntil(lambda: "cb" in seen, timeout=5000)
    assert seen["job"] != gui and seen["cb"] == gui and seen["result"] == "svc"
    tasks.shutdown()


def test_op_found_through_the_parent_chain(qtbot) -> None:
    holder = Holder(Tasks(7, None))
    child = QWidget(holder)
    qtbot.addWidget(holder)
    got = []
    Op(child, lambda s: s + 1).success(got.append).run()
    assert got == [8]


def test_callbacks_dropped_when_the_parent_is_gone(qtbot) -> None:
    tasks = Tasks.with_pool(None)
    owner = QWidget()
    owner.tasks = tasks
    gate = threading.Event()
    got = []
    child = QWidget(owner)
    Op(child, lambda s: gate.wait(5)).success(got.append).run()
    child.deleteLater()
    qtbot.wait(50)
    gate.set()
    qtbot.wait(200)
    assert got == []
    tasks.shutdown()
    owner.deleteLater()
