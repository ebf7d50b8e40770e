"""Forget everything: every file and keyring entry the app made for the person, and nothing else.

What the app can leave on this computer, and where (`AppDirs`):
- data: the record (and its journal), `set-aside/` copies, `backups/` taken before upgrades, the guided
  browser's `browser-profile/`;
- state: the reminder state (`reminders.json`), the dashboard snapshot (`dashboard-snapshot.json`), the
  catalogue cache (`catalogue-cache.json`), and the temporary files they are written through;
- the OS keyring: one key per record ("privacy-audit" / "record-key-<id>").
Only these names are deleted (the folders are removed when that leaves them empty), so a --home pointing
at a folder with other files in it loses nothing else. The login entry (autostart) is not a file of these
folders: the caller removes it (`privacy_audit.desktop.autostart`).
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from privacy_audit.core.paths import AppDirs
from privacy_audit.store import keys
from privacy_audit.store.errors import RecordBusy, RecordNotWritable
from privacy_audit.store.record import JOURNAL_SUFFIXES

# The files the app keeps in the state folder (named where they are written: desktop.reminders,
# core.snapshot, core.cache; tests/privacy/test_no_one_else_in.py keeps the two in step).
STATE_FILES = ("reminders.json", "dashboard-snapshot.json", "catalogue-cache.json")


def _record_ids(path: Path) -> list[str]:
    """The record id (keyring user name) of a record file, best effort: damaged files have none."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return []
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'record_id'").fetchone()
        return [str(row[0])] if row else []
    except sqlite3.Error:
        return []
    finally:
        conn.close()


def _record_in_use(path: Path) -> bool:
    """Whether another process is writing to the record right now (it holds a lock for the write)."""
    try:
        conn = sqlite3.connect(path, timeout=2.0, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def _state_files(state: Path) -> list[Path]:
    """The app's state files, with the temporary files they are written through (".NAME.*")."""
    if not state.is_dir():
        return []
    return sorted(
        p
        for p in state.iterdir()
        if p.name in STATE_FILES or any(p.name.startswith(f".{name}.") for name in STATE_FILES)
    )


def forget_everything(dirs: AppDirs) -> list[str]:
    """Delete the record, its copies and set-aside files, their keyring keys, the browser profile and the
    app's state files (reminder state, dashboard snapshot, catalogue cache).

    Returns one sentence per thing done (or that could not be done), for the person to read. The record file
    goes first: if it cannot be deleted (another window is saving to it, or Windows holds it open), RecordBusy
    or RecordNotWritable is raised and nothing else is touched, so a record is never left behind without the
    key that reads it. The login entry is the caller's to remove.
    """
    done: list[str] = []
    record_files = [dirs.record_file] if dirs.record_file.exists() else []
    for folder in (dirs.set_aside, dirs.data / "backups"):
        if folder.is_dir():
            record_files += sorted(p for p in folder.iterdir() if p.suffix == ".sqlite3")
    record_ids = sorted({rid for path in record_files for rid in _record_ids(path)})

    if dirs.record_file.exists():
        if _record_in_use(dirs.record_file):
            raise RecordBusy(
                f"Your record ({dirs.record_file}) is being saved by another Privacy Audit window or "
                "command. Close Privacy Audit and try again; nothing was deleted."
            )
        try:
            for suffix in ("",) + JOURNAL_SUFFIXES:
                dirs.record_file.with_name(dirs.record_file.name + suffix).unlink(missing_ok=True)
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise RecordNotWritable(
                    f"Your record could not be deleted: the folder {dirs.record_file.parent} cannot be changed "
                    f"({exc.strerror or exc}; a read-only disk, or a folder you may not change). Nothing was "
                    "deleted. Check that the folder is yours and writable, then try again."
                ) from exc
            raise RecordNotWritable(
                f"Could not delete your record ({dirs.record_file}: {exc.strerror or exc}). Close "
                "Privacy Audit and try again; nothing else was deleted."
            ) from exc
        done.append(f"Deleted your record ({dirs.record_file}).")

    keys_deleted = 0
    for record_id in record_ids:
        try:
            keys_deleted += keys.delete_key(record_id)
        except keys.KeyringProblem as exc:
            done.append(
                f"Could not delete the record's key from the keyring ({exc}); delete the 'privacy-audit' "
                "entries in your keyring by hand."
            )
    if keys_deleted:
        done.append(f"Deleted {keys_deleted} key(s) from {keys.keyring_info().name}.")
    for folder, what in (
        (dirs.set_aside, "set-aside copies of your record"),
        (dirs.data / "backups", "copies taken before upgrades"),
        (dirs.browser_profile, "the guided browser's profile and sign-ins"),
    ):
        if folder.exists():
            try:
                shutil.rmtree(folder)
            except OSError as exc:
                done.append(
                    f"Could not delete {what} in {folder} ({exc.strerror or exc}); delete the folder by hand."
                )
            else:
                done.append(f"Deleted {what} ({folder}).")
    state_files = _state_files(dirs.state)
    failed = []
    for path in state_files:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            failed.append(f"{path.name} ({exc.strerror or exc})")
    if failed:
        done.append(f"Could not delete {', '.join(failed)} in {dirs.state}; delete them by hand.")
    elif state_files:
        done.append(f"Deleted the reminder state, dashboard snapshot and checklist cache ({dirs.state}).")
    for folder in (dirs.data, dirs.config, dirs.state):
        try:
            folder.rmdir()  # only when empty: a folder holding anything else is left as it is
        except OSError:
            pass
    if not done:
        done.append("There was nothing to delete: no record has been saved on this computer.")
    return done
