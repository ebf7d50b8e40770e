"""The report screen: make the settings report (a PDF and an accessible web page beside it, the person's to
keep) and, separately, the Statement of Acceptance the policy requires (11.3), in the school's own words only.

The files are written off the GUI thread: the worker reads the record, a child process draws the PDF
(`report.child`). After saving, **Open** and **Show in folder** open the file
and its folder with the system's own programs. The default folder is made when it is missing; a save that
fails says why in words. Nothing is sent anywhere."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from privacy_audit.report.statement import statement_instructions
from privacy_audit.ui import widgets as w
from privacy_audit.ui.dates import long_date
from privacy_audit.ui.journey import refit_page
from privacy_audit.ui.services import AppServices


def default_folder(home: Path | None) -> Path:
    """Where reports go unless the person chooses: beside the app's own files when it runs with --home (so
    such a run writes nothing outside its folder), else Documents, else the home folder."""
    if home is not None:
        return home / "Reports"
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def default_report_path(today: dt.date, home: Path | None = None) -> Path:
    return default_folder(home) / f"privacy-check-{today.isoformat()}.pdf"


def failure_words(error: BaseException, path: Path) -> str:
    """Why a file could not be saved, in words (never a bare error code)."""
    from PySide6.QtCore import QCoreApplication

    from privacy_audit.report.child import DrawingFailed

    folder = str(path.parent)
    if isinstance(error, DrawingFailed):
        if error.too_slow:
            return QCoreApplication.translate(
                "ReportView",
                "Making {name} took too long, so the app stopped it. Try again; if it happens again, ask IT "
                "for help (the app's log says what happened).",
            ).format(name=path.name)
        if error.could_not_start:
            return QCoreApplication.translate(
                "ReportView",
                "{name} could not be made: the part of the app that draws PDFs could not start. This "
                "computer's security settings may stop it; ask IT for help (the app's log says what happened).",
            ).format(name=path.name)
        return QCoreApplication.translate(
            "ReportView",
            "{name} could not be made: the part of the app that draws PDFs did not finish. Try again; if it "
            "happens again, ask IT for help (the app's log says what happened).",
        ).format(name=path.name)
    if isinstance(error, PermissionError):
        return QCoreApplication.translate(
            "ReportView",
            "You are not allowed to save files in {folder}. Choose another folder, such as Documents.",
        ).format(folder=folder)
    if isinstance(error, FileNotFoundError):
        return QCoreApplication.translate(
            "ReportView", "The folder {folder} does not exist. Choose another place."
        ).format(folder=folder)
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return QCoreApplication.translate(
            "ReportView",
            "The disk is full, so {name} could not be saved. Free some space or choose another place.",
        ).format(name=path.name)
    if isinstance(error, OSError) and error.errno == errno.EROFS:
        return QCoreApplication.translate(
            "ReportView", "The folder {folder} cannot be changed (it is read-only). Choose another place."
        ).format(folder=folder)
    if isinstance(error, IsADirectoryError):
        return QCoreApplication.translate(
            "ReportView", "{path} is a folder. Type a file name ending in .pdf."
        ).format(path=str(path))
    return QCoreApplication.translate("ReportView", "{name} could not be saved: {problem}").format(
        name=path.name, problem=str(error) or type(error).__name__
    )


class SavedFile(QWidget):
    """ "Saved …" with **Open** and **Show in folder** for one file, hidden until something is saved."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.open_button = w.button(self.tr("&Open"), accessible=self.tr("Open the {what}").format(what=what))
        self.open_button.clicked.connect(self.open_file)
        row.addWidget(self.open_button)
        self.folder_button = w.button(
            self.tr("Show in &folder"), accessible=self.tr("Show the {what} in its folder").format(what=what)
        )
        self.folder_button.clicked.connect(self.open_folder)
        row.addWidget(self.folder_button)
        row.addStretch(1)
        self.hide()

    def saved(self, path: Path) -> None:
        from privacy_audit.ui.journey import refit_page

        self.path = path
        self.show()
        refit_page(self)

    def open_file(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def open_folder(self) -> None:
        if self.path is not None:  # the folder itself: file managers differ in how they select a file
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))


