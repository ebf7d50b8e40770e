"""First run: what the app does, that nothing leaves the laptop, how the record is protected, and which
platforms the person uses. Also used later from the dashboard to change the platforms in use.

When the record opened on the first run came with notices (an earlier record set aside, and where the copy
is), they are shown at the top, before the question.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QWidget

from privacy_audit.core.platforms import ALWAYS_IN_USE
from privacy_audit.ui import widgets as w
from privacy_audit.ui.icons import platform_icon
from privacy_audit.ui.services import AppServices


class WelcomeView(QWidget):
    """Emits `finished(list_of_platform_ids)` when the person continues."""

    finished = Signal(list)
    cancelled = Signal()

    def __init__(
        self,
        services: AppServices,
        *,
        first_run: bool = True,
        in_use: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.first_run = first_run
        layout = w.page_layout(self)
        school = services.school
        self.notice_card, self.notice_text = w.notices_card(self.tr("About your earlier record"))
        layout.addWidget(self.notice_card)
        if first_run:
            layout.addWidget(w.heading(self.tr("Welcome to Privacy Audit")))
            intro = self.tr(
                "{school}'s staff social media policy asks you to keep your personal accounts private and to "
                "check their privacy settings regularly. This app walks you through those checks, one setting "
                "at a time, opens the right settings page for you, and keeps a dated record of what you checked."
            ).format(school=school.school_name)
            layout.addWidget(w.text(intro))
            promise, promise_layout = w.card("notice")
            promise_layout.addWidget(w.text(self.tr("Nothing leaves this laptop"), bold=True))
            promise_layout.addWidget(
                w.text(
                    self.tr(
                        "The app never asks for your passwords, never changes a setting for you and never sends "
                        "anything anywhere. Your record stays on this computer."
                    )
                )
            )
            self.protection_label = w.text(self._protection_text(), muted=True)
            promise_layout.addWidget(self.protection_label)
            layout.addWidget(promise)
        else:
            layout.addWidget(w.heading(self.tr("Your platforms")))
        layout.addWidget(w.heading(self.tr("Which of these do you use?"), 2))
        layout.addWidget(
            w.text(
                self.tr(
                    "Tick each platform where you have a personal account. The checks for all your accounts "
                    "(email, pupils, personal details) are always included."
                ),
                muted=True,
            )
        )

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        self.boxes: dict[str, QCheckBox] = {}
        chosen = set(in_use or [])
        offered = [c for c in services.offered() if c.platform != ALWAYS_IN_USE]
        columns = 3
        icon_size = max(24, w.scaled_font().pointSize() * 2)
        for index, checklist in enumerate(offered):
            box = QCheckBox(checklist.name)
            box.setIcon(platform_icon(checklist.platform, checklist.name))
            box.setIconSize(QSize(icon_size, icon_size))
            box.setAccessibleName(checklist.name)
            box.setAccessibleDescription(
                self.tr("I have a personal {name} account").format(name=checklist.name)
            )
            box.setChecked(checklist.platform in chosen)
            box.setObjectName(f"platform-{checklist.platform}")
            self.boxes[checklist.platform] = box
            grid.addWidget(box, index // columns, index % columns)
        layout.addLayout(grid)
        layout.addStretch(1)

        row = QHBoxLayout()
        row.addStretch(1)
        if not first_run:
            self.cancel_button = w.button(self.tr("Cancel"))
            self.cancel_button.clicked.connect(self.cancelled)
            row.addWidget(self.cancel_button)
        self.continue_button = w.button(self.tr("Continue") if first_run else self.tr("Save"), primary=True)
        self.continue_button.clicked.connect(self._continue)
        row.addWidget(self.continue_button)
        layout.addLayout(row)
        if first_run:
            services.record_opened.connect(self._refresh_protection)
            if services.record_is_open:
                self._refresh_protection()

    def _protection_text(self) -> str:
        info = self.services.protection
        if info is None:
            return self.tr("Opening your record…")
        from privacy_audit.store.keys import friendly_explanation

        return self.tr("How your record is protected: {explanation}").format(
            explanation=friendly_explanation(info)
        )

    def _refresh_protection(self) -> None:
        self.protection_label.setText(self._protection_text())
        w.show_notices(self.notice_card, self.notice_text, self.services.notices)

    def chosen(self) -> list[str]:
        return [ALWAYS_IN_USE] + [pid for pid, box in self.boxes.items() if box.isChecked()]

    def _continue(self) -> None:
        self.continue_button.setEnabled(False)
        self.finished.emit(self.chosen())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.continue_button.setEnabled(True)
        first = next(iter(self.boxes.values()), None)
        (first or self.continue_button).setFocus(Qt.FocusReason.OtherFocusReason)
