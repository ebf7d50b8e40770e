"""The person's record: one SQLite file, owner-only, that never leaves the laptop.

What is kept: the platforms in use, every finished check, snoozes, unfinished checks (drafts), the
acceptance statement and small settings. Dates stay in clear so a reminder never needs the keyring;
answers, notes, drafts and the name typed for the acceptance statement are sealed (see `crypto`).

Protection, decided once when the record is created and stored in it:
- "keyring": a random key held by the OS keyring (the normal case on a desktop);
- "passphrase": no secure keyring here, so a key is derived with scrypt from a passphrase the person
  types each time (the salt is in the record, the passphrase and key never are);
- "unencrypted": no secure keyring, and the person explicitly chose to keep answers unencrypted.
The key is never written in clear beside the data.

When something is wrong, `open_record` either raises a `RecordError` whose message says what to do
(locked by another window, folder not writable, keyring locked, passphrase needed or wrong), or - when the
file itself is damaged, from a newer version, or its key is missing or changed - moves the file aside
with a timestamp into `AppDirs.set_aside` (never deleting or overwriting it), starts a new record and
says so in `Record.notices`.

A Record may be used from any one thread at a time; an internal lock serialises calls.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import shutil
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Self

from privacy_audit.core.audit import Answer, CheckResult, Draft, ItemAnswer
from privacy_audit.core.paths import AppDirs
from privacy_audit.core.platforms import ALWAYS_IN_USE, sort_key
from privacy_audit.store import crypto, keys, schema
from privacy_audit.store.errors import (
    KeyringUnavailable,
    NeedsPassphrase,
    NeedsProtectionChoice,
    RecordError,
    RecordLocked,
    RecordNotWritable,
    WrongPassphrase,
)

KEY_CHECK = {"check": "privacy-audit"}
MAX_SETTING_BYTES = 64 * 1024
JOURNAL_SUFFIXES = ("-journal", "-wal", "-shm")


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


class _SetAside(Exception):
    """The file cannot be used and must be moved aside; `message` has {moved} for the new name."""

    def __init__(self, tag: str, message: str) -> None:
        super().__init__(message)
        self.tag = tag
        self.message = message


# SQLite primary result codes (https://www.sqlite.org/rescode.html).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 10, 11, 13, 14, 26


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def _is_damage(exc: sqlite3.Error) -> bool:
    return (
        _code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
        or "malformed" in str(exc)
        or "not a database" in str(exc)
    )


def _translate(exc: sqlite3.Error, path: Path, doing: str) -> RecordError:
    """A clear message for a SQLite error that is not damage to the file."""
    code = _code(exc)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return RecordLocked(
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


class Record:
    """The open record. Create it with `open_record`; close it when done."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        dirs: AppDirs,
        record_id: str,
        sealer: crypto.Sealer,
        protection: ProtectionInfo,
        notices: list[str],
    ) -> None:
        self._conn = conn
        self._dirs = dirs
        self._sealer = sealer
        self._lock = threading.RLock()
        self.record_id = record_id
        self.protection = protection
        self.notices = notices
        self.path = dirs.record_file

    # -- plumbing --------------------------------------------------------------------------------------

    @contextmanager
    def _write(self, doing: str) -> Iterator[sqlite3.Connection]:
        """One durable transaction: when the block ends without error, the change is on disk."""
        with self._lock:
            if self._conn is None:
                raise RecordError("The record is closed.")
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise _translate(exc, self.path, doing) from exc

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            if self._conn is None:
                raise RecordError("The record is closed.")
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise _translate(exc, self.path, "reading your record") from exc

    def _damaged(self, what: str, problem: crypto.DamagedData) -> None:
        notice = f"{what} could not be read: {problem}. It was left untouched in your record."
        if notice not in self.notices:
            self.notices.append(notice)

    # -- platforms -------------------------------------------------------------------------------------

    def platforms_in_use(self) -> list[str]:
        """The platforms the person uses, in the app's order; `general` is always one of them."""
        chosen = {row[0] for row in self._read("SELECT platform FROM platforms_in_use")}
        return sorted(chosen | {ALWAYS_IN_USE}, key=sort_key)

    def set_platforms_in_use(self, ids: Iterable[str]) -> None:
        wanted = sorted(set(ids) - {ALWAYS_IN_USE})
        with self._write("saving the platforms you use") as conn:
            conn.execute("DELETE FROM platforms_in_use")
            conn.executemany("INSERT INTO platforms_in_use (platform) VALUES (?)", [(p,) for p in wanted])

    # -- checks ----------------------------------------------------------------------------------------

    @staticmethod
    def _check_ad(uid: str, platform: str, version: str, item_ids: str, started: str, finished: str) -> str:
        return f"checks\x1f{uid}\x1f{platform}\x1f{version}\x1f{item_ids}\x1f{started}\x1f{finished}"

    def save_check(self, result: CheckResult) -> CheckResult:
        """Save a finished check; when this returns it is on disk. Returns it with `id` set."""
        row = self._check_row(result, uuid.uuid4().hex)
        with self._write("saving your check") as conn:
            cursor = conn.execute(
                "INSERT INTO checks (uid, platform, checklist_version, item_ids, started, finished, payload) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                row,
            )
        return replace(result, id=cursor.lastrowid)

    def _check_row(self, result: CheckResult, uid: str) -> tuple[Any, ...]:
        item_ids = json.dumps(list(result.item_ids))
        started, finished = schema.to_text(result.started), schema.to_text(result.finished)
        payload = {
            "answers": [
                {"item_id": a.item_id, "answer": Answer(a.answer).value, "note": a.note}
                for a in result.answers
            ],
            "note": result.note,
        }
        ad = self._check_ad(uid, result.platform, result.checklist_version, item_ids, started, finished)
        return (
            uid,
            result.platform,
            result.checklist_version,
            item_ids,
            started,
            finished,
            self._sealer.seal(payload, ad),
        )

    def _check_rows(self, platform: str | None) -> list[tuple[Any, ...]]:
        sql = "SELECT id, uid, platform, checklist_version, item_ids, started, finished, payload FROM checks"
        params: tuple[Any, ...] = ()
        if platform is not None:
            sql += " WHERE platform = ?"
            params = (platform,)
        return self._read(sql + " ORDER BY finished DESC, id DESC", params)

    def _decode_check(self, row: tuple[Any, ...]) -> tuple[str, CheckResult] | None:
        rowid, uid, platform, version, item_ids, started, finished, payload = row
        try:
            data = self._sealer.open(
                payload, self._check_ad(uid, platform, version, item_ids, started, finished)
            )
            answers = tuple(
                ItemAnswer(a["item_id"], Answer(a["answer"]), a.get("note", "")) for a in data["answers"]
            )
            result = CheckResult(
                platform=platform,
                checklist_version=version,
                item_ids=tuple(json.loads(item_ids)),
                started=schema.from_text(started),
                finished=schema.from_text(finished),
                answers=answers,
                note=data.get("note", ""),
                id=rowid,
            )
        except crypto.DamagedData as exc:
            self._damaged(f"The {platform} check saved on {finished[:10]}", exc)
            return None
        except (KeyError, TypeError, ValueError) as exc:
            self._damaged(
                f"The {platform} check saved on {finished[:10]}",
                crypto.DamagedData(f"unexpected content ({exc})"),
            )
            return None
        return uid, result

    def checks(self, platform: str | None = None) -> list[CheckResult]:
        """Finished checks, newest first, decrypted. A damaged one is left out and named in `notices`."""
        decoded = (self._decode_check(row) for row in self._check_rows(platform))
        return [pair[1] for pair in decoded if pair is not None]

    def last_checked(self) -> dict[str, dt.datetime]:
        """Each platform's latest finished check (clear columns only: no key needed)."""
        rows = self._read("SELECT platform, MAX(finished) FROM checks GROUP BY platform")
        return {platform: schema.from_text(finished) for platform, finished in rows}

    # -- snoozes ---------------------------------------------------------------------------------------

    def snooze(self, platform: str, until: dt.datetime) -> None:
        with self._write("saving the snooze") as conn:
            conn.execute(
                "INSERT OR REPLACE INTO snoozes (platform, until) VALUES (?, ?)",
                (platform, schema.to_text(until)),
            )

    def snoozes(self) -> dict[str, dt.datetime]:
        return {
            platform: schema.from_text(until)
            for platform, until in self._read("SELECT platform, until FROM snoozes")
        }

    # -- drafts ----------------------------------------------------------------------------------------

    @staticmethod
    def _draft_ad(platform: str, version: str, started: str, position: int) -> str:
        return f"drafts\x1f{platform}\x1f{version}\x1f{started}\x1f{position}"

    def save_draft(self, draft: Draft) -> None:
        started = schema.to_text(draft.started)
        payload = {
            "answers": [
                {"item_id": a.item_id, "answer": Answer(a.answer).value, "note": a.note}
                for a in draft.answers.values()
            ],
            "note": draft.note,
        }
        blob = self._sealer.seal(
            payload, self._draft_ad(draft.platform, draft.checklist_version, started, draft.position)
        )
        with self._write("saving your unfinished check") as conn:
            conn.execute(
                "INSERT OR REPLACE INTO drafts (platform, checklist_version, started, position, payload) VALUES (?, ?, ?, ?, ?)",
                (draft.platform, draft.checklist_version, started, draft.position, blob),
            )

    def load_draft(self, platform: str) -> Draft | None:
        rows = self._read(
            "SELECT checklist_version, started, position, payload FROM drafts WHERE platform = ?", (platform,)
        )
        if not rows:
            return None
        version, started, position, blob = rows[0]
        try:
            data = self._sealer.open(blob, self._draft_ad(platform, version, started, position))
            answers = {
                a["item_id"]: ItemAnswer(a["item_id"], Answer(a["answer"]), a.get("note", ""))
                for a in data["answers"]
            }
        except crypto.DamagedData as exc:
            self._damaged(f"Your unfinished {platform} check", exc)
            return None
        except (KeyError, TypeError, ValueError) as exc:
            self._damaged(
                f"Your unfinished {platform} check", crypto.DamagedData(f"unexpected content ({exc})")
            )
            return None
        return Draft(
            platform=platform,
            checklist_version=version,
            started=schema.from_text(started),
            answers=answers,
            position=int(position),
            note=data.get("note", ""),
        )

    def discard_draft(self, platform: str) -> None:
        with self._write("discarding your unfinished check") as conn:
            conn.execute("DELETE FROM drafts WHERE platform = ?", (platform,))

    # -- acceptance statement --------------------------------------------------------------------------

    def set_acceptance(self, name: str, on: dt.date) -> None:
        blob = self._sealer.seal({"name": name}, f"acceptance\x1f{on.isoformat()}")
        with self._write("saving your statement of acceptance") as conn:
            conn.execute(
                "INSERT OR REPLACE INTO acceptance (id, on_date, payload) VALUES (1, ?, ?)",
                (on.isoformat(), blob),
            )

    def acceptance(self) -> tuple[str, dt.date] | None:
        rows = self._read("SELECT on_date, payload FROM acceptance WHERE id = 1")
        if not rows:
            return None
        on_date, blob = rows[0]
        try:
            name = self._sealer.open(blob, f"acceptance\x1f{on_date}")["name"]
        except (crypto.DamagedData, KeyError, TypeError) as exc:
            self._damaged(
                "Your statement of acceptance",
                exc if isinstance(exc, crypto.DamagedData) else crypto.DamagedData(str(exc)),
            )
            return None
        return str(name), dt.date.fromisoformat(on_date)

    # -- settings --------------------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        if not rows:
            return default
        try:
            return json.loads(rows[0][0])
        except json.JSONDecodeError:
            return default

    def set_setting(self, key: str, value: Any) -> None:
        """Keep a small JSON value (in clear: settings are not private answers)."""
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"setting '{key}' must be a JSON value ({exc})") from exc
        if len(text.encode("utf-8")) > MAX_SETTING_BYTES:
            raise ValueError(f"setting '{key}' is too large for the record ({len(text)} characters)")
        with self._write("saving a setting") as conn:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, text))

    # -- export and import (used by store.exchange) ----------------------------------------------------

    def export_document(self) -> dict[str, Any]:
        """The whole record as plain JSON-ready values, decrypted, for the person's own use."""
        checks = []
        for row in self._check_rows(None):
            decoded = self._decode_check(row)
            if decoded is None:
                continue
            uid, result = decoded
            checks.append(
                {
                    "uid": uid,
                    "platform": result.platform,
                    "checklist_version": result.checklist_version,
                    "item_ids": list(result.item_ids),
                    "started": result.started.isoformat(),
                    "finished": result.finished.isoformat(),
                    "answers": [
                        {"item_id": a.item_id, "answer": a.answer.value, "note": a.note}
                        for a in result.answers
                    ],
                    "note": result.note,
                }
            )
        drafts = []
        for (platform,) in self._read("SELECT platform FROM drafts ORDER BY platform"):
            draft = self.load_draft(platform)
            if draft is not None:
                drafts.append(
                    {
                        "platform": draft.platform,
                        "checklist_version": draft.checklist_version,
                        "started": draft.started.isoformat(),
                        "position": draft.position,
                        "note": draft.note,
                        "answers": [
                            {"item_id": a.item_id, "answer": a.answer.value, "note": a.note}
                            for a in draft.answers.values()
                        ],
                    }
                )
        acceptance = self.acceptance()
        settings = {}
        for key, value in self._read("SELECT key, value FROM settings ORDER BY key"):
            try:
                settings[key] = json.loads(value)
            except json.JSONDecodeError:
                continue
        return {
            "format": "privacy-audit-record",
            "version": 1,
            "exported": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "platforms_in_use": self.platforms_in_use(),
            "checks": checks,
            "snoozes": {p: until.isoformat() for p, until in sorted(self.snoozes().items())},
            "drafts": drafts,
            "acceptance": None
            if acceptance is None
            else {"name": acceptance[0], "date": acceptance[1].isoformat()},
            "settings": settings,
        }

    def merge(
        self,
        checks: list[tuple[str, CheckResult]],
        platforms: Iterable[str],
        snoozes: dict[str, dt.datetime],
        drafts: list[Draft],
        acceptance: tuple[str, dt.date] | None,
        settings: dict[str, Any],
    ) -> dict[str, int]:
        """Add an export's contents in one transaction; checks already here (same uid, or same platform and
        times) are skipped, nothing already here is overwritten. Returns counts of what was added."""
        existing = self._read("SELECT uid, platform, started, finished FROM checks")
        seen_uids = {row[0] for row in existing}
        seen_keys = {(row[1], row[2], row[3]) for row in existing}
        rows = []
        skipped = 0
        for uid, result in checks:
            key = (result.platform, schema.to_text(result.started), schema.to_text(result.finished))
            if uid in seen_uids or key in seen_keys:
                skipped += 1
                continue
            seen_uids.add(uid)
            seen_keys.add(key)
            rows.append(self._check_row(result, uid))
        current_snoozes = self.snoozes()
        new_snoozes = {p: u for p, u in snoozes.items() if p not in current_snoozes or u > current_snoozes[p]}
        has_draft = {row[0] for row in self._read("SELECT platform FROM drafts")}
        draft_rows = []
        for draft in drafts:
            if draft.platform in has_draft:
                continue
            started = schema.to_text(draft.started)
            payload = {
                "answers": [
                    {"item_id": a.item_id, "answer": a.answer.value, "note": a.note}
                    for a in draft.answers.values()
                ],
                "note": draft.note,
            }
            draft_rows.append(
                (
                    draft.platform,
                    draft.checklist_version,
                    started,
                    draft.position,
                    self._sealer.seal(
                        payload,
                        self._draft_ad(draft.platform, draft.checklist_version, started, draft.position),
                    ),
                )
            )
        take_acceptance = acceptance is not None and not self._read("SELECT 1 FROM acceptance")
        have_settings = {row[0] for row in self._read("SELECT key FROM settings")}
        new_settings = {
            k: json.dumps(v, ensure_ascii=False) for k, v in settings.items() if k not in have_settings
        }
        with self._write("importing") as conn:
            conn.executemany(
                "INSERT INTO checks (uid, platform, checklist_version, item_ids, started, finished, payload) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.executemany(
                "INSERT OR IGNORE INTO platforms_in_use (platform) VALUES (?)",
                [(p,) for p in set(platforms) - {ALWAYS_IN_USE}],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO snoozes (platform, until) VALUES (?, ?)",
                [(p, schema.to_text(u)) for p, u in new_snoozes.items()],
            )
            conn.executemany(
                "INSERT INTO drafts (platform, checklist_version, started, position, payload) VALUES (?, ?, ?, ?, ?)",
                draft_rows,
            )
            if take_acceptance and acceptance is not None:
                conn.execute(
                    "INSERT INTO acceptance (id, on_date, payload) VALUES (1, ?, ?)",
                    (
                        acceptance[1].isoformat(),
                        self._sealer.seal(
                            {"name": acceptance[0]}, f"acceptance\x1f{acceptance[1].isoformat()}"
                        ),
                    ),
                )
            conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", list(new_settings.items()))
        return {
            "checks": len(rows),
            "checks_skipped": skipped,
            "drafts": len(draft_rows),
            "snoozes": len(new_snoozes),
            "acceptance": int(take_acceptance),
            "settings": len(new_settings),
        }

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None  # type: ignore[assignment]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- opening ---------------------------------------------------------------------------------------------


