"""The demo's sample history: a record that makes the dashboard look like a real term's.

Written through the Record API only, so it is exactly what the app itself would have saved: four platforms
in use, one checked this term (up to date), two last checked before this term began (due, one of them with
an item that needed attention), and one never checked. The dates are worked out from today and the
school's terms, so the mix is the same whatever day the demo is run. Qt-free.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer, checklist_version
from privacy_audit.core.catalogue import Catalogue
from privacy_audit.core.clock import utc_now
from privacy_audit.core.settings import FIRST_RUN_DONE, START_AT_LOGIN, URL_PARAMETERS
from privacy_audit.core.terms import current_term_start, schedule_term_starts
from privacy_audit.demo.pages import USERNAME

UP_TO_DATE = "instagram"
DUE = ("general", "facebook")
NEVER_CHECKED = "x"
# The past check of this platform has this item marked "I need help with this".
ATTENTION = ("facebook", "friend-requests")


# What the demo's person "typed" for addresses with parameters (their user name, a Mastodon server).
PARAMETER_VALUES = {"username": USERNAME, "hostname": "social.example.org"}


def sample_platforms(catalogue: Catalogue) -> list[str]:
    wanted = [*DUE, UP_TO_DATE, NEVER_CHECKED]
    return [p for p in wanted if p in catalogue.checklists]


def sample_settings(catalogue: Catalogue) -> dict[str, Any]:
    parameters = {
        checklist.platform: {p.name: PARAMETER_VALUES[p.kind] for p in checklist.url_parameters}
        for checklist in catalogue.checklists.values()
        if checklist.url_parameters
    }
    # Start at login stays off: demo mode never touches the desktop's login items.
    return {FIRST_RUN_DONE: True, START_AT_LOGIN: False, URL_PARAMETERS: parameters}


def sample_times(catalogue: Catalogue, now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """(when the up-to-date platform was checked, when the due ones were): this term, and before it."""
    local_now = now.astimezone()
    config = catalogue.school.config
    terms = schedule_term_starts(list(config.term_starts), local_now.date())
    start_day = current_term_start(terms, local_now.date()) or (local_now.date() - dt.timedelta(days=30))
    term_start = dt.datetime.combine(start_day, dt.time(9, 0), tzinfo=local_now.tzinfo)
    # Recent, but after the term began and well within any reminder interval.
    recent_gap = min(dt.timedelta(days=6), (local_now - term_start) / 2)
    if config.reminder_interval_days:
        recent_gap = min(recent_gap, dt.timedelta(days=config.reminder_interval_days) / 2)
    recent = local_now - max(recent_gap, dt.timedelta(minutes=5))
    earlier = term_start - dt.timedelta(days=45)
    return recent.astimezone(dt.UTC), earlier.astimezone(dt.UTC)


def sample_checks(catalogue: Catalogue, now: dt.datetime | None = None) -> list[CheckResult]:
    """The finished checks of the sample history, oldest first."""
    now = now or utc_now()
    recent, earlier = sample_times(catalogue, now)
    results = []
    for platform, finished in [(p, earlier) for p in DUE] + [(UP_TO_DATE, recent)]:
        if platform not in catalogue.checklists:
            continue
        checklist = catalogue.get(platform)
        answers = []
        for number, item in enumerate(checklist.items):
            if (platform, item.id) == ATTENTION:
                answer = ItemAnswer(item.id, Answer.ATTENTION, "A pupil sent a friend request; ask the DSL.")
            elif number % 3 == 1:
                answer = ItemAnswer(item.id, Answer.CHANGED)
            else:
                answer = ItemAnswer(item.id, Answer.OK)
            answers.append(answer)
        results.append(
            CheckResult(
                platform=platform,
                checklist_version=checklist_version(checklist.schema_version, checklist.last_reviewed),
                item_ids=checklist.item_ids,
                started=finished - dt.timedelta(minutes=11),
                finished=finished,
                answers=tuple(answers),
            )
        )
    return sorted(results, key=lambda r: r.finished)


def seed(record: Any, catalogue: Catalogue, now: dt.datetime | None = None) -> list[CheckResult]:
    """Fill a new, empty record (a `privacy_audit.store.Record`) with the sample history."""
    record.set_platforms_in_use(sample_platforms(catalogue))
    for key, value in sample_settings(catalogue).items():
        record.set_setting(key, value)
    return [record.save_check(result) for result in sample_checks(catalogue, now)]
