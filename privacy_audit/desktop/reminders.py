"""What a desktop reminder says and when one may be shown: due platforms, once-a-day limit, snoozes.

Standard library only, because `privacy-audit remind` runs at every login and must exit at once when
nothing is due. The due rules themselves are `privacy_audit.core.due`; this module feeds them the record's
clear-text dates (read by `privacy_audit.store.reminder_inputs`) and keeps a small state file in
AppDirs.state:

    {"last_shown": "2026-11-27", "snoozed_until": "2026-11-30T09:00:00+00:00"}

`last_shown` makes sure nobody gets more than one reminder a day, however often they log in. A snooze is
stored in the record when it can be opened without asking anything (see `commands/remind.py`), and here
as well, so that it holds even when the record is protected by a passphrase the reminder cannot ask for.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from privacy_audit.core.due import platform_status
from privacy_audit.core.platforms import ALWAYS_IN_USE, sort_key
from privacy_audit.core.terms import schedule_term_starts

STATE_FILE_NAME = "reminders.json"
SNOOZE = dt.timedelta(days=3)

# The reminder must not load the checklists (pydantic) just to name platforms, so it keeps their names here.
PLATFORM_NAMES: dict[str, str] = {
    "general": "All my accounts",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "whatsapp": "WhatsApp",
    "x": "X",
    "linkedin": "LinkedIn",
    "tiktok": "TikTok",
    "snapchat": "Snapchat",
    "youtube": "YouTube",
    "threads": "Threads",
    "pinterest": "Pinterest",
    "reddit": "Reddit",
    "flickr": "Flickr",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
}


def platform_name(platform: str) -> str:
    return PLATFORM_NAMES.get(platform, platform.replace("-", " ").replace("_", " ").title())


def due_platforms(
    *,
    in_use: Iterable[str],
    last_checked: Mapping[str, dt.datetime],
    snoozes: Mapping[str, dt.datetime],
    term_starts: list[dt.date],
    interval_days: int | None,
    now: dt.datetime,
) -> list[str]:
    """The platforms in use that are due at `now` (timezone-aware), in the app's order."""
    today = now.date()
    schedule = schedule_term_starts(list(term_starts), today)
    platforms = set(in_use) | {ALWAYS_IN_USE} if in_use else set()
    due = []
    for platform in sorted(platforms, key=sort_key):
        status = platform_status(
            platform,
            in_use=True,
            last_checked=last_checked.get(platform),
            snoozed_until=snoozes.get(platform),
            term_starts=schedule,
            interval_days=interval_days,
            now=now,
        )
        if status.due:
            due.append(platform)
    return due


def reminder_title() -> str:
    return "Privacy check due"


def reminder_text(platforms: list[str]) -> str:
    """'Your termly privacy check is due: Facebook, Instagram'."""
    return "Your termly privacy check is due: " + ", ".join(platform_name(p) for p in platforms)


class ReminderState:
    """The small state file that limits reminders to one a day and remembers a snooze."""

    def __init__(self, state_dir: Path):
        self.path = Path(state_dir) / STATE_FILE_NAME

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, NotADirectoryError):
            return {}
        except (OSError, ValueError):
            # A damaged state file only costs at most one extra reminder; the next write replaces it.
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        from privacy_audit.core.files import write_atomically  # here: only a shown reminder writes

        # Owner-only like every file of the app (it says when the person was last reminded).
        write_atomically(self.path, json.dumps(data).encode("utf-8"))

    def last_shown(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self._read()["last_shown"])
        except (KeyError, TypeError, ValueError):
            return None

    def shown_today(self, today: dt.date) -> bool:
        return self.last_shown() == today

    def mark_shown(self, today: dt.date) -> None:
        data = self._read()
        data["last_shown"] = today.isoformat()
        self._write(data)

    def snoozed_until(self) -> dt.datetime | None:
        try:
            until = dt.datetime.fromisoformat(self._read()["snoozed_until"])
        except (KeyError, TypeError, ValueError):
            return None
        return until if until.tzinfo is not None else None

    def snooze(self, until: dt.datetime) -> None:
        data = self._read()
        data["snoozed_until"] = until.isoformat()
        self._write(data)
