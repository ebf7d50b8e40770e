"""What the settings report says, worked out once for the app and `privacy-audit export --format pdf`.

Qt-free: the record (an open `store.Record`) and the catalogue in, the arguments of `write_pdf_report` out.
Both callers run this off any GUI thread, because it decrypts the latest check of every platform.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from privacy_audit.core.audit import CheckResult
from privacy_audit.core.due import statuses, unresolved_counts
from privacy_audit.core.platforms import ALWAYS_IN_USE, sort_key
from privacy_audit.core.terms import current_term_start, schedule_term_starts


def in_use_platforms(platforms: Iterable[str], known: Iterable[str]) -> list[str]:
    """The platforms the person uses that the app has a checklist for, with the general checklist always
    included, in the app's order."""
    known = set(known)
    in_use = [p for p in platforms if p in known]
    if ALWAYS_IN_USE in known and ALWAYS_IN_USE not in in_use:
        in_use.insert(0, ALWAYS_IN_USE)
    return sorted(in_use, key=sort_key)


def latest_checks(record: Any, platforms: Iterable[str]) -> dict[str, CheckResult]:
    """Each platform's latest finished check (the answers are decrypted)."""
    latest: dict[str, CheckResult] = {}
    for platform in platforms:
        found = record.checks(platform)  # newest first
        if found:
            latest[platform] = found[0]
    return latest


def report_arguments(
    record: Any,
    catalogue: Any,
    *,
    configured_terms: list[dt.date],
    interval_days: int | None,
    now: dt.datetime,
    person: str = "",
) -> dict[str, Any]:
    """Everything `write_pdf_report` needs besides the path: every platform in use with its state (never
    checked, due, to fix, not possible, up to date), each one's latest check, the signed statement and the
    term. A snooze postpones a reminder; it does not change what the report says."""
    in_use = in_use_platforms(record.platforms_in_use(), catalogue.checklists)
    latest = latest_checks(record, catalogue.checklists)
    to_fix, not_possible = unresolved_counts(latest.values())
    found = statuses(
        in_use,
        last_checked=record.last_checked(),
        snoozes={},
        configured_terms=configured_terms,
        interval_days=interval_days,
        now=now,
        to_fix=to_fix,
        not_possible=not_possible,
    )
    return {
        "catalogue": catalogue,
        "checks": list(latest.values()),
        "acceptance": record.acceptance(),
        "school_name": catalogue.school.config.school_name,
        "in_use": in_use,
        "statuses": found,
        "person": person,
        "term_start": current_term_start(schedule_term_starts(configured_terms, now.date()), now.date()),
        "today": now.date(),
    }
