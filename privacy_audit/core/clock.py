"""Time as the app reads it: now in UTC (`utc_now`, the default `clock` of the services and the start, so
tests can give their own), and a moment as the day it was on this computer's clock (`local_day`), which is
how the screens and the record's notices date a check.

A module of its own so that the start-up path (`store.first_overview`) can ask the time without importing
the check results' dataclasses in `core.audit`.
"""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def local_day(when: dt.date | dt.datetime) -> dt.date:
    """A moment as the day it was on this computer's clock; a date as it is."""
    return when.astimezone().date() if isinstance(when, dt.datetime) else when
