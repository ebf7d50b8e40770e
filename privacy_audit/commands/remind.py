"""`privacy-audit remind`: if a platform is due for its termly check, show a desktop reminder; else exit at once.

It runs at every login (see `privacy_audit.desktop.autostart`), so the "nothing due" path is kept tiny: it
reads the record's clear-text dates with the standard library (`store.reminder_inputs`), applies the due
rules (`core.due`) and exits, importing neither PySide6, Playwright, keyring, pydantic nor cryptography
(tests/unit/test_remind_imports.py checks this with `python -X importtime`).

When something is due, and no reminder was shown yet today (a small state file in AppDirs.state):
- Linux: a notification through org.freedesktop.Notifications ("Your termly privacy check is due: Facebook,
  Instagram") with "Open Privacy Audit" (also a click on the notification) and "Snooze 3 days";
- a desktop without a notification service, and Windows and macOS: a small window with the same choices.
Opening starts the app, which shows its dashboard. Snoozing postpones every due platform by three days, in
the record when it can be opened without asking for anything, and in the reminder's state file always.
The text is also printed, for anyone who runs the command in a terminal.

Exit status: 0 when nothing is due or a reminder was shown; 1 when something is due but could not be shown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from privacy_audit.commands._options import (
    seconds,  # the one rule for a number of seconds on the command line
)

NAME = "remind"
HELP = "if a platform is due for its termly check, show a desktop reminder; if nothing is, exit at once"

DEFAULT_WAIT_SECONDS = 8 * 3600  # a notification left for later still works within a working day


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help="show the reminder even if one was shown today")
    parser.add_argument(
        "--show-with",
        choices=("auto", "notification", "window"),
        default="auto",
        help="how to show it: a desktop notification where there is a service for them (auto), or a small window",
    )
    parser.add_argument(
        "--wait",
        type=seconds,
        default=DEFAULT_WAIT_SECONDS,
        metavar="SECONDS",
        help="how long to wait for a click before leaving the reminder (default: 8 hours)",
    )


def run(args: argparse.Namespace) -> int:
    from privacy_audit.core.paths import app_dirs
    from privacy_audit.desktop.reminders import ReminderState, reminder_text, reminder_title
    from privacy_audit.store.reminder_inputs import read_reminder_inputs

    dirs = app_dirs(args.home)
    now = dt.datetime.now().astimezone()  # local time: "since term began" is the person's calendar day
    inputs = read_reminder_inputs(dirs.record_file)
    if inputs is None:
        if dirs.record_file.exists():
            print("Nothing to show: the record could not be read just now; open Privacy Audit to see why.")
        else:
            print("Nothing is due: Privacy Audit has not been set up yet.")
        return 0
    state = ReminderState(dirs.state)
    snoozed_until = state.snoozed_until()
    if snoozed_until is not None and snoozed_until > now and not args.force:
        print(f"Nothing to show: reminders are snoozed until {snoozed_until.astimezone():%A %d %B %H:%M}.")
        return 0
    due = [status.platform for status in inputs.statuses(now) if status.due]
    if not due:
        print("Nothing is due: every platform you use has been checked this term.")
        return 0
    from privacy_audit.core.cache import CACHE_NAME, cached_platform_names
    from privacy_audit.core.text import visible

    # The names as the checklists give them, from the catalogue cache the app and the commands keep; a
    # platform id from an edited record is shown with its control characters written out, never raw.
    text = visible(reminder_text(due, cached_platform_names(dirs.state / CACHE_NAME)), keep_newlines=False)
    print(text)
    today = now.date()
    if state.shown_today(today) and not args.force:
        print("A reminder was already shown today.")
        return 0

    choice = _show(reminder_title(), text, args, on_shown=lambda: state.mark_shown(today))
    if choice is None:
        return 1
    if choice in ("default", "open"):
        _open_app(args)
    elif choice == "snooze":
        _snooze(dirs, due, now, state)
    return 0


def _show(title: str, text: str, args: argparse.Namespace, *, on_shown) -> str | None:
    """Show the reminder the best way this desktop allows; the action chosen ("" for none), None if it failed."""
    if sys.platform.startswith("linux") and args.show_with in ("auto", "notification"):
        from privacy_audit.desktop.notify_dbus import DesktopNotifier, NoNotificationService

        try:
            notifier = DesktopNotifier()
        except NoNotificationService as exc:
            if args.show_with == "notification":
                print(f"Could not show a notification: {exc}.", file=sys.stderr)
                return None
        else:
            try:
                actions = [
                    ("default", "Open Privacy Audit"),
                    ("open", "Open Privacy Audit"),
                    ("snooze", "Snooze 3 days"),
                ]
                on_shown()
                outcome = notifier.show_and_wait(title, text, actions, wait_seconds=args.wait)
                return outcome.action
            except NoNotificationService as exc:
                print(f"Could not show a notification: {exc}.", file=sys.stderr)
                return None
            finally:
                notifier.close()
    if not _can_show_windows():
        print("Could not show a reminder: there is no desktop to show it on.", file=sys.stderr)
        return None
    from privacy_audit.desktop.reminder_window import ask_in_window

    on_shown()
    return ask_in_window(title, text, wait_seconds=args.wait)


def _can_show_windows() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    # Without a display Qt would abort the whole process rather than raise.
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _open_app(args: argparse.Namespace) -> None:
    from privacy_audit.desktop.launcher import app_command, start_detached

    argv = app_command(home=args.home)
    if args.school_config:
        argv += ["--school-config", str(args.school_config)]
    process = start_detached(argv)
    print(f"Opening Privacy Audit (process {process.pid}).")


def _snooze(dirs, platforms: list[str], now: dt.datetime, state) -> None:
    from privacy_audit.desktop.reminders import SNOOZE

    until = now + SNOOZE
    if not state.snooze(until):
        print(
            f"The snooze could not be kept in {state.path}; it is kept in the record if it opens.",
            file=sys.stderr,
        )
    from privacy_audit.store import RecordError, open_record

    try:
        record = open_record(dirs)
    except RecordError as exc:
        # A passphrase-protected record cannot be opened here without asking; the state file holds the snooze.
        print(f"The snooze is kept by the reminder only: {exc}", file=sys.stderr)
    else:
        try:
            for platform in platforms:
                record.snooze(platform, until)
        finally:
            record.close()
    print(f"Snoozed until {until:%A %d %B %H:%M}.")
