"""Helpers for driving the app in tests: wait for the worker, move focus with Tab, read the record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def wait_idle(qtbot, services, timeout: int = 10_000) -> None:
    """Wait until the worker has run every queued job and its callbacks were delivered."""
    qtbot.waitUntil(lambda: services.worker.pending == 0, timeout=timeout)


def press(qtbot, key, widget: QWidget | None = None, text: str = "") -> None:
    target = widget or QApplication.focusWidget()
    assert target is not None, "nothing has keyboard focus"
    qtbot.keyClick(target, key)


def tab_to(qtbot, window: QWidget, target: QWidget, limit: int = 80) -> None:
    """Press Tab until `target` has focus, as a keyboard user would; fail if it is never reached."""
    for _ in range(limit):
        if target.hasFocus():
            return
        focused = QApplication.focusWidget() or window
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert target.hasFocus(), f"Tab never reached {target.accessibleName() or target}"


def record_call(qtbot, services, method: str, *args):
    """Call a Record method on the worker thread (where the record lives) and return its result."""
    box: list[object] = []

    def job():
        return getattr(services._record, method)(*args)

    services.worker.submit(job, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]
