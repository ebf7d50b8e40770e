"""The main window: one stack of pages (opening, protection choice, welcome, dashboard, check, history,
report, settings, public view) and the navigation between them.

The window is shown before the catalogue is loaded and before the record is opened; both happen on the
worker thread (`start`). Only the message page and the dashboard exist at first, because they need
nothing but plain values (and the start-up imports only PySide6 and the standard library); the other
pages are built, and their modules imported, once the catalogue has been loaded."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from privacy_audit.core.due import due_now, statuses
from privacy_audit.core.overview import Overview
from privacy_audit.core.settings import TERMLY_CHECK
from privacy_audit.ui import widgets as w
from privacy_audit.ui.dashboard import DashboardView
from privacy_audit.ui.icons import app_icon
from privacy_audit.ui.services import AppServices
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


def fitted_geometry(available: QRect, wanted: QSize, margins: QMargins) -> QRect:
    """The contents' geometry for a window of at most `wanted` size whose frame (`margins`: title bar and
    borders) fits inside `available`, centred there."""
    room = available.marginsRemoved(margins)
    size = wanted.boundedTo(room.size())
    placed = QRect(0, 0, size.width(), size.height())
    placed.moveCenter(room.center())
    return placed


class MainWindow(QMainWindow):
    dashboard_shown = Signal()
    welcome_shown = Signal()  # the first run's welcome is on screen
    protection_shown = Signal()  # the record waits for a passphrase or a choice of protection
    ready = Signal()  # the catalogue is loaded and the record is open: every action works

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowIcon(app_icon())
        self.overview: Overview | None = None
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.pages: dict[str, QWidget] = {}
        self.platforms = None
        # Built once the catalogue is loaded (`_build_pages`).
        self.protection = self.welcome = self.check = self.history = None
        self.report = self.settings = self.public = self.done = None
        self._after_ready: list = []  # tray requests that came before the record was open
        self._check_saved = False  # the check screen closed after saving (not kept for later)
        self._fixing_from_done = False  # a "Fix it" started on the done page returns there
        self._placed_with_frame = False  # checked again once, after the first show, with the real frame

        self.message = MessagePage()
        self.dashboard = DashboardView(services)
        self._add_page("message", self.message)
        self._add_page("dashboard", self.dashboard)
        self.message.retry_requested.connect(self._retry)
        self.dashboard.check_requested.connect(self.start_check)
        self.dashboard.history_requested.connect(lambda: self.go("history"))
        self.dashboard.report_requested.connect(lambda: self.go("report"))
        self.dashboard.settings_requested.connect(lambda: self.go("settings"))
        self.dashboard.public_view_requested.connect(lambda: self.go("public"))
        self.dashboard.platforms_requested.connect(self.change_platforms)
        self.dashboard.fix_requested.connect(self.fix_platform)
        self.dashboard.termly_requested.connect(self.start_termly_check)
        services.changed.connect(self._record_changed)
        services.catalogue_loaded.connect(self._catalogue_loaded)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.activated.connect(self._escape)
        self._show_title()
        self.message.say(self.tr("Opening your record…"))
        self.place_on_screen()
        if services.catalogue_is_loaded:
            self._build_pages()

    def _show_title(self) -> None:
        school = self.services.school_name
        if school:
            self.setWindowTitle(self.tr("Privacy Audit — {school}").format(school=school))
        else:
            self.setWindowTitle(self.tr("Privacy Audit"))

    def _build_pages(self) -> None:
        """The pages that need the full catalogue, built (and their modules imported) once it is loaded."""
        if self.welcome is not None:
            return
        from privacy_audit.ui.check import CheckView
        from privacy_audit.ui.history import HistoryView
        from privacy_audit.ui.journey import DonePage
        from privacy_audit.ui.protection import ProtectionView
        from privacy_audit.ui.public_view import PublicView
        from privacy_audit.ui.report_view import ReportView
        from privacy_audit.ui.settings_view import SettingsView
        from privacy_audit.ui.welcome import WelcomeView

        services = self.services
        self.protection = ProtectionView()
        self.welcome = WelcomeView(services, first_run=True)
        self.check = CheckView(services)
        self.history = HistoryView(services)
        self.report = ReportView(services)
        self.settings = SettingsView(services)
        self.public = PublicView(services)
        self.done = DonePage(services)
        for name, page in (
            ("protection", self.protection),
            ("welcome", self.welcome),
            ("check", self.check),
            ("history", self.history),
            ("report", self.report),
            ("settings", self.settings),
            ("public", self.public),
            ("done", self.done),
        ):
            self._add_page(name, page)
        self.protection.chosen.connect(self._protection_chosen)
        self.welcome.finished.connect(self._first_run_finished)
        for page in (self.history, self.report, self.settings, self.public, self.done):
            page.back_requested.connect(self.show_dashboard)
        self.check.saved.connect(self._saved_a_check)
        self.check.closed.connect(self._check_closed)
        self.done.fix_requested.connect(lambda platform: self.fix_platform(platform, from_done=True))
        self.done.report_requested.connect(lambda: self.go("report"))
        self.done.statement_requested.connect(self.show_statement)
        self.settings.forgotten.connect(self._forgotten)
        services.browser_event.connect(self.check.on_browser_event)
        services.browser_event.connect(self.public.on_browser_event)

    def _catalogue_loaded(self) -> None:
        self._show_title()
        self._build_pages()
        self.dashboard.show_school()

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
        if name in ("history", "report", "settings"):
            getattr(self, name).refresh()
        elif name == "public":
            self.public.refresh(self.overview.in_use if self.overview else None)

    # -- starting: the catalogue, then the record --------------------------------------------------------

    def show_first(self, overview: Overview) -> None:
        """Phase 1: show the dashboard from an overview read from the record's clear columns (see
        `store.first_overview`), its actions disabled until `start` has opened the record."""
        self.overview = overview
        self.dashboard.show_overview(overview)
        self.show_dashboard(refresh=False)

    def start(self) -> None:
        """Phase 2: load the catalogue and open the record on the worker, then show the welcome or the
        dashboard. When `show_first` has not put the dashboard up, "Opening your record…" is shown."""
        if self.current() != "dashboard":
            self.message.say(self.tr("Opening your record…"))
            self.go("message")
        self._load_catalogue()

    def _load_catalogue(self) -> None:
        if self.services.catalogue_is_loaded:
            self._open_quietly()
            return
        self.services.load_catalogue(on_done=lambda _: self._open_quietly(), on_error=self._catalogue_failed)

    def _catalogue_failed(self, failure: Failure) -> None:
        from privacy_audit.core.log import log_failure

        log_failure("loading the checklists", failure.error)
        self.message.say(
            self.tr("Privacy Audit could not start"),
            self.tr("{problem}\nYour record has not been touched.").format(problem=str(failure)),
            retry=True,
        )
        self.go("message")

    def _retry(self) -> None:
        if self.services.catalogue_is_loaded:
            self.open_record()
        else:
            self.start()

    def _open_quietly(self) -> None:
        """Open the record without leaving the page on screen (the dashboard drawn from the snapshot)."""
        self.services.open_record(on_done=self._record_opened, on_error=self._record_failed)

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
        from privacy_audit.store.errors import (
            NeedsPassphrase,
            NeedsProtectionChoice,
            RecordError,
            WrongPassphrase,
        )

        error = failure.error
        if isinstance(error, (NeedsProtectionChoice, NeedsPassphrase, WrongPassphrase)):
            self.protection.ask(  # the error itself: its set-aside notices are shown apart from the question
                error,
                existing=not isinstance(error, NeedsProtectionChoice),
                wrong=isinstance(error, WrongPassphrase),
            )
            self.go("protection")
            self.protection.passphrase.setFocus()
            self.protection_shown.emit()
            return
        from privacy_audit.core.log import log_failure

        log_failure("opening the record", error)
        if isinstance(error, RecordError):
            from privacy_audit.ui.error_words import record_error_words

            self.message.say(
                self.tr("Your record could not be opened"), record_error_words(error), retry=True
            )
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
        self.services.save_snapshot(overview.first_run_done)
        if overview.first_run_done:
            self.dashboard.show_overview(overview)
            self.show_dashboard(refresh=False)
            self._now_ready()
        else:
            self.go("welcome")
            first = next(iter(self.welcome.boxes.values()), self.welcome.continue_button)
            first.setFocus()
            self.welcome_shown.emit()

    def _first_run_finished(self, platforms: list[str]) -> None:
        def done(_: None) -> None:
            self.services.save_snapshot(True)
            self.show_dashboard()
            self._now_ready()

        self.services.finish_first_run(platforms, on_done=done)

    def _now_ready(self) -> None:
        self.ready.emit()
        waiting, self._after_ready = self._after_ready, []
        for action in waiting:
            action()

    @property
    def is_ready(self) -> bool:
        return self.services.record_is_open and self.welcome is not None

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
        buttons = [*self.dashboard.fix_buttons.values(), *self.dashboard.check_buttons.values()]
        due = [b for b in buttons if b.objectName() == "primary"]
        if self.dashboard.termly_card.isVisibleTo(self.dashboard):
            due.insert(0, self.dashboard.termly_button)  # this term's check, when something is due
        target = (due or buttons or [self.dashboard.change_button])[0]
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _record_changed(self) -> None:
        if self.current() == "dashboard":
            self.services.overview(self.dashboard.show_overview)

    def start_check(self, platform: str) -> None:
        if not self.is_ready:  # (the dashboard's buttons are disabled until then; the tray's are not)
            self._after_ready.append(lambda: self.start_check(platform))
            return

        def with_previous(draft) -> None:
            self.services.checks(
                platform, lambda checks: self._begin(platform, draft, checks[0] if checks else None)
            )

        self.services.load_draft(platform, with_previous)

    def _begin(self, platform: str, draft, previous, only_items: list[str] | None = None) -> None:
        # `only_items` are the settings a "Fix it" opens: the check walks just those (from the first), and
        # the other answers of the last check are kept, so saving records the whole platform again.
        if only_items and draft is not None:
            draft.position = 0
        self.check.start(platform, draft, previous, only_items)
        self.go("check")
        self.check.show_position(self.check.position)  # sets focus now that the page is visible

    # -- fixing what a check left, and the termly journey ----------------------------------------------

    def fix_platform(self, platform: str, from_done: bool = False) -> None:
        """Open exactly the settings `platform`'s last check left to fix: the check starts at the first of them,
        with every other answer of that check kept (so saving it records the whole platform again)."""
        if not self.is_ready:
            self._after_ready.append(lambda: self.fix_platform(platform, from_done))
            return
        self._fixing_from_done = from_done

        def with_draft(draft) -> None:
            def with_checks(checks) -> None:
                previous = checks[0] if checks else None
                unresolved = [a.item_id for a in previous.needs_attention] if previous is not None else []
                if draft is not None or not unresolved:  # a check in progress is continued, never replaced
                    self._begin(platform, draft, previous)
                    return
                self._begin(platform, self._fix_draft(platform, previous, unresolved), previous, unresolved)

            self.services.checks(platform, with_checks)

        self.services.load_draft(platform, with_draft)

    def _fix_draft(self, platform: str, previous, unresolved: list[str]):
        """A draft holding the last check's answers except the ones still to fix, placed at the first of those."""
        from privacy_audit.core.audit import Draft, checklist_version
        from privacy_audit.core.clock import utc_now

        checklist = self.services.checklist(platform)
        kept = {a.item_id: a for a in previous.answers if a.item_id not in unresolved}
        ids = list(checklist.item_ids)
        first = min((ids.index(i) for i in unresolved if i in ids), default=0)
        return Draft(
            platform=platform,
            checklist_version=checklist_version(checklist.schema_version, checklist.last_reviewed),
            started=utc_now(),
            answers=kept,
            position=first,
        )

    def start_termly_check(self) -> None:
        """Walk every due platform in turn. The list is kept in the record (settings.TERMLY_CHECK) so the
        journey continues after a restart; the next platform is always the first of it still due."""
        if not self.is_ready:
            self._after_ready.append(self.start_termly_check)
            return

        def with_overview(overview: Overview) -> None:
            self.overview = overview
            kept = (overview.termly or {}).get("platforms") or []
            platforms = [p for p in kept if p in overview.in_use]
            platforms += [p for p in overview.due if p not in platforms]
            today = self.services.clock().astimezone().date().isoformat()
            started = (overview.termly or {}).get("started") or today
            self.services.set_setting(TERMLY_CHECK, {"started": started, "platforms": platforms})
            self._termly_next(overview)

        self.services.overview(with_overview)

    @property
    def termly_running(self) -> bool:
        return bool(self.services.settings.get(TERMLY_CHECK))

    def _termly_next(self, overview: Overview | None = None) -> None:
        if overview is None:
            self.services.overview(self._termly_next)
            return
        self.overview = overview
        journey = (self.services.settings.get(TERMLY_CHECK) or {}).get("platforms") or []
        waiting = [p for p in journey if p in overview.in_use and p in overview.due]
        if waiting:
            self.start_check(waiting[0])
            return
        self.services.set_setting(TERMLY_CHECK, None)  # walked to the end: the journey is over
        self.show_done(overview)

    def show_done(self, overview: Overview | None = None) -> None:
        """The end of the termly check ("You're done for this term" only when nothing is left to fix)."""
        if overview is None:
            self.services.overview(self.show_done)
            return
        self.overview = overview
        self.go("done")
        self.done.show_overview(overview)

    def show_statement(self) -> None:
        self.go("report")
        self.report.show_statement()

    def _saved_a_check(self, _result) -> None:
        self._check_saved = True

    def _check_closed(self) -> None:
        saved, self._check_saved = self._check_saved, False
        from_done, self._fixing_from_done = self._fixing_from_done, False
        if saved and self.termly_running:
            self._termly_next()
        elif saved and from_done:
            self.show_done()
        else:
            self.show_dashboard()

    # -- the window on the screen -----------------------------------------------------------------------

    def _window_settings(self) -> QSettings | None:
        """Where the window's size and place are kept: a small file in the app's own config folder (so a run
        with --home keeps it there too); None in demo mode, whose window is sized for the presenter."""
        if self.services.demo:
            return None
        return QSettings(str(self.services.dirs.config / "window.ini"), QSettings.Format.IniFormat)

    def place_on_screen(self) -> None:
        """Size the window to fit the screen's available area (taskbar and dock excluded), title bar and
        borders included: the size and place it had last time when that still fits, else 980×760 or the
        available area, whichever is smaller."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(980, 760)
            return
        available = screen.availableGeometry()
        saved = None
        stored = self._window_settings()
        if stored is not None:
            value = stored.value("geometry")
            if isinstance(value, QRect) and value.isValid():
                saved = value
        if saved is not None and available.contains(saved):  # where the window system had put it last time
            self.setGeometry(saved)
            return
        self.setGeometry(fitted_geometry(available, QSize(980, 760), self._frame_margins()))

    def _frame_margins(self) -> QMargins:
        """The title bar and borders around the window's contents: the real ones once the window system has
        framed the window; before that (a window is placed before it is shown) an estimate, so that a window
        sized to the available area does not end a title bar's height below it, under the taskbar."""
        handle = self.windowHandle()
        if handle is not None and not handle.frameMargins().isNull():
            return handle.frameMargins()
        # About a title bar's height: 31 px on Windows 10 and 11, 37 on GNOME; twice the text's height when
        # the text is larger. (Asking the style for PM_TitleBarHeight would cost start-up time for an answer
        # about Qt's own MDI title bars, not the window system's.)
        title = max(36, 2 * self.fontMetrics().height())
        return QMargins(1, title, 1, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed_with_frame:
            self._placed_with_frame = True
            # The real frame is known only once the window system has decorated the window.
            QTimer.singleShot(0, self._keep_frame_on_screen)

    def _keep_frame_on_screen(self) -> None:
        screen = self.screen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        available = screen.availableGeometry()
        margins = self._frame_margins()
        if not available.contains(self.geometry().marginsAdded(margins)):
            self.setGeometry(fitted_geometry(available, self.size(), margins))

    def remember_place(self) -> None:
        stored = self._window_settings()
        if stored is None or self.isMaximized() or self.isFullScreen():
            return
        try:
            self.services.dirs.config.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # the place is a convenience: never a reason to fail closing
        stored.setValue("geometry", self.geometry())
        stored.sync()

    def change_platforms(self) -> None:
        from privacy_audit.ui.welcome import WelcomeView

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
        if page in ("history", "report", "settings", "platforms", "public", "done"):
            self.show_dashboard()
        elif page == "check":
            self.check.resume_later()

    def _forgotten(self, said: list) -> None:
        self.overview = None
        self.message.say(
            self.tr("Everything was forgotten"),
            "\n".join(
                [
                    self.tr("Your record was deleted from this computer. Choose Try again to start afresh."),
                    *[str(line) for line in said],
                ]
            ),
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
        if not self.is_ready:
            self._after_ready.append(self.check_first_due)
            return
        if self.overview is None or self.current() == "check":
            return
        due = self.overview.due
        if due:
            self.start_check(due[0])
        else:
            self.show_dashboard()

    def due_platforms(self, now) -> list[str]:
        """Platforms due at `now`, from what the window already holds (no I/O: called by a timer)."""
        snapshot, overview = self.services.snapshot, self.overview
        if overview is None or snapshot is None:
            return []
        known = overview.statuses
        found = statuses(
            overview.in_use,
            last_checked={p: s.last_checked for p, s in known.items() if s.last_checked is not None},
            snoozes={p: s.snoozed_until for p, s in known.items() if s.snoozed_until is not None},
            configured_terms=snapshot.term_starts,
            interval_days=snapshot.interval_days,
            now=now.astimezone(),
        )
        return due_now(found)

    def snooze_due(self) -> None:
        if not self.is_ready:
            self._after_ready.append(self.snooze_due)
            return
        if self.overview is None:
            return
        for platform in self.overview.in_use:
            if platform in self.overview.due:
                self.services.snooze(platform, 3)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.current() == "check" and self.check is not None:
            self.check.keep_for_later()
        self.remember_place()
        super().closeEvent(event)


def show_when_ready(window: MainWindow, callback, signals: tuple[str, ...] = ("dashboard_shown",)) -> None:
    """Call `callback(signal_name)` once, the first time one of `signals` of `window` is emitted (by then
    the page is on screen; the callback runs from the event loop, after the page has been painted)."""
    connected: list[tuple[object, object]] = []

    def make(name: str):
        def once() -> None:
            for signal, slot in connected:
                signal.disconnect(slot)
            connected.clear()
            QTimer.singleShot(0, lambda: callback(name))

        return once

    for name in signals:
        signal = getattr(window, name)
        slot = make(name)
        signal.connect(slot)
        connected.append((signal, slot))
