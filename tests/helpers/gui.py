"""Driving the app in tests: finish the first run, wait for the worker, move focus with Tab, call the record."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def finish_first_run(qtbot, window, platforms: Iterable[str] = ("facebook",)) -> None:
    """Tick `platforms` on the welcome screen and continue, as a person would, until the dashboard shows."""
    qtbot.waitUntil(lambda: window.current() == "welcome", timeout=10_000)
    for platform in platforms:
        window.welcome.boxes[platform].setChecked(True)
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        qtbot.mouseClick(window.welcome.continue_button, Qt.MouseButton.LeftButton)


def wait_idle(qtbot, services, timeout: int = 10_000) -> None:
    """Wait until the worker has run every queued job and its callbacks were delivered."""
    qtbot.waitUntil(lambda: services.worker.pending == 0, timeout=timeout)


def press(qtbot, key, widget: QWidget | None = None) -> None:
    """Press `key` on `widget`, or on whatever has keyboard focus."""
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
    services.worker.submit(lambda: getattr(services._record, method)(*args), box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]
