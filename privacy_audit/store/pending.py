"""Set-aside notices not yet delivered with an open record, kept in the new record's settings.

When a record is set aside and the new one cannot be opened at once (it needs a passphrase or a choice,
and the run stops there), the notices wait in the new record's `settings` table under PENDING_KEY until an
opening returns them on a `Record`. Standard library only, and readable without any key, so that `status`,
`remind` and the app's first screen can say "your earlier record was set aside, here is the copy" too.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from privacy_audit.store.errors import SetAsideNotice, SetAsideReason

PENDING_KEY = "pending_set_aside"


def read_pending(conn: sqlite3.Connection) -> list[SetAsideNotice]:
    """The notices kept in an open record (none when there are none or they cannot be read)."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (PENDING_KEY,)).fetchone()
    except sqlite3.Error:
        return []
    if row is None:
        return []
    try:
        kept = json.loads(row[0])
    except ValueError:
        return []
    if not isinstance(kept, list):
        return []
    notices = []
    for values in kept:  # each on its own: one that cannot be read does not silence the others
        try:
            notices.append(_notice(*values))
        except (ValueError, TypeError):
            continue
    return notices


def _notice(
    reason: object, moved_to: object, message: object, code: object = None, detail: object = ""
) -> SetAsideNotice:
    """A kept notice. One kept before notices had codes (three values), or with a code this version does not
    know, takes its code from its tag; a newer record's version is in its tag too ("schema-v7")."""
    tag = str(reason)
    try:
        known = SetAsideReason(str(code)) if code is not None else SetAsideReason.of_tag(tag)
    except ValueError:
        known = SetAsideReason.of_tag(tag)
    fact = str(detail)
    if not fact and known == SetAsideReason.NEWER_VERSION:
        fact = tag.removeprefix("schema-v")
    return SetAsideNotice(tag, Path(str(moved_to)), str(message), known, fact)


def keep_pending(conn: sqlite3.Connection, fresh: list[SetAsideNotice]) -> list[SetAsideNotice]:
    """Everything still to tell: kept earlier in this record, then `fresh` (added to what is kept)."""
    stored = read_pending(conn)
    new = [n for n in fresh if n not in stored]
    if new:
        kept = [[n.reason, str(n.moved_to), n.message, n.code.value, n.detail] for n in stored + new]
        text = json.dumps(kept, ensure_ascii=False)
        try:
            conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (PENDING_KEY, text))
        except sqlite3.Error:
            pass  # still told in this run, through the exception or the record
    return stored + new


def pending_set_aside(record_file: Path) -> tuple[SetAsideNotice, ...]:
    """The set-aside notices waiting in the record at `record_file`, read-only and without its key."""
    if not record_file.is_file():
        return ()
    try:
        conn = sqlite3.connect(f"{record_file.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return ()
    try:
        return tuple(read_pending(conn))
    finally:
        conn.close()
