"""The record's errors: each message says, in plain words, what happened and what the person can do.

Standard library only, so the small readers (`reminder_inputs`) can share them without loading the rest.

Every `RecordError` carries `set_aside`: the records this call moved aside (see `SetAsideNotice`). When a
damaged record was set aside and then opening the new one needs a passphrase or a choice, the exception
still says so: `str(error)` starts with the set-aside sentences, so a caller that only prints the message
tells the person first; `error.problem` is the message alone, for a screen that shows the two apart.

Every `RecordError` class also has a stable `code` (`RecordProblem`): the terminal prints the English message,
and the desktop app says its own translated words for the code (`ui/error_words.py`).
"""

from __future__ import annotations

import sqlite3
from enum import StrEnum
from pathlib import Path
from typing import ClassVar, NamedTuple


class SetAsideReason(StrEnum):
    """Why a record was set aside (`SetAsideNotice.code`): the desktop app's words are chosen by it.
    `SetAsideNotice.detail` holds the one fact the words name, as the comment says."""

    DAMAGED = "damaged"  # detail: what was found wrong, in the record's own technical words
    NEWER_VERSION = "newer_version"  # detail: the record version the file has
    PROTECTION_UNKNOWN = "protection_unknown"  # detail: the name of the protection the file names
    PROTECTION_MISSING = "protection_missing"  # answers saved, but no record of how they are protected
    KEY_MISSING = "key_missing"  # detail: the keyring it is missing from
    KEY_CHANGED = "key_changed"  # detail: the keyring whose key no longer unlocks it

    @classmethod
    def of_tag(cls, tag: str) -> SetAsideReason:
        """The code for a file-name tag, for notices kept before codes were (see `store.pending`)."""
        tags = {
            "unprotected": cls.PROTECTION_MISSING,
            "unknown-protection": cls.PROTECTION_UNKNOWN,
            "key-missing": cls.KEY_MISSING,
            "key-changed": cls.KEY_CHANGED,
        }
        return cls.NEWER_VERSION if tag.startswith("schema-v") else tags.get(tag, cls.DAMAGED)


class SetAsideNotice(NamedTuple):
    """A record moved aside (never deleted): why, where it is now, and an English sentence.

    `message` (naming `moved_to`) is for the terminal; the desktop app says its own words for `code`."""

    reason: str  # the tag in the moved file's name, e.g. "damaged", "schema-v99", "key-missing"
    moved_to: Path
    message: str  # one or two sentences for the person, naming `moved_to`
    code: SetAsideReason = SetAsideReason.DAMAGED
    detail: str = ""  # the fact the code's words name (see `SetAsideReason`)


class RecordProblem(StrEnum):
    """What kind of problem a `RecordError` is, as a stable code: the desktop app's words are chosen by it."""

    UNUSABLE = "unusable"  # the record cannot be used as asked (closed, or could not be opened or started)
    NEEDS_PROTECTION_CHOICE = "needs_protection_choice"
    NEEDS_PASSPHRASE = "needs_passphrase"
    WRONG_PASSPHRASE = "wrong_passphrase"
    KEYRING_UNAVAILABLE = "keyring_unavailable"
    BUSY = "busy"
    NOT_WRITABLE = "not_writable"
    NOT_PRIVATE = "not_private"
    PROTECTION_MISMATCH = "protection_mismatch"


class RecordError(Exception):
    """The record cannot be used as asked; `str(error)` is a message to show the person as it is."""

    code: ClassVar[RecordProblem] = RecordProblem.UNUSABLE

    def __init_subclass__(cls, *, code: RecordProblem | None = None, **kwargs: object) -> None:
        # Each kind of error names its code where it is declared: class NeedsPassphrase(RecordError, code=...).
        super().__init_subclass__(**kwargs)
        if code is not None:
            cls.code = code

    def __init__(self, problem: str = "", set_aside: tuple[SetAsideNotice, ...] = ()) -> None:
        super().__init__(problem)
        self.problem = problem
        self.set_aside = tuple(set_aside)

    def __str__(self) -> str:
        return "\n\n".join([n.message for n in self.set_aside] + [self.problem])


class NeedsProtectionChoice(RecordError, code=RecordProblem.NEEDS_PROTECTION_CHOICE):
    """A new record needs protection but this computer has no secure keyring: ask for a passphrase, or for
    the person's agreement to keep it unencrypted, and call `open_record` again.

    `keyring_problem` is the technical reason there is no keyring (for a "details" line) when this is the
    usual first question; it is empty when a passphrase given was refused (`problem` then says why)."""

    keyring_problem = ""


class NeedsPassphrase(RecordError, code=RecordProblem.NEEDS_PASSPHRASE):
    """The record is protected by a passphrase and none was given."""


class WrongPassphrase(RecordError, code=RecordProblem.WRONG_PASSPHRASE):
    """The passphrase given does not unlock the record (nothing was changed; ask again)."""


class KeyringUnavailable(RecordError, code=RecordProblem.KEYRING_UNAVAILABLE):
    """The keyring that holds the record's key is locked or cannot be reached right now (nothing was changed)."""


class RecordBusy(RecordError, code=RecordProblem.BUSY):
    """Another Privacy Audit window or command is using the record right now: it is busy, not damaged."""


RecordLocked = RecordBusy  # the older name, still imported by callers


class RecordNotWritable(RecordError, code=RecordProblem.NOT_WRITABLE):
    """The record's folder or file cannot be written (permissions, read-only disk, disk full)."""


class NotPrivate(RecordError, code=RecordProblem.NOT_PRIVATE):
    """A folder or file the app would trust belongs to another user account or others can write to it."""


class ProtectionMismatch(RecordError, code=RecordProblem.PROTECTION_MISMATCH):
    """The record's protection is not what this run expected (a passphrase given for an unencrypted record)."""


# SQLite primary result codes (https://www.sqlite.org/rescode.html).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def is_busy(exc: sqlite3.Error) -> bool:
    """Whether SQLite refused because another connection holds the record (not damage)."""
    return _code(exc) in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in str(exc)


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is damaged or is not a record at all."""
    return (
        _code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
        or "malformed" in str(exc)
        or "not a database" in str(exc)
    )


def translate_sqlite_error(exc: sqlite3.Error, path: Path, doing: str) -> RecordError:
    """A clear message for a SQLite error that is not damage to the file (the one copy of this rule)."""
    code = _code(exc)
    if is_busy(exc):
        return RecordBusy(
            f"Your record ({path}) is in use by another Privacy Audit window or command. "
            f"Close the other one and try again; nothing was changed."
        )
    if code == _SQLITE_FULL:
        return RecordNotWritable(
            f"The disk is full, so {doing} failed; nothing was changed. Free some space and try again."
        )
    if code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN, _SQLITE_IOERR):
        return RecordNotWritable(
            f"Privacy Audit cannot write to {path.parent}, so {doing} failed; nothing was changed. Check that "
            f"the folder is yours and writable, or run with --home pointing to a folder you can write to."
        )
    return RecordError(f"{doing.capitalize()} failed ({exc}); nothing was changed.")
