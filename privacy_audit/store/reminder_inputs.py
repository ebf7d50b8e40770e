"""What a reminder needs from the record, read with the standard library alone.

`privacy-audit remind` runs at every login and must not import PySide6, Playwright, keyring, pydantic or
cryptography, so it reads only the record's clear columns (platforms in use, when each was last checked,
snoozes) and the school's term dates, which the app and the CLI cache in the record with
`cache_schedule_of` whenever they load the school config. No key is needed and nothing is decrypted.
The cached term dates always mean one thing, whoever wrote them: the term starts as the school configured
them (empty: the built-in English school year), which `core.due.statuses` completes around the day.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import namedtuple
from pathlib import Path

from privacy_audit.core.due import PlatformStatus, statuses
from privacy_audit.core.paths import AppDirs
from privacy_audit.core.platforms import ALWAYS_IN_USE, sort_key
from privacy_audit.store import schema

TYPE_CHECKING = False  # `typing` is not imported here: `remind` starts at every login and needs none of it
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from privacy_audit.core.school import SchoolConfig

READ_TIMEOUT_S = 2.0


class ReminderInputsError(Exception):
    """The record exists but cannot be read for reminders; the message says why."""


# A named tuple, not a dataclass, to keep `privacy-audit remind` quick to start (see core/paths.py).
class ReminderInputs(
    namedtuple(
        "ReminderInputs",
        (
            "platforms_in_use",
            "last_checked",
            "snoozes",
            "term_starts",
            "interval_days",
            "school_name",
            "schedule_cached",
            "damaged",
        ),
        defaults=((), None, "", False, ()),
    )
):
    """What reminders need, all readable without the keyring: platforms in use (list of ids), last checked and
    snoozes (id -> aware datetime), the term starts as the school set them (empty: the built-in year), the
    school's interval in days (or None), its name, whether the app or a command has cached the school
    config at least once, and sentences naming rows that were skipped because their date is unreadable."""

    __slots__ = ()

    def statuses(self, now: dt.datetime, platforms: list[str] | None = None) -> list[PlatformStatus]:
        """Due status of `platforms` (default: those in use) at `now`, a timezone-aware local time."""
        return list(self.by_platform(now, platforms).values())

    def by_platform(self, now: dt.datetime, platforms: list[str] | None = None) -> dict[str, PlatformStatus]:
        """`statuses`, keyed by platform id: the one place these inputs become due statuses. (A caller with a
        newer schedule, such as the app's snapshot, replaces `term_starts` and `interval_days` first.)"""
        return statuses(
            platforms if platforms is not None else self.platforms_in_use,
            in_use=self.platforms_in_use,
            last_checked=self.last_checked,
            snoozes=self.snoozes,
            configured_terms=self.term_starts,
            interval_days=self.interval_days,
            now=now,
        )


def empty_inputs() -> ReminderInputs:
    """The inputs of a person with no record yet: only `general`, never checked."""
    return ReminderInputs(platforms_in_use=[ALWAYS_IN_USE], last_checked={}, snoozes={})


def load_reminder_inputs(record_file: Path) -> ReminderInputs:
    """Read the inputs; raises FileNotFoundError when there is no record, ReminderInputsError when unreadable."""
    if not record_file.exists():
        raise FileNotFoundError(record_file)
    try:
        conn = schema.connect(record_file, create=False, timeout=READ_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise ReminderInputsError(f"the record {record_file} cannot be opened ({exc})") from exc
    try:
        found = schema.version(conn)
        if found == 0:
            return empty_inputs()
        platforms = {row[0] for row in conn.execute("SELECT platform FROM platforms_in_use")}
        damaged: list[str] = []
        last = _latest(conn.execute("SELECT platform, finished FROM checks"), "A {platform} check", damaged)
        snoozes = _latest(
            conn.execute("SELECT platform, until FROM snoozes"), "The snooze of {platform}", damaged
        )
        starts: list[dt.date] = []
        interval = None
        school = ""
        cached = False
        if found >= 2:
            row = conn.execute(
                "SELECT term_starts, interval_days, school_name FROM schedule WHERE id = 1"
            ).fetchone()
            if row is not None:
                starts = [dt.date.fromisoformat(d) for d in json.loads(row[0])]
                interval, school, cached = row[1], row[2], True
    except (sqlite3.Error, ValueError, TypeError) as exc:
        raise ReminderInputsError(f"the record {record_file} cannot be read ({exc})") from exc
    finally:
        conn.close()
    return ReminderInputs(
        platforms_in_use=sorted(platforms | {ALWAYS_IN_USE}, key=sort_key),
        last_checked=last,
        snoozes=snoozes,
        term_starts=starts,
        interval_days=interval,
        school_name=school,
        schedule_cached=cached,
        damaged=tuple(damaged),
    )


def _latest(rows: Iterable[tuple[Any, Any]], what: str, damaged: list[str]) -> dict[str, dt.datetime]:
    """Each platform's latest time; a row whose time cannot be read (a damaged or edited record) is skipped
    and named once in `damaged`, as `Record` does, so one bad row never stops a reminder or hides the others.
    (Not SQL's MAX: it compares text, so 'garbage' would beat every real date.)"""
    latest: dict[str, dt.datetime] = {}
    for platform, text in rows:
        try:
            moment = schema.from_text(str(text))
        except (ValueError, TypeError, OverflowError):
            shown = "".join(ch if ch.isprintable() else "?" for ch in str(text))[:40]
            name = "".join(ch if ch.isprintable() else "?" for ch in str(platform))[:40]
            notice = (
                f"{what.format(platform=name)} could not be read: its date '{shown}' is not a date. "
                "It was left untouched in your record."
            )
            if notice not in damaged:
                damaged.append(notice)
            continue
        if platform not in latest or moment > latest[platform]:
            latest[platform] = moment
    return latest


def read_reminder_inputs(record_file: Path) -> ReminderInputs | None:
    """The inputs, or None when there is no record or it cannot be read now (the app will say why)."""
    try:
        return load_reminder_inputs(record_file)
    except (FileNotFoundError, ReminderInputsError):
        return None


def cache_schedule(
    dirs: AppDirs, term_starts: list[dt.date], interval_days: int | None, school_name: str
) -> bool:
    """Keep the school's term dates in the record for `remind`; True if they were stored.

    Creates the record (without protection: that is chosen when it is first opened) if there is none yet.
    A record that is damaged, locked, older or newer is left alone: this is only a cache, and
    `open_record` is what repairs or upgrades a record and tells the person.
    """
    path = dirs.record_file
    try:
        dirs.ensure()
        fresh = not path.exists() or path.stat().st_size == 0
        conn = schema.connect(path, create=fresh, timeout=READ_TIMEOUT_S)
    except (OSError, sqlite3.Error):
        return False
    try:
        if fresh and schema.version(conn) == 0:
            schema.migrate(conn, backup_folder=None)
        if schema.version(conn) != schema.LATEST:
            return False
        values = (
            json.dumps(sorted({d.isoformat() for d in term_starts})),
            interval_days,
            school_name,
            schema.to_text(dt.datetime.now(dt.UTC)),
        )
        row = conn.execute(
            "SELECT term_starts, interval_days, school_name FROM schedule WHERE id = 1"
        ).fetchone()
        if row is not None and tuple(row) == values[:3]:
            return True  # unchanged: no write, so a read-only moment or a busy record costs nothing
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT OR REPLACE INTO schedule (id, term_starts, interval_days, school_name, updated) "
            "VALUES (1, ?, ?, ?, ?)",
            values,
        )
        conn.execute("COMMIT")
        return True
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return False
    finally:
        conn.close()


def cache_schedule_of(dirs: AppDirs, config: SchoolConfig) -> bool:
    """`cache_schedule` for a `core.school.SchoolConfig`: its configured term starts (not a completed year),
    interval and name. The one call the app and the commands make after loading the school config."""
    return cache_schedule(dirs, list(config.term_starts), config.reminder_interval_days, config.school_name)
