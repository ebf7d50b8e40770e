"""What a desktop reminder says and when one may be shown: due platforms, once-a-day limit, snoozes.

Standard library only, because `privacy-audit remind` runs at every login and must exit at once when
nothing is due. The due rules themselves are `privacy_audit.core.due` (through
`privacy_audit.store.reminder_inputs`); platform names come from the catalogue cache
(`core.cache.cached_platform_names`). This module words the reminder and keeps a small state file in
AppDirs.state:

    {"last_shown": "2026-11-27", "snoozed_until": "2026-11-30T09:00:00+00:00"}

`last_shown` makes sure nobody gets more than one reminder a day, however often they log in. A snooze is
stored in the record when it can be opened without asking anything (see `commands/remind.py`), and here
as well, so that it holds even when the record is protected by a passphrase the reminder cannot ask for.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path

STATE_FILE_NAME = "reminders.json"
SNOOZE = dt.timedelta(days=3)
MAX_STATE_BYTES = 64 * 1024  # the state is two short values


def platform_name(platform: str, names: Mapping[str, str]) -> str:
    """The platform's name as its checklist gives it (`names`, from the catalogue cache), else its id."""
    return names.get(platform) or platform.replace("-", " ").replace("_", " ").title()


def reminder_title() -> str:
    return "Privacy check due"


def reminder_text(platforms: list[str], names: Mapping[str, str]) -> str:
    """'Your termly privacy check is due: Facebook, Instagram'."""
    return "Your termly privacy check is due: " + ", ".join(platform_name(p, names) for p in platforms)


class ReminderState:
    """The small state file that limits reminders to one a day and remembers a snooze."""

    def __init__(self, state_dir: Path):
        self.path = Path(state_dir) / STATE_FILE_NAME

    def _read(self) -> dict:
        from privacy_audit.core.files import FileRefused, read_regular_file

        try:  # a regular file of a few bytes: a FIFO or a device here must not hang `remind` at every login
            data = json.loads(read_regular_file(self.path, MAX_STATE_BYTES).decode("utf-8"))
        except (FileRefused, ValueError):
            # Missing, damaged or not a file: that only costs at most one extra reminder; the next write
            # replaces it.
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict) -> bool:
        """Write the state; False when it cannot be written (a full or read-only disk, a folder in the way).

        That is never a reason to fail: at worst the person is reminded once more the same day."""
        from privacy_audit.core.files import write_atomically  # here: only a shown reminder writes

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # Owner-only like every file of the app (it says when the person was last reminded).
            write_atomically(self.path, json.dumps(data).encode("utf-8"))
        except OSError:
            return False
        return True

    def last_shown(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self._read()["last_shown"])
        except (KeyError, TypeError, ValueError):
            return None

    def shown_today(self, today: dt.date) -> bool:
        return self.last_shown() == today

    def mark_shown(self, today: dt.date) -> bool:
        data = self._read()
        data["last_shown"] = today.isoformat()
        return self._write(data)

    def snoozed_until(self) -> dt.datetime | None:
        try:
            until = dt.datetime.fromisoformat(self._read()["snoozed_until"])
        except (KeyError, TypeError, ValueError):
            return None
        return until if until.tzinfo is not None else None

    def snooze(self, until: dt.datetime) -> bool:
        data = self._read()
        data["snoozed_until"] = until.isoformat()
        return self._write(data)
