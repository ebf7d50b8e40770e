"""When a platform is due: across term boundaries, leap years, a clock set back, snoozes and time zones."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from privacy_audit.core.due import platform_status
from privacy_audit.core.terms import default_term_starts

LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC
TERMS = default_term_starts(2023, 2028)


def at(*parts: int, tz: dt.tzinfo = LONDON) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=tz)


def status(last=None, now=None, *, in_use=True, snoozed=None, interval=None, terms=TERMS):
    return platform_status(
        "facebook",
        in_use=in_use,
        last_checked=last,
        snoozed_until=snoozed,
        term_starts=terms,
        interval_days=interval,
        now=now,
    )


def test_a_platform_never_checked_is_due_now():
    result = status(None, at(2026, 11, 27, 10))
    assert result.due
    assert result.next_due == dt.date(2026, 9, 1)  # due since the start of this term


def test_a_platform_not_in_use_is_never_due():
    result = status(None, at(2026, 11, 27, 10), in_use=False)
    assert not result.due and result.next_due is None


def test_checked_this_term_is_not_due_until_the_next_term_starts():
    result = status(at(2026, 9, 10, 9), at(2026, 11, 27, 10))
    assert not result.due
    assert result.next_due == dt.date(2027, 1, 4)


def test_checked_last_term_becomes_due_on_the_first_day_of_term():
    last = at(2026, 12, 15, 16)
    assert not status(last, at(2027, 1, 3, 23, 59)).due
    on_first_day = status(last, at(2027, 1, 4, 0, 1))
    assert on_first_day.due and on_first_day.next_due == dt.date(2027, 1, 4)


def test_a_check_on_the_first_day_of_term_counts_for_that_term():
    assert not status(at(2027, 1, 4, 8), at(2027, 1, 4, 17)).due


def test_the_interval_makes_a_platform_due_within_a_long_term():
    last = at(2026, 9, 2, 10)
    assert not status(last, at(2026, 10, 1, 10), interval=30).due
    result = status(last, at(2026, 10, 2, 10), interval=30)
    assert result.due and result.next_due == dt.date(2026, 10, 2)
    early = status(last, at(2026, 9, 20, 10), interval=30)
    assert early.next_due == dt.date(2026, 10, 2)  # the interval comes before the next term


def test_leap_day_checks_and_intervals_across_29_february():
    terms = [dt.date(2028, 1, 4), dt.date(2028, 4, 18)]
    last = at(2028, 2, 29, 12)
    result = status(last, at(2028, 3, 1, 9), interval=30, terms=terms)
    assert not result.due and result.next_due == dt.date(2028, 3, 30)
    assert status(last, at(2028, 3, 30, 9), interval=30, terms=terms).due
    assert status(last, at(2028, 4, 18, 9), terms=terms).due


def test_a_last_check_a_few_hours_in_the_future_counts_as_made_now():
    # The laptop clock drifted, or the check was saved in a time zone ahead of this one.
    now = at(2026, 10, 1, 10)
    result = status(at(2026, 10, 1, 20), now, interval=30)
    assert not result.due
    assert result.next_due == dt.date(2026, 10, 31)  # from today


def test_a_last_check_far_in_the_future_does_not_silence_reminders():
    # The clock was a year ahead when the check was saved (or is a year behind now): we cannot tell when
    # the check really happened, so the platform is due again rather than silent until 2027.
    last = at(2027, 10, 1, 10)
    for now in (at(2026, 10, 1, 10), at(2027, 1, 10, 10), at(2027, 5, 1, 10), at(2027, 9, 20, 10)):
        result = status(last, now, interval=30)
        assert result.due, now
        assert result.last_checked == last  # what was recorded is still reported as is


def test_a_snooze_postpones_a_due_platform_until_it_ends():
    now = at(2027, 1, 5, 9)
    snoozed = status(at(2026, 12, 1, 9), now, snoozed=at(2027, 1, 8, 9))
    assert not snoozed.due and snoozed.next_due == dt.date(2027, 1, 8)
    assert snoozed.snoozed_until == at(2027, 1, 8, 9)
    after = status(at(2026, 12, 1, 9), at(2027, 1, 8, 9, 1), snoozed=at(2027, 1, 8, 9))
    assert after.due and after.snoozed_until is None


def test_a_snooze_reaching_past_the_next_due_day_moves_it():
    result = status(at(2026, 12, 1, 9), at(2026, 12, 20, 9), snoozed=at(2027, 1, 10, 9))
    assert not result.due and result.next_due == dt.date(2027, 1, 10)


def test_days_are_counted_in_the_persons_time_zone():
    # 23:30 UTC on 3 January is 00:30 on 4 January in Berlin: the first day of the spring term there.
    last = dt.datetime(2027, 1, 3, 23, 30, tzinfo=UTC)
    assert not status(last, at(2027, 1, 4, 12, tz=ZoneInfo("Europe/Berlin"))).due
    assert status(last, at(2027, 1, 4, 12, tz=ZoneInfo("America/New_York"))).due


def test_british_summer_time_does_not_move_the_first_day_of_term():
    # 23:30 UTC on 31 August is 00:30 BST on 1 September in London.
    last = dt.datetime(2026, 8, 31, 23, 30, tzinfo=UTC)
    assert not status(last, at(2026, 9, 2, 10)).due


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        status(dt.datetime(2026, 1, 1), at(2026, 2, 1))


def test_before_any_known_term_a_checked_platform_is_not_due():
    result = status(at(2020, 1, 10), at(2020, 2, 1), terms=[dt.date(2026, 9, 1)])
    assert not result.due and result.next_due == dt.date(2026, 9, 1)


def test_a_checked_platform_with_something_left_is_never_ok():
    from privacy_audit.core.audit import Answer, CheckResult, ItemAnswer
    from privacy_audit.core.due import statuses, unresolved_counts

    now = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)
    ids = ("a", "b", "c")

    def check(platform, *answers):
        return CheckResult(
            platform, "1:x", ids, now, now, tuple(ItemAnswer(i, a) for i, a in zip(ids, answers))
        )

    latest = [
        check("general", Answer.ATTENTION, Answer.NOT_POSSIBLE, Answer.OK),
        check("facebook", Answer.NOT_POSSIBLE, Answer.OK, Answer.NOT_APPLICABLE),
        check("x", Answer.OK, Answer.CHANGED, Answer.NOT_APPLICABLE),
    ]
    to_fix, not_possible = unresolved_counts(latest)
    assert to_fix == {"general": 1, "facebook": 0, "x": 0}
    assert not_possible == {"general": 1, "facebook": 1, "x": 0}
    found = statuses(
        ["general", "facebook", "x", "tiktok"],
        last_checked={"general": now, "facebook": now, "x": now},
        snoozes={},
        configured_terms=[],
        interval_days=None,
        now=now,
        to_fix=to_fix,
        not_possible=not_possible,
    )
    assert {p: s.state for p, s in found.items()} == {
        "general": "to_fix",
        "facebook": "not_possible",
        "x": "ok",
        "tiktok": "never",
    }
    assert all(found[p].checked for p in ("general", "facebook", "x")) and not found["tiktok"].checked


def test_without_the_answers_the_counts_are_unknown_not_zero():
    from privacy_audit.core.due import statuses

    now = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)
    found = statuses(
        ["x"], last_checked={"x": now}, snoozes={}, configured_terms=[], interval_days=None, now=now
    )
    assert found["x"].to_fix is None and found["x"].not_possible is None
