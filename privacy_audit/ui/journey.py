"""The termly check as one journey: what it will take (said up front), and the page it ends on.

`plan_words` says how many platforms are due, about how long they will take and which need the person's
phone; `DonePage` is the end of the journey ("You're done for this term" only when nothing is left to fix).
The walking itself (one platform's check after another, resumed after a restart) is in `ui.main_window`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from privacy_audit.core.due import PlatformStatus
from privacy_audit.core.overview import Overview
from privacy_audit.ui import widgets as w
from privacy_audit.ui.services import AppServices


def refit_page(page: QWidget) -> None:
    """Make the scroll area holding `page` as tall as the page's text now needs (it measures only when the
    window is resized, so a page whose content grew afterwards would be squeezed and its controls cut)."""
    holder = page.parentWidget()
    while holder is not None and not isinstance(holder, w.FitScrollArea):
        holder = holder.parentWidget()
    layout = page.layout()
    if holder is not None and layout is not None:
        layout.activate()
        holder.fit()


def plural(count: int, one: str, many: str) -> str:
    """`one` or `many` (each with {n}) filled with `count`: "1 setting", "2 settings"."""
    return (one if count == 1 else many).format(n=count)


def names_list(names: list[str]) -> str:
    """ "Facebook", "Facebook and TikTok", "Facebook, Instagram and TikTok"."""
    if len(names) <= 1:
        return "".join(names)
    return QCoreApplication.translate("Journey", "{first} and {last}").format(
        first=", ".join(names[:-1]), last=names[-1]
    )


def estimated_minutes(overview: Overview, platforms: list[str]) -> int:
    """About how long these platforms' checks take (core.effort: their words, and time to find each one)."""
    return max(1, math.ceil(sum(overview.item_minutes.get(p, 0.0) for p in platforms)))


def plan_words(overview: Overview, platforms: list[str], name_of) -> str:
    """What the termly check will take, said before it starts."""
    settings = sum(overview.item_counts.get(p, 0) for p in platforms)
    if not all(p in overview.item_minutes for p in platforms):  # drawn before the checklists have loaded
        return plural(
            len(platforms),
            QCoreApplication.translate("Journey", "{n} platform to check."),
            QCoreApplication.translate("Journey", "{n} platforms to check."),
        )
    parts = [
        plural(
            len(platforms),
            QCoreApplication.translate("Journey", "{n} platform"),
            QCoreApplication.translate("Journey", "{n} platforms"),
        )
        + ", "
        + plural(
            settings,
            QCoreApplication.translate("Journey", "{n} setting"),
            QCoreApplication.translate("Journey", "{n} settings"),
        ),
        plural(
            estimated_minutes(overview, platforms),
            QCoreApplication.translate(
                "Journey", "about {n} minute (reading the steps, and about 45 seconds a setting to find it)"
            ),
            QCoreApplication.translate(
                "Journey", "about {n} minutes (reading the steps, and about 45 seconds a setting to find it)"
            ),
        ),
    ]
    phone = [name_of(p) for p in platforms if p in overview.phone_only]
    sentence = " · ".join(parts) + "."
    if phone:
        template = (
            QCoreApplication.translate("Journey", "Have your phone ready: {names} is set in its phone app.")
            if len(phone) == 1
            else QCoreApplication.translate(
                "Journey", "Have your phone ready: {names} are set in their phone apps."
            )
        )
        sentence += " " + template.format(names=names_list(phone))
    return sentence


def state_words(status: PlatformStatus) -> tuple[str, str]:
    """The platform's state in words and its chip's style: one place for the dashboard and the done page."""
    state = status.state
    if state == "never":
        return QCoreApplication.translate("Journey", "Never checked"), "chip_never"
    if state == "due":
        return QCoreApplication.translate("Journey", "Due"), "chip_due"
    if state == "to_fix":
        words = plural(
            status.to_fix,
            QCoreApplication.translate("Journey", "Checked — {n} to fix"),
            QCoreApplication.translate("Journey", "Checked — {n} to fix"),
        )
        if status.not_possible:
            words += " · " + QCoreApplication.translate("Journey", "{n} not possible here").format(
                n=status.not_possible
            )
        return words, "chip_warn"
    if state == "not_possible":
        return QCoreApplication.translate("Journey", "Checked — {n} not possible here").format(
            n=status.not_possible
        ), "chip_warn"
    if status.to_fix is None:  # the quick start has not read the answers yet: say only what is known
        return QCoreApplication.translate("Journey", "Checked"), "chip_never"
    return QCoreApplication.translate("Journey", "Up to date"), "chip_ok"


