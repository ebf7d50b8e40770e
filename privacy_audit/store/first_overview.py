"""Phase 1 of the app's start: the first overview, read from the dashboard snapshot and the record's clear
columns without the keyring, the catalogue or Qt (see `privacy_audit.app`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from privacy_audit.core.clock import utc_now
from privacy_audit.core.due import statuses
from privacy_audit.core.overview import Overview
from privacy_audit.core.paths import AppDirs
from privacy_audit.core.platforms import in_use_platforms
from privacy_audit.core.snapshot import SNAPSHOT_NAME, DashboardSnapshot, read_snapshot, snapshot_key
from privacy_audit.store.reminder_inputs import read_reminder_inputs


def first_overview(
    dirs: AppDirs, school_config: Any = None, clock: Callable[[], dt.datetime] = utc_now
) -> tuple[DashboardSnapshot, Overview] | None:
    """Phase 1: the dashboard snapshot and an overview read from the record's clear columns, or None when
    the app must start the long way (no or stale snapshot, first run not done, a passphrase, no record).

    Standard library only, and quick (two small files): it runs once, before PySide6 is imported.
    """
    try:
        key = snapshot_key(school_config)
    except OSError:  # the app's own files are missing: phase 2 will say so
        return None
    snapshot = read_snapshot(dirs.state / SNAPSHOT_NAME, key)
    if snapshot is None or not snapshot.usable_before_opening:
        return None
    inputs = read_reminder_inputs(dirs.record_file)
    if inputs is None:
        return None
    in_use = in_use_platforms(inputs.platforms_in_use, snapshot.platform_names)
    found = statuses(
        in_use,
        last_checked=inputs.last_checked,
        snoozes=inputs.snoozes,
        configured_terms=snapshot.term_starts,
        interval_days=snapshot.interval_days,
        now=clock().astimezone(),
    )
    overview = Overview(in_use=in_use, statuses=found, first_run_done=True, acceptance=None)
    return snapshot, overview
