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

from privacy_audit.core.terms import current_term_start, next_term_start, schedule_term_starts

TYPE_CHECKING = False  # `privacy-audit remind` imports this module and must stay quick to start: no `typing`
if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping

    from privacy_audit.core.audit import CheckResult


# A named tuple, not a dataclass, to keep `privacy-audit remind` quick to start (see core/paths.py).
class PlatformStatus(
    namedtuple(
        "PlatformStatus",
        (
            "platform",
            "in_use",
            "last_checked",
            "due",
            "next_due",
            "snoozed_until",
            "has_draft",
            "to_fix",
            "not_possible",
        ),
        defaults=(False, None, None),
    )
):
    """One platform's due state. `last_checked` and `snoozed_until` are aware datetimes or None; `next_due` is
    the day it became due (when due) or the day it next will be; `snoozed_until` is set only while the snooze
    is still running. `has_draft` says a check was kept for later; `to_fix` is how many items the last check
    left needing attention ("I need help with this") and `not_possible` how many it found the platform cannot
    make safe; each is None when the caller does not know it (the quick start reads no answers)."""

    __slots__ = ()

    @property
    def state(self) -> str:
        """ "never" (not checked yet), "due" (a check is due now), "to_fix" (checked, not due, but settings
        are left to fix), "not_possible" (checked, nothing to fix, but some settings cannot be made safe on
        this platform) or "ok" (checked, not due, nothing known to be left). A platform is never "ok" while
        its last check is known to have left something unsafe."""
        if self.last_checked is None:
            return "never"
        if self.due:
            return "due"
        if self.to_fix:
            return "to_fix"
        if self.not_possible:
            return "not_possible"
        return "ok"

    @property
    def checked(self) -> bool:
        """Checked and not due: counts as "checked this term", whatever the check left to fix."""
        return self.state in ("to_fix", "not_possible", "ok")


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


def statuses(
    platforms: Iterable[str],
    *,
    last_checked: Mapping[str, dt.datetime],
    snoozes: Mapping[str, dt.datetime],
    configured_terms: Iterable[dt.date],
    interval_days: int | None,
    now: dt.datetime,
    in_use: Collection[str] | None = None,
    drafts: Collection[str] = (),
    to_fix: Mapping[str, int] | None = None,
    not_possible: Mapping[str, int] | None = None,
) -> dict[str, PlatformStatus]:
    """The due status of each of `platforms` at `now`: the one place every caller gets it from.

    `configured_terms` are the term starts as the school configured them (empty: the built-in English school
    year); they are completed around `now` here. `in_use` defaults to `platforms`; `drafts` are the platforms
    with a check kept for later; `to_fix` and `not_possible` count, for each platform, its last check's answers
    "I need help with this" and "Not possible on this platform", when known (see `unresolved_counts`)."""
    wanted = list(platforms)
    using = set(wanted if in_use is None else in_use)
    terms = schedule_term_starts(list(configured_terms), now.date())
    found: dict[str, PlatformStatus] = {}
    for platform in wanted:
        status = platform_status(
            platform,
            in_use=platform in using,
            last_checked=last_checked.get(platform),
            snoozed_until=snoozes.get(platform),
            term_starts=terms,
            interval_days=interval_days,
            now=now,
        )
        found[platform] = status._replace(
            has_draft=platform in drafts,
            # Counted only for a platform whose last check was read: otherwise not known (None), not zero.
            to_fix=None if to_fix is None else to_fix.get(platform),
            not_possible=None if not_possible is None else not_possible.get(platform),
        )
    return found


def due_now(found: Mapping[str, PlatformStatus]) -> list[str]:
    """The platforms of `found` that are due, in the order given."""
    return [platform for platform, status in found.items() if status.due]


def unresolved_counts(latest: Iterable[CheckResult]) -> tuple[dict[str, int], dict[str, int]]:
    """From each platform's latest check: how many settings are left to fix, and how many are not possible
    on that platform (the `to_fix` and `not_possible` arguments of `statuses`)."""
    to_fix: dict[str, int] = {}
    not_possible: dict[str, int] = {}
    for check in latest:
        to_fix[check.platform] = len(check.needs_attention)
        not_possible[check.platform] = len(check.not_possible)
    return to_fix, not_possible
