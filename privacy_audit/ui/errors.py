"""Unexpected errors are shown in a local dialog with a "Copy details" button; nothing is reported anywhere.

`ErrorReporter.install` replaces sys.excepthook while the app runs. The dialog is shown non-modally (`show`,
never `exec`), so an error can never block the event loop or a test run. The dialog lives in
`ui/error_dialog.py` and is imported only when an error happens: this module is imported before the first
paint, so it keeps to QtCore.
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot

from privacy_audit import __version__


class ErrorReporter(QObject):
    """Shows errors from any thread in the GUI thread (via a queued signal)."""

    show_error = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialogs: list = []  # the ErrorDialogs on screen
        self.show_error.connect(self._show)
        self._previous = sys.excepthook

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.excepthook

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous

    def excepthook(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            from PySide6.QtWidgets import QApplication

            QApplication.quit()
            return
        import traceback

        details = f"Privacy Audit {__version__}\n" + "".join(traceback.format_exception(kind, error, tb))
        print(details, file=sys.stderr)  # stays on this computer: the terminal, if any
        from privacy_audit.core.log import log_failure

        log_failure("unexpected error", error)  # its class and place only: the message may quote answers
        summary = str(error) or kind.__name__
        self.show_error.emit(summary, details)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        from PySide6.QtWidgets import QApplication

        from privacy_audit.ui.error_dialog import ErrorDialog

        parent = QApplication.activeWindow()
        dialog = ErrorDialog(summary, details, parent)
        dialog.finished.connect(lambda _=0, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)
        self.dialogs.append(dialog)
        dialog.show()
        dialog.close_button.setFocus()
