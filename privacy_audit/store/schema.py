"""The record's SQLite schema: versioned, migrated step by step inside one transaction each.

Standard library only: `reminder_inputs` uses it too, and that module is loaded by `privacy-audit remind`.
Before any migration of an existing record, a copy is taken with SQLite's backup API, so a failed or
unwanted upgrade never costs the person their history.

Durability: a rollback journal with `synchronous=FULL`, so that once a commit returns the data is on disk
and a killed process leaves either the old or the new state, never half of one (see
tests/reliability). The rollback journal (rather than WAL) keeps the record one file whenever no one has it
open, which makes setting it aside, copying and deleting it simple and complete.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

LATEST = 2

# Each step takes the record from version N-1 to N. Never edit a released step: add a new one.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE platforms_in_use (platform TEXT PRIMARY KEY)",
        # Clear columns are what reminders need (platform, dates); `payload` holds answers and notes,
        # encrypted unless the person chose otherwise, bound to the clear columns of its row.
        """CREATE TABLE checks (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            platform TEXT NOT NULL,
            checklist_version TEXT NOT NULL,
            item_ids TEXT NOT NULL,
            started TEXT NOT NULL,
            finished TEXT NOT NULL,
            payload BLOB NOT NULL)""",
        "CREATE TABLE snoozes (platform TEXT PRIMARY KEY, until TEXT NOT NULL)",
        """CREATE TABLE drafts (
            platform TEXT PRIMARY KEY,
            checklist_version TEXT NOT NULL,
            started TEXT NOT NULL,
            position INTEGER NOT NULL,
            payload BLOB NOT NULL)""",
        "CREATE TABLE acceptance (id INTEGER PRIMARY KEY CHECK (id = 1), on_date TEXT NOT NULL, payload BLOB NOT NULL)",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
    2: (
        "CREATE INDEX checks_by_platform ON checks (platform, finished)",
        # The school's term dates, cached so that `remind` can work out due dates without pydantic.
        """CREATE TABLE schedule (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            term_starts TEXT NOT NULL,
            interval_days INTEGER,
            school_name TEXT NOT NULL,
            updated TEXT NOT NULL)""",
    ),
}

BUSY_TIMEOUT_S = 3.0


def to_text(moment: dt.datetime) -> str:
    """A timezone-aware datetime as fixed-width UTC text, so that text order is time order in SQL."""
    if moment.tzinfo is None:
        raise ValueError("times in the record must be timezone-aware")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"'{text}' has no time zone")
    return moment


def create_private_file(path: Path) -> None:
    """Create `path` empty with owner-only permissions if it does not exist (never truncates)."""
    if path.exists():
        return  # opening it for writing would fail on a read-only disk, where it can still be read
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)


def connect(path: Path, *, create: bool, timeout: float | None = None) -> sqlite3.Connection:
    """Open the record in autocommit mode (transactions are explicit) with full durability."""
    if create:
        old_umask = os.umask(0o077)  # journal files get owner-only permissions too
        try:
            create_private_file(path)
        finally:
            os.umask(old_umask)
    uri = f"{path.resolve().as_uri()}?mode={'rwc' if create else 'rw'}"
    conn = sqlite3.connect(
        uri,
        uri=True,
        timeout=BUSY_TIMEOUT_S if timeout is None else timeout,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA secure_delete=ON")  # deleted answers are overwritten, not left in free pages
    except BaseException:
        conn.close()
        raise
    return conn


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def backup_copy(conn: sqlite3.Connection, folder: Path, label: str) -> Path:
    """A consistent copy of the open record in `folder` (owner-only), named with `label` and the time."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"record-{label}-{stamp}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"record-{label}-{stamp}-{counter}.sqlite3"
    create_private_file(target)
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()
    return target


def migrate(conn: sqlite3.Connection, backup_folder: Path | None) -> Path | None:
    """Bring the record to LATEST, one step per transaction; returns the copy taken first, if any.

    The caller has checked the version is not newer than LATEST.
    """
    current = version(conn)
    if current >= LATEST:
        return None
    copy = (
        backup_copy(conn, backup_folder, f"v{current}") if current > 0 and backup_folder is not None else None
    )
    for step in range(current + 1, LATEST + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version(conn) >= step:  # another process did this step meanwhile
                conn.execute("ROLLBACK")
                continue
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
            if step == 1:
                import uuid  # here, not at the top: `remind` imports this module and never creates a record

                conn.execute("INSERT INTO meta (key, value) VALUES ('record_id', ?)", (uuid.uuid4().hex,))
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('created', ?)", (to_text(dt.datetime.now(dt.UTC)),)
                )
            conn.execute(f"PRAGMA user_version = {step}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return copy


def meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())