class ReportView(QWidget):
    back_requested = Signal()
    exported = Signal(str)
    statement_saved = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.today = services.clock().astimezone().date()
        self.folder = default_folder(services.dirs.home)
        layout = w.page_layout(self)
        top, self.title, self.back_button = w.page_header(
            self.tr("Report and statement"), self.tr("&Back to dashboard")
        )
        self.back_button.clicked.connect(self.back_requested)
        layout.addLayout(top)

        form = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Your full name"))
        self.name.setPlaceholderText(self.tr("Type your full name"))
        self.name.setMaxLength(120)
        form.addWidget(w.labelled(self.tr("Your &name"), self.name))
        form.addWidget(self.name, 1)
        form.addSpacing(16)
        form.addWidget(
            w.text(
                self.tr("Date: {date}").format(date=long_date(self.today)),
                wrap=False,
            )
        )
        layout.addLayout(form)
        self.accepted_label = w.text("", muted=True)
        self.accepted_label.hide()
        layout.addWidget(self.accepted_label)

        report, inner, _ = w.titled_card(
            self.tr("Your settings report"),
            self.tr(
                "A PDF of the latest check of each platform you use, with a summary on its first page, and "
                "the same report as a web page beside it (easier to read with a screen reader). It is yours "
                "to keep: the policy does not ask you to hand it in. Private notes are left out. Nothing is "
                "sent anywhere."
            ),
        )
        file_row = QHBoxLayout()
        self.path = QLineEdit(str(default_report_path(self.today, services.dirs.home)))
        inner.addWidget(w.labelled(self.tr("&Where to save the report"), self.path))
        file_row.addWidget(self.path, 1)
        self.choose = w.button(self.tr("C&hoose…"), accessible=self.tr("Choose where to save the report"))
        self.choose.clicked.connect(self._choose)
        file_row.addWidget(self.choose)
        inner.addLayout(file_row)
        row = QHBoxLayout()
        self.status = w.text("", muted=True)
        row.addWidget(self.status, 1)
        self.export_button = w.button(self.tr("&Make my report"), primary=True)
        self.export_button.clicked.connect(self.export)
        self.name.returnPressed.connect(self.export)
        row.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        inner.addLayout(row)
        self.report_saved = SavedFile(self.tr("report"))
        inner.addWidget(self.report_saved)
        layout.addWidget(report)

        statement, inner, self.statement_heading = w.titled_card(
            self.tr("Statement of Acceptance"),
            self.tr(
                "Your school's policy (clause 11.3) requires every member of staff to sign a Statement of "
                "Acceptance. It is a separate page from your settings report."
            ),
        )
        self.wording = w.text("", factor=1.05)
        inner.addWidget(self.wording)
        self.statement_status, self.statement_button, self.statement_file = self._make_row(
            inner, self.tr("Make my &statement (PDF)"), self.export_statement, self.tr("statement")
        )
        layout.addWidget(statement)

        guide, inner, _ = w.titled_card(
            self.tr("Pocket guide"),
            self.tr(
                "A printable guide to do the check on your phone: each setting, its safe value, the phone "
                "steps and a QR code of the settings page."
            ),
        )
        self.guide_status, self.guide_button, self.guide_file = self._make_row(
            inner, self.tr("Make a &pocket guide (PDF)"), self.export_guide, self.tr("pocket guide")
        )
        layout.addWidget(guide)
        layout.addStretch(1)

    @staticmethod
    def _make_row(inner, label: str, make, what: str) -> tuple[QLabel, QPushButton, SavedFile]:
        """A status line with its Make button beside it, and below them the Open / Show in folder row for
        the file once made (`what` names it: "statement")."""
        row = QHBoxLayout()
        status = w.text("", muted=True)
        row.addWidget(status, 1)
        button = w.button(label)
        button.clicked.connect(make)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        inner.addLayout(row)
        saved = SavedFile(what)
        inner.addWidget(saved)
        return status, button, saved

    def refresh(self) -> None:
        self._show_statement_wording()
        self.services.overview(self._show_acceptance)

    def _show_statement_wording(self) -> None:
        if not self.services.catalogue_is_loaded:
            return
        school = self.services.school
        wording = school.statement_of_acceptance
        if wording:
            self.wording.setText(self.tr("Your school's wording: “{wording}”").format(wording=wording))
        else:
            self.wording.setText(statement_instructions(school.contact.describe()))
        self.statement_button.setVisible(bool(wording))
        refit_page(self)

    def show_statement(self) -> None:
        """Bring the statement into view (the done page's **My Statement of Acceptance**)."""
        self._show_statement_wording()
        target = self.statement_button if self.statement_button.isVisibleTo(self) else self.name
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        w.announce(self.statement_heading, self.statement_heading.text())

    def _show_acceptance(self, overview) -> None:
        if overview.acceptance is not None:
            name, on = overview.acceptance
            if not self.name.text():
                self.name.setText(name)
            self.accepted_label.setText(
                self.tr("You last gave your name as {name} on {date}.").format(name=name, date=long_date(on))
            )
            self.accepted_label.show()
            refit_page(self)
        if not self.statement_button.hasFocus():
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as"), self.path.text(), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            self.path.setText(chosen)

    def _target(self, raw: str, status) -> tuple[Path, bool] | None:
        """The PDF to write and whether its folder may be made (only the default one); None after saying why not."""
        if not raw:
            status.setText(self.tr("Choose where to save the PDF first."))
            return None
        path = Path(raw).expanduser()
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        default = path.parent == self.folder
        if not default and not path.parent.is_dir():
            status.setText(
                self.tr("The folder {folder} does not exist. Choose another place.").format(
                    folder=str(path.parent)
                )
            )
            return None
        return path, default

    def _save(self, button, status, busy_words: str, file_name: str | None, start, saved_words) -> None:
        """What the three Save buttons share. The PDF goes where the report's box says (`file_name` replaces
        the report's own name there); the button waits while the worker writes it; then the status line says
        what happened and a screen reader hears it (a failure assertively, in plain words).

        `start(path, make_folder, on_done, on_error)` asks the services to write; `saved_words(path, result)`
        shows the file written and returns what to say."""
        target = self._target(self.path.text().strip(), status)
        if target is None:
            return
        path, make_folder = target
        if file_name is not None:
            path = path.with_name(file_name)
        button.setEnabled(False)
        status.setText(busy_words)
        w.announce(status, busy_words)  # drawing takes a second or two: a screen reader hears it started

        def done(result) -> None:
            button.setEnabled(True)
            words = saved_words(path, result)
            status.setText(words)
            w.announce(status, words)

        def failed(failure) -> None:
            button.setEnabled(True)
            words = failure_words(failure.error, path)
            status.setText(words)
            w.announce(status, words, assertive=True)

        start(path, make_folder, done, failed)

    def export(self) -> None:
        def saved(_: Path, written: list[Path]) -> str:
            words = self.tr("Saved {path}").format(path=str(written[0]))
            if len(written) > 1:
                words += "\n" + self.tr("and the same report as a web page: {name}").format(
                    name=written[1].name
                )
            self.report_saved.saved(written[0])
            self.report_saved.open_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.exported.emit(str(written[0]))
            return words

        def start(path: Path, make_folder: bool, done, failed) -> None:
            self.services.export_report(
                path, self.name.text(), self.today, on_done=done, on_error=failed, create_folder=make_folder
            )

        self._save(self.export_button, self.status, self.tr("Making the report…"), None, start, saved)

    def export_guide(self) -> None:
        def saved(path: Path, pages: int) -> str:
            self.guide_file.saved(path)
            return self.tr("Saved {path} ({pages} pages).").format(path=str(path), pages=pages)

        def start(path: Path, make_folder: bool, done, failed) -> None:
            self.services.export_guide(path, on_done=done, on_error=failed, create_folder=make_folder)

        name = f"privacy-pocket-guide-{self.today.isoformat()}.pdf"
        self._save(
            self.guide_button, self.guide_status, self.tr("Making the pocket guide…"), name, start, saved
        )

    def export_statement(self) -> None:
        def saved(_: Path, written: Path) -> str:
            self.statement_file.saved(written)
            self.statement_saved.emit(str(written))
            return self.tr("Saved {path}. Print it, sign it and return it to your school.").format(
                path=str(written)
            )

        def start(path: Path, make_folder: bool, done, failed) -> None:
            self.services.export_statement(
                path, self.name.text(), self.today, on_done=done, on_error=failed, create_folder=make_folder
            )

        name = f"statement-of-acceptance-{self.today.isoformat()}.pdf"
        self._save(
            self.statement_button, self.statement_status, self.tr("Making the statement…"), name, start, saved
        )
