"""Unexpected errors are shown in a local dialog with a "Copy details" button; nothing is reported anywhere.

`install_excepthook` replaces sys.excepthook while the app runs. The dialog is shown non-modally (`show`,
never `exec`), so an error can never block the event loop or a test run.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from privacy_audit import __version__
from privacy_audit.ui import widgets as w


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.addWidget(w.heading(self.tr("Something went wrong"), 2))
        layout.addWidget(w.text(summary))
        layout.addWidget(
            w.text(
                self.tr(
                    "Your record has not been lost. Nothing has been sent anywhere: if you want help, copy the details "
                    "below and give them to your school's IT support."
                ),
                muted=True,
            )
        )
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.setTabChangesFocus(True)
        layout.addWidget(self.details, 1)
        row = QHBoxLayout()
        self.copy_button = w.button(self.tr("&Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        self.close_button = w.button(self.tr("Close"), primary=True)
        self.close_button.clicked.connect(self.close)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.resize(560, 380)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Copied"))


class ErrorReporter(QObject):
    """Shows errors from any thread in the GUI thread (via a queued signal)."""

    show_error = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialogs: list[ErrorDialog] = []
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
            QApplication.quit()
            return
        details = f"Privacy Audit {__version__}\n" + "".join(traceback.format_exception(kind, error, tb))
        print(details, file=sys.stderr)  # stays on this computer: the terminal, if any
        summary = str(error) or kind.__name__
        self.show_error.emit(summary, details)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        parent = QApplication.activeWindow()
        dialog = ErrorDialog(summary, details, parent)
        dialog.finished.connect(lambda _=0, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)
        self.dialogs.append(dialog)
        dialog.show()
        dialog.close_button.setFocus()
