"""When a platform is due for its next check: pure functions over dates, standard library only.

A platform the person uses is due when it has not been checked since the current term began, or (when the
school sets an interval) when its last check is that many days old. A snooze postpones it. Nothing here
reads a clock or a file: the caller passes `now`, so every rule can be tested at any moment.

Days are counted in the time zone of `now` (pass `datetime.now().astimezone()`), because "checked since
the start of term" means the person's own calendar day, not UTC's: a check at 00:30 on the first day of
term in London is 23:30 the day before in UTC, and it still counts for the new term.
"""

from __future__ import annotations

import datetime as dt
from collections import namedtuple

from privacy_audit.core.terms import current_term_start, next_term_start


# A named tuple, not a dataclass, to keep `privacy-audit remind` quick to start (see core/paths.py).
class PlatformStatus(
    namedtuple("PlatformStatus", ("platform", "in_use", "last_checked", "due", "next_due", "snoozed_until"))
):
    """One platform's due state. `last_checked` and `snoozed_until` are aware datetimes or None; `next_due` is
    the day it became due (when due) or the day it next will be; `snoozed_until` is set only while the snooze
    is still running."""

    __slots__ = ()


FUTURE_TOLERANCE = dt.timedelta(days=1)


def platform_status(
    platform: str,
    *,
    in_use: bool,
    last_checked: dt.datetime | None,
    snoozed_until: dt.datetime | None,
    term_starts: list[dt.date],
    interval_days: int | None,
    now: dt.datetime,
) -> PlatformStatus:
    """Whether `platform` is due at `now`, and its next due day. All datetimes must be timezone-aware."""
    for name, value in (("now", now), ("last_checked", last_checked), ("snoozed_until", snoozed_until)):
        if value is not None and value.tzinfo is None:
            raise ValueError(f"{name} must be timezone-aware")
    snooze = snoozed_until if snoozed_until is not None and snoozed_until > now else None
    if not in_use:
        return PlatformStatus(platform, False, last_checked, False, None, None)

    zone = now.tzinfo
    today = now.date()
    # A check "in the future" means a clock was wrong: either it is set back now, or it was ahead when the
    # check was saved. A few hours ahead is a time-zone or clock drift and counts as made now. Further
    # ahead we cannot tell when the check really happened, and counting it as done would silence every
    # reminder until that date (possibly years), so the platform is treated as not checked this term: at
    # worst the person is reminded once more than needed.
    if last_checked is not None and last_checked > now + FUTURE_TOLERANCE:
        effective_last = None
    else:
        effective_last = min(last_checked, now) if last_checked is not None else None
    last_day = effective_last.astimezone(zone).date() if effective_last is not None else None

    term_start = current_term_start(term_starts, today)
    candidates_due: list[dt.date] = []  # days on which it became due (on or before today)
    candidates_next: list[dt.date] = []  # days on which it will become due (after today)
    if last_day is None:
        candidates_due.append(term_start or today)
    else:
        if term_start is not None and last_day < term_start:
            candidates_due.append(term_start)
        else:
            upcoming = next_term_start(term_starts, today)
            if upcoming is not None:
                candidates_next.append(upcoming)
        if interval_days:
            try:
                by_interval = last_day + dt.timedelta(days=interval_days)
            except (
                OverflowError,
                TypeError,
                ValueError,
            ):  # a damaged cache (the config allows 7-366): no interval
                by_interval = None
            if by_interval is not None:
                (candidates_due if by_interval <= today else candidates_next).append(by_interval)

    if candidates_due:
        if snooze is not None:
            return PlatformStatus(platform, True, last_checked, False, snooze.astimezone(zone).date(), snooze)
        return PlatformStatus(platform, True, last_checked, True, min(candidates_due), None)
    next_due = min(candidates_next) if candidates_next else None
    if snooze is not None and next_due is not None:
        next_due = max(next_due, snooze.astimezone(zone).date())
    return PlatformStatus(platform, True, last_checked, False, next_due, snooze)
