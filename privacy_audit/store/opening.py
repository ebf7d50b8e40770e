"""Opening the record: checking it, choosing or unlocking its protection, and setting a damaged one aside.

Protection, decided once when the record is created and stored in it:
- "keyring": a random key held by the OS keyring (the normal case on a desktop);
- "passphrase": no secure keyring here, so a key is derived with scrypt from a passphrase the person
  types each time (the salt and the bounded scrypt parameters are in the record; the passphrase and key
  never are);
- "unencrypted": no secure keyring, and the person explicitly chose to keep answers unencrypted.

`open_record` either returns a `Record` or raises a `RecordError` whose message says what to do (busy with
another window, folder not writable or not private, keyring locked, passphrase needed or wrong). When the
file itself cannot be used - damaged physically or logically (impossible header values, missing tables or
columns, no identity, protection settings out of bounds), from a newer version, of an unknown protection,
or its key missing or changed - it is moved aside with a timestamp into `AppDirs.set_aside` (never deleted
or overwritten) and a new record is started.

The person is always told, before anything else is asked: each move gives a `SetAsideNotice`, listed on
the returned `Record.set_aside` (and first in `Record.notices`) or, when the new record still needs a
passphrase or a choice, on the exception's `set_aside` (and first in `str(error)`). Until a call returns an
open record, the notices are also kept in the new record's settings, so a run that stops at the question
(a script, a closed window) does not lose them: the next opening reports them again.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from privacy_audit.core.paths import AppDirs
from privacy_audit.store import crypto, keys, schema
from privacy_audit.store.errors import (
    KeyringUnavailable,
    NeedsPassphrase,
    NeedsProtectionChoice,
    NotPrivate,
    ProtectionMismatch,
    RecordError,
    RecordNotWritable,
    SetAsideNotice,
    SetAsideReason,
    WrongPassphrase,
    is_damage,
    translate_sqlite_error,
)
from privacy_audit.store.notices import RecordNotice, RecordNoticeKind
from privacy_audit.store.ownership import check_app_dirs, check_private
from privacy_audit.store.pending import PENDING_KEY, keep_pending
from privacy_audit.store.record import JOURNAL_SUFFIXES, Record

KEY_CHECK = {"check": "privacy-audit"}
MOVED = "\x00moved\x00"  # where the new path goes; `_shown` keeps file text from containing it
MIN_SALT_BYTES = 16


@dataclass(frozen=True)
class ProtectionInfo:
    mode: str  # "keyring", "passphrase" or "unencrypted"
    backend: str  # e.g. "SecretService Keyring"
    explanation: str  # one sentence for the person


def _protection(mode: str, backend: str = "") -> ProtectionInfo:
    if mode == "keyring":
        return ProtectionInfo(
            mode, backend, f"Your answers and notes are encrypted; the key is kept in {backend}."
        )
    if mode == "passphrase":
        return ProtectionInfo(
            mode,
            "passphrase (scrypt)",
            "Your answers and notes are encrypted with your passphrase; without it nobody, including you, can read them.",
        )
    return ProtectionInfo(
        mode,
        "none",
        "Your answers and notes are not encrypted, as you chose, because this computer has no secure keyring; "
        "anyone who can open your files can read them.",
    )


def _shown(value: object) -> str:
    """A value read from the file, fit to quote in a sentence: printable characters only, and short."""
    text = "".join(ch if ch.isprintable() else "?" for ch in str(value))
    return text if len(text) <= 60 else text[:57] + "..."


class _SetAside(Exception):
    """The file cannot be used and must be moved aside: `tag` goes in the moved file's name, the code is the
    tag's (`SetAsideReason.of_tag`), `detail` is the fact its words name, and the English `message` (for the
    terminal) has MOVED where the new name goes."""

    def __init__(self, tag: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.tag = tag
        self.message = message
        self.detail = detail

    def notice(self, moved: Path) -> SetAsideNotice:
        code = SetAsideReason.of_tag(self.tag)
        return SetAsideNotice(self.tag, moved, self.message.replace(MOVED, str(moved)), code, self.detail)


def _unique_target(folder: Path, stem: str, suffix: str) -> Path:
    target = folder / f"{stem}{suffix}"
    counter = 1
    while target.exists() or any((folder / f"{target.name}{s}").exists() for s in JOURNAL_SUFFIXES):
        counter += 1
        target = folder / f"{stem}-{counter}{suffix}"
    return target


def set_aside(path: Path, folder: Path, reason: str) -> Path:
    """Move `path` (and its journal files) into `folder` under a new timestamped name; never overwrites."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = _unique_target(folder, f"{path.stem}-{stamp}-{reason}", path.suffix)
    # The journal first: a hot journal is what makes the main file consistent again, so the two must stay
    # together under matching names.
    for suffix in JOURNAL_SUFFIXES:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    os.replace(path, target)
    return target


