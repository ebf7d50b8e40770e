"""The app's one clock: now, in UTC. Dates shown to people are converted to local time where they are shown.

A module of its own so that the start-up path (`store.first_overview`) can ask the time without importing
the check results' dataclasses in `core.audit`.
"""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