def _has_private_data(conn: sqlite3.Connection) -> bool:
    for table in ("checks", "drafts", "acceptance"):
        if conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            return True
    return False


def _set_meta(conn: sqlite3.Connection, values: dict[str, str]) -> None:
    conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", list(values.items()))


def _key_check(sealer: crypto.Sealer, record_id: str) -> str:
    return base64.b64encode(sealer.seal(KEY_CHECK, f"key-check\x1f{record_id}")).decode("ascii")


def _verifies(sealer: crypto.Sealer, record_id: str, check: str | None) -> bool:
    if not check:
        return False
    try:
        return sealer.open(base64.b64decode(check), f"key-check\x1f{record_id}") == KEY_CHECK
    except (crypto.DamagedData, ValueError):
        return False


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
        if not passphrase.strip():
            raise NeedsProtectionChoice(
                "The passphrase cannot be empty. Choose a passphrase you will remember."
            )
        salt = crypto.new_salt()
        sealer = crypto.Sealer(crypto.key_from_passphrase(passphrase, salt))
        _set_meta(
            conn,
            {
                "protection": "passphrase",
                "kdf": "scrypt",
                "kdf_salt": base64.b64encode(salt).decode("ascii"),
                "kdf_n": str(crypto.SCRYPT_N),
                "kdf_r": str(crypto.SCRYPT_R),
                "kdf_p": str(crypto.SCRYPT_P),
                "key_check": _key_check(sealer, record_id),
            },
        )
        return sealer, _protection("passphrase")
    if accept_unencrypted:
        _set_meta(conn, {"protection": "unencrypted"})
        return crypto.Sealer(None), _protection("unencrypted")
    raise NeedsProtectionChoice(
        f"This computer has no secure keyring to hold the key that protects your record ({problem}). "
        "Choose a passphrase to protect it, or choose to keep your answers unencrypted on this computer."
    )


