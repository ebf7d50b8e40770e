"""What the widgets may use: the catalogue, the record (through the worker thread) and the guided browser.

Widgets get one `AppServices` passed in; they never open SQLite, the keyring or Playwright themselves.
The record is opened on the worker thread and is only ever touched there (SQLite connections belong to
the thread that opened them); every record method here is asynchronous and answers through callbacks
that run in the GUI thread.

Start-up comes in two phases (see `privacy_audit.app`). Phase 1 needs only the standard library and
PySide6: `store.first_overview` reads the record's clear columns and the dashboard snapshot (before PySide6
is imported), and `services.snapshot` gives the dashboard its plain values. Phase 2, on the worker, loads
the full catalogue (`load_catalogue`, pydantic) and opens the record (`open_record`, keyring and
cryptography). So this module imports the pydantic models only where they are used.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable
from functools import partialmethod
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from privacy_audit.core.clock import utc_now
from privacy_audit.core.due import statuses
from privacy_audit.core.overview import Overview
from privacy_audit.core.paths import AppDirs
from privacy_audit.core.platforms import ALWAYS_IN_USE, in_use_platforms
from privacy_audit.core.settings import (
    ALL as ALL_SETTINGS,
)
from privacy_audit.core.settings import (
    BROWSER_CHOICE,
    BROWSER_CHOICES,
    BROWSER_PATH,
    CONTRAST,
    FIRST_RUN_DONE,
    KEEP_SIGN_INS,
    START_AT_LOGIN,
    TERMLY_CHECK,
    TEXT_SIZE,
    URL_PARAMETERS,
)
from privacy_audit.core.snapshot import SNAPSHOT_NAME, DashboardSnapshot
from privacy_audit.report.contents import latest_checks
from privacy_audit.ui.icons import use_platform_colours
from privacy_audit.ui.worker import Failure, Worker

if TYPE_CHECKING:
    from privacy_audit.core.audit import CheckResult, Draft
    from privacy_audit.core.catalogue import Catalogue
    from privacy_audit.core.checklist import Checklist
    from privacy_audit.core.school import SchoolConfig

Done = Callable[[Any], None] | None
Error = Callable[[Failure], None] | None
# Wraps the guided browser's bridge (demo mode points it at practice pages); given by `privacy_audit.app`.
BridgeWrapper = Callable[[Any], Any]

__all__ = [
    "BROWSER_CHOICE",
    "BROWSER_CHOICES",
    "BROWSER_PATH",
    "CONTRAST",
    "FIRST_RUN_DONE",
    "KEEP_SIGN_INS",
    "START_AT_LOGIN",
    "TEXT_SIZE",
    "URL_PARAMETERS",
    "AppServices",
]


def _phone_only(checklists: Iterable[Checklist]) -> frozenset[str]:
    """Platforms whose settings are only in their phone app: no item has a settings page on the web. (The
    general checklist has no pages either, but it is about every account, not an app.)"""
    return frozenset(
        c.platform
        for c in checklists
        if c.platform != ALWAYS_IN_USE and all(item.where.url is None for item in c.items)
    )


class AppServices(QObject):
    """The app's access to its data. Create it in the GUI thread; call `shutdown()` before quitting.

    Give it a `catalogue`, or only a `snapshot` and call `load_catalogue()`; until the catalogue is loaded
    only `snapshot`, `platform_name`, `clock` and the signals may be used.
    """

    catalogue_loaded = Signal()
    record_opened = Signal()
    changed = Signal()  # the record changed: views showing it should refresh
    browser_event = Signal(object)  # a BrowserEvent from the guided browser, in the GUI thread

    def __init__(
        self,
        dirs: AppDirs,
        catalogue: Catalogue | None = None,
        worker: Worker | None = None,
        *,
        snapshot: DashboardSnapshot | None = None,
        school_config: Any = None,
        demo: bool = False,
        clock: Callable[[], dt.datetime] = utc_now,
        os_integration: bool = False,
        wrap_bridge: BridgeWrapper | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.dirs = dirs
        self.school_config = school_config  # --school-config, if given
        self.catalogue: Catalogue | None = None
        self.snapshot: DashboardSnapshot | None = snapshot
        self._snapshot_key: dict[str, Any] = {}
        self.worker = worker or Worker(self)
        self.demo = demo
        # Whether settings such as "reminders at login" touch the real desktop (off in tests and demo mode).
        self.os_integration = os_integration and not demo
        self.clock = clock
        self.protection: Any = None  # store.ProtectionInfo once the record is open
        self.notices: list[str] = []
        self.settings: dict[str, Any] = {}
        self._record: Any = None  # touched on the worker thread only
        self._bridge: Any = None
        # Demo mode's practice-page server (privacy_audit.demo.server.PracticeServer): the guided browser
        # opens its pages on 127.0.0.1 instead of the platforms' own sites.
        self.practice: Any = None
        self._wrap_bridge = wrap_bridge
        if snapshot is not None:
            use_platform_colours(snapshot.platform_colours)
        if catalogue is not None:
            self._set_catalogue(catalogue, {})

    # -- catalogue (in memory, fast) -------------------------------------------------------------------

    @property
    def catalogue_is_loaded(self) -> bool:
        return self.catalogue is not None

    def load_catalogue(self, on_done: Done = None, on_error: Error = None) -> None:
        """Phase 2: load the checklists and the school config on the worker (pydantic, the JSON cache)."""
        dirs, school_config = self.dirs, self.school_config

        def job() -> tuple[Catalogue, dict[str, Any]]:
            from privacy_audit.core.catalogue import load_catalogue_with_cache
            from privacy_audit.core.snapshot import snapshot_key

            key = snapshot_key(school_config)  # before reading: an edit meanwhile makes the snapshot stale
            return load_catalogue_with_cache(dirs, school_config), key

        def loaded(value: tuple[Catalogue, dict[str, Any]]) -> None:
            self._set_catalogue(*value)
            self.catalogue_loaded.emit()
            if on_done is not None:
                on_done(self.catalogue)

        self.worker.submit(job, loaded, on_error)

    def _set_catalogue(self, catalogue: Catalogue, key: dict[str, Any]) -> None:
        from privacy_audit.core.snapshot import from_catalogue

        self.catalogue = catalogue
        self._snapshot_key = key
        previous = self.snapshot
        fresh = from_catalogue(catalogue, key)
        if previous is not None:  # keep what the record said until it is opened again
            fresh = fresh.with_record(
                first_run_done=previous.first_run_done, protection_mode=previous.protection_mode
            )
        self.snapshot = fresh
        use_platform_colours(fresh.platform_colours)

    def save_snapshot(self, first_run_done: bool) -> None:
        """Keep the dashboard snapshot for the next start (on the worker; only when it changed).

        Only for a catalogue loaded by `load_catalogue` (whose key is known), and never in demo mode."""
        if self.snapshot is None or not self._snapshot_key or self.demo:
            return
        mode = getattr(self.protection, "mode", "")
        snapshot = self.snapshot.with_record(first_run_done=first_run_done, protection_mode=mode)
        self.snapshot = snapshot
        path = self.dirs.state / SNAPSHOT_NAME

        def job() -> None:
            from privacy_audit.core.snapshot import read_snapshot, write_snapshot

            if read_snapshot(path, snapshot.key) != snapshot:
                write_snapshot(path, snapshot)

        self.worker.submit(job)

    @property
    def loaded(self) -> Catalogue:
        """The catalogue; only after `load_catalogue` has finished (or one was given)."""
        if self.catalogue is None:
            raise RuntimeError("The checklists are not loaded yet.")
        return self.catalogue

    @property
    def school(self) -> SchoolConfig:
        return self.loaded.school.config

    @property
    def school_name(self) -> str:
        return self.snapshot.school_name if self.snapshot is not None else ""

    def offered(self) -> list[Checklist]:
        return self.loaded.offered()

    def checklist(self, platform: str) -> Checklist:
        return self.loaded.get(platform)

    def platform_name(self, platform: str) -> str:
        if self.snapshot is not None:
            return self.snapshot.platform_names.get(platform, platform)
        return platform

    @property
    def record_is_open(self) -> bool:
        return self.protection is not None

    # -- the record ------------------------------------------------------------------------------------

    def open_record(
        self,
        *,
        passphrase: str | None = None,
        accept_unencrypted: bool = False,
        on_done: Done = None,
        on_error: Error = None,
    ) -> None:
        dirs, catalogue = self.dirs, self.loaded
        names = self.snapshot.platform_names if self.snapshot is not None else {}  # made with the catalogue
        # A demo record holds nothing private, and demo mode never uses the keyring.
        accept_unencrypted = accept_unencrypted or self.demo

        def job() -> tuple[Any, list[str], dict[str, Any]]:
            from privacy_audit.store import open_record
            from privacy_audit.store.reminder_inputs import cache_schedule_of

            dirs.ensure()
            record = open_record(dirs, passphrase=passphrase, accept_unencrypted=accept_unencrypted)
            self._record = record
            cache_schedule_of(dirs, catalogue.school.config)
            also: list[str] = []  # the app's own words, after the record's
            if not catalogue.school.config.allow_keeping_sign_ins and dirs.browser_profile.exists():
                # The school no longer allows kept sign-ins: a profile kept earlier must not stay on disk.
                from privacy_audit.browser import forget_sign_ins

                try:
                    forget_sign_ins(dirs.browser_profile)
                except (OSError, ValueError) as exc:  # never a reason not to open the record
                    from PySide6.QtCore import QCoreApplication

                    if isinstance(exc, ValueError):  # housekeeping leaves a folder alone that is not its own
                        words = QCoreApplication.translate(
                            "AppServices",
                            "{folder} was not deleted: it does not look like the guided browser's own folder. "
                            "Your school no longer allows keeping sign-ins; if it holds some, delete it yourself, "
                            "or ask IT to.",
                        )
                    else:
                        words = QCoreApplication.translate(
                            "AppServices",
                            "The sign-ins the guided browser kept could not be deleted ({reason}). Your school no "
                            "longer allows keeping them: delete the folder {folder} yourself, or ask IT to.",
                        )
                    reason = getattr(exc, "strerror", None) or type(exc).__name__
                    also.append(words.format(reason=reason, folder=dirs.browser_profile))
            settings = {key: record.get_setting(key) for key in ALL_SETTINGS}
            from privacy_audit.ui.error_words import set_aside_notices_words

            # The records set aside first, then an upgrade or entries that cannot be read: the screens say
            # each in their own words.
            told = set_aside_notices_words(record.set_aside) + self._told_words(record, names) + also
            return record.protection, told, settings

        def opened(value: tuple[Any, list[str], dict[str, Any]]) -> None:
            self.protection, self.notices, self.settings = value
            self.record_opened.emit()
            if on_done is not None:
                on_done(value[0])

        self.worker.submit(job, opened, on_error)

    def _call(
        self, method: str, *args: Any, on_done: Done = None, on_error: Error = None, changes: bool = False
    ) -> None:
        def job() -> Any:
            if self._record is None:
                raise RuntimeError("The record is not open yet.")
            return getattr(self._record, method)(*args)

        def done(value: Any) -> None:
            if changes:
                self.changed.emit()
            if on_done is not None:
                on_done(value)

        self.worker.submit(job, done, on_error)

    @staticmethod
    def _told_words(record: Any, names: dict[str, str]) -> list[str]:
        """What the record tells besides records set aside (an upgrade, entries found unreadable so far), in
        the screens' words with each platform's name (`names`, from the snapshot, taken on the GUI thread).
        Runs on the worker, which alone touches the record."""
        from privacy_audit.ui.error_words import record_notice_words

        return [record_notice_words(n, names.get(n.platform, n.platform)) for n in record.told]

    def overview(self, on_done: Callable[[Overview], None], on_error: Error = None) -> None:
        catalogue, clock, snapshot = self.loaded, self.clock, self.snapshot
        assert snapshot is not None  # made from the catalogue when it was loaded

        def job() -> tuple[Overview, list[str]]:
            from privacy_audit.core.due import unresolved_counts
            from privacy_audit.core.effort import minutes_for
            from privacy_audit.core.provenance import checked_live

            record = self._record
            in_use = in_use_platforms(record.platforms_in_use(), catalogue.checklists)
            drafts = frozenset(p for p in in_use if record.load_draft(p) is not None)
            latest = latest_checks(record, in_use)
            to_fix, not_possible = unresolved_counts(latest.values())
            now = clock().astimezone()  # due dates count the person's own calendar days
            lists = [catalogue.checklists[p] for p in in_use]
            live = sum(checked_live(c.items, now.date(), c.platform) for c in lists)
            overview = Overview(
                in_use=in_use,
                statuses=statuses(
                    in_use,
                    last_checked=record.last_checked(),
                    snoozes=record.snoozes(),
                    configured_terms=snapshot.term_starts,
                    interval_days=snapshot.interval_days,
                    now=now,
                    drafts=drafts,
                    to_fix=to_fix,
                    not_possible=not_possible,
                ),
                first_run_done=bool(record.get_setting(FIRST_RUN_DONE, False)),
                acceptance=record.acceptance(),
                unresolved={
                    p: tuple(a.item_id for a in check.needs_attention) for p, check in latest.items()
                },
                # Which guidance the catalogue was loaded from (a pack refused, or in use), said once.
                guidance_notice=catalogue.guidance.notice if catalogue.guidance is not None else None,
                live_checked=(live, sum(len(c.items) for c in lists)),
                termly=record.get_setting(TERMLY_CHECK),
                item_counts={c.platform: len(c.items) for c in lists},
                item_minutes={c.platform: minutes_for(c.items) for c in lists},
                phone_only=_phone_only(lists),
            )
            # Reading the latest checks may have found entries that cannot be read: tell them too.
            return overview, self._told_words(record, snapshot.platform_names)

        def done(value: tuple[Overview, list[str]]) -> None:
            overview, told = value
            self.notices.extend(words for words in told if words not in self.notices)
            on_done(overview)

        self.worker.submit(job, done, on_error)

    def finish_first_run(
        self, platforms: Iterable[str], on_done: Done = None, on_error: Error = None
    ) -> None:
        chosen = list(platforms)
        start_at_login = bool(self.school.start_at_login) and not self.demo
        integrate = self.os_integration

        def job() -> None:
            self._record.set_platforms_in_use(chosen)
            self._record.set_setting(FIRST_RUN_DONE, True)
            if self._record.get_setting(START_AT_LOGIN) is None:
                self._record.set_setting(START_AT_LOGIN, start_at_login)
                if integrate:
                    _apply_start_at_login(start_at_login, self.dirs)

        def done(_: None) -> None:
            self.settings[FIRST_RUN_DONE] = True
            self.settings.setdefault(START_AT_LOGIN, start_at_login)
            self.changed.emit()
            if on_done is not None:
                on_done(None)

        self.worker.submit(job, done, on_error)

    def set_platforms_in_use(
        self, platforms: Iterable[str], on_done: Done = None, on_error: Error = None
    ) -> None:
        self._call("set_platforms_in_use", list(platforms), on_done=on_done, on_error=on_error, changes=True)

    def save_check(self, result: CheckResult, on_done: Done = None, on_error: Error = None) -> None:
        def job() -> CheckResult:
            saved = self._record.save_check(result)
            self._record.discard_draft(result.platform)
            return saved

        def done(saved: CheckResult) -> None:
            self.changed.emit()
            if on_done is not None:
                on_done(saved)

        self.worker.submit(job, done, on_error)

    def checks(self, platform: str | None, on_done: Done, on_error: Error = None) -> None:
        self._call("checks", platform, on_done=on_done, on_error=on_error)

    def save_draft(self, draft: Draft, on_done: Done = None, on_error: Error = None) -> None:
        self._call("save_draft", draft, on_done=on_done, on_error=on_error, changes=True)

    def load_draft(self, platform: str, on_done: Done, on_error: Error = None) -> None:
        self._call("load_draft", platform, on_done=on_done, on_error=on_error)

    def discard_draft(self, platform: str, on_done: Done = None, on_error: Error = None) -> None:
        self._call("discard_draft", platform, on_done=on_done, on_error=on_error, changes=True)

    def snooze(self, platform: str, days: int = 3, on_done: Done = None, on_error: Error = None) -> None:
        self._call(
            "snooze",
            platform,
            self.clock() + dt.timedelta(days=days),
            on_done=on_done,
            on_error=on_error,
            changes=True,
        )

    def set_setting(self, key: str, value: Any, on_done: Done = None, on_error: Error = None) -> None:
        self.settings[key] = value
        integrate = self.os_integration
        browser_setting = key in (BROWSER_CHOICE, BROWSER_PATH, KEEP_SIGN_INS)
        if browser_setting and self._bridge is not None:
            self._bridge.reconfigure(**_bridge_options(self))

        def job() -> None:
            self._record.set_setting(key, value)
            if key == START_AT_LOGIN and integrate:
                _apply_start_at_login(bool(value), self.dirs)

        self.worker.submit(job, on_done, on_error)

    def _before_writing(
        self, path: Path, create_folder: bool, name: str = "", on: dt.date | None = None
    ) -> None:
        """On the worker, before a PDF is written: make its (default) folder when asked, and keep a name given
        as the name the statement was last signed with."""
        if create_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
        if name.strip() and on is not None:
            self._record.set_acceptance(name.strip(), on)

    def _draw(
        self,
        writer: str,
        path: Path,
        arguments: Callable[[], dict[str, Any]],
        on_done: Done,
        on_error: Error,
        *,
        create_folder: bool,
        name: str = "",
        on: dt.date | None = None,
    ) -> None:
        """Write a PDF off the GUI thread: on the worker, `_before_writing` and `arguments()` (which may read
        the record), then the drawing itself in a child process (`report.child`), which the worker waits for.
        The worker never lays out text with Qt: in PySide that can deadlock against the GUI thread."""
        from privacy_audit.report.child import app_translations, draw_in_child

        translations = app_translations()  # read here, on the GUI thread: the child uses the same words

        def job() -> Any:
            self._before_writing(path, create_folder, name, on)
            return draw_in_child(writer, path, arguments(), translations=translations)

        self.worker.submit(job, on_done, on_error)

    def export_signed(
        self,
        document: str,
        path: Path,
        name: str,
        on: dt.date,
        on_done: Done = None,
        on_error: Error = None,
        *,
        create_folder: bool = False,
    ) -> None:
        """Write one of the two PDFs that carry the person's name and the date, off the GUI thread; a name
        given is kept as the name the statement was last signed with. `create_folder` makes the (default)
        folder when it is missing.

        - "report": the settings report (PDF, and accessible HTML beside it); `on_done` gets the files written.
        - "statement": the one-page Statement of Acceptance, only when the school supplied its wording;
          `on_done` gets its path."""
        catalogue, snapshot, clock, config = self.loaded, self.snapshot, self.clock, self.school

        def report() -> dict[str, Any]:
            from privacy_audit.report.contents import report_arguments

            return report_arguments(
                self._record,
                catalogue,
                configured_terms=list(snapshot.term_starts) if snapshot is not None else [],
                interval_days=snapshot.interval_days if snapshot is not None else None,
                now=clock().astimezone(),
                person=name,
            )

        def statement() -> dict[str, Any]:
            return {
                "wording": config.statement_of_acceptance or "",
                "school_name": config.school_name,
                "name": name,
                "on": on,
                "contact": config.contact.describe(),
            }

        arguments = {"report": report, "statement": statement}[document]
        self._draw(
            document, path, arguments, on_done, on_error, create_folder=create_folder, name=name, on=on
        )

    export_report = partialmethod(export_signed, "report")
    export_statement = partialmethod(export_signed, "statement")

    def export_guide(
        self, path: Path, on_done: Done = None, on_error: Error = None, *, create_folder: bool = False
    ) -> None:
        """Write the printable pocket guide (report/guide.py) off the GUI thread: the person's platforms and
        phone, or in the demo every platform (a trainer's set for the room). `on_done` gets the page count."""
        catalogue = self.loaded

        def arguments() -> dict[str, Any]:
            platforms, phone = self.guide_scope()
            return {"catalogue": catalogue, "platforms": platforms, "phone": phone}

        self._draw("guide", path, arguments, on_done, on_error, create_folder=create_folder)

    def guide_scope(self) -> tuple[list[str] | None, str | None]:
        """Whose pocket guide: the person's platforms and phone (None: every platform, both phones). In the
        demo it is every platform, a trainer's set for the room, and the record is not read."""
        from privacy_audit.core.settings import PHONE, PHONES

        if self.demo:
            return None, None
        chosen = self._record.get_setting(PHONE)
        return self._record.platforms_in_use(), chosen if chosen in PHONES else None

    def close_record(self, on_done: Done = None, on_error: Error = None) -> None:
        """Close the record (on the worker thread); `open_record` opens it again. Used by Reset demo."""

        def job() -> None:
            if self._record is not None:
                self._record.close()
                self._record = None

        def done(_: None) -> None:
            self.protection = None
            self.settings = {}
            if on_done is not None:
                on_done(None)

        self.worker.submit(job, done, on_error)

    def forget_everything(self, on_done: Done = None, on_error: Error = None) -> None:
        """Delete the record and the app's files, and the login entry (reminders at login), off the GUI
        thread; `on_done` gets what was done, one sentence each."""
        dirs = self.dirs
        integrate = self.os_integration
        bridge = self._bridge
        self._bridge = None

        def job() -> list[str]:
            from privacy_audit.store import forget_everything

            if bridge is not None:  # closing the browser may take a moment: not on the GUI thread
                bridge.shutdown()
            from privacy_audit.core.snapshot import remove_snapshot

            if self._record is not None:
                self._record.close()
                self._record = None
            remove_snapshot(dirs.state / SNAPSHOT_NAME)  # the next start must not show the old dashboard
            said = forget_everything(dirs)
            if integrate or dirs.home is not None:  # tests and the demo never touch the real desktop
                from privacy_audit.desktop.autostart import remove_login_entry

                said.append(remove_login_entry(dirs.home))
            return said

        def done(said: list[str]) -> None:
            self.protection = None
            self.settings = {}
            if on_done is not None:
                on_done(said)

        self.worker.submit(job, done, on_error)

    # -- the guided browser ----------------------------------------------------------------------------

    def browser(self) -> Any:
        """The guided browser bridge, or None when the person chose their usual browser instead."""
        if self.settings.get(BROWSER_CHOICE) == "default" and self.practice is None:
            return None  # (in demo mode the bridge opens the practice page in the usual browser instead)
        if self._bridge is None:
            from privacy_audit.ui.browser_bridge import BrowserBridge

            bridge = BrowserBridge(parent=self, **_bridge_options(self))
            self._bridge = self._wrap_bridge(bridge) if self._wrap_bridge is not None else bridge
            self._bridge.event.connect(self.browser_event)
        return self._bridge

    def close_browser_window(self) -> None:
        """Close the guided browser's window, if one is open (never starts the browser)."""
        if self._bridge is not None and self._bridge.started:
            self._bridge.close_window()

    def public_profile_url(self, platform: str, values: dict[str, str]) -> str | None:
        """The address of the person's public profile on `platform` (the practice one in demo mode), or
        None when the platform has none. Raises ValueError when a typed value (a user name) is not valid."""
        from privacy_audit.core.checklist import fill_url

        checklist = self.loaded.get(platform)
        if not checklist.public_profile:
            return None
        url = fill_url(checklist.public_profile, values)
        if self.practice is not None:
            return self.practice.profile_url(platform)
        return url

    def forget_sign_ins(self, on_done: Done = None, on_error: Error = None) -> None:
        """Close the guided browser, then delete its kept profile (sign-ins), off the GUI thread."""
        profile = self.dirs.browser_profile
        bridge = self._bridge
        self._bridge = None  # the next guided page starts a fresh browser with the current settings

        def job() -> None:
            from privacy_audit.browser import forget_sign_ins

            if bridge is not None:  # a browser still using the profile would keep or rewrite its files
                bridge.shutdown()
            forget_sign_ins(profile)

        self.worker.submit(job, on_done, on_error)

    def shutdown(self) -> None:
        """Close the browser and the record, and stop the worker thread (waits for queued saves)."""
        if "privacy_audit.report.child" in sys.modules:  # a PDF being drawn is not worth waiting for
            sys.modules["privacy_audit.report.child"].stop_drawing()
        if self._bridge is not None:
            self._bridge.shutdown()
            self._bridge = None

        def close() -> None:
            if self._record is not None:
                self._record.close()
                self._record = None

        self.worker.stop(close)


def _bridge_options(services: AppServices) -> dict[str, Any]:
    settings = services.settings
    choice = settings.get(BROWSER_CHOICE) or "auto"
    keep = bool(settings.get(KEEP_SIGN_INS)) and bool(services.school.allow_keeping_sign_ins)
    return {
        # "default" reaches the bridge only in demo mode, to open practice pages in the usual browser.
        "choice": "auto" if choice == "default" and services.practice is None else choice,
        "executable_path": settings.get(BROWSER_PATH) or None,
        "profile_dir": services.dirs.browser_profile if keep else None,
        "allow_localhost": services.demo,  # demo mode's practice pages are served on 127.0.0.1
    }


def _apply_start_at_login(enabled: bool, dirs: AppDirs) -> None:
    from privacy_audit.desktop.autostart import set_start_at_login

    # The login entry must read this record: pass the home folder when the app runs with --home.
    set_start_at_login(enabled, home=dirs.home)
