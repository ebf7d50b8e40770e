"""The dialog that shows an unexpected error, with a "Copy details" button (see `ui/errors.py`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QVBoxLayout, QWidget

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
        self.copy_button = w.button(self.tr("&Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button = w.button(self.tr("Close"), primary=True)
        self.close_button.clicked.connect(self.close)
        layout.addLayout(w.button_row([self.copy_button], [self.close_button]))
        self.resize(560, 380)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Copied"))