class DonePage(QWidget):
    """The end of the termly check: each platform's state, **Fix it** where something is left, and the way to
    the report and the Statement of Acceptance."""

    fix_requested = Signal(str)
    report_requested = Signal()
    statement_requested = Signal()
    back_requested = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.fix_buttons: dict[str, QPushButton] = {}
        layout = w.page_layout(self)
        self.title = w.heading("")
        layout.addWidget(self.title)
        self.summary = w.text("", factor=1.1)
        layout.addWidget(self.summary)
        card, inner = w.card()
        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(16)
        self.rows.setVerticalSpacing(10)
        self.rows.setColumnStretch(0, 1)
        inner.addLayout(self.rows)
        layout.addWidget(card)
        layout.addWidget(
            w.text(
                self.tr(
                    "Your school's policy (11.3) asks every member of staff for a Statement of Acceptance: that "
                    "one is required. The settings report is yours to keep; you need not hand it in."
                ),
                muted=True,
            )
        )
        row = QHBoxLayout()
        self.back_button = w.button(self.tr("&Back to dashboard"))
        self.back_button.clicked.connect(self.back_requested)
        row.addWidget(self.back_button)
        row.addStretch(1)
        self.statement_button = w.button(self.tr("My &Statement of Acceptance"))
        self.statement_button.clicked.connect(self.statement_requested)
        row.addWidget(self.statement_button)
        self.report_button = w.button(self.tr("&Make my report"), primary=True)
        self.report_button.clicked.connect(self.report_requested)
        row.addWidget(self.report_button)
        layout.addLayout(row)
        layout.addStretch(1)

    def show_overview(self, overview: Overview) -> None:
        to_fix, impossible = overview.to_fix_total, overview.not_possible_total
        waiting = overview.due
        if waiting:  # (reached only when a platform was added meanwhile, or the journey was left early)
            title = plural(
                len(waiting),
                self.tr("Not finished yet: {n} platform still to check"),
                self.tr("Not finished yet: {n} platforms still to check"),
            )
        elif to_fix:
            title = plural(
                to_fix,
                self.tr("This term's check is finished: {n} setting still to fix"),
                self.tr("This term's check is finished: {n} settings still to fix"),
            )
        else:
            title = self.tr("You're done for this term")
        self.title.setText(title)
        self.title.setAccessibleName(title)
        checked = overview.checked_count
        words = self.tr("{checked} of {total} platforms checked this term.").format(
            checked=checked, total=len(overview.in_use)
        )
        if to_fix:
            words += " " + self.tr("Until a setting is fixed, assume pupils could see what it protects.")
        if impossible:
            words += " " + plural(
                impossible,
                self.tr(
                    "{n} setting cannot be made private on its platform: think about what you post there."
                ),
                self.tr(
                    "{n} settings cannot be made private on their platforms: think about what you post there."
                ),
            )
        self.summary.setText(words)
        w.clear_layout(self.rows)
        self.fix_buttons = {}
        for row, platform in enumerate(overview.in_use):
            status = overview.statuses[platform]
            name = self.services.platform_name(platform)
            said, style = state_words(status)
            self.rows.addWidget(w.text(name, bold=True), row, 0)
            chip = w.text(said, wrap=False, name=style)
            chip.setAccessibleName(said)
            self.rows.addWidget(chip, row, 1, Qt.AlignmentFlag.AlignLeft)
            if status.state == "to_fix":
                fix = w.button(
                    self.tr("Fix it"),
                    accessible=self.tr("Fix it: {platform}").format(platform=name),
                    description=said,
                    primary=True,
                )
                fix.clicked.connect(lambda _=False, p=platform: self.fix_requested.emit(p))
                self.fix_buttons[platform] = fix
                self.rows.addWidget(fix, row, 2)
        for index in range(self.rows.count()):
            item = self.rows.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.show()
        refit_page(self)
        first = next(iter(self.fix_buttons.values()), self.report_button)
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        w.announce(self.title, title)
