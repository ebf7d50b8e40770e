"""`privacy-audit status [--json]`: for each platform, whether it is in use, last checked, due, next due.

Reads only the record's clear columns (no key, no passphrase), so it works wherever the record is
readable. JSON form: {"platforms": [{"id", "name", "in_use", "last_checked", "due", "next_due"}, ...]}
with ISO 8601 values (last_checked a UTC time, next_due a date) or null.
"""

from __future__ import annotations

import argparse

NAME = "status"
HELP = "show, for each platform, whether you use it, when you last checked it and when it is due"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def run(args: argparse.Namespace) -> int:
    import datetime as dt

    from privacy_audit.commands._terminal import (
        dirs_for,
        load_catalogue_for,
        out,
        out_json,
        record_refusal,
        say,
    )
    from privacy_audit.store.reminder_inputs import ReminderInputsError, empty_inputs, load_reminder_inputs

    dirs = dirs_for(args)
    catalogue = load_catalogue_for(args, dirs)
    if (problem := record_refusal(dirs)) is not None:
        say(problem)
        return 1
    try:
        inputs = load_reminder_inputs(dirs.record_file)
    except FileNotFoundError:
        inputs = empty_inputs()
    except ReminderInputsError as exc:
        say(_unreadable(exc, exc.__cause__))
        return 1
    from privacy_audit.store.pending import pending_set_aside

    # A record set aside by a run that then stopped at the passphrase question: until a run opens the new
    # record, its notice waits in it, and the empty history below would otherwise look like a loss.
    for waiting in pending_set_aside(dirs.record_file):
        say(waiting.message)
    for notice in inputs.damaged:  # skipped rows are named once, and kept, like the app does
        say(notice)
    config = catalogue.school.config
    # The config just loaded is what counts, even if the record's cached copy could not be updated.
    inputs = inputs._replace(
        term_starts=list(config.term_starts),
        interval_days=config.reminder_interval_days,
        school_name=config.school_name,
        schedule_cached=True,
    )
    offered = [c.platform for c in catalogue.offered()]
    shown = offered + [p for p in inputs.platforms_in_use if p not in offered and p in catalogue.checklists]
    now = dt.datetime.now().astimezone()
    rows = []
    for status in inputs.statuses(now, shown):
        rows.append(
            {
                "id": status.platform,
                "name": catalogue.checklists[status.platform].name
                if status.platform in catalogue.checklists
                else status.platform,
                "in_use": status.in_use,
                "last_checked": None
                if status.last_checked is None
                else status.last_checked.astimezone(dt.UTC).isoformat(timespec="seconds"),
                "due": status.due,
                "next_due": None if status.next_due is None else status.next_due.isoformat(),
            }
        )
    if args.json:
        out_json({"platforms": rows})
        return 0
    out(format_table(rows, now))
    due = [row["name"] for row in rows if row["due"]]
    out()
    out(f"Due now: {', '.join(due)}." if due else "Nothing is due. Well done.")
    return 0


def _unreadable(error: Exception, cause: BaseException | None) -> str:
    """Why the record cannot be read, with the step that really helps: only damage is repaired by opening
    the record (it is set aside and a new one started); a busy record needs patience and a file that cannot
    be opened needs its permissions looked at, which no Privacy Audit command changes."""
    import sqlite3

    from privacy_audit.store.errors import is_busy, is_damage

    if isinstance(cause, sqlite3.Error) and is_busy(cause):
        return (
            "Your record is in use by another Privacy Audit window or command, so its status cannot be read "
            "just now. Nothing is wrong with it: try again when the other one has finished."
        )
    if isinstance(cause, sqlite3.Error) and (
        is_damage(cause) or "no such table" in str(cause) or "no such column" in str(cause)
    ):
        return (
            f"Your record cannot be read: {error}. It is damaged. Run `privacy-audit check general` (or open "
            "Privacy Audit): the damaged record is set aside, never deleted, and a new one is started."
        )
    return (
        f"Your record cannot be read: {error}. Check that the file and its folder belong to you and can be "
        "read and written (ask IT if they cannot), or run with --home pointing to your own folder; nothing was changed."
    )


def format_table(rows: list[dict], now) -> str:
    """A plain table: columns padded with spaces, no colour, no box drawing (screen readers read it as text)."""
    import datetime as dt

    header = ("Platform", "In use", "Last checked", "Due", "Next due")
    lines = [header]
    for row in rows:
        last = "never"
        if row["last_checked"]:
            last = (
                dt.datetime.fromisoformat(row["last_checked"])
                .astimezone(now.tzinfo)
                .strftime("%Y-%m-%d %H:%M")
            )
        lines.append(
            (
                row["name"],
                "yes" if row["in_use"] else "no",
                last if row["in_use"] or row["last_checked"] else "-",
                ("due now" if row["due"] else "no") if row["in_use"] else "-",
                # A platform due now is due now, not on a date already past (the JSON keeps the date).
                ("now" if row["due"] else row["next_due"] or "-")
                if row["in_use"]
                else row["next_due"] or "-",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in lines
    )
