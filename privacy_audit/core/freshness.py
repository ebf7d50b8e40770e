"""Whether a checklist item's guidance may be out of date, and the words that say so.

Platforms move their settings without notice (policy 9.1), so every item carries the date someone last
confirmed its steps. Guidance verified more than six months (183 days) ago is shown with a warning, so a
teacher who cannot find a setting knows the checklist may be at fault rather than them.

Pure functions of dates: no clock is read here, so callers pass `today` and tests need no freezing.
The English texts are templates the desktop app passes through Qt's translation (`FRESHNESS_CONTEXT`);
the date is formatted with a fixed English month name, never the process locale, so the same record reads
the same on every machine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from privacy_audit.core.checklist import Checklist

# Six months: half a leap year, so a date six calendar months back never counts as stale by a day.
MAX_AGE_DAYS = 183

# Context and source texts for Qt's translation tools (QCoreApplication.translate(FRESHNESS_CONTEXT, ...)).
FRESHNESS_CONTEXT = "Freshness"
VERIFIED_TEMPLATE = "Guidance last verified on {date}"
OUT_OF_DATE_TEXT = "may be out of date — tell your school if the setting has moved"

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: dt.date) -> str:
    """'27 November 2026': day, month name, year, the way dates are written in English schools."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def may_be_out_of_date(last_verified: dt.date, today: dt.date) -> bool:
    """True when the guidance was last verified more than MAX_AGE_DAYS days before `today`.

    A date after `today` (a wrong clock, or a checklist from the future) is not stale: the warning is for
    old guidance, and a clock problem is not something the person can fix by telling their school.
    """
    return (today - last_verified).days > MAX_AGE_DAYS


@dataclass(frozen=True)
class Freshness:
    """How fresh one item's (or one checklist's oldest item's) guidance is, on a given day."""

    last_verified: dt.date
    today: dt.date

    @property
    def age_days(self) -> int:
        return max(0, (self.today - self.last_verified).days)

    @property
    def out_of_date(self) -> bool:
        return may_be_out_of_date(self.last_verified, self.today)

    @property
    def verified_text(self) -> str:
        """'Guidance last verified on 27 November 2026'."""
        return VERIFIED_TEMPLATE.format(date=long_date(self.last_verified))

    @property
    def text(self) -> str:
        """The whole line: 'Guidance last verified on 1 May 2026 and may be out of date — tell your school …'."""
        if self.out_of_date:
            return f"{self.verified_text} and {OUT_OF_DATE_TEXT}"
        return self.verified_text


def freshness(last_verified: dt.date, today: dt.date) -> Freshness:
    return Freshness(last_verified=last_verified, today=today)


def oldest_verified(dates: Iterable[dt.date]) -> dt.date | None:
    """The earliest of `dates`, or None when there are none."""
    return min(dates, default=None)


def checklist_freshness(checklist: Checklist, today: dt.date) -> Freshness:
    """A checklist is only as fresh as its least recently verified item."""
    oldest = oldest_verified(item.last_verified for item in checklist.items)
    # A Checklist always has at least one item (the model requires it); fall back for safety all the same.
    return Freshness(last_verified=oldest or checklist.last_reviewed, today=today)


def stale_items(checklist: Checklist, today: dt.date) -> list[str]:
    """Ids of the items whose guidance may be out of date, in checklist order."""
    return [item.id for item in checklist.items if may_be_out_of_date(item.last_verified, today)]
