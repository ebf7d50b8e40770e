"""The report screen: type your name for the Statement of Acceptance and export the PDF (written on the
worker thread). Nothing is sent anywhere; the person prints it or hands it in if they choose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from privacy_audit.report.pdf import STATEMENT
from privacy_audit.ui import widgets as w
from privacy_audit.ui.services import AppServices


def default_report_path(today: dt.date) -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )
    return Path(folder) / f"privacy-check-{today.isoformat()}.pdf"


class ReportView(QWidget):
    back_requested = Signal()
    exported = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        layout = w.page_layout(self)
        top = QHBoxLayout()
        top.addWidget(w.heading(self.tr("Report and statement")), 1)
        self.back_button = w.button(self.tr("&Back to dashboard"))
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        layout.addLayout(top)
        layout.addWidget(
            w.text(
                self.tr(
                    "Make a PDF of the latest check of each platform, to print or hand in if you choose. Private "
                    "notes are left out. Nothing is sent anywhere."
                )
            )
        )

        statement, inner = w.card()
        inner.addWidget(w.heading(self.tr("Statement of Acceptance"), 2))
        inner.addWidget(
            w.text(
                self.tr("Policy clause 11.3 and Appendix 1 ask every member of staff to confirm:"), muted=True
            )
        )
        inner.addWidget(w.text(f"“{self.tr(STATEMENT)}”", factor=1.1))
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Your full name for the statement"))
        self.name.setPlaceholderText(self.tr("Type your full name (leave empty to sign on paper)"))
        self.name.setMaxLength(120)
        form.addRow(w.text(self.tr("Your name"), selectable=False), self.name)
        self.today = services.clock().astimezone().date()
        form.addRow(
            w.text(self.tr("Date"), selectable=False),
            w.text(f"{self.today.day} {self.today.strftime('%B %Y')}"),
        )
        inner.addLayout(form)
        self.accepted_label = w.text("", muted=True)
        self.accepted_label.hide()
        inner.addWidget(self.accepted_label)
        layout.addWidget(statement)

        file_row = QHBoxLayout()
        self.path = QLineEdit(str(default_report_path(self.today)))
        self.path.setAccessibleName(self.tr("Where to save the PDF"))
        file_row.addWidget(self.path, 1)
        self.choose = w.button(self.tr("C&hoose…"), accessible=self.tr("Choose where to save the PDF"))
        self.choose.clicked.connect(self._choose)
        file_row.addWidget(self.choose)
        layout.addLayout(file_row)

        row = QHBoxLayout()
        self.status = w.text("", muted=True)
        row.addWidget(self.status, 1)
        self.export_button = w.button(self.tr("&Export PDF"), primary=True)
        self.export_button.clicked.connect(self.export)
        self.name.returnPressed.connect(self.export)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        layout.addStretch(1)

    def refresh(self) -> None:
        self.services.overview(self._show_acceptance)

    def _show_acceptance(self, overview) -> None:
        if overview.acceptance is not None:
            name, on = overview.acceptance
            if not self.name.text():
                self.name.setText(name)
            self.accepted_label.setText(
                self.tr("You last signed the statement as {name} on {date}.").format(
                    name=name, date=f"{on.day} {on.strftime('%B %Y')}"
                )
            )
            self.accepted_label.show()
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as"), self.path.text(), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            self.path.setText(chosen)

    def export(self) -> None:
        raw = self.path.text().strip()
        if not raw:
            self.status.setText(self.tr("Choose where to save the PDF first."))
            return
        path = Path(raw).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        if not path.parent.is_dir():
            self.status.setText(
                self.tr("The folder {folder} does not exist. Choose another place.").format(
                    folder=str(path.parent)
                )
            )
            return
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Making the PDF…"))
        self.services.export_report(
            path, self.name.text(), self.today, on_done=self._done, on_error=self._failed
        )

    def _done(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Saved {path}").format(path=str(path)))
        self.exported.emit(str(path))

    def _failed(self, failure) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("The PDF could not be saved: {problem}").format(problem=str(failure)))
