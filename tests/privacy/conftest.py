"""Fixtures for the privacy and safety tests: the desktop app built the way `privacy-audit` builds it
(services from the command-line arguments, the main window, a real record in the test's home folder).

(Helpers the tests import live in tests/helpers/: tests/gui has a conftest.py too, and two modules named
`conftest` cannot both be imported by name.)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


@pytest.fixture
def make_window(qtbot, private_home: Path) -> Iterator[Callable[..., object]]:
    """Builds the app's main window for `--school-config FILE` (or none), shown, with its record opening."""
    made: list[tuple[object, object]] = []

    def make(school_config: Path | None = None):
        from PySide6.QtWidgets import QApplication

        from privacy_audit.app import build_services
        from privacy_audit.ui.main_window import MainWindow
        from privacy_audit.ui.widgets import install_style

        args = argparse.Namespace(
            home=str(private_home), school_config=str(school_config) if school_config else None, demo=False
        )
        services = build_services(args, os_integration=False)
        install_style(QApplication.instance())
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        window.open_record()
        made.append((window, services))
        return window

    yield make
    for window, services in made:
        window.close()
        services.shutdown()
        assert not services.worker._thread.isRunning(), "the worker thread was left running"
        window.deleteLater()
    from PySide6.QtWidgets import QApplication

    QApplication.instance().setStyleSheet("")