# -- what a sound record looks like ----------------------------------------------------------------------


def _expected_columns(upto: int | None = None) -> dict[str, list[str]]:
    """Each table of a record at version `upto` (default schema.LATEST) and its columns, from the migrations
    themselves."""
    conn = sqlite3.connect(":memory:")
    try:
        for step in range(1, (schema.LATEST if upto is None else upto) + 1):
            for statement in schema.MIGRATIONS[step]:
                conn.execute(statement)
        return _columns(conn)
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: [row[1] for row in conn.execute(f"PRAGMA table_info('{t}')")] for t in tables if "'" not in t}


_EXPECTED: dict[str, list[str]] = {}


def _check_structure(conn: sqlite3.Connection) -> None:
    """Logical damage is damage too: every table and column the app uses must be there."""
    if not _EXPECTED:
        _EXPECTED.update(_expected_columns())
    found = _columns(conn)
    for table, columns in _EXPECTED.items():
        missing = [c for c in columns if c not in found.get(table, [])]
        if missing:
            what = f"the table '{table}'" if table not in found else f"part of the table '{table}'"
            raise _SetAside(
                "damaged",
                f"Your record was damaged ({what} is missing), so it could not be read. It was set aside as "
                f"{MOVED} and a new record was started.",
                f"{what} is missing",
            )


# -- protection ------------------------------------------------------------------------------------------


def _has_private_data(conn: sqlite3.Connection) -> bool:
    for table in ("checks", "drafts", "acceptance"):
        if conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            return True
    return False


def _set_meta(conn: sqlite3.Connection, values: dict[str, str]) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items()))


def _key_check(sealer: crypto.Sealer, record_id: str) -> str:
    return base64.b64encode(sealer.seal(KEY_CHECK, f"key-check\x1f{record_id}")).decode("ascii")


def _verifies(sealer: crypto.Sealer, record_id: str, check: str) -> bool:
    try:
        opened: object = sealer.open(base64.b64decode(check, validate=True), f"key-check\x1f{record_id}")
        return bool(opened == KEY_CHECK)
    except (crypto.DamagedData, ValueError, binascii.Error):
        return False


def passphrase_problem(passphrase: str) -> str:
    """Why a new passphrase cannot be used (empty when it can). The one copy of this rule."""
    if not passphrase:
        return "The passphrase cannot be empty. Choose a passphrase you will remember."
    if not passphrase.strip():
        return (
            "A passphrase made only of spaces cannot protect your record. Choose one with letters, numbers "
            "or words you will remember."
        )
    return ""


