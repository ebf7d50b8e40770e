"""The record's protection, as two separate pages inside the main window (not modal dialogs):

- "choose": the first run on a computer with no secure keyring. It opens with the welcome (what the app is,
  in two sentences), then asks how to protect the record, with the passphrase rules shown before typing.
- "unlock": every later launch of a passphrase record. "Unlock your record", one field, one button, and what
  to do if the passphrase is forgotten. A wrong passphrase is said once, in the bar under the field.

Either page first shows any record that was set aside (damaged, from a newer version...) and where the copy
is, before it asks anything. The passphrase goes straight to the record on the worker thread and is never
stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from privacy_audit.ui import widgets as w
from privacy_audit.ui.journey import refit_page

MIN_PASSPHRASE = 8


def _split(reason: object) -> tuple[list[str], str]:
    """The set-aside sentences and the problem itself, from a store error (or a plain message)."""
    from privacy_audit.store.errors import RecordError
    from privacy_audit.ui.error_words import set_aside_notices_words

    if isinstance(reason, RecordError):
        return set_aside_notices_words(reason.set_aside), reason.problem
    return [], str(reason)


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class ProtectionView(QWidget):
    """Emits `chosen((passphrase or None, accept_unencrypted))`; `ask` says which page to show."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.existing = False
        layout = w.page_layout(self)
        self.set_aside_card, self.set_aside_text = w.notices_card(
            self.tr("Your earlier record was set aside")
        )
        layout.addWidget(self.set_aside_card)
        # Both pages sit in the layout and only the one asked for is shown: a QStackedWidget would be as tall
        # as its tallest page at its narrowest width, so the short unlock page scrolled on a 768 px screen.
        self.choose_page = self._choose_page()
        self.unlock_page = self._unlock_page()
        self.unlock_page.hide()
        layout.addWidget(self.choose_page, 1)
        layout.addWidget(self.unlock_page, 1)

    # -- the two pages -------------------------------------------------------------------------------------

    @staticmethod
    def _page(title: str) -> tuple[QWidget, QVBoxLayout]:
        """One of the two pages: no margins of its own (the view has them), its title first."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(w.heading(title))
        return page, layout

    def _choose_page(self) -> QWidget:
        page, layout = self._page(self.tr("Welcome to Privacy Audit"))
        layout.addWidget(
            w.text(
                self.tr(
                    "This app walks you through checking the privacy settings of your personal social media "
                    "accounts, and keeps a dated record of your checks on this computer. Nothing is sent anywhere."
                )
            )
        )
        layout.addWidget(w.heading(self.tr("First, how should your record be protected?"), 2))
        layout.addWidget(
            w.text(
                self.tr(
                    "This computer has no password store (keyring) the app can keep a key in, so choose one "
                    "of these. You choose once; you can start a new record later."
                )
            )
        )
        self.reason = w.text("", muted=True)  # the store's own words on why, as a detail
        layout.addWidget(self.reason)
        card, inner = w.card()
        self.use_passphrase = QRadioButton(
            self.tr("Protect it with a passphrase I type each time (recommended)")
        )
        self.use_passphrase.setAccessibleName(self.tr("Protect my record with a passphrase"))
        self.use_passphrase.setChecked(True)
        inner.addWidget(self.use_passphrase)
        self.rules = w.text(
            self.tr(
                "Use at least {n} characters, not only spaces. A few words you will remember work well. "
                "If you forget it, nobody can open your record, not even your school; you would start a new one."
            ).format(n=MIN_PASSPHRASE),
            muted=True,
        )
        inner.addWidget(self.rules)
        form = QFormLayout()
        self.new_passphrase = _password_field(self.tr("Passphrase"))
        self.new_passphrase.setAccessibleDescription(self.rules.text())
        form.addRow(w.labelled(self.tr("Passphrase"), self.new_passphrase), self.new_passphrase)
        self.repeat = _password_field(self.tr("Passphrase again"))
        self.repeat_label = w.labelled(self.tr("Again"), self.repeat)  # tied: read as the field's label
        form.addRow(self.repeat_label, self.repeat)
        inner.addLayout(form)
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
        self.choose_problem = w.text("", name="chip_warn")
        self.choose_problem.hide()
        layout.addWidget(self.choose_problem)
        self.choose_button = w.button(self.tr("Continue"), primary=True)
        self.choose_button.clicked.connect(self._continue)
        layout.addLayout(w.button_row(right=[self.choose_button]))
        layout.addStretch(1)  # extra height goes below the page, not between its lines
        self.new_passphrase.returnPressed.connect(self._continue)
        self.repeat.returnPressed.connect(self._continue)
        self.use_passphrase.toggled.connect(self._mode_changed)
        return page

    def _unlock_page(self) -> QWidget:
        page, layout = self._page(self.tr("Unlock your record"))
        layout.addWidget(w.text(self.tr("Type the passphrase you chose when you first used Privacy Audit.")))
        form = QFormLayout()
        self.unlock_passphrase = _password_field(self.tr("Your passphrase"))
        form.addRow(w.labelled(self.tr("Passphrase"), self.unlock_passphrase), self.unlock_passphrase)
        layout.addLayout(form)
        self.unlock_problem = w.text("", name="chip_warn")
        self.unlock_problem.hide()
        layout.addWidget(self.unlock_problem)
        self.forgotten_button = w.button(
            self.tr("Forgotten it?"), accessible=self.tr("Forgotten your passphrase?")
        )
        self.unlock_button = w.button(self.tr("Unlock"), primary=True)
        self.unlock_button.clicked.connect(self._continue)
        layout.addLayout(w.button_row([self.forgotten_button], [self.unlock_button]))
        self.forgotten = w.text(
            self.tr(
                "Nobody can open your record without its passphrase, not even your school, and the app cannot "
                "remind you of it. If it is truly lost, you can start again with a new record: only your history "
                "of checks is lost. To do that, run `privacy-audit forget` in a terminal, or ask your IT support."
            ),
            muted=True,
        )
        self.forgotten.hide()
        self.forgotten_button.clicked.connect(
            lambda: self.forgotten.setVisible(not self.forgotten.isVisible())
        )
        layout.addWidget(self.forgotten)
        layout.addStretch(1)
        self.unlock_passphrase.returnPressed.connect(self._continue)
        return page

    # -- what the main window uses -------------------------------------------------------------------------

    @property
    def passphrase(self) -> QLineEdit:
        """The passphrase field on the page in view."""
        return self.unlock_passphrase if self.existing else self.new_passphrase

    @property
    def continue_button(self) -> QPushButton:
        return self.unlock_button if self.existing else self.choose_button

    @property
    def problem(self):
        return self.unlock_problem if self.existing else self.choose_problem

    def ask(self, reason: object, *, existing: bool = False, wrong: bool = False) -> None:
        """Show the page for a store error (or its message): `existing` - the record has a passphrase, so
        ask for it once (the unlock page); `wrong` - the one typed did not unlock it."""
        notices, problem = _split(reason)
        w.show_notices(self.set_aside_card, self.set_aside_text, notices)
        self.existing = existing
        self.choose_page.setVisible(not existing)
        self.unlock_page.setVisible(existing)
        refit_page(self)  # the scroll area measured the other page
        for field in (self.new_passphrase, self.repeat, self.unlock_passphrase):
            field.clear()
        self.continue_button.setEnabled(True)
        if existing:
            self.forgotten.hide()
            if wrong:  # said once, in the bar; the page's own words stay as they are
                from privacy_audit.store.errors import RecordProblem
                from privacy_audit.ui.error_words import record_problem_words

                self._say(record_problem_words(RecordProblem.WRONG_PASSPHRASE))
            else:
                self.problem.hide()
        else:
            # The usual ask (no keyring) is explained by the page itself; its technical reason is a detail.
            # Any other problem (a passphrase the record refused) is said once, in the bar.
            detail = getattr(reason, "keyring_problem", "") if not isinstance(reason, str) else problem
            self.reason.setText(self.tr("Details: {problem}").format(problem=detail) if detail else "")
            self.reason.setVisible(bool(detail))
            if detail or not problem:
                self.problem.hide()
            else:
                self._say(problem)
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _mode_changed(self, use_passphrase: bool) -> None:
        self.new_passphrase.setEnabled(use_passphrase)
        self.repeat.setEnabled(use_passphrase)

    def _say(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()

    def _continue(self) -> None:
        from privacy_audit.store.opening import passphrase_problem

        if self.existing:
            phrase = self.unlock_passphrase.text()
            if not phrase:
                self._say(self.tr("Type your passphrase."))
                return
            self.continue_button.setEnabled(False)
            self.chosen.emit((phrase, False))
            return
        if not self.use_passphrase.isChecked():
            self.continue_button.setEnabled(False)
            self.chosen.emit((None, True))
            return
        phrase = self.new_passphrase.text()
        if phrase and passphrase_problem(phrase):  # the store's one rule: not only spaces
            self._say(
                self.tr(
                    "A passphrase made only of spaces cannot protect your record. Use letters, numbers or words "
                    "you will remember."
                )
            )
            return
        if len(phrase) < MIN_PASSPHRASE:
            self._say(self.tr("Use at least {n} characters.").format(n=MIN_PASSPHRASE))
            return
        if phrase != self.repeat.text():
            self._say(self.tr("The two passphrases are different. Type them again."))
            return
        self.continue_button.setEnabled(False)
        self.chosen.emit((phrase, False))
