"""The main window: one stack of pages (opening, protection choice, welcome, dashboard, check, history,
report, settings) and the navigation between them. The window is shown before the record is opened;
opening it (keyring, decryption, migrations) happens on the worker thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from privacy_audit.ui import widgets as w
from privacy_audit.ui.check import CheckView
from privacy_audit.ui.dashboard import DashboardView
from privacy_audit.ui.history import HistoryView
from privacy_audit.ui.icons import app_icon
from privacy_audit.ui.protection import ProtectionView
from privacy_audit.ui.public_view import PublicView
from privacy_audit.ui.report_view import ReportView
from privacy_audit.ui.services import AppServices, Overview
from privacy_audit.ui.settings_view import SettingsView
from privacy_audit.ui.welcome import WelcomeView
from privacy_audit.ui.worker import Failure


class MessagePage(QWidget):
    """A calm full-page message (opening…, or a problem with a "Try again" button)."""

    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = w.page_layout(self)
        layout.addStretch(1)
        self.title = w.heading("", 2)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        self.body = w.text("")
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.body)
        row = QHBoxLayout()
        row.addStretch(1)
        self.retry = w.button(self.tr("Try again"), primary=True)
        self.retry.clicked.connect(self.retry_requested)
        row.addWidget(self.retry)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def say(self, title: str, body: str = "", retry: bool = False) -> None:
        self.title.setText(title)
        self.title.setAccessibleName(title)
        self.body.setText(body)
        self.retry.setVisible(retry)
        if retry:
            self.retry.setFocus()


class MainWindow(QMainWindow):
    dashboard_shown = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Privacy Audit — {school}").format(school=services.school.school_name))
        self.setWindowIcon(app_icon())
        self.overview: Overview | None = None
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)

        self.message = MessagePage()
        self.protection = ProtectionView()
        self.welcome = WelcomeView(services, first_run=True)
        self.dashboard = DashboardView(services)
        self.check = CheckView(services)
        self.history = HistoryView(services)
        self.report = ReportView(services)
        self.settings = SettingsView(services)
        self.public = PublicView(services)
        self.platforms: WelcomeView | None = None
        self.pages: dict[str, QWidget] = {}
        for name, page in (
            ("message", self.message),
            ("protection", self.protection),
            ("welcome", self.welcome),
            ("dashboard", self.dashboard),
            ("check", self.check),
            ("history", self.history),
            ("report", self.report),
            ("settings", self.settings),
            ("public", self.public),
        ):
            self._add_page(name, page)

        self.message.retry_requested.connect(self.open_record)
        self.protection.chosen.connect(self._protection_chosen)
        self.welcome.finished.connect(self._first_run_finished)
        self.dashboard.check_requested.connect(self.start_check)
        self.dashboard.history_requested.connect(lambda: self.go("history"))
        self.dashboard.report_requested.connect(lambda: self.go("report"))
        self.dashboard.settings_requested.connect(lambda: self.go("settings"))
        self.dashboard.platforms_requested.connect(self.change_platforms)
        for page in (self.history, self.report, self.settings):
            page.back_requested.connect(self.show_dashboard)
        self.public.back_requested.connect(self.show_dashboard)
        self.check.closed.connect(self.show_dashboard)
        self.settings.forgotten.connect(self._forgotten)
        services.changed.connect(self._record_changed)
        services.browser_event.connect(self.check.on_browser_event)
        services.browser_event.connect(self.public.on_browser_event)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.activated.connect(self._escape)
        self.message.say(self.tr("Opening your record…"))
        self.resize(980, 760)

    def _add_page(self, name: str, page: QWidget) -> None:
        holder = page if name in ("check", "history") else w.scroll_page(page)
        self.pages[name] = holder
        self.stack.addWidget(holder)

    def set_banner(self, banner: QWidget) -> None:
        """Show `banner` above every page (demo mode's "nothing is saved" bar)."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(banner)
        self.takeCentralWidget()  # keeps the stack alive: it moves into the holder
        column.addWidget(self.stack, 1)
        self.setCentralWidget(holder)

    def current(self) -> str:
        holder = self.stack.currentWidget()
        return next((name for name, page in self.pages.items() if page is holder), "")

    def go(self, name: str) -> None:
        if self.current() == "public" and name != "public":
            self.public.leave()  # typed words are for one look only
        self.stack.setCurrentWidget(self.pages[name])
        refresh = {
            "history": self.history.refresh,
            "report": self.report.refresh,
            "settings": self.settings.refresh,
            "public": lambda: self.public.refresh(self.overview.in_use if self.overview else None),
        }.get(name)
        if refresh is not None:
            refresh()

    # -- opening the record -----------------------------------------------------------------------------

    def open_record(self, passphrase: str | None = None, accept_unencrypted: bool = False) -> None:
        self.message.say(self.tr("Opening your record…"))
        self.go("message")
        self.services.open_record(
            passphrase=passphrase,
            accept_unencrypted=accept_unencrypted,
            on_done=self._record_opened,
            on_error=self._record_failed,
        )

    def _protection_chosen(self, choice: tuple[str | None, bool]) -> None:
        passphrase, accept_unencrypted = choice
        self.open_record(passphrase, accept_unencrypted)

    def _record_failed(self, failure: Failure) -> None:
        error = failure.error
        kind = type(error).__name__
        # Matched by class name so the window still works while the record package is being installed.
        if kind in ("NeedsProtectionChoice", "NeedsPassphrase", "WrongPassphrase"):
            self.protection.ask(
                str(error), existing=kind != "NeedsProtectionChoice", wrong=kind == "WrongPassphrase"
            )
            self.go("protection")
            self.protection.passphrase.setFocus()
            return
        if any(cls.__name__ == "RecordError" for cls in type(error).__mro__):
            self.message.say(self.tr("Your record could not be opened"), str(error), retry=True)
        else:
            self.message.say(
                self.tr("Your record could not be opened"),
                self.tr("{problem}\nNothing has been deleted.").format(problem=str(failure)),
                retry=True,
            )
        self.go("message")

    def _record_opened(self, _protection: object) -> None:
        self.services.overview(self._first_overview)

    def _first_overview(self, overview: Overview) -> None:
        self.overview = overview
        if overview.first_run_done:
            self.dashboard.show_overview(overview)
            self.show_dashboard(refresh=False)
        else:
            self.go("welcome")
            first = next(iter(self.welcome.boxes.values()), self.welcome.continue_button)
            first.setFocus()

    def _first_run_finished(self, platforms: list[str]) -> None:
        self.services.finish_first_run(platforms, on_done=lambda _: self.show_dashboard())

    # -- navigation -------------------------------------------------------------------------------------

    def show_dashboard(self, refresh: bool = True) -> None:
        if self.current() == "public":
            self.public.leave()
        self.stack.setCurrentWidget(self.pages["dashboard"])
        if refresh:
            self.services.overview(self._overview_then_signal)
        else:
            self._focus_dashboard()
            self.dashboard_shown.emit()

    def _overview_then_signal(self, overview: Overview) -> None:
        self.overview = overview
        self.dashboard.show_overview(overview)
        self._focus_dashboard()
        self.dashboard_shown.emit()

    def _focus_dashboard(self) -> None:
        buttons = list(self.dashboard.check_buttons.values())
        due = [b for b in buttons if b.objectName() == "primary"]
        target = (due or buttons or [self.dashboard.change_button])[0]
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _record_changed(self) -> None:
        if self.current() == "dashboard":
            self.services.overview(self.dashboard.show_overview)

    def start_check(self, platform: str) -> None:
        def with_previous(draft) -> None:
            self.services.checks(
                platform, lambda checks: self._begin(platform, draft, checks[0] if checks else None)
            )

        self.services.load_draft(platform, with_previous)

    def _begin(self, platform: str, draft, previous) -> None:
        self.check.start(platform, draft, previous)
        self.go("check")
        self.check.show_position(self.check.position)  # sets focus now that the page is visible

    def change_platforms(self) -> None:
        if self.platforms is not None:
            self.stack.removeWidget(self.pages.pop("platforms"))
            self.platforms.deleteLater()
        in_use = self.overview.in_use if self.overview else []
        self.platforms = WelcomeView(self.services, first_run=False, in_use=in_use)
        self.platforms.finished.connect(
            lambda chosen: self.services.set_platforms_in_use(chosen, on_done=lambda _: self.show_dashboard())
        )
        self.platforms.cancelled.connect(self.show_dashboard)
        self._add_page("platforms", self.platforms)
        self.go("platforms")

    def _escape(self) -> None:
        page = self.current()
        if page in ("history", "report", "settings", "platforms", "public"):
            self.show_dashboard()
        elif page == "check":
            self.check.resume_later()

    def _forgotten(self, _said: list) -> None:
        self.overview = None
        self.message.say(
            self.tr("Everything was forgotten"),
            self.tr("Your record was deleted from this computer. Choose Try again to start afresh."),
            retry=True,
        )
        self.go("message")

    # -- the reminder tray ------------------------------------------------------------------------------

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def check_first_due(self) -> None:
        self.bring_to_front()
        if self.overview is None or self.current() == "check":
            return
        due = [p for p in self.overview.in_use if self.overview.statuses[p].state != "ok"]
        if due:
            self.start_check(due[0])
        else:
            self.show_dashboard()

    def due_platforms(self, now) -> list[str]:
        """Platforms due at `now`, from what the window already holds (no I/O: called by a timer)."""
        from privacy_audit.ui.services import compute_status, term_starts_for

        if self.overview is None:
            return []
        catalogue = self.services.catalogue
        terms = term_starts_for(catalogue, now.date())
        due = []
        for platform in self.overview.in_use:
            known = self.overview.statuses[platform]
            status = compute_status(
                platform,
                last_checked=known.last_checked,
                snoozed_until=known.snoozed_until,
                term_starts=terms,
                interval_days=catalogue.school.config.reminder_interval_days,
                now=now.astimezone(),
            )
            if status.due:
                due.append(platform)
        return due

    def snooze_due(self) -> None:
        if self.overview is None:
            return
        for platform in self.overview.in_use:
            if self.overview.statuses[platform].state != "ok":
                self.services.snooze(platform, 3)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.current() == "check":
            self.check.keep_for_later()
        super().closeEvent(event)


def show_when_ready(window: MainWindow, callback) -> None:
    """Call `callback` once, the first time the dashboard has been shown."""

    def once() -> None:
        window.dashboard_shown.disconnect(once)
        QTimer.singleShot(0, callback)

    window.dashboard_shown.connect(once)