def _unlock(
    conn: sqlite3.Connection, path: Path, passphrase: str | None, accept_unencrypted: bool
) -> tuple[str, crypto.Sealer, ProtectionInfo]:
    values = schema.meta(conn)
    record_id = values.get("record_id")
    if not record_id:  # written with the schema itself, so a record without one has been damaged or edited
        raise _SetAside(
            "damaged",
            "Your record had lost its identity (meta.record_id), so it could not be read. It "
            "was set aside as {moved} and a new record was started.",
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
                        "Your record had saved answers but no record of how they are protected, so "
                        "they cannot be read. It was set aside as {moved} and a new record was started.",
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

    if mode == "unencrypted":
        return record_id, crypto.Sealer(None), _protection("unencrypted")
    if mode == "passphrase":
        if passphrase is None:
            raise NeedsPassphrase("Your record is protected by a passphrase. Enter it to open the record.")
        try:
            salt = base64.b64decode(values["kdf_salt"])
            key = crypto.key_from_passphrase(
                passphrase, salt, int(values["kdf_n"]), int(values["kdf_r"]), int(values["kdf_p"])
            )
        except (KeyError, ValueError) as exc:
            raise _SetAside(
                "damaged",
                "Your record's protection settings are damaged, so it cannot be unlocked. It was "
                "set aside as {moved} and a new record was started.",
            ) from exc
        sealer = crypto.Sealer(key)
        if not _verifies(sealer, record_id, values.get("key_check")):
            raise WrongPassphrase(
                "That passphrase does not unlock your record. Nothing was changed; try again."
            )
        return record_id, sealer, _protection("passphrase")
    if mode == "keyring":
        backend = values.get("keyring_backend", "the keyring")
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
                f"The key to your record is missing from {backend} ({exc}), so your saved "
                "answers cannot be read. The record was set aside as {moved} (it can be opened again if "
                "the key is restored) and a new record was started.",
            ) from exc
        sealer = crypto.Sealer(key)
        if not _verifies(sealer, record_id, values.get("key_check")):
            raise _SetAside(
                "key-changed",
                f"The key {backend} holds for your record has changed and does not unlock it. "
                "The record was set aside as {moved} (it can be opened again if the old key is restored) "
                "and a new record was started.",
            )
        return record_id, sealer, _protection("keyring", backend)
    raise _SetAside(
        "unknown-protection",
        f"Your record uses a kind of protection ('{mode}') this version does not know. "
        "It was set aside as {moved} and a new record was started; a newer Privacy Audit can open it.",
    )


