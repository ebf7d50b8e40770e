"""The dashboard: one row per platform in use with its status and a "Check now" button, the overall
progress this term, who to ask at school, and non-blocking banners for file problems and record notices.

It is drawn from plain values only (`services.snapshot`, an `Overview`), so it can be the first screen
before the catalogue and the record are loaded; until the record is open its actions are disabled and say
"Loading…"."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from privacy_audit.core.due import PlatformStatus as Status
from privacy_audit.core.overview import Overview
from privacy_audit.ui import widgets as w
from privacy_audit.ui.dates import long_date
from privacy_audit.ui.icons import platform_pixmap
from privacy_audit.ui.journey import plan_words, plural, refit_page, state_words
from privacy_audit.ui.services import AppServices


class DashboardView(QWidget):
    check_requested = Signal(str)
    fix_requested = Signal(str)  # open exactly the settings the platform's last check left to fix
    termly_requested = Signal()  # start (or continue) this term's check of every due platform
    history_requested = Signal()
    report_requested = Signal()
    settings_requested = Signal()
    platforms_requested = Signal()
    public_view_requested = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.overview: Overview | None = None
        self.check_buttons: dict[str, object] = {}
        self.fix_buttons: dict[str, object] = {}
        layout = w.page_layout(self)

        top = QHBoxLayout()
        titles = QWidget()
        title_layout = w.QVBoxLayout(titles)
        title_layout.setContentsMargins(0, 0, 0, 0)
        title_layout.setSpacing(2)
        self.title = w.heading(self.tr("Your privacy checks"))
        title_layout.addWidget(self.title)
        self.school_label = w.text(services.school_name, muted=True)
        title_layout.addWidget(self.school_label)
        top.addWidget(titles, 1)
        self.nav_buttons = []
        for label, signal, name, tip in (
            (self.tr("&History"), self.history_requested, self.tr("History of your checks"), ""),
            (self.tr("&Report"), self.report_requested, self.tr("Report and statement of acceptance"), ""),
            (
                self.tr("&Public view"),
                self.public_view_requested,
                self.tr("Public view: what can anyone see on my profiles?"),
                self.tr("What can anyone see on my profiles?"),
            ),
            (self.tr("&Settings"), self.settings_requested, self.tr("Settings"), ""),
        ):
            nav = w.button(label, accessible=name, tooltip=tip)
            nav.clicked.connect(signal)
            top.addWidget(nav, 0, Qt.AlignmentFlag.AlignTop)
            self.nav_buttons.append(nav)
        layout.addLayout(top)

        # Shown while the record is still being opened (phase 2 of start-up): actions wait for it.
        self.loading_label = w.text(self.tr("Loading…"), muted=True)
        self.loading_label.setAccessibleName(self.tr("Loading your record…"))
        layout.addWidget(self.loading_label)

        self.banners = w.QVBoxLayout()
        self.banners.setSpacing(8)
        layout.addLayout(self.banners)

        self.summary_label = w.text("", factor=1.15, bold=True)
        layout.addWidget(self.summary_label)

        # The termly journey: one button that walks every due platform, and what it will take.
        self.termly_card, termly_layout = w.card("notice")
        self.termly_button = w.button(self.tr("S&tart this term's check"), primary=True)
        self.termly_button.clicked.connect(self.termly_requested)
        termly_layout.addWidget(self.termly_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.plan_label = w.text("")
        termly_layout.addWidget(self.plan_label)
        self.termly_card.hide()
        layout.addWidget(self.termly_card)

        self.rows_card, rows_layout = w.card()
        self.rows = QGridLayout()
        self.rows.setHorizontalSpacing(16)
        self.rows.setVerticalSpacing(12)
        self.rows.setColumnStretch(1, 1)
        rows_layout.addLayout(self.rows)
        layout.addWidget(self.rows_card)

        # How much of the guidance in use has been seen on the live sites (issue 14), and the pack notice.
        self.live_label = w.text("", muted=True)
        self.live_label.hide()
        layout.addWidget(self.live_label)
        self.guidance_label = w.text("", muted=True)
        self.guidance_label.hide()
        layout.addWidget(self.guidance_label)

        change = w.button(self.tr("Change which platforms I use…"), object_name="link")
        change.clicked.connect(self.platforms_requested)
        self.change_button = change
        layout.addWidget(change, 0, Qt.AlignmentFlag.AlignLeft)

        contact_card, contact_layout = w.card("notice")
        contact_layout.addWidget(
            w.text(self.tr("Worried about something, or a pupil sent you a request?"), bold=True)
        )
        self.contact_label = w.text("")
        contact_layout.addWidget(self.contact_label)
        layout.addWidget(contact_card)
        layout.addStretch(1)
        self.show_school()
        self.set_ready(services.record_is_open)

    def show_school(self) -> None:
        """Show the school's name, contact and the catalogue's problems (again, once the catalogue is loaded)."""
        snapshot = self.services.snapshot
        self.school_label.setText(self.services.school_name)
        contact = snapshot.contact if snapshot is not None else ""
        self.contact_label.setText(self.tr("Talk to {contact}.").format(contact=contact) if contact else "")
        self._show_banners()

    @property
    def ready(self) -> bool:
        return not self.loading_label.isVisibleTo(self)

    def set_ready(self, ready: bool) -> None:
        """Enable the actions once the record is open; until then they are disabled and say "Loading…"."""
        self.loading_label.setVisible(not ready)
        for button in [
            *self.nav_buttons,
            self.change_button,
            self.termly_button,
            *self.check_buttons.values(),
            *self.fix_buttons.values(),
        ]:
            button.setEnabled(ready)
            said = button.property("status") or ""  # a platform's status, said after its button's name
            button.setAccessibleDescription(said if ready else self.tr("Loading…"))

    # -- data -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.services.record_is_open:
            self.services.overview(self.show_overview)

    def show_overview(self, overview: Overview) -> None:
        self.overview = overview
        ready = self.services.record_is_open
        w.clear_layout(self.rows)
        self.check_buttons = {}
        self.fix_buttons = {}
        icon_size = max(32, round(w.scaled_font().pointSizeF() * 2.8))
        ratio = self.devicePixelRatioF()
        first_due = None
        for row, platform in enumerate(overview.in_use):
            status = overview.statuses[platform]
            name = self.services.platform_name(platform)
            icon = QLabel()
            icon.setPixmap(platform_pixmap(platform, name, icon_size, ratio))
            icon.setAccessibleName(name)
            self.rows.addWidget(icon, row, 0, Qt.AlignmentFlag.AlignVCenter)

            info = QWidget()
            info_layout = w.QVBoxLayout(info)
            info_layout.setContentsMargins(0, 0, 0, 0)
            info_layout.setSpacing(0)
            info_layout.addWidget(w.text(name, bold=True, factor=1.1))
            info_layout.addWidget(w.text(self._detail(status), muted=True))
            self.rows.addWidget(info, row, 1)

            chip_text, chip_name = state_words(status)
            chip = w.text(chip_text, wrap=False, name=chip_name)
            chip.setAccessibleName(chip_text)
            self.rows.addWidget(chip, row, 2, Qt.AlignmentFlag.AlignCenter)
            status_words = f"{chip_text}. {self._detail(status)}"

            buttons = QWidget()
            column = w.QVBoxLayout(buttons)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(4)
            if status.state == "to_fix":
                fix = self._row_button(self.tr("Fix it"), name, status_words, primary=True)
                fix.clicked.connect(lambda _=False, p=platform: self.fix_requested.emit(p))
                fix.setObjectName("primary")
                self.fix_buttons[platform] = fix
                column.addWidget(fix)
            if status.has_draft:
                label = self.tr("Continue check")
            else:
                label = self.tr("Check again") if status.checked else self.tr("Check now")
            check = self._row_button(label, name, status_words, primary=not status.checked)
            check.clicked.connect(lambda _=False, p=platform: self.check_requested.emit(p))
            check.setObjectName(check.objectName() or f"check-{platform}")
            check.setProperty("platform", platform)
            self.check_buttons[platform] = check
            column.addWidget(check)
            self.rows.addWidget(buttons, row, 3, Qt.AlignmentFlag.AlignVCenter)
            if first_due is None and not (status.checked and status.state == "ok"):
                first_due = self.fix_buttons.get(platform, check)
        # New buttons join the end of the Tab chain (after "Change which platforms"); put them back in
        # reading order: the termly check, each row's buttons top to bottom, then "Change which platforms".
        chain = [self.termly_button]
        for platform in overview.in_use:
            chain += [
                b for b in (self.fix_buttons.get(platform), self.check_buttons[platform]) if b is not None
            ]
        chain.append(self.change_button)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        # Children added to a visible layout are shown later by Qt; show them now so focus can move to them.
        for index in range(self.rows.count()):
            widget = self.rows.itemAt(index).widget()
            if widget is not None:
                widget.show()
        self.summary_label.setText(self._headline(overview))
        self.summary_label.setAccessibleName(self.summary_label.text())
        self._show_termly(overview)
        self._show_guidance(overview)
        self._show_banners()
        self.set_ready(ready)
        refit_page(self)
        if self.termly_card.isVisibleTo(self):
            first_due = self.termly_button
        target = first_due or next(iter(self.check_buttons.values()), None)
        if target is not None and self.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _row_button(self, label: str, name: str, status_words: str, *, primary: bool):
        """A platform's action button: named with the platform, its status said as its description."""
        button = w.button(
            label,
            accessible=self.tr("{action}: {platform}").format(action=label, platform=name),
            primary=primary,
            description=status_words,
        )
        button.setProperty("status", status_words)
        return button

    def _headline(self, overview: Overview) -> str:
        """How far this term's check has got. Platforms with settings left count as checked, but the
        headline then says what is left: it never says "done" while something is unsafe."""
        total = len(overview.in_use)
        checked = overview.checked_count
        parts = [self.tr("{checked} of {total} checked this term").format(checked=checked, total=total)]
        if overview.to_fix_total:
            parts.append(
                plural(
                    overview.to_fix_total,
                    self.tr("{n} setting still to fix"),
                    self.tr("{n} settings still to fix"),
                )
            )
        if overview.not_possible_total:
            parts.append(self.tr("{n} not possible on its platform").format(n=overview.not_possible_total))
        return " · ".join(parts)

    def _show_termly(self, overview: Overview) -> None:
        """The termly check's button and plan: shown while a platform is due, or a termly check is running."""
        walking = list(overview.due)
        running = bool(overview.termly)
        self.termly_card.setVisible(bool(walking))
        if not walking:
            return
        label = self.tr("Con&tinue this term's check") if running else self.tr("S&tart this term's check")
        self.termly_button.setText(label)
        self.termly_button.setAccessibleName(label.replace("&", ""))
        plan = plan_words(overview, walking, self.services.platform_name)
        self.plan_label.setText(plan)
        self.termly_button.setProperty("status", plan)
        self.termly_button.setAccessibleDescription(plan)

    def _show_guidance(self, overview: Overview) -> None:
        live = overview.live_checked
        if live is not None and live[1]:
            checked, total = live
            template = (
                self.tr("{checked} of {total} setting you use has been checked on the live site.")
                if total == 1
                else self.tr("{checked} of {total} settings you use have been checked on the live site.")
            )
            words = template.format(checked=checked, total=total)
            if not checked:
                # Not "from the platforms' help pages": most items are written from research notes (issue 14).
                words += " " + self.tr("Until then, each setting says what its steps were written from.")
            self.live_label.setText(words)
        self.live_label.setVisible(live is not None and bool(live[1]))
        notice = overview.guidance_notice
        self.guidance_label.setText(notice or "")
        self.guidance_label.setVisible(bool(notice))

    def _detail(self, status: Status) -> str:
        parts = []
        if status.last_checked is None:
            parts.append(self.tr("Not checked yet"))
        else:
            parts.append(self.tr("Last checked {date}").format(date=long_date(status.last_checked)))
        if status.snoozed_until is not None and status.snoozed_until > self.services.clock():
            parts.append(self.tr("snoozed until {date}").format(date=long_date(status.snoozed_until)))
        elif status.next_due is not None and not status.due:
            parts.append(self.tr("next due {date}").format(date=long_date(status.next_due)))
        if status.has_draft:
            parts.append(self.tr("a check is in progress"))
        return " · ".join(parts)

    def _show_banners(self) -> None:
        w.clear_layout(self.banners)
        snapshot = self.services.snapshot
        problems = list(snapshot.problems) if snapshot is not None else []
        if problems:
            frame, inner = w.card("banner")
            inner.addWidget(
                w.text(
                    self.tr(
                        "Some of the app's files have problems, so parts of them were left out. Please tell your "
                        "school's IT support:"
                    ),
                    bold=True,
                )
            )
            shown = problems[:6]
            more = len(problems) - len(shown)
            body = "\n".join(shown) + (self.tr("\n…and {count} more").format(count=more) if more > 0 else "")
            inner.addWidget(w.text(body))
            self.banners.addWidget(frame)
        for notice in self.services.notices:
            frame, inner = w.card("banner")
            inner.addWidget(w.text(notice))
            self.banners.addWidget(frame)
