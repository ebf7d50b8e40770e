"""The dashboard snapshot: what the first screen needs from the catalogue, kept as plain JSON values.

Start-up has two phases (see `privacy_audit.app`); this module is Qt-free. Before the first paint the app may import only the
standard library and PySide6, so it cannot load the checklists (pydantic) or open the record (keyring,
cryptography). What the dashboard shows comes instead from the record's clear columns
(`store.reminder_inputs`) and from this snapshot: platform names, the school's name, contact and term
dates, platform colours, and the catalogue's problems. The snapshot is rewritten after every full load of the catalogue and
the record; it is keyed like the catalogue cache (app version, every checklist file's size and mtime) plus
the school config that was in force, so an edited checklist or school.yaml makes it stale, and a stale,
missing or damaged snapshot simply means the app starts the long way round (load, then show).

Standard library only: importing this module must not import pydantic, keyring or cryptography.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from privacy_audit.core.files import FileRefused, read_regular_file, write_atomically

SNAPSHOT_NAME = "dashboard-snapshot.json"
MAX_SNAPSHOT_BYTES = 1024 * 1024  # names, colours and dates of a few dozen platforms
FORMAT = 2
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class DashboardSnapshot:
    """The plain values the dashboard is drawn from before the full catalogue is loaded."""

    school_name: str
    contact: str  # "Ms Smith (DSL), dsl@school.example" as Contact.describe() says it
    platform_names: dict[str, str]  # every checklist in the catalogue, in the app's order
    platform_colours: dict[str, str]  # "#rrggbb" of each checklist that sets one (`Checklist.colour`)
    offered: tuple[str, ...]
    term_starts: tuple[dt.date, ...]  # as the school configured them (empty: the built-in year)
    interval_days: int | None
    problems: tuple[str, ...] = ()
    # What the record said the last time it was opened. Only used to choose the fast start: a person who
    # has not finished the first run, or protects the record with a passphrase, starts the long way.
    first_run_done: bool = False
    protection_mode: str = ""
    key: dict[str, Any] = field(default_factory=dict, compare=False)

    def with_record(self, *, first_run_done: bool, protection_mode: str) -> DashboardSnapshot:
        return replace(self, first_run_done=first_run_done, protection_mode=protection_mode)

    @property
    def usable_before_opening(self) -> bool:
        return self.first_run_done and self.protection_mode in ("keyring", "unencrypted")


def from_catalogue(catalogue: Any, key: dict[str, Any]) -> DashboardSnapshot:
    """The snapshot of a loaded `core.catalogue.Catalogue` (record facts are added with `with_record`)."""
    config = catalogue.school.config
    return DashboardSnapshot(
        school_name=config.school_name,
        contact=config.contact.describe(),
        platform_names={pid: checklist.name for pid, checklist in catalogue.checklists.items()},
        platform_colours=platform_colours(catalogue),
        offered=tuple(c.platform for c in catalogue.offered()),
        term_starts=tuple(config.term_starts),
        interval_days=config.reminder_interval_days,
        problems=tuple(catalogue.problems),
        key=key,
    )


def platform_colours(catalogue: Any) -> dict[str, str]:
    """Each checklist's icon colour by platform id, for those that set one."""
    return {pid: c.colour for pid, c in catalogue.checklists.items() if c.colour}


# -- the key ----------------------------------------------------------------------------------------------


def _stamp(path: Path) -> list[int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return [status.st_mtime_ns, status.st_size]


def snapshot_key(school_config: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """What the snapshot depends on: the catalogue cache's key plus the school config file in force."""
    from privacy_audit.core.cache import cache_key
    from privacy_audit.core.paths import checklists_dir, find_school_config

    school = find_school_config(school_config)
    return {
        "format": FORMAT,
        "catalogue": cache_key(checklists_dir()),
        "school": None if school is None else [str(school.resolve()), _stamp(school)],
    }


# -- reading and writing ------------------------------------------------------------------------------------


def read_snapshot(path: Path, key: dict[str, Any]) -> DashboardSnapshot | None:
    """The snapshot at `path` if it was written for `key`; None when missing, stale or damaged."""
    try:
        # A regular file, read to a limit: a FIFO or a device in its place must not stop the app starting.
        data = json.loads(read_regular_file(path, MAX_SNAPSHOT_BYTES).decode("utf-8"))
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        body = data["snapshot"]
        names = body["platform_names"]
        colours = body["platform_colours"]
        if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
            return None
        if not isinstance(colours, dict) or not all(_COLOUR.fullmatch(str(v)) for v in colours.values()):
            return None
        interval = body["interval_days"]
        return DashboardSnapshot(
            school_name=str(body["school_name"]),
            contact=str(body["contact"]),
            platform_names={str(k): v for k, v in names.items()},
            platform_colours={str(k): str(v) for k, v in colours.items()},
            offered=tuple(str(p) for p in body["offered"]),
            term_starts=tuple(dt.date.fromisoformat(d) for d in body["term_starts"]),
            interval_days=None if interval is None else int(interval),
            problems=tuple(str(p) for p in body["problems"]),
            first_run_done=body["first_run_done"] is True,
            protection_mode=str(body["protection_mode"]),
            key=key,
        )
    except (
        FileRefused,
        OSError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
    ):  # any doubt: start the long way
        return None


def write_snapshot(path: Path, snapshot: DashboardSnapshot) -> bool:
    """Write atomically and owner-only; True if written. A failure is harmless: the next start is slower."""
    body = asdict(snapshot)
    del body["key"]
    body["offered"] = list(snapshot.offered)
    body["problems"] = list(snapshot.problems)
    body["term_starts"] = [d.isoformat() for d in snapshot.term_starts]
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(path, json.dumps({"key": snapshot.key, "snapshot": body}).encode("utf-8"))
    except (OSError, TypeError, ValueError):
        return False
    return True


def remove_snapshot(path: Path) -> None:
    """Forget the snapshot (after "forget everything": the next start must not show the old dashboard)."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
