"""School terms: the built-in English school year, and which term a day falls in.

Standard library only (no pydantic), because `privacy-audit remind` imports this on every login and must
stay fast. A school's own term dates come from `school.yaml`; when it gives none, or its list runs out,
the usual English school year fills in: autumn term in early September, spring term in early January,
summer term in mid April.
"""

from __future__ import annotations

import datetime as dt

# A default start this close to one the school gave is the same term under another date, so it is left out.
_SAME_TERM = dt.timedelta(days=60)


def _weekday_on_or_after(day: dt.date, weekday: int | None = None) -> dt.date:
    """`day` itself, or the next day that is `weekday` (0 = Monday), or the next Monday-to-Friday day."""
    if weekday is None:
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
        return day
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def default_term_starts(first_year: int, last_year: int) -> list[dt.date]:
    """The usual English term starts in the calendar years `first_year`..`last_year`, in order.

    Spring: the first Monday on or after 2 January (staff are back after New Year).
    Summer: the first Monday on or after 14 April (after the Easter holidays in most years).
    Autumn: the first weekday on or after 1 September.
    These are a default for reminders, not a calendar: a school that wants exact dates puts them in school.yaml.
    """
    starts: list[dt.date] = []
    for year in range(first_year, last_year + 1):
        starts.append(_weekday_on_or_after(dt.date(year, 1, 2), weekday=0))
        starts.append(_weekday_on_or_after(dt.date(year, 4, 14), weekday=0))
        starts.append(_weekday_on_or_after(dt.date(year, 9, 1)))
    return starts


def current_term_start(term_starts: list[dt.date], today: dt.date) -> dt.date | None:
    """The start of the term `today` is in: the latest start on or before today; None before the first one."""
    started = [start for start in term_starts if start <= today]
    return max(started) if started else None


def next_term_start(term_starts: list[dt.date], today: dt.date) -> dt.date | None:
    """The first term start after `today`, or None when the list has none."""
    later = [start for start in term_starts if start > today]
    return min(later) if later else None


def schedule_term_starts(configured: list[dt.date], today: dt.date) -> list[dt.date]:
    """The term starts to use around `today`: the school's own dates, with the default year around them.

    With no school dates, the defaults for last year to next year. With school dates, defaults are added only
    before the first and after the last of them (a school that listed one year is not left without terms
    the year after, which would mean no more reminders).
    """
    # Years kept inside what `datetime.date` can hold, and the comparisons below written so that no sum
    # leaves it: a date near year 1 or 9999 (from a file or a damaged cache) must never raise OverflowError.
    year = min(max(today.year, dt.MINYEAR + 1), dt.MAXYEAR - 1)
    defaults = default_term_starts(year - 1, year + 1)
    if not configured:
        return defaults
    configured = sorted(set(configured))
    first, last = configured[0], configured[-1]
    before = [d for d in defaults if (first - d) > _SAME_TERM]
    after = [d for d in defaults if (d - last) > _SAME_TERM]
    return before + configured + after