def _choose_protection(
    conn: sqlite3.Connection, record_id: str, passphrase: str | None, accept_unencrypted: bool
) -> tuple[crypto.Sealer, ProtectionInfo]:
    """Protect a new record: the keyring when there is a secure one, else what the caller was told to use."""
    keyring = keys.keyring_info()
    problem = keyring.reason
    if keyring.secure:
        key = crypto.new_key()
        try:
            backend = keys.store_key(record_id, key)
        except keys.KeyringProblem as exc:
            problem = str(exc)
        else:
            sealer = crypto.Sealer(key)
            _set_meta(
                conn,
                {
                    "protection": "keyring",
                    "keyring_backend": backend,
                    "key_check": _key_check(sealer, record_id),
                },
            )
            return sealer, _protection("keyring", backend)
    if passphrase is not None:
        refused = passphrase_problem(passphrase)
        if refused:
            raise NeedsProtectionChoice(refused)
        salt = crypto.new_salt()
        n, r, p = crypto.SCRYPT_N, crypto.SCRYPT_R, crypto.SCRYPT_P
        sealer = crypto.Sealer(crypto.key_from_passphrase(passphrase, salt, n, r, p))
        _set_meta(
            conn,
            {
                "protection": "passphrase",
                "kdf": "scrypt",
                "kdf_salt": base64.b64encode(salt).decode("ascii"),
                "kdf_n": str(n),
                "kdf_r": str(r),
                "kdf_p": str(p),
                "key_check": _key_check(sealer, record_id),
            },
        )
        return sealer, _protection("passphrase")
    if accept_unencrypted:
        _set_meta(conn, {"protection": "unencrypted"})
        return crypto.Sealer(None), _protection("unencrypted")
    question = NeedsProtectionChoice(
        f"This computer has no secure keyring to hold the key that protects your record ({problem}). "
        "Choose a passphrase to protect it, or choose to keep your answers unencrypted on this computer."
    )
    question.keyring_problem = problem
    raise question


_BAD_SETTINGS = (
    "Your record's protection settings are damaged ({what}), so it cannot be unlocked. It was set aside as "
    + MOVED
    + " and a new record was started."
)


def _kdf_settings(values: dict[str, str]) -> tuple[bytes, int, int, int]:
    """The record's stored scrypt settings (salt, N, r, p), each checked (set aside when impossible), so a
    damaged record is reported before a passphrase is asked for, and never costs gigabytes to try."""

    def bad(what: str) -> _SetAside:
        return _SetAside("damaged", _BAD_SETTINGS.replace("{what}", what), what)

    try:
        salt = base64.b64decode(values["kdf_salt"], validate=True)
        n, r, p = int(values["kdf_n"]), int(values["kdf_r"]), int(values["kdf_p"])
    except (KeyError, ValueError, binascii.Error) as exc:
        raise bad(f"a setting is missing or unreadable: {_shown(exc)}") from exc
    if values.get("kdf", "scrypt") != "scrypt":
        raise bad(f"unknown method '{_shown(values['kdf'])}'")
    if len(salt) < MIN_SALT_BYTES:
        raise bad("the salt is too short")
    problem = crypto.kdf_params_problem(n, r, p)
    if problem:
        raise bad(problem)
    return salt, n, r, p