def _open_once(dirs: AppDirs, passphrase: str | None, accept_unencrypted: bool, notices: list[str]) -> Record:
    path = dirs.record_file
    conn = schema.connect(path, create=True)
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise _SetAside(
                "damaged", "Your record was damaged and set aside as {moved}; a new one was started."
            )
        found = schema.version(conn)
        if found > schema.LATEST:
            raise _SetAside(
                f"schema-v{found}",
                f"Your record was written by a newer version of Privacy Audit (record version {found}; this "
                f"version reads up to {schema.LATEST}). It was set aside as {{moved}} and a new record was "
                "started; install the newer version and move the file back to open it again.",
            )
        copy = schema.migrate(conn, dirs.data / "backups")
        if copy is not None:
            notices.append(
                f"Your record was upgraded to this version; a copy of it as it was is kept at {copy}."
            )
        record_id, sealer, protection = _unlock(conn, path, passphrase, accept_unencrypted)
    except BaseException:
        conn.close()
        raise
    return Record(conn, dirs, record_id, sealer, protection, notices)


def open_record(dirs: AppDirs, *, passphrase: str | None = None, accept_unencrypted: bool = False) -> Record:
    """Open (or create) the person's record. Raises RecordError (see the module docstring)."""
    path = dirs.record_file
    try:
        dirs.ensure()
    except OSError as exc:
        raise RecordNotWritable(
            f"Privacy Audit cannot create its folder {dirs.data} ({exc.strerror or exc}). Check that it is yours "
            "and writable, or run with --home pointing to a folder you can write to."
        ) from exc
    notices: list[str] = []
    for _attempt in range(3):
        try:
            return _open_once(dirs, passphrase, accept_unencrypted, notices)
        except _SetAside as reason:
            tag, message = reason.tag, reason.message
        except sqlite3.Error as exc:
            if not _is_damage(exc):
                raise _translate(exc, path, "opening your record") from exc
            tag, message = (
                "damaged",
                f"Your record was damaged ({exc}) and set aside as {{moved}}; a new one was started.",
            )
        except OSError as exc:  # permissions, a read-only or full disk, a vanished folder
            raise RecordNotWritable(
                f"Privacy Audit cannot open {path} ({exc.strerror or exc}). Check that it is yours and writable, or run "
                "with --home pointing to a folder you can write to; nothing was changed."
            ) from exc
        try:
            moved = set_aside(path, dirs.set_aside, tag)
        except OSError as exc:
            raise RecordNotWritable(
                f"{message.format(moved='(not moved)')} Moving it aside failed ({exc.strerror or exc}); nothing was "
                f"changed. Check that {dirs.data} is writable."
            ) from exc
        notices.append(message.format(moved=moved))
    raise RecordError(
        f"Your record could not be opened or started again in {dirs.data}; see the files in {dirs.set_aside}."
    )


