"""When no secure keyring is available, ask how to protect the record: a passphrase, or no encryption.

Shown as a page inside the main window (not a modal dialog), explained plainly. The passphrase goes
straight to the record on the worker thread and is never stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QRadioButton, QWidget

from privacy_audit.ui import widgets as w

MIN_PASSPHRASE = 8


class ProtectionView(QWidget):
    chosen = Signal(object)  # (passphrase or None, accept_unencrypted)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = w.page_layout(self)
        layout.addWidget(w.heading(self.tr("How should your record be protected?")))
        self.reason = w.text("")
        layout.addWidget(self.reason)
        layout.addWidget(
            w.text(
                self.tr(
                    "Normally the app keeps the key to your record in this computer's password store (keyring). "
                    "There isn't one it can use here, so please choose:"
                )
            )
        )
        card, inner = w.card()
        self.use_passphrase = QRadioButton(
            self.tr("Protect it with a passphrase I type each time (recommended)")
        )
        self.use_passphrase.setAccessibleName(self.tr("Protect my record with a passphrase"))
        self.use_passphrase.setChecked(True)
        inner.addWidget(self.use_passphrase)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(w.text(self.tr("Passphrase"), selectable=False), self.passphrase)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Passphrase again"))
        self.repeat_label = w.text(self.tr("Again"), selectable=False)
        form.addRow(self.repeat_label, self.repeat)
        inner.addLayout(form)
        inner.addWidget(
            w.text(
                self.tr(
                    "If you forget it, nobody can open your record, not even your school; you would start a new one."
                ),
                muted=True,
            )
        )
        self.unencrypted = QRadioButton(self.tr("Keep it unencrypted"))
        self.unencrypted.setAccessibleName(self.tr("Keep my record unencrypted"))
        inner.addWidget(self.unencrypted)
        inner.addWidget(
            w.text(
                self.tr(
                    "Your answers and notes are then readable by anyone who can open your files on this computer. "
                    "They still never leave it."
                ),
                muted=True,
            )
        )
        layout.addWidget(card)
        self.problem = w.text("", name="chip_warn")
        self.problem.hide()
        layout.addWidget(self.problem)
        row = QHBoxLayout()
        row.addStretch(1)
        self.continue_button = w.button(self.tr("Continue"), primary=True)
        self.continue_button.clicked.connect(self._continue)
        row.addWidget(self.continue_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.passphrase.returnPressed.connect(self._continue)
        self.repeat.returnPressed.connect(self._continue)
        self.use_passphrase.toggled.connect(self._mode_changed)

    def ask(self, reason: str, *, existing: bool = False, wrong: bool = False) -> None:
        """`existing`: the record already uses a passphrase, so ask for it once."""
        self.reason.setText(reason)
        self.existing = existing
        self.repeat.setVisible(not existing)
        self.repeat_label.setVisible(not existing)
        self.unencrypted.setVisible(not existing)
        self.passphrase.clear()
        self.repeat.clear()
        self.continue_button.setEnabled(True)
        if wrong:
            self._say(reason)
        else:
            self.problem.hide()
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _mode_changed(self, use_passphrase: bool) -> None:
        self.passphrase.setEnabled(use_passphrase)
        self.repeat.setEnabled(use_passphrase)

    def _say(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def _continue(self) -> None:
        if self.use_passphrase.isChecked() or getattr(self, "existing", False):
            phrase = self.passphrase.text()
            if len(phrase) < MIN_PASSPHRASE:
                self._say(self.tr("Use at least {n} characters.").format(n=MIN_PASSPHRASE))
                return
            if not getattr(self, "existing", False) and phrase != self.repeat.text():
                self._say(self.tr("The two passphrases are different. Type them again."))
                return
            self.continue_button.setEnabled(False)
            self.chosen.emit((phrase, False))
        else:
            self.continue_button.setEnabled(False)
            self.chosen.emit((None, True))
