"""The built-in English school year and finding the term a day falls in."""

from __future__ import annotations

import datetime as dt

from privacy_audit.core.terms import (
    current_term_start,
    default_term_starts,
    next_term_start,
    schedule_term_starts,
)

D = dt.date


def test_the_default_year_has_spring_summer_and_autumn_starts_on_weekdays():
    starts = default_term_starts(2026, 2027)
    assert starts == sorted(starts)
    assert len(starts) == 6
    assert starts[:3] == [D(2026, 1, 5), D(2026, 4, 20), D(2026, 9, 1)]
    for start in starts:
        assert start.weekday() < 5
    spring, summer, autumn = starts[3:]
    assert spring.month == 1 and 2 <= spring.day <= 8
    assert summer.month == 4 and 14 <= summer.day <= 20
    assert autumn.month == 9 and 1 <= autumn.day <= 3


def test_an_autumn_term_starting_on_a_weekend_moves_to_monday():
    # 1 September 2024 was a Sunday.
    assert D(2024, 9, 2) in default_term_starts(2024, 2024)


def test_the_current_term_is_the_latest_start_on_or_before_today():
    starts = [D(2026, 9, 1), D(2026, 1, 5), D(2026, 4, 20)]  # order does not matter
    assert current_term_start(starts, D(2026, 8, 31)) == D(2026, 4, 20)
    assert current_term_start(starts, D(2026, 9, 1)) == D(2026, 9, 1)
    assert current_term_start(starts, D(2025, 12, 31)) is None
    assert current_term_start([], D(2026, 1, 1)) is None


def test_the_next_term_start_is_strictly_after_today():
    starts = default_term_starts(2026, 2026)
    assert next_term_start(starts, D(2026, 9, 1)) is None
    assert next_term_start(starts, D(2026, 4, 19)) == D(2026, 4, 20)


def test_without_school_dates_the_default_years_around_today_apply():
    starts = schedule_term_starts([], D(2026, 11, 27))
    assert starts == default_term_starts(2025, 2027)


def test_school_dates_are_used_and_the_default_year_continues_after_them():
    school = [D(2026, 9, 3), D(2027, 1, 6), D(2027, 4, 21)]
    starts = schedule_term_starts(school, D(2027, 10, 1))
    assert set(school) <= set(starts)
    # The default starts close to the school's own (the same terms) are not added twice...
    assert D(2026, 9, 1) not in starts and D(2027, 1, 4) not in starts and D(2027, 4, 19) not in starts
    # ...but when the school's list runs out, the default year carries on, so reminders do not stop.
    assert D(2027, 9, 1) in starts
    assert current_term_start(starts, D(2027, 10, 1)) == D(2027, 9, 1)