# -- forgetting ------------------------------------------------------------------------------------------


def _record_ids(path: Path) -> list[str]:
    """The record id (keyring user name) of a record file, best effort: damaged files have none."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return []
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'record_id'").fetchone()
        return [row[0]] if row else []
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


def forget_everything(dirs: AppDirs) -> list[str]:
    """Delete the record, its copies and set-aside files, their keyring keys and the browser profile.

    Returns one sentence per thing done (or that could not be done), for the person to read. The record file
    goes first: if it cannot be deleted (another window is saving to it, or Windows holds it open), RecordLocked
    or RecordNotWritable is raised and nothing else is touched, so a record is never left behind without the
    key that reads it.
    """
    done: list[str] = []
    record_files = [dirs.record_file] if dirs.record_file.exists() else []
    for folder in (dirs.set_aside, dirs.data / "backups"):
        if folder.is_dir():
            record_files += sorted(p for p in folder.iterdir() if p.suffix == ".sqlite3")
    record_ids = sorted({rid for path in record_files for rid in _record_ids(path)})

    if dirs.record_file.exists():
        if _record_in_use(dirs.record_file):
            raise RecordLocked(
                f"Your record ({dirs.record_file}) is being saved by another Privacy Audit window or "
                "command. Close Privacy Audit and try again; nothing was deleted."
            )
        try:
            for suffix in ("",) + JOURNAL_SUFFIXES:
                dirs.record_file.with_name(dirs.record_file.name + suffix).unlink(missing_ok=True)
        except OSError as exc:
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
    if not done:
        done.append("There was nothing to delete: no record has been saved on this computer.")
    return done
