"""The person's record, once open: platforms in use, finished checks, snoozes, drafts, the acceptance
statement and small settings, read and written through one SQLite connection.

Dates stay in clear so a reminder never needs the keyring; answers, notes, drafts and the name typed for the
acceptance statement are sealed (see `crypto`, and `payload` for the one shape of a check's answers).
Opening, unlocking and setting a damaged record aside are in `opening`; forgetting everything in `forget`.

A Record may be used from any one thread at a time; an internal lock serialises calls.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Self, TypeVar

from privacy_audit.core.audit import CheckResult, Draft, ItemAnswer
from privacy_audit.core.clock import local_day
from privacy_audit.core.paths import AppDirs
from privacy_audit.core.platforms import ALWAYS_IN_USE, sort_key
from privacy_audit.store import crypto, payload, schema
from privacy_audit.store.errors import RecordError, SetAsideNotice, translate_sqlite_error
from privacy_audit.store.notices import RecordNotice, RecordNoticeKind

if TYPE_CHECKING:  # also the names that moved (see `_MOVED` at the end), for type checkers
    from privacy_audit.store.forget import forget_everything  # noqa: F401
    from privacy_audit.store.opening import ProtectionInfo, open_record, set_aside  # noqa: F401

MAX_SETTING_BYTES = 64 * 1024
_Built = TypeVar("_Built")
JOURNAL_SUFFIXES = ("-journal", "-wal", "-shm")


class Record:
    """The open record. Create it with `open_record`; close it when done."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        dirs: AppDirs,
        record_id: str,
        sealer: crypto.Sealer,
        protection: ProtectionInfo,
        told: list[RecordNotice],
        set_aside: tuple[SetAsideNotice, ...] = (),
    ) -> None:
        self._conn = conn
        self._sealer = sealer
        self._lock = threading.RLock()
        self.record_id = record_id
        self.protection = protection
        self.told = told  # what to tell besides records set aside: an upgrade, entries that cannot be read
        self.set_aside = tuple(set_aside)  # the records this opening moved aside (also in `notices`)
        self.path = dirs.record_file

    @property
    def notices(self) -> list[str]:
        """Everything to tell, in English (the terminal): the records set aside first, then `told`."""
        return [n.message for n in self.set_aside] + [n.message for n in self.told]

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
                    self._roll_back()
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._roll_back()
                raise translate_sqlite_error(exc, self.path, doing) from exc

    def _roll_back(self) -> None:
        """Undo the open transaction, if SQLite has not already (it does after a full disk): the error that
        stopped the write is the one to report, never "cannot rollback - no transaction is active"."""
        assert self._conn is not None
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            if self._conn is None:
                raise RecordError("The record is closed.")
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise translate_sqlite_error(exc, self.path, "reading your record") from exc

    def _damaged(self, notice: RecordNotice) -> None:
        if notice.day:  # worked out here, for the rare entry that cannot be read, not for every row read
            notice = notice._replace(day=_saved_day(notice.day))
        if notice not in self.told:
            self.told.append(notice)

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
        ad = self._check_ad(uid, result.platform, result.checklist_version, item_ids, started, finished)
        return (
            uid,
            result.platform,
            result.checklist_version,
            item_ids,
            started,
            finished,
            self._sealer.seal(payload.encode(result.answers, result.note), ad),
        )

    def _check_rows(self, platform: str | None) -> list[tuple[Any, ...]]:
        sql = "SELECT id, uid, platform, checklist_version, item_ids, started, finished, payload FROM checks"
        params: tuple[Any, ...] = ()
        if platform is not None:
            sql += " WHERE platform = ?"
            params = (platform,)
        return self._read(sql + " ORDER BY finished DESC, id DESC", params)

    def _decode_check(self, row: tuple[Any, ...]) -> tuple[str, CheckResult] | None:
        rowid, uid, platform, version, item_ids, started, finished, blob = row
        result = self._unsealed(
            RecordNotice(
                RecordNoticeKind.CHECK_UNREADABLE, platform, str(finished)
            ),  # `_damaged` makes it a day
            blob,
            self._check_ad(uid, platform, version, item_ids, started, finished),
            lambda answers, note: CheckResult(
                platform=platform,
                checklist_version=version,
                item_ids=tuple(json.loads(item_ids)),
                started=schema.from_text(started),
                finished=schema.from_text(finished),
                answers=answers,
                note=note,
                id=rowid,
            ),
        )
        return None if result is None else (uid, result)

    def _unsealed(
        self, what: RecordNotice, blob: Any, ad: str, build: Callable[[tuple[ItemAnswer, ...], str], _Built]
    ) -> _Built | None:
        """`build(answers, note)` from a sealed check payload; a damaged one (altered, another key, or content
        that does not fit) is named in `notices` as `what`, and None returned, so it never stops the app."""
        try:
            answers, note = payload.decode(self._sealer.open(blob, ad))
            try:
                return build(answers, note)
            except (TypeError, ValueError) as exc:
                raise crypto.DamagedData(f"unexpected content ({exc})") from exc
        except crypto.DamagedData as exc:
            self._damaged(what._replace(detail=str(exc)))
            return None

    def checks(self, platform: str | None = None) -> list[CheckResult]:
        """Finished checks, newest first, decrypted. A damaged one is left out and named in `notices`."""
        decoded = (self._decode_check(row) for row in self._check_rows(platform))
        return [pair[1] for pair in decoded if pair is not None]

    def _latest_times(self, sql: str, what: RecordNoticeKind) -> dict[str, dt.datetime]:
        """Each platform's latest time from (platform, time) rows; an unreadable time (a damaged or edited
        row) is named in `notices` and skipped, so one bad row never hides the others or stops the app."""
        latest: dict[str, dt.datetime] = {}
        for platform, text in self._read(sql):
            try:
                moment = schema.from_text(str(text))
            except (ValueError, TypeError, OverflowError):
                shown = "".join(ch if ch.isprintable() else "?" for ch in str(text))[:40]
                self._damaged(RecordNotice(what, str(platform), detail=f"its date '{shown}' is not a date"))
                continue
            if platform not in latest or moment > latest[platform]:
                latest[platform] = moment
        return latest

    def last_checked(self) -> dict[str, dt.datetime]:
        """Each platform's latest finished check (clear columns only: no key needed)."""
        return self._latest_times(
            "SELECT platform, finished FROM checks", RecordNoticeKind.CHECK_DATE_UNREADABLE
        )

    # -- snoozes ---------------------------------------------------------------------------------------

    def snooze(self, platform: str, until: dt.datetime) -> None:
        with self._write("saving the snooze") as conn:
            conn.execute(
                "INSERT OR REPLACE INTO snoozes (platform, until) VALUES (?, ?)",
                (platform, schema.to_text(until)),
            )

    def snoozes(self) -> dict[str, dt.datetime]:
        return self._latest_times("SELECT platform, until FROM snoozes", RecordNoticeKind.SNOOZE_UNREADABLE)

    # -- drafts ----------------------------------------------------------------------------------------

    @staticmethod
    def _draft_ad(platform: str, version: str, started: str, position: int) -> str:
        return f"drafts\x1f{platform}\x1f{version}\x1f{started}\x1f{position}"

    def save_draft(self, draft: Draft) -> None:
        started = schema.to_text(draft.started)
        blob = self._sealer.seal(
            payload.encode(draft.answers.values(), draft.note),
            self._draft_ad(draft.platform, draft.checklist_version, started, draft.position),
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
        return self._unsealed(
            RecordNotice(RecordNoticeKind.DRAFT_UNREADABLE, platform),
            blob,
            self._draft_ad(platform, version, started, position),
            lambda answers, note: Draft(
                platform=platform,
                checklist_version=version,
                started=schema.from_text(started),
                answers={a.item_id: a for a in answers},
                position=int(position),
                note=note,
            ),
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
            self._damaged(RecordNotice(RecordNoticeKind.STATEMENT_UNREADABLE, detail=str(exc)))
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
                    "answers": payload.answers_to_json(result.answers),
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
                        "answers": payload.answers_to_json(draft.answers.values()),
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
            draft_rows.append(
                (
                    draft.platform,
                    draft.checklist_version,
                    started,
                    draft.position,
                    self._sealer.seal(
                        payload.encode(draft.answers.values(), draft.note),
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


# Names that used to live here, still importable from `privacy_audit.store.record` (loaded on first use:
# `opening` imports this module).
_MOVED = {
    "ProtectionInfo": "opening",
    "open_record": "opening",
    "set_aside": "opening",
    "forget_everything": "forget",
}


def __getattr__(name: str) -> object:
    module = _MOVED.get(name)
    if module is None:
        raise AttributeError(f"module 'privacy_audit.store.record' has no attribute {name!r}")
    return getattr(importlib.import_module(f"privacy_audit.store.{module}"), name)


def _saved_day(moment: object) -> str:
    """The day (YYYY-MM-DD) a saved moment was on this computer's clock (`core.clock.local_day`), as the
    screens date checks; the text's own first ten characters when it is not a moment."""
    try:
        return local_day(schema.from_text(str(moment))).isoformat()
    except (ValueError, TypeError, OverflowError):
        return str(moment)[:10]
