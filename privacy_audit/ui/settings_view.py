"""Settings: how the record is protected, text size and contrast, which browser guides checks, keeping
sign-ins (only when the school allows), reminders at login, and "forget everything" (with an in-page
confirmation, not a modal).

Text size and contrast are kept in the record (`TEXT_SIZE`, `CONTRAST`), applied as soon as they are chosen
and again each time the record is opened (`apply_saved_look`), for everyone, demo or not. Controls that do
not apply are hidden rather than shown disabled: the browser program's path only when "Another browser
program" is chosen, "Keep me signed in" only when the school allows it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from privacy_audit.ui import widgets as w
from privacy_audit.ui.services import (
    BROWSER_CHOICE,
    BROWSER_CHOICES,
    BROWSER_PATH,
    CONTRAST,
    KEEP_SIGN_INS,
    START_AT_LOGIN,
    TEXT_SIZE,
    AppServices,
)


def saved_look(settings: dict) -> tuple[str, float] | None:
    """The contrast and text size kept in the record, or None when the person never chose them."""
    contrast, size = settings.get(CONTRAST), settings.get(TEXT_SIZE)
    if contrast is None and size is None:
        return None
    contrast = contrast if contrast in w.CONTRASTS else w.SYSTEM
    try:
        scale = float(size) if size is not None else 1.0
    except (TypeError, ValueError):
        scale = 1.0
    return contrast, scale if scale in w.TEXT_SCALES else 1.0


def apply_saved_look(services: AppServices) -> None:
    """Give the app the text size and contrast kept in the record (nothing when none were chosen, so the
    demo's presenter mode and the system look are left alone)."""
    look = saved_look(services.settings)
    app = QApplication.instance()
    if look is not None and isinstance(app, QApplication):
        w.apply_look(app, *look)


def is_start_at_login(home=None) -> bool:
    """Whether the login entry really exists (reads the autostart folder or registry: call off the GUI thread).
    `home` is the app's home folder, if any: the entry is then kept under it."""
    from privacy_audit.desktop.autostart import is_start_at_login as real

    return real(home)


class SettingsView(QWidget):
    back_requested = Signal()
    forgotten = Signal(list)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        layout = w.page_layout(self)
        top, self.title, self.back_button = w.page_header(self.tr("Settings"), self.tr("&Back to dashboard"))
        self.back_button.clicked.connect(self.back_requested)
        layout.addLayout(top)

        record, inner, _ = w.titled_card(self.tr("Your record"))
        self.protection = w.text("")
        inner.addWidget(self.protection)
        self.location = w.text(self.tr("Kept in {folder}").format(folder=str(services.dirs.data)), muted=True)
        inner.addWidget(self.location)
        layout.addWidget(record)

        look, inner, _ = w.titled_card(self.tr("Text and contrast"))
        look_form = QFormLayout()
        self.text_size = QComboBox()
        for scale in w.TEXT_SCALES:
            self.text_size.addItem(self.tr("{percent} %").format(percent=round(scale * 100)), scale)
        look_form.addRow(w.labelled(self.tr("&Text size"), self.text_size), self.text_size)
        self.contrast = QComboBox()
        contrasts = {
            w.SYSTEM: self.tr("Standard (follows the computer)"),
            w.HIGH_LIGHT: self.tr("High contrast, dark text on white"),
            w.HIGH_DARK: self.tr("High contrast, light text on black"),
        }
        for key in w.CONTRASTS:
            self.contrast.addItem(contrasts[key], key)
        look_form.addRow(w.labelled(self.tr("&Contrast"), self.contrast), self.contrast)
        inner.addLayout(look_form)
        layout.addWidget(look)

        browser, inner, _ = w.titled_card(
            self.tr("Guided browser"),
            self.tr(
                "The app opens settings pages in a browser already on this computer and points at the setting. "
                "It never types or clicks for you."
            ),
            muted=True,
        )
        form = QFormLayout()
        self.browser_form = form
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Browser used for guided checks"))
        names = {
            "auto": self.tr("Automatic (Edge, Chrome or Chromium)"),
            "msedge": self.tr("Microsoft Edge"),
            "chrome": self.tr("Google Chrome"),
            "chromium": self.tr("Chromium"),
            "path": self.tr("Another browser program…"),
            "default": self.tr("My default browser only (no guidance)"),
        }
        for key in BROWSER_CHOICES:
            self.choice.addItem(names[key], key)
        form.addRow(w.labelled(self.tr("B&rowser"), self.choice), self.choice)
        path_row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Path of the browser program"))
        self.path.setPlaceholderText(self.tr("Full path of a Chromium-based browser"))
        path_row.addWidget(self.path, 1)
        self.browse = w.button(self.tr("Browse…"), accessible=self.tr("Find the browser program"))
        self.browse.clicked.connect(self._browse)
        path_row.addWidget(self.browse)
        self.path_row = QWidget()
        self.path_row.setLayout(path_row)
        form.addRow(w.labelled(self.tr("&Program"), self.path), self.path_row)
        inner.addLayout(form)
        self.keep = QCheckBox(self.tr("Keep me signed in between checks"))
        self.keep.setAccessibleName(self.tr("Keep me signed in between checks"))
        inner.addWidget(self.keep)
        self.keep_note = w.text("", muted=True)
        inner.addWidget(self.keep_note)
        self.forget_sign_ins = w.button(self.tr("Forget sign-ins now"))
        self.forget_sign_ins.clicked.connect(self._forget_sign_ins)
        inner.addWidget(self.forget_sign_ins, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(browser)

        reminders, inner, _ = w.titled_card(self.tr("Reminders"))
        self.at_login = QCheckBox(self.tr("Remind me at login when a check is due"))
        self.at_login.setAccessibleName(self.tr("Remind me at login when a check is due"))
        inner.addWidget(self.at_login)
        layout.addWidget(reminders)

        forget, inner, _ = w.titled_card(
            self.tr("Forget everything"),
            self.tr(
                "Deletes your record, its key in the system keyring and the guided browser's saved sign-ins from "
                "this computer. This cannot be undone."
            ),
            object_name="banner",
        )
        row = QHBoxLayout()
        self.forget_button = w.button(self.tr("Forget everything…"))
        self.forget_button.clicked.connect(self._ask_forget)
        row.addWidget(self.forget_button)
        self.confirm_button = w.button(
            self.tr("Yes, delete my record"), accessible=self.tr("Yes, delete my record for good")
        )
        self.confirm_button.clicked.connect(self._forget)
        self.confirm_button.hide()
        row.addWidget(self.confirm_button)
        self.cancel_forget = w.button(self.tr("Keep it"), accessible=self.tr("Keep my record"))
        self.cancel_forget.clicked.connect(self._cancel_forget)
        self.cancel_forget.hide()
        row.addWidget(self.cancel_forget)
        row.addStretch(1)
        inner.addLayout(row)
        self.forget_status = w.text("")
        self.forget_status.hide()
        inner.addWidget(self.forget_status)
        layout.addWidget(forget)
        layout.addStretch(1)

        self.text_size.currentIndexChanged.connect(self._look_changed)
        self.contrast.currentIndexChanged.connect(self._look_changed)
        services.record_opened.connect(lambda: apply_saved_look(self.services))
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self.path.editingFinished.connect(
            lambda: self.services.set_setting(BROWSER_PATH, self.path.text().strip())
        )
        self.keep.toggled.connect(self._keep_changed)
        self.at_login.toggled.connect(lambda on: self.services.set_setting(START_AT_LOGIN, bool(on)))

    def refresh(self) -> None:
        info = self.services.protection
        if info is not None:
            modes = {
                "keyring": self.tr("Encrypted; the key is held by {backend}."),
                "passphrase": self.tr("Encrypted with your passphrase."),
                "unencrypted": self.tr("Not encrypted (you chose this)."),
            }
            from privacy_audit.store.keys import friendly_explanation, keyring_display_name

            backend = keyring_display_name(info.backend) if info.backend else self.tr("the keyring")
            headline = modes.get(info.mode, info.mode).format(backend=backend)
            explanation = friendly_explanation(info)
            # The store's explanation already names the protection and where the key is; say it once.
            self.protection.setText(explanation.strip() or headline)
        settings = self.services.settings
        quiet = (self.choice, self.keep, self.at_login, self.text_size, self.contrast)
        for widget in quiet:
            widget.blockSignals(True)
        contrast_key, scale = saved_look(settings) or (w.SYSTEM, 1.0)
        self.contrast.setCurrentIndex(max(0, self.contrast.findData(contrast_key)))
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(scale)))
        index = self.choice.findData(settings.get(BROWSER_CHOICE) or "auto")
        self.choice.setCurrentIndex(max(0, index))
        self.path.setText(settings.get(BROWSER_PATH) or "")
        allowed = bool(self.services.school.allow_keeping_sign_ins)
        self.keep.setChecked(allowed and bool(settings.get(KEEP_SIGN_INS)))
        self.keep.setEnabled(allowed)
        self.keep.setVisible(allowed)
        self.forget_sign_ins.setVisible(allowed)
        self.keep_note.setText(
            self.tr("Sign-ins are forgotten when the browser window closes.")
            if allowed
            else self.tr("Your school has chosen that sign-ins are forgotten when the browser window closes.")
        )
        at_login = settings.get(START_AT_LOGIN)
        self.at_login.setChecked(bool(self.services.school.start_at_login if at_login is None else at_login))
        for widget in quiet:
            widget.blockSignals(False)
        if self.services.os_integration:
            # The box shows the login entry as it really is (the person may have removed it with the
            # system's own tools); reading it touches the disk or the registry, so on the worker.
            home = self.services.dirs.home
            self.services.worker.submit(lambda: is_start_at_login(home), self._show_login_entry)
        self._show_path_row()
        self._cancel_forget()
        w.show_focus_now(self.back_button)

    def _show_login_entry(self, present: bool) -> None:
        self.at_login.blockSignals(True)
        self.at_login.setChecked(bool(present))
        self.at_login.blockSignals(False)

    def _look_changed(self, _index: int) -> None:
        contrast_key = self.contrast.currentData() or w.SYSTEM
        scale = float(self.text_size.currentData() or 1.0)
        self.services.set_setting(CONTRAST, contrast_key)
        self.services.set_setting(TEXT_SIZE, scale)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            w.apply_look(app, contrast_key, scale)

    def _show_path_row(self) -> None:
        self.browser_form.setRowVisible(self.path_row, self.choice.currentData() == "path")

    def _choice_changed(self, _index: int) -> None:
        self._show_path_row()
        self.services.set_setting(BROWSER_CHOICE, self.choice.currentData())

    def _keep_changed(self, on: bool) -> None:
        self.services.set_setting(KEEP_SIGN_INS, bool(on))
        if not on:
            self._forget_sign_ins()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a browser program"), self.path.text())
        if chosen:
            self.path.setText(chosen)
            self.services.set_setting(BROWSER_PATH, chosen)

    def _forget_sign_ins(self) -> None:
        self.keep_note.setText(self.tr("Forgetting saved sign-ins…"))
        self.services.forget_sign_ins(on_done=self._sign_ins_forgotten, on_error=self._sign_ins_not_forgotten)

    def _sign_ins_forgotten(self, _result: object = None) -> None:
        self.keep_note.setText(self.tr("Saved sign-ins were forgotten."))

    def _sign_ins_not_forgotten(self, failure: object) -> None:
        self.keep_note.setText(
            self.tr(
                "Saved sign-ins could not be deleted ({problem}). Close the guided browser and try again."
            ).format(problem=str(failure))
        )

    def _ask_forget(self) -> None:
        self.forget_button.hide()
        self.confirm_button.show()
        self.cancel_forget.show()
        self.forget_status.setText(self.tr("Are you sure? Your whole record will be deleted."))
        self.forget_status.show()
        self.cancel_forget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _cancel_forget(self) -> None:
        self.confirm_button.hide()
        self.cancel_forget.hide()
        self.forget_button.show()
        self.forget_status.setText("")
        self.forget_status.hide()

    def _forget(self) -> None:
        self.confirm_button.setEnabled(False)
        self.services.forget_everything(on_done=self._forgotten, on_error=self._forget_failed)

    def _forgotten(self, said: list[str]) -> None:
        self.confirm_button.setEnabled(True)
        self._cancel_forget()
        self.forget_status.setText("\n".join(said) or self.tr("Everything was forgotten."))
        self.forget_status.show()
        self.forgotten.emit(list(said))

    def _forget_failed(self, failure) -> None:
        from privacy_audit.ui.error_words import failure_words

        self.confirm_button.setEnabled(True)
        self.forget_status.setText(
            self.tr("Could not forget everything: {problem}").format(problem=failure_words(failure.error))
        )
        self.forget_status.show()
