"""Floor for start-up and memory: a bare PySide6 window (QApplication + QMainWindow + QLabel), shown.

Exits as soon as the window has been shown and painted once, like the app does under
PRIVACY_AUDIT_EXIT_WHEN_SHOWN=1.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