def _unlock(
    conn: sqlite3.Connection, passphrase: str | None, accept_unencrypted: bool
) -> tuple[str, crypto.Sealer, ProtectionInfo]:
    values = schema.meta(conn)
    record_id = values.get("record_id")
    if not record_id:  # written with the schema itself, so a record without one has been damaged or edited
        raise _SetAside(
            "damaged",
            "Your record had lost its identity (meta.record_id), so it could not be read. It was set aside as "
            + MOVED
            + " and a new record was started.",
            "lost its identity (meta.record_id)",
        )
    mode = values.get("protection")
    if mode is None:
        conn.execute("BEGIN IMMEDIATE")  # two windows starting at once must not both choose
        try:
            values = schema.meta(conn)
            if values.get("protection") is None:
                if _has_private_data(conn):
                    raise _SetAside(
                        "unprotected",
                        "Your record had saved answers but no record of how they are protected, so they cannot "
                        "be read. It was set aside as " + MOVED + " and a new record was started.",
                    )
                sealer, info = _choose_protection(conn, record_id, passphrase, accept_unencrypted)
                conn.execute("COMMIT")
                return record_id, sealer, info
            conn.execute("ROLLBACK")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        mode = values["protection"]

    if mode in ("passphrase", "keyring") and not values.get("key_check"):
        raise _SetAside(
            "damaged",
            "Your record's protection settings are damaged (its key check is missing), so it cannot be unlocked. "
            "It was set aside as " + MOVED + " and a new record was started.",
            "its key check is missing",
        )
    if mode == "unencrypted":
        if passphrase is not None:
            # Someone else may have put an unencrypted record where this person's protected one was.
            raise ProtectionMismatch(
                f"The record in {_shown(conn_path(conn))} is kept unencrypted, but a passphrase was given to "
                "protect it. Nothing was saved. If you chose to keep it unencrypted, run without "
                "PRIVACY_AUDIT_PASSPHRASE; if you did not, someone else may have put it there: move it away "
                "and start again."
            )
        return record_id, crypto.Sealer(None), _protection("unencrypted")
    if mode == "passphrase":
        salt, n, r, p = _kdf_settings(values)
        if passphrase is None:
            raise NeedsPassphrase("Your record is protected by a passphrase. Type it to unlock your record.")
        key = crypto.key_from_passphrase(passphrase, salt, n, r, p)
        sealer = crypto.Sealer(key)
        if not _verifies(sealer, record_id, values["key_check"]):
            raise WrongPassphrase(
                "That passphrase does not unlock your record. Nothing was changed; try again."
            )
        return record_id, sealer, _protection("passphrase")
    if mode == "keyring":
        backend = _shown(values.get("keyring_backend", "the keyring"))
        try:
            key = keys.load_key(record_id)
        except (keys.NoSecureKeyring, keys.KeyringLocked) as exc:
            raise KeyringUnavailable(
                f"The key to your record is kept in {backend}, which cannot be used right now ({exc}). Unlock your "
                "keyring or sign in to your desktop session, then try again; nothing was changed."
            ) from exc
        except keys.KeyMissing as exc:
            raise _SetAside(
                "key-missing",
                f"The key to your record is missing from {backend} ({_shown(exc)}), so your saved answers cannot "
                "be read. The record was set aside as " + MOVED + " (it can be opened again if the key is "
                "restored) and a new record was started.",
                backend,
            ) from exc
        sealer = crypto.Sealer(key)
        if not _verifies(sealer, record_id, values["key_check"]):
            raise _SetAside(
                "key-changed",
                f"The key {backend} holds for your record has changed and does not unlock it. The record was set "
                "aside as " + MOVED + " (it can be opened again if the old key is restored) and a new record "
                "was started.",
                backend,
            )
        return record_id, sealer, _protection("keyring", backend)
    raise _SetAside(
        "unknown-protection",
        f"Your record uses a kind of protection ('{_shown(mode)}') this version does not know. It was set aside "
        "as " + MOVED + " and a new record was started; a newer Privacy Audit can open it.",
        _shown(mode),
    )


