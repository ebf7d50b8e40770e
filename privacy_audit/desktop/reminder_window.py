"""A small reminder window, for desktops without a notification service, and for Windows and macOS.

Linux desktops normally get a real notification (`notify_dbus`). Where there is none (a bare window
manager, a kiosk session), and on Windows and macOS, `privacy-audit remind` shows this window instead: it
sits in the corner of the screen above other windows, says which platforms are due, and offers the same
choices as the notification: open the app, snooze for three days, or not now. (A Qt tray balloon was
considered for Windows/macOS, but balloons cannot carry a "Snooze" button and vanish into the Action
Centre; a window the person closes is clearer for a once-a-term reminder.)

Imported only when something is due, so the quick "nothing due" path never loads Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class ReminderWindow(QWidget):
    """Says what is due; `chosen` is emitted once with "open", "snooze" or "" (not now / closed)."""

    chosen = Signal(str)

    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(QCoreApplication.translate("ReminderWindow", "Privacy Audit"))
        self.setAccessibleName(QCoreApplication.translate("ReminderWindow", "Privacy check reminder"))
        self._result: str | None = None

        heading = QLabel(title)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        body = QLabel(text)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.open_button = QPushButton(QCoreApplication.translate("ReminderWindow", "Open Privacy Audit"))
        self.open_button.setAccessibleName(QCoreApplication.translate("ReminderWindow", "Open Privacy Audit"))
        self.open_button.setDefault(True)
        self.open_button.setAutoDefault(True)
        self.snooze_button = QPushButton(QCoreApplication.translate("ReminderWindow", "Snooze 3 days"))
        self.snooze_button.setAccessibleName(QCoreApplication.translate("ReminderWindow", "Snooze 3 days"))
        self.later_button = QPushButton(QCoreApplication.translate("ReminderWindow", "Not now"))
        self.later_button.setAccessibleName(QCoreApplication.translate("ReminderWindow", "Not now"))
        self.open_button.clicked.connect(self._open)
        self.snooze_button.clicked.connect(self._snooze)
        self.later_button.clicked.connect(self.close)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.later_button, self.snooze_button, self.open_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)

    def _open(self) -> None:
        self._finish("open")

    def _snooze(self) -> None:
        self._finish("snooze")

    def _finish(self, result: str) -> None:
        if self._result is None:
            self._result = result
            self.chosen.emit(result)
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()  # Escape means "not now", as in a dialog
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if self._result is None:
            self._result = ""
            self.chosen.emit("")
        super().closeEvent(event)

    def place_in_corner(self) -> None:
        """Top-right of the screen's free area (clear of taskbars), like a notification."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        self.adjustSize()
        area = screen.availableGeometry()
        self.move(area.right() - self.width() - 24, area.top() + 24)


def ask_in_window(title: str, text: str, wait_seconds: float) -> str:
    """Show the reminder window and block until the person chooses (or `wait_seconds` pass); the choice."""
    app = QApplication.instance() or QApplication([])
    window = ReminderWindow(title, text)
    results: list[str] = []
    window.chosen.connect(results.append)
    window.chosen.connect(app.quit)
    window.place_in_corner()
    window.show()
    window.raise_()
    window.activateWindow()
    # QTimer takes an int of milliseconds (at most 2^31 - 1, about 24.8 days).
    QTimer.singleShot(int(min(wait_seconds * 1000, 2**31 - 1)), window.close)
    if not results:
        app.exec()
    return results[0] if results else ""
