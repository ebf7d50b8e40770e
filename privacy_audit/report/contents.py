"""What the settings report says, worked out once for the app and `privacy-audit export --format pdf`.

Qt-free: the record (an open `store.Record`) and the catalogue in, the arguments of `write_pdf_report` out.
Both callers run this off any GUI thread, because it decrypts the latest check of every platform.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from privacy_audit.core.due import statuses, unresolved_counts
from privacy_audit.core.platforms import in_use_platforms
from privacy_audit.core.terms import current_term_start, schedule_term_starts

if TYPE_CHECKING:
    from privacy_audit.core.audit import CheckResult


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
