"""A small window made of the app's own widgets (`ui/widgets.py`), for `test_atspi_roles.py`: a heading, a
heading whose text changes, a page stack, and a button that makes an announcement. Run in the venv."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from privacy_audit.ui import widgets as w


def main() -> int:
    QCoreApplication.setApplicationName("privacy-audit")
    app = QApplication(sys.argv[:1])
    w.install_style(app)
    window = QWidget()
    window.setWindowTitle("Privacy Audit widgets")
    layout = w.page_layout(window)
    header, _title, _back = w.page_header("Screen title", "Back to dashboard")
    layout.addLayout(header)
    changing = w.heading("First item", 2)
    layout.addWidget(changing)
    stack = QStackedWidget()
    first, second = w.text("Page one text"), w.text("Page two text")
    stack.addWidget(first)
    stack.addWidget(second)
    layout.addWidget(stack)
    speak = w.button("Next")

    def next_item() -> None:
        changing.setText("Second item")
        stack.setCurrentWidget(second)
        w.announce(speak, "Setting 2 of 9: Second item")

    speak.clicked.connect(next_item)
    layout.addWidget(speak)
    window.resize(600, 400)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
