"""The public view: open your own profile signed out and see what anyone, a pupil included, can see there.

The person picks a platform and may type a few words to look for (a birthday, a home town, the school's
name). The words go to the guided browser for that one look and are never saved: they are not kept in the
record, in settings or in this page once the person leaves it.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from privacy_audit.core.checklist import MAX_URL_VALUE_LENGTH, UrlValueRefused, allowed_domains
from privacy_audit.ui import widgets as w
from privacy_audit.ui.error_words import url_value_words
from privacy_audit.ui.services import URL_PARAMETERS, AppServices

if TYPE_CHECKING:
    from privacy_audit.browser import BrowserEvent


class PublicView(QWidget):
    back_requested = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        layout = w.page_layout(self)
        top, _title, self.back_button = w.page_header(
            self.tr("What can anyone see?"), self.tr("&Back to dashboard")
        )
        self.back_button.clicked.connect(self.back_requested)
        layout.addLayout(top)
        layout.addWidget(
            w.text(
                self.tr(
                    "Open your profile as someone who is not signed in (a pupil, say) would see it. You can type "
                    "a few words to look for, such as your birthday, home town or school's name: they are used for "
                    "this one look and never saved."
                )
            )
        )
        card, inner = w.card()
        self.form = QFormLayout()
        inner.addLayout(self.form)
        self.platform = QComboBox()
        self.platform.setAccessibleName(self.tr("Platform"))
        self.platform.currentIndexChanged.connect(self._platform_changed)
        self.form.addRow(w.labelled(self.tr("Platform"), self.platform), self.platform)
        self.param_edits: dict[str, QLineEdit] = {}
        self.words = QLineEdit()
        self.words.setAccessibleName(self.tr("Words to look for, separated by commas (not saved)"))
        self.words.setPlaceholderText(self.tr("For example: 14 March, Leeds, the school's name"))
        self.words.setMaxLength(300)
        self.words.returnPressed.connect(self.look)
        self.words_row_label = w.labelled(self.tr("Words to look for"), self.words)
        self.form.addRow(self.words_row_label, self.words)
        self.look_button = w.button(self.tr("&Show my public profile"), primary=True)
        self.look_button.clicked.connect(self.look)
        inner.addWidget(self.look_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(card)
        self.status = w.text("", factor=1.1)
        self.status.hide()
        layout.addWidget(self.status)
        self.found = w.text("", name="chip_warn")
        self.found.hide()
        layout.addWidget(self.found)
        layout.addStretch(1)

    # -- filling in ----------------------------------------------------------------------------------------

    def refresh(self, in_use: list[str] | None = None) -> None:
        """Offer the platforms in use (all offered ones when unknown) that have a public profile address."""
        wanted = set(in_use) if in_use else None
        current = self.platform.currentData()
        self.platform.blockSignals(True)
        self.platform.clear()
        for checklist in self.services.offered():
            if checklist.public_profile and (wanted is None or checklist.platform in wanted):
                self.platform.addItem(checklist.name, checklist.platform)
        index = max(0, self.platform.findData(current))
        self.platform.setCurrentIndex(index)
        self.platform.blockSignals(False)
        self._platform_changed()
        self.status.hide()
        self.found.hide()

    def _platform_changed(self, _index: int = 0) -> None:
        for edit in self.param_edits.values():
            self.form.removeRow(edit)
        self.param_edits = {}
        platform = self.platform.currentData()
        if platform is None:
            self.look_button.setEnabled(False)
            return
        self.look_button.setEnabled(True)
        checklist = self.services.checklist(platform)
        stored = (self.services.settings.get(URL_PARAMETERS) or {}).get(platform, {})
        for row, parameter in enumerate(checklist.url_parameters, start=1):
            edit = QLineEdit(str(stored.get(parameter.name, "")))
            edit.setPlaceholderText(parameter.example)
            edit.setAccessibleName(parameter.label)
            edit.setMaxLength(MAX_URL_VALUE_LENGTH)
            self.param_edits[parameter.name] = edit
            label = w.labelled(parameter.label, edit)
            label.setWordWrap(True)  # "Your X user name (the part after …)" is long for a narrow window
            self.form.insertRow(row, label, edit)
        # A new field joins the end of the Tab chain; put it where it sits, between Platform and Words.
        chain = [self.platform, *self.param_edits.values(), self.words, self.look_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def typed_words(self) -> tuple[str, ...]:
        return tuple(word.strip() for word in self.words.text().split(",") if word.strip())

    # -- looking -------------------------------------------------------------------------------------------

    def look(self) -> None:
        platform = self.platform.currentData()
        if platform is None:
            return
        values = {name: edit.text().strip() for name, edit in self.param_edits.items()}
        try:
            url = self.services.public_profile_url(platform, values)
        except UrlValueRefused as refused:
            self._say(url_value_words(refused, self.services.checklist(platform).url_parameters))
            return
        if url is None:
            return
        bridge = self.services.browser()
        if bridge is None:
            self._say(
                self.tr(
                    "The public view needs the guided browser. Choose it in Settings, or open {url} in a private "
                    "window of your browser."
                ).format(url=url)
            )
            return
        domains = allowed_domains(self.services.checklist(platform), values)
        bridge.public_view(url, self.typed_words(), domains)
        self._say(self.tr("Opening your profile as the public sees it…"))

    def on_browser_event(self, event: BrowserEvent) -> None:
        kind = event.kind
        if not self.isVisible() or kind not in ("public_view", "error", "fallback", "load_failed"):
            return
        if kind == "load_failed":
            if event.item_id:
                return  # a settings page of the check, not the profile page
            self.found.hide()
            self._say(
                self.tr(
                    "Your profile page didn't open, so nothing can be said about what anyone can see. You may be "
                    "offline, or this network may block the platform; try again later on another network (at "
                    "home, say), or open the page in a private window on your phone."
                )
            )
            return
        from privacy_audit.ui.error_words import browser_problem_words, public_view_words

        self._say(public_view_words(event) if kind == "public_view" else browser_problem_words(event))
        if kind == "public_view":
            found = tuple(event.found)
            if found:
                self.found.setText(
                    self.tr("Anyone can see: {words}. Hide them on the platform, then look again.").format(
                        words=", ".join(found)
                    )
                )
                self.found.setAccessibleName(self.found.text())
                self.found.show()
            else:
                self.found.hide()

    def leave(self) -> None:
        """Forget the typed words (they are only ever for one look)."""
        self.words.clear()
        self.status.hide()
        self.found.hide()

    def _say(self, message: str) -> None:
        self.status.setText(message)
        self.status.setAccessibleName(message)
        self.status.show()
