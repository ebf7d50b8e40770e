"""Fixtures for the desktop app's tests: a real record in the test's own home folder, opened through the
app's services on its worker thread, and helpers to drive the app with the keyboard alone.

Every test that starts a worker stops it again, and fails if a worker thread or an active QTimer is left
behind (an unfinished thread or timer makes later tests flaky and can hang CI).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from privacy_audit.core.catalogue import Catalogue, load_catalogue
from privacy_audit.core.paths import app_dirs


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def services(qtbot, private_home: Path, catalogue: Catalogue):
    from privacy_audit.ui.services import AppServices

    made = AppServices(app_dirs(private_home), catalogue)
    yield made
    made.shutdown()
    assert not made.worker._thread.isRunning(), "the worker thread was left running"


@pytest.fixture
def opened(qtbot, services):
    """Services with the record open (protected by the in-memory keyring of tests/conftest.py)."""
    with qtbot.waitSignal(services.record_opened, timeout=10_000):
        services.open_record()
    return services


@pytest.fixture
def window(qtbot, services):
    """The main window, shown and opening its record, as `privacy-audit` does it."""
    from privacy_audit.ui.main_window import MainWindow
    from privacy_audit.ui.widgets import install_style

    app = QApplication.instance()
    previous_style = app.styleSheet()
    install_style(app)
    made = MainWindow(services)
    qtbot.addWidget(made)
    made.show()
    made.activateWindow()  # mnemonics (Alt+letter) and window shortcuts need the active window
    qtbot.waitUntil(made.isActiveWindow)
    made.open_record()
    yield made
    made.close()
    made.deleteLater()
    app.setStyleSheet(previous_style)


@pytest.fixture(autouse=True)
def no_timers_left(qapp):
    yield
    QApplication.processEvents()
    active = [t for t in _all_timers() if t.isActive()]
    assert not active, f"QTimer(s) left running: {[t.objectName() or t for t in active]}"


def _all_timers() -> list[QTimer]:
    found: list[QTimer] = []
    for top in QApplication.topLevelWidgets():
        found += top.findChildren(QTimer)
    found += QApplication.instance().findChildren(QTimer)
    return found


def pytest_collection_modifyitems(items) -> None:
    # WORKAROUND: Qt's offscreen platform warns "This plugin does not support propagateSizeHints()" whenever
    # a window is shown (https://bugreports.qt.io/browse/QTBUG-74893); it says nothing about the app.
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)"))