def conn_path(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(Path(row[2]).parent) if row and row[2] else "your folder"


# -- opening ---------------------------------------------------------------------------------------------


def _check_header(conn: sqlite3.Connection) -> list[str]:
    """Physical damage and impossible header values; returns notices about an upgrade, if one was made."""
    if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise _SetAside(
            "damaged",
            "Your record was damaged and set aside as " + MOVED + "; a new one was started.",
            "SQLite's quick check failed",
        )
    found = schema.version(conn)
    if found < 0 or (found == 0 and conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()):
        raise _SetAside(
            "damaged",
            f"Your record was damaged (its version number reads {found}, which no record has), so it could not be "
            "read. It was set aside as " + MOVED + " and a new record was started.",
            f"its version number reads {found}",
        )
    if found > schema.LATEST:
        raise _SetAside(
            f"schema-v{found}",
            f"Your record was written by a newer version of Privacy Audit (record version {found}; this version "
            f"reads up to {schema.LATEST}). It was set aside as " + MOVED + " and a new record was started; "
            "install the newer version and move the file back to open it again.",
            str(found),
        )
    return []


def _migrate(conn: sqlite3.Connection, backup_folder: Path) -> Path | None:
    """schema.migrate, once the tables are those of the version the file claims: a record whose version
    number reads lower than its tables (header damage, an edit) would fail the same step at every opening,
    so it is set aside instead. A step that fails on a sound file is raised as it is, changing nothing."""
    found = schema.version(conn)
    if 0 < found < schema.LATEST:
        expected = _expected_columns(found)
        tables = {t: c for t, c in _columns(conn).items() if not t.startswith("sqlite_")}
        if tables != {t: c for t, c in expected.items() if not t.startswith("sqlite_")}:
            raise _SetAside(
                "damaged",
                f"Your record was damaged (its version number reads {found}, but its tables are not those of "
                "that version), so it could not be read. It was set aside as " + MOVED + " and a new record "
                "was started.",
                f"its version number reads {found}, but its tables are not those of that version",
            )
    return schema.migrate(conn, backup_folder)


def _open_once(
    dirs: AppDirs, passphrase: str | None, accept_unencrypted: bool, fresh: list[SetAsideNotice]
) -> Record:
    path = dirs.record_file
    check_private(path, kind="file")
    conn = schema.connect(path, create=True)
    try:
        _check_header(conn)
        told: list[RecordNotice] = []
        copy = _migrate(conn, dirs.data / "backups")
        if copy is not None:
            told.append(RecordNotice(RecordNoticeKind.UPGRADED, detail=str(copy)))
        _check_structure(conn)
        pending = keep_pending(conn, fresh)
        try:
            record_id, sealer, protection = _unlock(conn, passphrase, accept_unencrypted)
        except RecordError as exc:
            exc.set_aside = tuple(pending) + exc.set_aside
            raise
        if pending:
            conn.execute("DELETE FROM settings WHERE key = ?", (PENDING_KEY,))
    except BaseException:
        conn.close()
        raise
    return Record(conn, dirs, record_id, sealer, protection, told, tuple(pending))


def open_record(dirs: AppDirs, *, passphrase: str | None = None, accept_unencrypted: bool = False) -> Record:
    """Open (or create) the person's record. Raises RecordError (see the module docstring)."""
    path = dirs.record_file
    if dirs.home is not None:  # before creating anything in it
        check_private(dirs.home, kind="given-folder")
    try:
        dirs.ensure()
    except OSError as exc:
        raise RecordNotWritable(
            f"Privacy Audit cannot create its folder {dirs.data} ({exc.strerror or exc}). Check that it is yours "
            "and writable, or run with --home pointing to a folder you can write to."
        ) from exc
    check_app_dirs(dirs)
    for folder in (dirs.set_aside, dirs.data / "backups"):
        check_private(folder, kind="app-folder")
    fresh: list[SetAsideNotice] = []
    for _attempt in range(3):
        try:
            return _open_once(dirs, passphrase, accept_unencrypted, fresh)
        except _SetAside as reason:
            why = reason
        except NotPrivate as exc:
            exc.set_aside = tuple(fresh) + exc.set_aside
            raise
        except sqlite3.Error as exc:
            if not is_damage(exc):
                error = translate_sqlite_error(exc, path, "opening your record")
                error.set_aside = tuple(fresh)
                raise error from exc
            why = _SetAside(
                "damaged",
                f"Your record was damaged ({_shown(exc)}) and set aside as "
                + MOVED
                + "; a new one was started.",
                _shown(exc),
            )
        except OSError as exc:  # permissions, a read-only or full disk, a vanished folder
            raise RecordNotWritable(
                f"Privacy Audit cannot open {path} ({exc.strerror or exc}). Check that it is yours and writable, or "
                "run with --home pointing to a folder you can write to; nothing was changed.",
                tuple(fresh),
            ) from exc
        try:
            moved = set_aside(path, dirs.set_aside, why.tag)
        except OSError as exc:
            raise RecordNotWritable(
                f"{why.message.replace(MOVED, '(not moved)')} Moving it aside failed ({exc.strerror or exc}); nothing "
                f"was changed. Check that {dirs.data} is writable.",
                tuple(fresh),
            ) from exc
        fresh.append(why.notice(moved))
    raise RecordError(
        f"Your record could not be opened or started again in {dirs.data}; see the files in {dirs.set_aside}.",
        tuple(fresh),
    )
